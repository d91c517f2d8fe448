/**
 * The bundled map on a phone: a 375 × 740 viewport with touch emulation in Chromium.
 * A tap on a cluster opens it (the map zooms in and the cluster makes way for what it
 * held); a tap on a service marker opens its popup. Taps land where a finger would: at
 * the centre of what is drawn, so a marker covered by another would fail here too.
 *
 * Needs the built bundle (`npm run build`). Run alone with
 *   node --test examples/test/touch-map.test.mjs
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { after, before, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { loopbackOnly } from './engine.mjs';

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
  await page.setViewport({ width: 375, height: 740, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  await loopbackOnly(page);
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/ERR_BLOCKED_BY_CLIENT/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  await page.goto(`http://127.0.0.1:${server.address().port}/examples/elements/map.html`, { waitUntil: 'load' });
  await page.evaluate(() => document.querySelector('welfare-map').scrollIntoView({ block: 'start' }));
  await inMap((map) => map.querySelectorAll('.leaflet-marker-icon button').length > 0);
});

after(async () => {
  await browser?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok()));
});

/** Waits until `fn(mapShadowRoot, ...args)` is truthy in the page (first map of the page). */
const inMap = (fn, ...args) =>
  page.waitForFunction(
    (source, ...rest) => {
      const map = document.querySelector('welfare-map')?.shadowRoot;
      return map && new Function('map', 'args', `return (${source})(map, args)`)(map, rest);
    },
    { timeout: 30_000, polling: 50 },
    fn.toString(),
    ...args,
  );

/** Name and centre (viewport pixels) of the first button matching `selector` inside the visible map. */
const find = (selector) =>
  page.evaluate((sel) => {
    const map = document.querySelector('welfare-map').shadowRoot;
    const view = map.querySelector('.map').getBoundingClientRect();
    for (const b of map.querySelectorAll(sel)) {
      const r = b.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (x > view.left + 50 && x < view.right - 10 && y > view.top + 10 && y < Math.min(view.bottom, innerHeight) - 20) {
        return { name: b.getAttribute('aria-label'), x, y };
      }
    }
    return null;
  }, selector);

const zoom = () => page.evaluate(() => document.querySelector('welfare-map').leaflet.view.map.getZoom());

it('a tap on a cluster opens it: the map zooms in and the cluster makes way', async () => {
  const cluster = await find('button[part~="cluster"]');
  assert.ok(cluster, 'no cluster in view on the phone');
  const before = await zoom();
  await page.touchscreen.tap(cluster.x, cluster.y);
  await page.waitForFunction((z) => document.querySelector('welfare-map').leaflet.view.map.getZoom() > z, { timeout: 30_000 }, before);
  await inMap(
    (map, [name]) => ![...map.querySelectorAll('.leaflet-marker-icon button')].some((b) => b.getAttribute('aria-label') === name),
    cluster.name,
  );
  assert.equal(await page.evaluate(() => !!document.querySelector('welfare-map').shadowRoot.querySelector('.leaflet-popup')), false);
});

it('a tap on a service marker opens its popup', async () => {
  // Closer in until a single service is in view, the way a person would: tap a cluster in
  // view (it zooms to what it holds); the zoom button only when no cluster zooms further
  // (zooming on the centre alone can leave every marker outside a phone's small map).
  let clusterZooms = true;
  for (let i = 0; i < 8 && !(await find('button[part="marker"]')); i++) {
    const cluster = clusterZooms ? await find('button[part~="cluster"]') : null;
    const target =
      cluster ??
      (await page.evaluate(() => {
        const r = document.querySelector('welfare-map').shadowRoot.querySelector('.leaflet-control-zoom-in').getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }));
    const before = await zoom();
    await page.touchscreen.tap(target.x, target.y);
    const zoomed = await page
      .waitForFunction((z) => document.querySelector('welfare-map').leaflet.view.map.getZoom() > z, { timeout: 30_000 }, before)
      .then(() => true, () => false);
    if (cluster && !zoomed) clusterZooms = false; // one address: it lists, it does not zoom
    await new Promise((ok) => setTimeout(ok, 400)); // the zoom animation ends
  }
  const marker = await find('button[part="marker"]');
  assert.ok(marker, 'no service marker in view on the phone');
  await page.touchscreen.tap(marker.x, marker.y);
  await inMap((map) => map.querySelector('.leaflet-popup .popup-name'));
  const popupName = await page.evaluate(() =>
    document.querySelector('welfare-map').shadowRoot.querySelector('.leaflet-popup .popup-name').textContent.trim(),
  );
  assert.ok(marker.name.startsWith(popupName), `popup "${popupName}" belongs to the tapped marker "${marker.name}"`);
  // The popup fits the phone's width.
  const width = await page.evaluate(() => document.querySelector('welfare-map').shadowRoot.querySelector('.leaflet-popup').getBoundingClientRect().width);
  assert.ok(width <= 375, `popup ${width}px wide`);
});

it('raised no error on the way', () => {
  assert.deepEqual(errors, []);
});
