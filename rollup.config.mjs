import { nodeResolve } from '@rollup/plugin-node-resolve';
import minifyHTMLLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import terser from '@rollup/plugin-terser';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { manglePrivate } from './scripts/mangle-private.mjs';

const OUT = 'packages/welfare-elements/dist';

/**
 * dist/ is the folder webmasters copy: only what a page loads (the entry, its chunks, their
 * source maps and welfare-elements.css). tsc writes the package's ESM to lib/, which rollup
 * reads. Chunks of earlier builds (hashed names pile up) are removed first.
 */
const cleanChunks = {
  name: 'clean-chunks',
  buildStart() {
    mkdirSync(OUT, { recursive: true });
    for (const file of readdirSync(OUT, { withFileTypes: true })) {
      if (file.isFile() && /\.js(\.map)?$/.test(file.name)) rmSync(join(OUT, file.name));
      // tsc's output lived in dist/esm before it moved to lib/.
      if (file.isDirectory() && file.name === 'esm') rmSync(join(OUT, file.name), { recursive: true });
    }
  },
};

/** The optional stylesheet that keeps the elements' place before the script runs (issue 11). */
const CSS = 'packages/welfare-elements/src/welfare-elements.css';
const emitCss = {
  name: 'emit-css',
  buildStart() {
    this.addWatchFile(CSS);
  },
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'welfare-elements.css', source: readFileSync(CSS, 'utf8') });
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
  // Each element's own chunk (welfare-elements.js loads it when the page has the tag).
  const element = /\/packages\/(search|categories|list|map|access-points|notices)\/dist\/index\.js$/.exec(id);
  if (element) return `welfare-${element[1]}-[hash].js`;
  // A service's small map (place-map-view.ts), fetched by the engine when a view opens.
  if (id.endsWith('/packages/map/dist/place-map-view.js')) return 'place-map-[hash].js';
  if (id.includes('/packages/map/')) return 'map-leaflet-[hash].js';
  if (id.includes('/packages/notices/')) return 'notices-board-[hash].js';
  if (id.includes('/packages/mutual-aid/')) return id.endsWith('/board.js') ? 'mutual-aid-board-[hash].js' : 'mutual-aid-[hash].js';
  if (id.includes('/core/dist/notices/')) return 'notices-[hash].js';
  // The full library (opening_hours, ~110 KB) only for strings the small evaluator cannot read.
  if (id.includes('/opening_hours/') || id.endsWith('/core/dist/hours/engine.js')) return 'opening-hours-library-[hash].js';
  // The reader of hours strings, only for a feed without compiled hours (hours/index.ts).
  if (id.endsWith('/core/dist/hours/rules.js')) return 'opening-hours-reader-[hash].js';
  if (id.includes('/core/dist/hours/')) return 'opening-hours-[hash].js';
  if (id.includes('/minisearch/') || id.includes('/search/engine.js')) return 'search-engine-[hash].js';
  if (id.endsWith('/feed/stream.js')) return 'feed-stream-[hash].js';
  if (id.endsWith('/welfare-elements/lib/english.js')) return 'english-[hash].js';
  if (id.endsWith('/search/dist/suggestions.js')) return 'search-suggestions-[hash].js';
  // "Vicino a me", shared by the map and the access points (core/geo/locate.ts).
  if (id.includes('/core/dist/geo/locate')) return 'near-me-[hash].js';
  return '[name]-[hash].js';
}

/**
 * Removes the top-level statement that starts at each match of `start` (a multi-line
 * `X.include({...});` or `if (...) {...}` block ends at the first line that closes it at
 * column 0; Leaflet's file has CRLF line ends). Throws when a pattern is missing, so a Leaflet upgrade that moves code
 * fails the build instead of silently shipping it again.
 */
