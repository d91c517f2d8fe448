/**
 * The map as the built bundle ships it. The browser tests (web-test-runner) run the
 * TypeScript sources against Leaflet as published; the bundle runs a Leaflet that
 * rollup.config.mjs trims (tooltips, GeoJSON export, canvas and VML renderers, box zoom,
 * WMS and some controls are removed). This test drives everything the map does with
 * the trimmed Leaflet, so a removal that goes too far fails here:
 *   markers and clusters appear; choosing in the list opens the popup (Popup, overlays);
 *   Enter on a focused marker opens its popup (keyboard); the zoom buttons zoom
 *   (Control.Zoom, animation); "Vicino a me" draws the accuracy circle (Circle, SVG
 *   renderer) and the position; no uncaught error or console error on the way.
 *
 * Needs the built bundle (`npm run build`). Run alone with
 *   node --test examples/test/bundle-map.test.mjs
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { after, before, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
process.chdir(repo);
const { startServer } = await import('../../scripts/serve.mjs');

let server;
let browser;
let page;
const errors = [];

before(async () => {
  assert.ok(existsSync('packages/welfare-elements/dist/welfare-elements.js'), 'run `npm run build` first');
  server = await startServer({ port: 0 });
  browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    const { hostname, pathname } = new URL(r.url());
    if (pathname === '/favicon.ico') return r.respond({ status: 204, body: '' });
    // Tiles would come from openstreetmap.org: never fetched here.
    return hostname === '127.0.0.1' ? r.continue() : r.abort('blockedbyclient');
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/ERR_BLOCKED_BY_CLIENT/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  // A position in Lodi, given at once, as a browser would after the person allows it.
  await page.evaluateOnNewDocument(() => {
    const position = { coords: { latitude: 45.3097, longitude: 9.5037, accuracy: 800 }, timestamp: Date.now() };
    Object.defineProperty(navigator, 'geolocation', {
      value: { getCurrentPosition: (ok) => setTimeout(() => ok(position), 10), watchPosition: () => 0, clearWatch() {} },
    });
  });
  await page.goto(`http://127.0.0.1:${server.address().port}/examples/elements/map.html`, { waitUntil: 'load' });
});

after(async () => {
  await browser?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok()));
});

/** Runs `fn(mapShadowRoot, listShadowRoot)` in the page, for the first map of the page. */
const inPage = (fn, ...args) =>
  page.evaluate(
    (source, ...rest) => {
      const map = document.querySelector('welfare-map').shadowRoot;
      const list = document.querySelector('welfare-list').shadowRoot;
      return new Function('map', 'list', 'args', `return (${source})(map, list, args)`)(map, list, rest);
    },
    fn.toString(),
    ...args,
  );

const waitIn = (fn, ...args) =>
  page.waitForFunction(
    (source, ...rest) => {
      const map = document.querySelector('welfare-map')?.shadowRoot;
      const list = document.querySelector('welfare-list')?.shadowRoot;
      return map && list && new Function('map', 'list', 'args', `return (${source})(map, list, args)`)(map, list, rest);
    },
    { timeout: 10_000, polling: 50 },
    fn.toString(),
    ...args,
  );

it('shows markers and clusters', async () => {
  await waitIn((map) => map.querySelectorAll('.leaflet-marker-icon').length > 0);
  const labels = await inPage((map) => [...map.querySelectorAll('.leaflet-marker-icon button')].map((b) => b.getAttribute('aria-label')));
  assert.ok(labels.length > 0 && labels.every((l) => l && l.length > 3), `every marker has a name: ${labels.join(' | ')}`);
});

it('opens the popup of the service chosen in the list', async () => {
  await waitIn((map, list) => list.querySelector('button[part="name"]'));
  const name = await inPage((map, list) => {
    const b = list.querySelector('button[part="name"]');
    b.click();
    return b.textContent.trim();
  });
  await waitIn((map, list, [n]) => map.querySelector('.leaflet-popup .popup-name')?.textContent.trim() === n, name);
});

it('opens a popup with Enter on a focused marker', async () => {
  await inPage((map) => map.querySelector('.leaflet-popup-close-button')?.click());
  await waitIn((map) => !map.querySelector('.leaflet-popup'));
  await waitIn((map) => map.querySelector('.leaflet-marker-icon button.marker:not(.access-point)'));
  const label = await inPage((map) => {
    const b = map.querySelector('.leaflet-marker-icon button.marker:not(.access-point)');
    b.focus();
    return b.getAttribute('aria-label');
  });
  await page.keyboard.press('Enter');
  await waitIn((map) => map.querySelector('.leaflet-popup .popup-name'));
  const popupName = await inPage((map) => map.querySelector('.leaflet-popup .popup-name').textContent.trim());
  assert.ok(label.includes(popupName), `popup "${popupName}" belongs to marker "${label}"`);
});

it('zooms in and out with the zoom buttons', async () => {
  // Zooming changes how far apart the markers are on screen.
  const spread = (map) => {
    const xs = [...map.querySelectorAll('.leaflet-marker-icon')].map((m) => m.getBoundingClientRect().left);
    return xs.length ? Math.max(...xs) - Math.min(...xs) : -1;
  };
  const before = await inPage(spread);
  const label = await inPage((map) => map.querySelector('.leaflet-control-zoom-in')?.getAttribute('aria-label'));
  assert.match(label, /ingrandisci|zoom/i);
  await inPage((map) => map.querySelector('.leaflet-control-zoom-in').click());
  await waitIn(
    (map, list, [source, width]) => {
      const now = new Function(`return (${source})`)()(map);
      return now >= 0 && now !== width;
    },
    spread.toString(),
    before,
  );
  await inPage((map) => map.querySelector('.leaflet-control-zoom-out').click());
  await new Promise((ok) => setTimeout(ok, 400));
});

it('"Vicino a me" draws the position and the accuracy circle', async () => {
  await inPage((map) => map.querySelector('button[part="near-me"]').click());
  await waitIn((map) => map.querySelector('svg path.wm-accuracy') && map.querySelector('.origin'));
  const d = await inPage((map) => map.querySelector('svg path.wm-accuracy').getAttribute('d'));
  assert.match(d, /^M[\d.-]+,[\d.-]+a[\d.]+,[\d.]+ /, 'the circle is drawn as an SVG arc');
});

it('raised no error on the way', () => {
  assert.deepEqual(errors, []);
});
