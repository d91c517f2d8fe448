/**
 * The map chunk's private names are shortened (scripts/mangle-private.mjs, issue 14) only
 * while nothing can reach them by their old names: these build small bundles with the
 * plugin and check that each unsafe case stops the build, and that Leaflet itself, trimmed
 * as rollup.config.mjs trims it, passes with the reviewed exceptions and not without them.
 * Run alone with
 *   node --test scripts/test/mangle-private.test.mjs
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { rollup } from 'rollup';
import config, { MAP_PRIVATE } from '../../rollup.config.mjs';
import { manglePrivate } from '../mangle-private.mjs';

/**
 * Builds an entry that imports `map` lazily (the map-leaflet chunk) and returns the output
 * files by name; rejects when the plugin stops the build.
 */
async function build({ entry, map, allowed, reserved }) {
  const sources = { entry: `${entry}\nexport const load = () => import('map');`, map };
  const bundle = await rollup({
    input: 'entry',
    plugins: [
      { name: 'sources', resolveId: (id) => (id in sources ? id : null), load: (id) => sources[id] ?? null },
      manglePrivate({ chunk: /^map-leaflet-/, allowed, reserved }),
    ],
  });
  const { output } = await bundle.generate({ format: 'es', chunkFileNames: 'map-leaflet-[hash].js' });
  return Object.fromEntries(output.map((o) => [o.fileName.startsWith('map-leaflet-') ? 'map' : 'entry', o.code]));
}

const MAP = 'export class Layer { constructor() { this._zoom = 1; } _update() { return this._zoom; } }';

it('renames the map chunk\'s private names, and leaves the other chunks alone', async () => {
  const out = await build({ entry: 'export const zoom = (o) => o.zoom;', map: MAP });
  assert.doesNotMatch(out.map, /_zoom|_update/);
  assert.match(out.map, /export\{\w+ as Layer\}/);
  assert.match(out.entry, /o\.zoom/);
});

it('stops the build when another chunk uses a renamed name', async () => {
  await assert.rejects(build({ entry: 'export const zoom = (o) => o._zoom;', map: MAP }), /entry\.js uses _zoom/);
  // Reserved, the name is kept and the build goes on.
  const out = await build({ entry: 'export const zoom = (o) => o._zoom;', map: MAP, reserved: ['_zoom'] });
  assert.match(out.map, /this\._zoom/);
});

it('stops the build when a string of the chunk names or begins a renamed name', async () => {
  for (const reach of ["'_zoom' in this", "this['_' + 'update']()", 'this[`_zo${"om"}`]']) {
    const map = MAP.replace('return this._zoom;', `return this._zoom + (${reach});`);
    await assert.rejects(build({ entry: '', map }), /renaming private properties is unsafe/, reach);
  }
});

it('stops the build when a reviewed string occurs more or fewer times than reviewed', async () => {
  const map = MAP.replace('return this._zoom;', "return this._zoom + '_';");
  await build({ entry: '', map, allowed: new Map([['_', 1]]) });
  await assert.rejects(build({ entry: '', map, allowed: new Map([['_', 2]]) }), /occurs 1 times, 2 reviewed/);
});

it('never renames lit\'s `_$` names and `_` method, `__` names or a CSS custom property', async () => {
  const map = "export class Part { constructor() { this._$committedValue = 1; this.__super__ = 2; this.style = 'var(--_zoom)'; this._zoom = 3; } _(t) { return t; } }";
  const out = await build({ entry: "export const css = 'color: var(--_zoom)';", map });
  assert.match(out.map, /this\._\$committedValue=1|this\._\$committedValue = 1/);
  assert.match(out.map, /__super__/);
  assert.match(out.map, /\b_\(t\)/);
  assert.match(out.map, /var\(--_zoom\)/);
  assert.doesNotMatch(out.map, /this\._zoom/);
});

it('the map chunk (our map code and Leaflet, trimmed as the build trims it) passes with the reviewed exceptions only', async () => {
  // The citizens' build's own plugins that shape the chunk's code, on the map layer's entry.
  const names = ['leaflet-trim', 'leaflet-trim-citizens', 'english-in-one-chunk', 'node-resolve'];
  const shaping = config[0].plugins.filter((p) => names.includes(p?.name));
  assert.equal(shaping.length, names.length);
  const chunk = async (options) => {
    const bundle = await rollup({ input: 'packages/map/dist/engine.js', plugins: [...shaping, manglePrivate(options)], onwarn: () => {} });
    const { output } = await bundle.generate({ format: 'es', chunkFileNames: config[0].output.chunkFileNames });
    return output.filter((o) => o.fileName.startsWith('map-leaflet-')).map((o) => o.code).join('\n');
  };
  const code = await chunk(MAP_PRIVATE);
  assert.doesNotMatch(code, /\._latLngToNewLayerPoint\b|\._map\b/, 'Leaflet\'s private names are renamed');
  // Its expando keys are written as strings ('_welfare_map_id' in obj): they keep their names.
  assert.match(code, /(["'])_welfare_map_id\1\s*in\b/);
  await assert.rejects(chunk({ ...MAP_PRIVATE, allowed: new Map() }), /the string "_" names or begins/);
});