function dropStatements(code, starts) {
  for (const start of starts) {
    const match = start.exec(code);
    if (!match) throw new Error(`leaflet-trim: ${start} not found; recheck the Leaflet trim`);
    const from = match.index;
    const multiLine = /[{(]\s*$/.test(match[0].split('\n')[0]);
    const to = multiLine ? code.indexOf('\n}', from) : code.indexOf('\n', from);
    const end = multiLine ? code.indexOf('\n', to + 2) : to;
    code = code.slice(0, from) + code.slice(end + 1);
  }
  return code;
}

/**
 * Leaflet 1.9 defines its classes as `var Polyline = Path.extend({...})`: calls that
 * rollup must keep, so every class ships whether used or not. Marking these
 * definitions pure lets unused ones (GeoJSON, overlays, polylines, WMS...) drop out.
 * Registrations that would keep unused code alive are removed; each is named below, and
 * none is reached by the map (packages/map/src uses markers, popups, a tile
 * layer, the zoom and attribution controls).
 */
function replaceOnce(code, pattern, replacement) {
  if (!pattern.test(code)) throw new Error(`leaflet-trim: ${pattern} not found; recheck the Leaflet trim`);
  return code.replace(pattern, replacement);
}

/**
 * Trusted Types (`require-trusted-types-for 'script'`) reject every string written to
 * innerHTML, and a host page's policy would stop the map before it draws. Leaflet's HTML
 * strings are replaced by DOM: the SVG and VML probes (every browser that runs the
 * bundle has inline SVG, none has VML), the zoom buttons' and the popup's close button's
 * signs (the same `<span aria-hidden="true">` as before, made with createElement), and
 * string contents of popups and div icons become text (the map passes elements; feed
 * text is never markup). `sinkCheck` fails the build if a string sink is left.
 */
function withoutHtmlSinks(code) {
  const steps = [
    [/var inlineSvg = !!svg\$1 && \(function \(\) \{[\s\S]*?\n\}\)\(\);/, 'var inlineSvg = !!svg$1;'],
    [/var vml = !svg\$1 && \(function \(\) \{[\s\S]*?\n\}\(\)\);/, 'var vml = false;'],
    [/zoomInText: '<span aria-hidden="true">\+<\/span>'/, "zoomInText: '+'"],
    [/zoomOutText: '<span aria-hidden="true">&#x2212;<\/span>'/, "zoomOutText: '\\u2212'"],
    [
      /\tlink\.innerHTML = html;/,
      "\tvar sign = link.appendChild(document.createElement('span'));\n\tsign.setAttribute('aria-hidden', 'true');\n\tsign.textContent = html;",
    ],
    [
      /closeButton\.innerHTML = '<span aria-hidden="true">&#215;<\/span>';/,
      "var closeSign = closeButton.appendChild(document.createElement('span'));\n\t\t\tcloseSign.setAttribute('aria-hidden', 'true');\n\t\t\tcloseSign.textContent = '\\u00d7';",
    ],
    [/node\.innerHTML = content;/, 'node.textContent = content;'],
    [/div\.innerHTML = options\.html !== false \? options\.html : '';/, "div.textContent = options.html !== false ? options.html : '';"],
  ];
  for (const [pattern, replacement] of steps) code = replaceOnce(code, pattern, replacement);
  return code;
}

/**
 * Leaflet marks objects with expando keys (`_leaflet_id` from a page-wide counter,
 * `_leaflet_events` on window and document for its listeners). A host page's own Leaflet
 * uses the same keys with its own counter, so the two copies overwrote each other's
 * window resize handlers (issue 13). Ours get their own names.
 */
function ownExpandoKeys(code) {
  if (!code.includes("'_leaflet_events'")) throw new Error('leaflet-trim: _leaflet_events not found; recheck the Leaflet trim');
  return code.replaceAll('_leaflet_', '_welfare_map_');
}

/** Fails the build when the map chunk still writes strings as HTML (Trusted Types). */
const sinkCheck = {
  name: 'sink-check',
  renderChunk(code, chunk) {
    if (!chunk.fileName.startsWith('map-leaflet-')) return null;
    const sink = /\.(?:innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|parseFromString|createContextualFragment/.exec(code);
    if (sink) this.error(`${chunk.fileName} writes HTML from a string (${sink[0]}): Trusted Types pages would block the map`);
    return null;
  },
};

const leafletTrim = {
  name: 'leaflet-trim',
  transform(code, id) {
    if (!id.replaceAll('\\', '/').endsWith('leaflet/dist/leaflet-src.esm.js')) return null;
    let out = code.replace(/^(var \w+ = )(\w+(?:\.\w+)?\.extend\()/gm, '$1/*#__PURE__*/$2');
    out = dropStatements(out, [
      // Shift-drag box zoom (mouse only; keyboard and zoom buttons remain) and the iOS
      // long-press "contextmenu".
      /^Map\.addInitHook\('addHandler', 'boxZoom', \w+\);$/m,
      /^Map\.addInitHook\('addHandler', 'tapHold', \w+\);$/m,
      /^Map\.BoxZoom = \w+;$/m,
      /^Map\.TapHold = \w+;$/m,
      // Controls and CRS the map never builds.
      /^Control\.Layers = \w+;$/m,
      /^Control\.Scale = \w+;$/m,
      /^control\.layers = \w+;$/m,
      /^control\.scale = \w+;$/m,
      /^CRS\.Simple = \w+;$/m,
      /^TileLayer\.WMS = \w+;$/m,
      /^tileLayer\.wms = \w+;$/m,
      // GeoJSON export (toGeoJSON on every layer kind) and the GeoJSON statics.
      /^Polyline\._flat = \w+;$/m,
      /^Marker\.include\(PointToGeoJSON\);$/m,
      /^Circle\.include\(PointToGeoJSON\);$/m,
      /^CircleMarker\.include\(PointToGeoJSON\);$/m,
      /^Polyline\.include\(\{$/m,
      /^Polygon\.include\(\{$/m,
      /^LayerGroup\.include\(\{\r?\n\ttoMultiPoint/m,
      ...['geometryToLayer', 'coordsToLatLng', 'coordsToLatLngs', 'latLngToCoords',
        'latLngsToCoords', 'getFeature', 'asFeature'].map((name) => new RegExp(`^GeoJSON\\.${name} = \\w+;$`, 'm')),
      // Tooltips (the map's names live in aria-labels and popups).
      /^Map\.include\(\{\r?\n(?:\t\/\/.*\r?\n|\r?\n)*\topenTooltip/m,
      /^Layer\.include\(\{\r?\n(?:\t\/\/.*\r?\n|\r?\n)*\tbindTooltip/m,
      // VML, for Internet Explorer 8.
      /^if \(Browser\.vml\) \{$/m,
      // The attribution control writes its credits as HTML; the map builds its own credit
      // line as DOM (engine.ts) with `attributionControl: false`.
      /^Map\.addInitHook\(function \(\) \{\r?\n\tif \(this\.options\.attributionControl\)/m,
      /^Control\.Attribution = \w+;$/m,
      /^control\.attribution = \w+;$/m,
    ]);
    out = withoutHtmlSinks(out);
    out = ownExpandoKeys(out);
    // Vectors, if ever drawn, with SVG: the canvas renderer is never asked for (the citizens' map
    // draws none: leafletTrimCitizens drops the renderers).
    const canvasChoice = '(this.options.preferCanvas && canvas(options)) || ';
    if (!out.includes(canvasChoice)) throw new Error('leaflet-trim: renderer choice not found');
    out = out.replace(canvasChoice, '');
    return { code: out, map: null };
  },
};

/**
 * Removes one-tab-indented methods (`\tname: function (...) {` to its closing `\t}`) from
 * Leaflet's class literals: terser cannot drop an unused property of an object, so a
 * method nobody calls ships with its class. Each name must occur exactly once, or the
 * build fails (a Leaflet upgrade that renames or duplicates one is rechecked by hand).
 */
function dropMethods(code, names) {
  for (const qualified of names) {
    // `Class.method` looks only inside `var Class = X.extend({ ... });`, for a name that
    // several classes define (Icon's createIcon, which DivIcon overrides).
    const [owner, name] = qualified.includes('.') ? qualified.split('.') : [undefined, qualified];
    let scope = [0, code.length];
    if (owner) {
      const start = new RegExp(`^(?:var ${owner} = (?:/\\*#__PURE__\\*/)?\\w+\\.extend\\(|${owner}\\.prototype = )\\{`, 'm').exec(code);
      if (!start) throw new Error(`leaflet-trim: class ${owner} not found; recheck the Leaflet trim`);
      const ends = ['\n});', '\n};'].map((close) => code.indexOf(close, start.index)).filter((i) => i >= 0);
      scope = [start.index, Math.min(...ends)];
    }
    const re = new RegExp(`^\\t${name}: function \\([^)]*\\) \\{`, 'gm');
    const found = [...code.slice(0, scope[1]).matchAll(re)].filter((m) => m.index >= scope[0]);
    if (found.length !== 1) throw new Error(`leaflet-trim: method ${qualified} found ${found.length} times; recheck the Leaflet trim`);
    const from = found[0].index;
    const close = code.indexOf('\n\t}', from);
    const end = code.indexOf('\n', close + 3);
    code = code.slice(0, from) + code.slice(end + 1);
  }
  return code;
}

/**
 * Bounds the view may not leave (`maxBounds`, `maxBoundsViscosity`) and the jump back to
 * the first copy of the world (`worldCopyJump`): Map options the citizens' map never sets
 * (engine.ts, place-map-view.ts; `mapOptionsCheck` fails the build if one appears), read by
 * the map's setView and remove, by dragging (with inertia) and by the arrow keys. Without
 * them each of those does what it did with the options unset: `_limitCenter` and
 * `_limitOffset` returned their argument, the drag limit and wrap were not listened to.
 */
const UNSET_MAP_OPTIONS = /\b(?:maxBounds|maxBoundsViscosity|worldCopyJump|setMaxBounds|panInsideBounds|getTile|getTileRaw)\b/;
function withoutViewLimits(code) {
  const steps = [
    [/\r?\n\t\tif \(options\.maxBounds\) \{\r?\n\t\t\tthis\.setMaxBounds\(options\.maxBounds\);\r?\n\t\t\}\r?\n/, '\n'],
    [/center = this\._limitCenter\(toLatLng\(center\), zoom, this\.options\.maxBounds\);/, 'center = toLatLng(center);'],
    [/\t\tif \(this\.options\.maxBounds\) \{ this\.off\('moveend', this\._panInsideMaxBounds\); \}\r?\n/, ''],
    [/\t\t\tthis\._draggable\.on\('predrag', this\._onPreDragLimit, this\);\r?\n\t\t\tif \(map\.options\.worldCopyJump\) \{[\s\S]*?\r?\n\t\t\t\}\r?\n/, ''],
    [/\t\tif \(this\._map\.options\.maxBounds && this\._map\.options\.maxBoundsViscosity\) \{[\s\S]*?\t\t\} else \{\r?\n\t\t\tthis\._offsetLimit = null;\r?\n\t\t\}\r?\n/, ''],
    [/\t\t\t\toffset = map\._limitOffset\(offset, map\.options\.maxBounds\);\r?\n/, ''],
    [/\t\t\t\tif \(map\.options\.maxBounds\) \{[\s\S]*?\t\t\t\t\} else \{\r?\n\t\t\t\t\tmap\.panBy\(offset\);\r?\n\t\t\t\t\}/, '\t\t\t\tmap.panBy(offset);'],
    [/\t\tmaxBounds: undefined,\r?\n/, ''],
    [/\tworldCopyJump: false,\r?\n[\s\S]*?\tmaxBoundsViscosity: 0\.0\r?\n\}\);/, '});'],
  ];
  for (const [pattern, replacement] of steps) code = replaceOnce(code, pattern, replacement);
  code = dropMethods(code, ['setMaxBounds', 'panInsideBounds', '_panInsideMaxBounds', '_limitCenter', '_limitOffset',
    '_getBoundsOffset', '_rebound', 'Drag._onZoomEnd', '_viscousLimit', '_onPreDragLimit', '_onPreDragWrap']);
  // Outside comments, none of them may be left.
  const left = /^(?![\t ]*\/\/).*?(\bmaxBounds\b|worldCopyJump|_limitCenter|_limitOffset|_onPreDrag(?:Limit|Wrap))/m.exec(code);
  if (left) throw new Error(`leaflet-trim: ${left[1]} is still read; recheck the Leaflet trim`);
  return code;
}

/**
 * supercluster's vector tiles (getTile, getTileRaw and their helpers), for maps drawn from
 * tiles such as Mapbox GL's: the cluster layer asks for clusters, children and leaves only
 * (cluster-layer.ts; `mapOptionsCheck` fails the build if it asks for a tile).
 */
const superclusterTrim = {
  name: 'supercluster-trim',
  transform(code, id) {
    if (!id.replaceAll('\\', '/').endsWith('/node_modules/supercluster/index.js')) return null;
    const cut = (from, to) => {
      const a = code.indexOf(from);
      const b = code.indexOf(to, a);
      if (a < 0 || b < 0) throw new Error(`supercluster-trim: ${from.trim()} not found; recheck the trim`);
      code = code.slice(0, a) + code.slice(b);
    };
    cut('    getTile(z, x, y) {', '    getClusterExpansionZoom(clusterId) {');
    cut('    _addTileFeatures(ids, data, x, y, z2, tile, raw) {', '    _limitZoom(z) {');
    if (/getTile|_addTileFeatures/.test(code)) throw new Error('supercluster-trim: a tile method is still used; recheck the trim');
    return { code, map: null };
  },
};

/** Fails the build when the map's own code uses what withoutViewLimits or superclusterTrim took out. */
const mapOptionsCheck = {
  name: 'map-options-check',
  transform(code, id) {
    if (!/\/packages\/map\/dist\/[^/]+\.js$/.test(id.replaceAll('\\', '/'))) return null;
    const used = UNSET_MAP_OPTIONS.exec(code);
    if (used) this.error(`${id} uses ${used[0]}, which the citizens' bundle no longer has (rollup.config.mjs withoutViewLimits, superclusterTrim)`);
    return null;
  },
};

/**
 * What the citizens' map never uses, on top of leafletTrim (the hub's place picker drags
 * its marker and keeps these). Issue 14: about 1.4 KB gzip off every page with a map.
 * examples/test/bundle-map.test.mjs checks, on the built bundle in three engines, what
 * a person does with the map (markers, popups, keyboard, zoom buttons and animation,
 * the accuracy circle, drag, pinch on a phone).
 */
const leafletTrimCitizens = {
  name: 'leaflet-trim-citizens',
  transform(code, id) {
    if (!id.replaceAll('\\', '/').endsWith('leaflet/dist/leaflet-src.esm.js')) return null;
    // Dragging markers (the map's markers are buttons; people drag the map, not them).
    const markerDrag = '\t\tif (MarkerDrag) {';
    if (!code.includes(markerDrag)) throw new Error('leaflet-trim: MarkerDrag use not found; recheck the Leaflet trim');
    let out = code.replace(markerDrag, '\t\tif (false) {');
    // Icon.Default (Leaflet's blue PNG pin, its path detection) and Icon's <img> making:
    // every marker of the map is a divIcon, which has its own createIcon.
    out = replaceOnce(out, /^\t\ticon: new IconDefault\(\),$/m, '\t\ticon: null,');
    out = dropStatements(out, [
      /^Icon\.Default = IconDefault;$/m,
      // The vector renderers: the map's one circle (accuracy.ts) is drawn by CSS. Without
      // getRenderer nothing reaches SVG, Renderer, Path, CircleMarker or Circle.
      /^Map\.include\(\{\r?\n(?:\t\/\/.*\r?\n|\r?\n)*\tgetRenderer/m,
      /^SVG\.create = create;$/m,
      /^SVG\.pointsToPath = pointsToPath;$/m,
      // Control.Zoom: the zoom buttons are the map's own (controls.ts), and so is the
      // credit line; nothing else extends Control.
      /^Map\.addInitHook\(function \(\) \{\r?\n\tif \(this\.options\.zoomControl\)/m,
      /^Control\.Zoom = Zoom;$/m,
      /^control\.zoom = zoom;$/m,
      // Popups: the map draws its own (popup-overlay.ts). Without these registrations
      // nothing reaches DivOverlay or Popup (nor Path, which Popup checks against).
      /^Map\.include\(\{\r?\n\t_initOverlay/m,
      /^Layer\.include\(\{\r?\n\t_initOverlay/m,
      /^Map\.include\(\{\r?\n(?:\t\/\/.*\r?\n|\r?\n)*\topenPopup/m,
      /^Layer\.include\(\{\r?\n(?:\t\/\/.*\r?\n|\r?\n)*\tbindPopup/m,
    ]);
    // Circle's `setStyle: Path.prototype.setStyle` is a property read that rollup keeps
    // (a getter could run), and with it Path: the same method, read when called.
    out = replaceOnce(out, /^\tsetStyle: Path\.prototype\.setStyle,$/m, '\tsetStyle: function (style) { return Path.prototype.setStyle.call(this, style); },');
    out = withoutViewLimits(out);
    out = dropMethods(out, ['Icon.createIcon', 'Icon.createShadow', '_createIcon', '_createImg', 'Icon._getIconUrl', 'getIcon', '_getPopupAnchor']);
    out = dropMethods(out, [
      // Map: geolocation (the element asks the browser itself, map.component.ts), flights,
      // zoom limits set after creation, and helpers only those use.
      'locate', '_handleGeolocationResponse', '_handleGeolocationError', 'flyTo', 'flyToBounds',
      'setMinZoom', 'setMaxZoom', '_latLngBoundsToNewLayerBounds', 'fitWorld', 'getPanes', 'mouseEventToLatLng',
      // Markers: the map never swaps icons.
      'setIcon', 'toBBoxString',
      // Never called by the map nor by the Leaflet code it keeps (each name is found only
      // where it is defined in the built chunk): event parents (tooltips and feature
      // groups use them), bounds tests, controls, layer lists, moving a marker or
      // changing a tile URL, z-order, loading state.
      'addEventParent', 'removeEventParent', 'Bounds.intersects', 'LatLngBounds.intersects',
      'mouseEventToLayerPoint', 'addControl', 'removeControl', 'getAttribution', 'clearLayers',
      'getLayer', 'getLayers', 'Marker.setLatLng', '_getTooltipAnchor', 'GridLayer.bringToFront',
      'GridLayer.bringToBack', 'FeatureGroup.bringToFront', 'FeatureGroup.bringToBack', 'isLoading',
      '_keyToBounds', 'TileLayer.setUrl', 'GridLayer.redraw', '_setAutoZIndex',
    ]);
    return { code: out, map: null };
  },
};

/**
 * The English strings (i18n/dictionary.ts) in one chunk: each package reaches its English
 * through `() => import('./x.strings.en.js')`, which on its own would make one small file per
 * element (an English planning page would fetch eight). Here each such loader becomes one
 * shared loader of welfare-elements/src/english.ts, which re-exports them all, so an English
 * page fetches one file and an Italian page none (the hub's pages too); and each lazy chunk
 * imports that loader from the first load instead of carrying its own `import()` of a
 * hashed file name, which gzip cannot shorten (about 40 B per chunk, 6 chunks on the
 * planning page). The build fails if an English module is not listed in english.ts (its
 * element would stay Italian in the bundle).
 */
const ENGLISH = resolvePath('packages/welfare-elements/lib/english.js');
const ENGLISH_LOADER = '\0welfare-english-loader';
const englishLoaders = /\(\) => import\('(\.\/[\w.-]+\.en\.js)'\)/g;
const englishInOneChunk = () => {
  const seen = new Set();
  return {
    name: 'english-in-one-chunk',
    resolveId: (id) => (id === ENGLISH_LOADER ? id : null),
    load: (id) => (id === ENGLISH_LOADER ? `export const english = () => import(${JSON.stringify(ENGLISH)});` : null),
    async transform(code, id) {
      const loaders = [...code.matchAll(englishLoaders)];
      if (!loaders.length || id === ENGLISH) return null;
      for (const [, specifier] of loaders) {
        const resolved = await this.resolve(specifier, id);
        if (resolved) seen.add(resolved.id);
      }
      // The import goes last (imports are hoisted), so the lines above keep their source maps.
      return { code: `${code.replace(englishLoaders, '__english')}\nimport { english as __english } from ${JSON.stringify(ENGLISH_LOADER)};`, map: null };
    },
    buildEnd(error) {
      if (error || !seen.size) return;
      const listed = new Set(this.getModuleInfo(ENGLISH)?.importedIds ?? []);
      const missing = [...seen].filter((id) => !listed.has(id));
      if (missing.length) this.error(`english-in-one-chunk: add ${missing.join(', ')} to packages/welfare-elements/src/english.ts`);
    },
  };
};

/**
 * Leaflet's private names, and ours beside it, shortened in the map chunk only
 * (scripts/mangle-private.mjs, which fails the build when a string or another chunk could
 * reach one by its old name).
 */
export const MAP_PRIVATE = {
  chunk: /^map-leaflet-/,
  // Reviewed strings that begin a renamed name but never reach a property: DomEvent's
  // listener ids (`type + stamp(fn) + '_' + stamp(context)`, in addOne and removeOne) are
  // keys of its own table of listeners. Leaflet's quoted expando keys ('_welfare_map_id',
  // '_welfare_map_events', '_welfare_map_disable_click'...) keep their names (keep_quoted).
  allowed: new Map([['_', 2]]),
  // Names that other chunks use too: minisearch's `_size` (search-engine.js, its own maps;
  // never a Leaflet object, but the check cannot tell objects apart).
  reserved: ['_size'],
};
const mapPrivateNames = manglePrivate(MAP_PRIVATE);

const citizensBundle = {
  input: 'packages/welfare-elements/lib/index.js',
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
    emitCss,
    leafletTrim,
    leafletTrimCitizens,
    superclusterTrim,
    mapOptionsCheck,
    sinkCheck,
    englishInOneChunk(),
    nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'default'] }),
    // Whitespace inside lit's html`` and css`` templates is not touched by terser.
    // keepClosingSlash: an svg`` template holds bare shapes (`<path …/>`) with no <svg>
    // around them, so the minifier takes them for HTML and drops the `/`; the browser
    // then nests every later shape inside the first one and draws none of them
    // (issue 11). examples/test/bundle-svg.test.mjs checks the built icons;
    // examples/test/bundle-text.test.mjs the spaces below.
    // conservativeCollapse: a space at the edge of a template part is text people read
    // ("Sede di Codogno, Viale…", "mappa (1 senza…", "Casalpusterlengo (si apre…"): the
    // default collapse removed it. Runs of whitespace still become one space.
    minifyHTMLLiterals({ options: { minifyOptions: { keepClosingSlash: true, conservativeCollapse: true } } }),
    mapPrivateNames,
    terser({ format: { comments: false }, ecma: 2020, module: true, compress: { passes: 2 } }),
  ],
  onwarn(warning, warn) {
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};

/**
 * The hub's pages (packages/hub-pages, issue 17), served by the hub under /gestione/.
 * Apart from the citizens' bundle and its size budgets: people who publish offers load
 * it, not the comuni's visitors. Leaflet gets the same trim (no HTML string sinks, own
 * expando keys), so the pages work under the same strict policies.
 */
const HUB_OUT = 'packages/hub-pages/dist';
const hubPagesStatic = {
  name: 'hub-pages-static',
  buildStart() {
    mkdirSync(HUB_OUT, { recursive: true });
    for (const file of readdirSync(HUB_OUT, { withFileTypes: true })) {
      if (file.isFile() && /\.js(\.map)?$/.test(file.name)) rmSync(join(HUB_OUT, file.name));
    }
    this.addWatchFile('packages/hub-pages/public/index.html');
  },
  generateBundle() {
    for (const name of readdirSync('packages/hub-pages/public')) {
      this.emitFile({ type: 'asset', fileName: name, source: readFileSync(join('packages/hub-pages/public', name)) });
    }
  },
};

const hubPages = {
  // The staff's pages, and the public mutual-aid page (aiuto.html: the posting form, the
  // poster's own post), which shares lit and the core with them.
  input: { 'hub-pages': 'packages/hub-pages/lib/index.js', aiuto: 'packages/hub-pages/lib/aiuto/aiuto-page.js' },
  output: {
    dir: HUB_OUT,
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
    sourcemap: true,
  },
  plugins: [
    hubPagesStatic,
    leafletTrim,
    englishInOneChunk(),
    nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'default'] }),
    minifyHTMLLiterals({ options: { minifyOptions: { keepClosingSlash: true, conservativeCollapse: true } } }),
    terser({ format: { comments: false }, ecma: 2020, module: true, compress: { passes: 2 } }),
  ],
  onwarn(warning, warn) {
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};

export default [citizensBundle, hubPages];
