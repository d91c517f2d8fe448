/**
 * What each npm package would ship (`npm pack --dry-run`): what a user of the package needs
 * (the files its package.json points to, its manifest, its licence) and nothing of the
 * workshop (tests, tsconfig files, TypeScript build info, node_modules). Needs the build
 * (`npm run build`), as publishing would. Run alone with
 *   node --test scripts/test/pack.test.mjs
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const licence = readFileSync(join(root, 'LICENSE'), 'utf8');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const packed = JSON.parse(
  execFileSync(npm, ['pack', '--dry-run', '--json', '--workspaces', '--loglevel=error'], { cwd: root, encoding: 'utf8' }),
);

/** Every path a package.json points a user to: main, module, types, bin, exports (but source-only conditions). */
function promised(pkg) {
  const paths = [pkg.main, pkg.module, pkg.types, pkg.customElements];
  if (typeof pkg.bin === 'string') paths.push(pkg.bin);
  else if (pkg.bin) paths.push(...Object.values(pkg.bin));
  const walk = (value, condition) => {
    if (typeof value === 'string') {
      if (condition !== 'welfare-source') paths.push(value);
    } else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(pkg.exports);
  return [...new Set(paths.filter(Boolean).map((p) => p.replace(/^\.\//, '')))].filter((p) => !p.includes('*'));
}

const WORKSHOP = [/(^|\/)tests?\//, /\.test\.[cm]?[jt]s$/, /(^|\/)tsconfig[^/]*\.json$/, /\.tsbuildinfo$/, /(^|\/)node_modules\//, /(^|\/)\.[^/]+$/];

describe('npm pack --dry-run', () => {
  it('packs every workspace', () => {
    assert.equal(packed.length, workspaces.length);
  });

  for (const dir of workspaces) {
    const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    describe(pkg.name, () => {
      const entry = () => packed.find((p) => p.name === pkg.name);
      const files = () => entry().files.map((f) => f.path);

      it('ships every file its package.json points to', () => {
        const missing = promised(pkg).filter((p) => !files().includes(p));
        assert.deepEqual(missing, [], `${pkg.name} promises files it does not ship`);
      });

      it('ships its licence (EUPL-1.2, full text) and nothing of the workshop', () => {
        assert.equal(pkg.license, 'EUPL-1.2');
        assert.ok(files().includes('LICENSE'), 'LICENSE is in the package');
        assert.equal(readFileSync(join(root, dir, 'LICENSE'), 'utf8'), licence, `${dir}/LICENSE is a copy of the root LICENSE`);
        const extra = files().filter((f) => WORKSHOP.some((re) => re.test(f)));
        assert.deepEqual(extra, [], `${pkg.name} would ship files only the repository needs`);
      });
    });
  }

  it('the bundle package ships the one-script-tag bundle and its manifest', () => {
    const files = packed.find((p) => p.name === 'welfare-elements').files.map((f) => f.path);
    for (const f of ['dist/welfare-elements.js', 'custom-elements.json', 'package.json']) assert.ok(files.includes(f), f);
    // Lazy chunks the bundle imports travel with it (same folder on the CDN).
    const bundle = readFileSync(join(root, 'packages/welfare-elements/dist/welfare-elements.js'), 'utf8');
    const chunks = [...bundle.matchAll(/["'`]\.\/([\w.-]+\.js)["'`]/g)].map((m) => `dist/${m[1]}`);
    assert.deepEqual(chunks.filter((c) => !files.includes(c)), [], 'every chunk the bundle imports is shipped');
  });
});
