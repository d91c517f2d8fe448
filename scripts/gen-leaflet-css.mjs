#!/usr/bin/env node
/**
 * Turns Leaflet's stylesheet into Lit `css` modules: Leaflet's CSS cannot reach a shadow
 * root from the page, and a CDN link would be a request to a third party. Declarations that
 * point at images (url(images/...), url(#default#VML)) are dropped: the maps draw their
 * markers as inline SVG and use no layer control. Two sheets: one for the citizens' map,
 * without what it can never show (issue 14), and one for the hub's place picker.
 *
 *   node scripts/gen-leaflet-css.mjs          writes packages/map/src/generated/leaflet.css.ts
 *                                            and leaflet-map.css.ts
 *   node scripts/gen-leaflet-css.mjs --check  exits 1 when one of them is out of date
 *
 * The output is committed too, so type checks and the test runner work without this step;
 * `npm run build` runs it first so that a Leaflet upgrade is picked up.
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(resolve(root, 'packages/map/package.json'));
const source = require.resolve('leaflet/dist/leaflet.css');
const version = JSON.parse(readFileSync(require.resolve('leaflet/package.json'), 'utf8')).version;

/**
 * Selectors only for features neither map creates: tooltips, the layers and scale
 * controls, image/video/SVG overlays, the box zoom, old Internet Explorer and VML.
 * They are removed one selector at a time; a rule goes only when none of its selectors
 * is left (shared rules such as `.leaflet-pane, .leaflet-tile, ...` stay).
 */
const UNUSED = /leaflet-tooltip|leaflet-control-layers|leaflet-control-scale|leaflet-image-layer|leaflet-oldie|leaflet-vml|lvml|leaflet-marker-shadow|leaflet-zoom-box|leaflet-crosshair/;

/**
 * What the citizens' map (<welfare-map> and the small map in a service's view) never shows,
 * with the Leaflet its bundle carries (rollup.config.mjs): vectors on a canvas or in
 * Leaflet's own SVG (the renderers are trimmed: the accuracy circle is CSS, accuracy.ts;
 * the SVG inside markers is theirs, and `.leaflet-map-pane svg` stays for it), marker and
 * shadow images (its markers are div icons with their own class, so `leaflet-div-icon` is
 * never set either), dragged markers (trimmed) and the attribution control's flag (its
 * credit line is its own, controls.ts). The hub's place picker drags its marker: it keeps
 * the other sheet.
 * examples/test/bundle-leaflet-css.test.mjs checks on the built bundle that every rule of
 * the full sheet that the drawn map matches is in this one.
 */
const UNUSED_BY_CITIZENS_MAP =
  /canvas|>svg|leaflet-overlay-pane svg|svg\.leaflet-zoom-animated|leaflet-marker-pane img|leaflet-shadow-pane img|leaflet-marker-draggable|leaflet-attribution-flag|leaflet-div-icon/;

function dropSelectors(text, unused) {
  return text.replace(/([^{}]+)\{([^{}]*)\}/g, (rule, selectors, body) => {
    const kept = selectors.split(',').filter((sel) => !unused.test(sel));
    return kept.length ? `${kept.join(',')}{${body}}` : '';
  });
}

/**
 * Declarations no browser that runs the bundle needs (ES2022 code: Chrome 94, Firefox 93,
 * Safari 15.4 and later): the -moz-, -ms- and -webkit- spellings of what all of them know
 * unprefixed (transition, transform, transform-origin, touch-action, Firefox's
 * user-select, the grab cursors; a prefixed one alone in its rule becomes the unprefixed
 * one), and a fallback that a later declaration of the same property in the rule always
 * replaces (`font-size: 12px; font-size: 0.75rem`). Safari's
 * -webkit-user-select and -webkit-user-drag, -webkit-tap-highlight-color and
 * -webkit-print-color-adjust stay: some of those browsers have no other spelling.
 */
const PREFIXED = /^(?:-moz-[a-z-]+|-ms-[a-z-]+|-webkit-(?:transition|transform|transform-origin))$/;
const PREFIXED_VALUE = /^-(?:webkit|moz)-(?:grab|grabbing)$/;
/** Properties whose earlier value in a rule is a fallback only (the later one is understood everywhere). */
const FALLBACK = new Set(['font-size', 'background', 'margin', 'pointer-events', 'cursor']);

function modernDeclarations(text) {
  return text.replace(/\{([^{}]*)\}/g, (all, body) => {
    const decls = body
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const colon = d.indexOf(':');
        return [d.slice(0, colon).trim(), d.slice(colon + 1).trim()];
      })
      .filter(([, value]) => !PREFIXED_VALUE.test(value))
      .map(([prop, value]) => (PREFIXED.test(prop) ? [prop.replace(/^-[a-z]+-/, ''), value, true] : [prop, value, false]));
    // A prefixed spelling or a fallback goes when the rule sets the same property later
    // (Leaflet writes the standard spelling last).
    const kept = decls.filter(([prop, , prefixed], i) => !(prefixed || FALLBACK.has(prop)) || !decls.slice(i + 1).some(([later]) => later === prop));
    return `{${kept.map(([prop, value]) => `${prop}:${value}`).join(';')}}`;
  });
}

const full = readFileSync(source, 'utf8')
  .replace(/\/\*[\s\S]*?\*\//g, '') // comments
  .replace(/[^;{}]*url\([^)]*\)[^;{}]*;?/g, '') // declarations with url(...)
  .replace(/[^{}]+\{\s*\}/g, '') // rules left empty
  .replace(/\s+/g, ' ')
  .replace(/\s*([{};,>])\s*/g, '$1')
  .trim();
const sheet = (unused) =>
  modernDeclarations(dropSelectors(unused ? dropSelectors(full, unused) : full, UNUSED))
    .replace(/[^{}]+\{\}/g, '') // rules left without declarations
    .replace(/@media[^{]*\{\}/g, '');

const outputs = [
  {
    file: resolve(root, 'packages/map/src/generated/leaflet.css.ts'),
    what: "for the hub's place picker",
    name: 'leafletStyles',
    css: sheet(),
  },
  {
    file: resolve(root, 'packages/map/src/generated/leaflet-map.css.ts'),
    what: "for the citizens' map (<welfare-map>, a service's small map)",
    name: 'leafletMapStyles',
    css: sheet(UNUSED_BY_CITIZENS_MAP),
  },
];

let stale = false;
for (const { file, what, name, css } of outputs) {
  if (/url\(/.test(css)) throw new Error('a url() survived in the generated Leaflet CSS');
  const text = `// Generated by scripts/gen-leaflet-css.mjs from leaflet ${version} dist/leaflet.css, ${what}. Do not edit.
// Our own dependency's stylesheet, not feed data: unsafeCSS is safe here.
import { unsafeCSS } from 'lit';

export const leafletVersion = ${JSON.stringify(version)};

export const ${name} = unsafeCSS(${JSON.stringify(css)});
`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (current === text) continue;
  if (process.argv.includes('--check')) {
    console.error(`${file} is out of date: run node scripts/gen-leaflet-css.mjs`);
    stale = true;
  } else {
    mkdirSync(dirname(file), { recursive: true });
    // Rewritten only on change, so tsc -b does not rebuild the map package for nothing.
    writeFileSync(file, text);
  }
}
if (stale) process.exit(1);
