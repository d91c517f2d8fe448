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

/**
 * Leaflet 1.9 defines its classes as `var Polyline = Path.extend({...})`: calls that
 * rollup must keep, so every class ships whether used or not. Marking these
 * definitions pure lets unused ones (GeoJSON, overlays, polylines, WMS...) drop out.
 * Only class definitions are marked: registrations (`Map.addInitHook`, `Map.include`)
 * stay, and keep what they name.
 */
const leafletPureClasses = {
  name: 'leaflet-pure-classes',
  transform(code, id) {
    if (!id.replaceAll('\\', '/').endsWith('leaflet/dist/leaflet-src.esm.js')) return null;
    const out = code
      .replace(/^(var \w+ = )(\w+(?:\.\w+)?\.extend\()/gm, '$1/*#__PURE__*/$2')
      // Two handlers the map does not use: shift-drag box zoom (mouse only; the
      // keyboard and the zoom buttons remain) and iOS long-press "contextmenu".
      .replace(/^Map\.addInitHook\('addHandler', '(boxZoom|tapHold)', \w+\);$/gm, '')
      .replace(/^Map\.(BoxZoom|TapHold) = \w+;$/gm, '');
    return { code: out, map: null };
  },
};

export default {
  input: 'packages/welfare-elements/dist/esm/index.js',
  // Lets the entry also export what the lazy chunks share with it, instead of moving that
  // code to a second chunk that every page would fetch after the entry (a waterfall).
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: OUT,
    format: 'es',
    entryFileNames: 'welfare-elements.js',
    chunkFileNames: chunkName,
    sourcemap: true,
  },
  plugins: [
    cleanChunks,
    leafletPureClasses,
    nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'default'] }),
    terser({ format: { comments: false }, ecma: 2020, module: true, compress: { passes: 2 } }),
  ],
  onwarn(warning, warn) {
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};
