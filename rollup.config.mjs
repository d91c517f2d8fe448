import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const OUT = 'packages/welfare-elements/dist';

/** Removes the chunks of earlier builds (hashed names pile up); dist/esm is tsc's. */
const cleanChunks = {
  name: 'clean-chunks',
  buildStart() {
    for (const file of readdirSync(OUT, { withFileTypes: true })) {
      if (file.isFile() && /\.js(\.map)?$/.test(file.name)) rmSync(join(OUT, file.name));
    }
  },
};

/**
 * The one-script-tag bundle (CONTRACT §1). TypeScript is compiled first by `tsc -b`
 * (per-package ESM with .d.ts); rollup bundles that output. Leaflet and the
 * opening-hours evaluator are reached through dynamic import(), so they become
 * separate chunks in the same folder, loaded only when an element needs them.
 */
/** Names that say what a lazy chunk holds, for people reading the network panel. */
function chunkName(chunk) {
  const id = (chunk.facadeModuleId ?? chunk.moduleIds.at(-1) ?? '').replaceAll('\\', '/');
  if (id.includes('/packages/map/')) return 'map-leaflet-[hash].js';
  if (id.includes('/hours/')) return 'opening-hours-[hash].js';
  if (id.includes('/minisearch/')) return 'minisearch-[hash].js';
  return '[name]-[hash].js';
}

export default {
  input: 'packages/welfare-elements/dist/esm/index.js',
  output: {
    dir: OUT,
    format: 'es',
    entryFileNames: 'welfare-elements.js',
    chunkFileNames: chunkName,
    sourcemap: true,
  },
  plugins: [
    cleanChunks,
    nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'default'] }),
    terser({ format: { comments: false }, ecma: 2020, module: true }),
  ],
  onwarn(warning, warn) {
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};
