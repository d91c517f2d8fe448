import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

/**
 * The one-script-tag bundle (CONTRACT §1). TypeScript is compiled first by `tsc -b`
 * (per-package ESM with .d.ts); rollup bundles that output. Leaflet and the
 * opening-hours evaluator are reached through dynamic import(), so they become
 * separate chunks in the same folder, loaded only when an element needs them.
 */
export default {
  input: 'packages/welfare-elements/dist/esm/index.js',
  output: {
    dir: 'packages/welfare-elements/dist',
    format: 'es',
    entryFileNames: 'welfare-elements.js',
    chunkFileNames: '[name]-[hash].js',
    sourcemap: true,
  },
  plugins: [
    nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'default'] }),
    terser({ format: { comments: false }, ecma: 2020, module: true }),
  ],
  onwarn(warning, warn) {
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};
