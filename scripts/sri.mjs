/**
 * Prints, after the build, the Subresource Integrity hash (sha384) of each file a page
 * loads from packages/welfare-elements/dist, with the versioned CDN address and the
 * <script> tag to paste:
 *
 *   <script type="module"
 *     src="https://cdn.jsdelivr.net/npm/welfare-elements@0.1.0/dist/welfare-elements.js"
 *     integrity="sha384-…" crossorigin="anonymous"></script>
 *
 * The browser refuses a file whose hash differs, so a changed or tampered copy on the CDN
 * never runs. The hash changes with every build: take it from the build of the released
 * version. `--json` prints the list as JSON. (The lazy chunks are loaded by the bundle
 * itself, with content-hashed names, from the same versioned folder.)
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkgDir = join(root, 'packages/welfare-elements');
const { name, version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const ENTRY = 'dist/welfare-elements.js';

/** Every .js and .css file under dist/ but the per-package ESM build (dist/esm). */
function files(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const path = join(dir, f);
      if (statSync(path).isDirectory()) return f === 'esm' ? [] : files(path);
      return /\.(js|css)$/.test(f) ? [path] : [];
    });
}

export function integrityOf(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

const rows = files(join(pkgDir, 'dist')).map((path) => {
  const file = relative(pkgDir, path).replaceAll('\\', '/');
  return { file, url: `https://cdn.jsdelivr.net/npm/${name}@${version}/${file}`, integrity: integrityOf(readFileSync(path)) };
});

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  console.log(`\nSubresource Integrity (sha384) of ${name}@${version}:`);
  for (const r of rows) console.log(`  ${r.file}  ${r.integrity}`);
  const entry = rows.find((r) => r.file === ENTRY);
  if (entry) {
    console.log('\nThe tag to paste:');
    console.log(`<script type="module" src="${entry.url}"\n  integrity="${entry.integrity}" crossorigin="anonymous"></script>\n`);
  }
}
