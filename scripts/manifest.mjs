/**
 * Custom Elements Manifests (https://github.com/webcomponents/custom-elements-manifest),
 * generated from the JSDoc of each element class (@summary, @fires, @csspart, @cssprop)
 * and its lit `@property` declarations:
 *
 * - packages/<pkg>/custom-elements.json for every element package (a package.json with
 *   a "customElements" field): list, search, categories, map, access-points, notices;
 * - packages/welfare-elements/custom-elements.json for the bundle: every element, as
 *   defined by dist/welfare-elements.js.
 *
 * Usage: `node scripts/manifest.mjs` writes them; `--check` writes nothing and exits 1
 * when one is missing or stale. `npm run docs:api` runs this and the API tables.
 */
import { create, ts } from '@custom-elements-manifest/analyzer/index.js';
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import config from '../custom-elements-manifest.config.mjs';

const BUNDLE = 'welfare-elements';

function tsFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return tsFiles(path);
      return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path.replaceAll('\\', '/')] : [];
    });
}

/** Element packages: a "customElements" field in package.json; the bundle last. */
export function elementPackages() {
  return readdirSync('packages')
    .sort()
    .filter((dir) => {
      const file = join('packages', dir, 'package.json');
      return existsSync(file) && JSON.parse(readFileSync(file, 'utf8')).customElements && dir !== BUNDLE;
    });
}

/** Rewrites repo paths to the package's published layout (src/x.ts → dist/x.js). */
function relink(value, dir) {
  if (Array.isArray(value)) return value.map((v) => relink(v, dir));
  if (!value || typeof value !== 'object') return value;
  const out = {};
  for (const [key, v] of Object.entries(value)) out[key] = relink(v, dir);
  if (typeof out.module === 'string') {
    const m = out.module.replace(/^\//, '').match(/^packages\/([^/]+)\/src\/(.*)\.[jt]s$/);
    if (m && m[1] === dir) out.module = `dist/${m[2]}.js`;
    else if (m) {
      delete out.module;
      out.package = packageName(m[1]);
    }
  }
  return out;
}

const names = new Map();
function packageName(dir) {
  if (!names.has(dir)) names.set(dir, JSON.parse(readFileSync(join('packages', dir, 'package.json'), 'utf8')).name);
  return names.get(dir);
}

/** The manifest of one element package, as a string (stable: sorted input, fixed order). */
export function manifestFor(dir) {
  const own = tsFiles(join('packages', dir, 'src'));
  // Core is analysed too, so inherited attributes (src, group, ...) reach each element.
  const core = dir === 'core' ? [] : tsFiles('packages/core/src');
  const modules = [...own, ...core].map((file) =>
    ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true),
  );
  const plugins = [...(config.litelement ? litPlugin() : []), ...(config.plugins ?? [])];
  const manifest = create({ modules, plugins, context: { dev: false } });
  manifest.modules = manifest.modules.filter((m) => own.includes(m.path.replace(/^\//, '')));
  // Relative re-exports ("./welfare-list.js") become package paths like the rest.
  for (const m of manifest.modules) {
    for (const e of m.exports ?? []) {
      const target = e.declaration?.module;
      if (typeof target === 'string' && target.startsWith('.')) {
        e.declaration.module = new URL(target, `file:///${m.path.replace(/^\//, '')}`).pathname.slice(1);
      }
    }
  }
  const result = relink(manifest, dir);
  for (const m of result.modules) m.path = m.path.replace(/^\/?packages\/[^/]+\/src\/(.*)\.ts$/, 'dist/$1.js');
  // An export that names a module not declaring it (import then re-export) points to
  // the module of the package that does declare it.
  const declaredIn = new Map();
  for (const m of result.modules) for (const d of m.declarations ?? []) declaredIn.set(d.name, m.path);
  for (const m of result.modules) {
    for (const e of m.exports ?? []) {
      const d = e.declaration;
      if (!d?.module || !declaredIn.has(d.name)) continue;
      const target = result.modules.find((x) => x.path === d.module);
      if (!target?.declarations?.some((x) => x.name === d.name)) d.module = declaredIn.get(d.name);
    }
  }
  return `${JSON.stringify(result, null, 2)}\n`;
}

/** The bundle's manifest: every element, defined (by tag) by dist/welfare-elements.js. */
export function bundleManifest(manifests) {
  const path = 'dist/welfare-elements.js';
  const declarations = [];
  const exports = [];
  for (const [dir, text] of manifests) {
    const pkg = packageName(dir);
    for (const mod of JSON.parse(text).modules) {
      for (const decl of mod.declarations ?? []) {
        if (decl.kind !== 'class' || !decl.customElement || !decl.tagName) continue;
        // Inherited members that pointed into this package now point to it by name.
        declarations.push(
          JSON.parse(JSON.stringify(decl), (key, value) =>
            value && typeof value === 'object' && typeof value.module === 'string' && !Array.isArray(value)
              ? (({ module: _m, ...rest }) => ({ ...rest, package: pkg }))(value)
              : value,
          ),
        );
        // Only the tag: the classes are not exports of the bundle (map, access points and
        // notices are chunks it loads by tag); each is exported by its own package.
        exports.push({ kind: 'custom-element-definition', name: decl.tagName, declaration: { name: decl.name, module: path } });
      }
    }
  }
  const manifest = {
    schemaVersion: '1.0.0',
    readme: '',
    modules: [{ kind: 'javascript-module', path, declarations, exports }],
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** All manifests: [file, expected text]. */
export function allManifests() {
  const perPackage = elementPackages().map((dir) => [dir, manifestFor(dir)]);
  const files = perPackage.map(([dir, text]) => [join('packages', dir, 'custom-elements.json'), text]);
  if (existsSync(join('packages', BUNDLE, 'package.json'))) {
    files.push([join('packages', BUNDLE, 'custom-elements.json'), bundleManifest(perPackage)]);
  }
  return files;
}

/** Writes (or, with check, compares) every manifest. Returns [{file, stale}]. */
export function syncManifests({ check = false } = {}) {
  return allManifests().map(([file, text]) => {
    const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    const stale = current !== text;
    if (stale && !check) writeFileSync(file, text);
    return { file, stale, text };
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const check = process.argv.includes('--check');
  let failed = 0;
  for (const { file, stale } of syncManifests({ check })) {
    if (check && stale) failed++;
    console.log(`${check ? (stale ? 'stale' : 'ok   ') : stale ? 'wrote' : 'same '} ${file}`);
  }
  if (failed) console.error(`${failed} manifest(s) stale: run \`npm run docs:api\`.`);
  process.exit(failed ? 1 : 0);
}
