/**
 * The citizens' map carries a shorter copy of Leaflet's stylesheet (issue 14,
 * scripts/gen-leaflet-css.mjs: without the rules for what it never shows, and without the
 * prefixed spellings no browser that runs the bundle needs). This test draws the map of
 * the built bundle with markers, clusters, an open popup, the zoom buttons, the credit
 * line and the "near me" circle, and checks that every selector of Leaflet's own sheet
 * that matches something drawn (hover and focus states counted as matching; an empty
 * pane draws nothing) is in the sheet the map adopted: a selector dropped by mistake fails here.
 *
 * Needs the built bundle (`npm run build`). Run alone with
 *   node --test examples/test/bundle-leaflet-css.test.mjs
 *
 * @engines chromium firefox webkit
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { after, before, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { givePosition, launchBrowser, loopbackOnly } from './engine.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
process.chdir(repo);
const { startServer } = await import('../../scripts/serve.mjs');
const leafletCss = readFileSync(createRequire(resolve(repo, 'packages/map/package.json')).resolve('leaflet/dist/leaflet.css'), 'utf8');

let server;
let browser;
let page;

before(async () => {
  assert.ok(existsSync('packages/welfare-elements/dist/welfare-elements.js'), 'run `npm run build` first');
  server = await startServer({ port: 0 });
  browser = await launchBrowser({ server, root: repo });
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  // Tiles would come from openstreetmap.org: never fetched here.
  await loopbackOnly(page);
  await givePosition(page);
  await page.goto(`http://127.0.0.1:${server.address().port}/examples/elements/map.html`, { waitUntil: 'load' });
});

after(async () => {
  await browser?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok()));
});

const waitFor = (source) =>
  page.waitForFunction(
    (s) => {
      const map = document.querySelector('welfare-map')?.shadowRoot;
      const list = document.querySelector('welfare-list')?.shadowRoot;
      return !!(map && list && new Function('map', 'list', `return (${s})(map, list)`)(map, list));
    },
    { timeout: 30_000, polling: 50 },
    source.toString(),
  );

it("keeps every rule of Leaflet's sheet that the drawn map matches", async () => {
  await waitFor((map, list) => map.querySelector('.leaflet-marker-icon button') && list.querySelector('button[part="name"]'));
  // A popup (the service chosen in the list) and the position with its accuracy circle.
  await page.evaluate(() => document.querySelector('welfare-list').shadowRoot.querySelector('button[part="name"]').click());
  await waitFor((map) => map.querySelector('.leaflet-popup .popup-name'));
  await page.evaluate(() => document.querySelector('welfare-map').shadowRoot.querySelector('button[part="near-me"]').click());
  await waitFor((map) => map.querySelector('.wm-accuracy') && map.querySelector('.leaflet-popup'));
  const { missing, matched, adopted } = await page.evaluate((full) => {
    const root = document.querySelector('welfare-map').shadowRoot;
    const selectors = (sheet) => {
      const out = [];
      const walk = (rules) => {
        for (const r of rules) {
          if (r.selectorText) out.push(...r.selectorText.split(',').map((s) => s.trim()));
          else if (r.cssRules) walk(r.cssRules);
        }
      };
      walk(sheet.cssRules);
      return out;
    };
    const leaflet = new CSSStyleSheet();
    leaflet.replaceSync(full);
    // The sheet the map adopted (or lit's fallback <style>) that holds Leaflet's rules.
    const sheets = [...(root.adoptedStyleSheets ?? []), ...[...root.querySelectorAll('style')].map((s) => s.sheet)];
    const own = sheets.find((s) => selectors(s).includes('.leaflet-pane'));
    const kept = new Set(own ? selectors(own) : []);
    const drawn = (sel) => {
      // A hover or focus rule matches what a person can hover or focus.
      const at = sel.replace(/:(hover|focus)\b|::selection/g, '');
      try {
        // An empty pane (the tooltips' one: the map has none) draws nothing.
        return [...root.querySelectorAll(at)].some((el) => el.childNodes.length || el instanceof SVGElement || el.localName === 'img');
      } catch {
        return false;
      }
    };
    const hits = [...new Set(selectors(leaflet))].filter(drawn);
    return { missing: hits.filter((s) => !kept.has(s)), matched: hits.length, adopted: kept.size };
  }, leafletCss);
  assert.ok(adopted > 50, `the map adopted Leaflet's rules (${adopted} selectors)`);
  assert.ok(matched > 30, `the drawn map matches many of Leaflet's selectors (${matched})`);
  assert.deepEqual(missing, []);
});
