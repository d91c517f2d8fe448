/**
 * The maps on the hub's pages have a background (issue 17): the hub's `--tiles` template
 * reaches the place picker and the preview's <welfare-map>, its origin is in the pages'
 * Content-Security-Policy (`img-src`), and the tiles are fetched from it and shown, with
 * no CSP violation; `--tiles none` gives the plain map and a policy without the origin.
 * Tests run offline: the tiles come from a server on loopback (fake-tiles.mjs, one PNG),
 * another origin than the hub's, so the policy is what lets them in.
 *
 *   WELFARE_BROWSERS=firefox node --test examples/test/hub-tiles.test.mjs   (after `npm run build`)
 *
 * @engines chromium firefox webkit
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser } from './engine.mjs';
import { startTileServer } from './fake-tiles.mjs';
import { deepPage, PASSWORD, requireBuilt, startSeededHub } from './hub-harness.mjs';

const CREDIT = 'Mappe di prova';

let tiles;
let browser;
const hubs = [];

async function hubWith(options) {
  const hub = await startSeededHub(options);
  hubs.push(hub);
  return hub;
}

before(async () => {
  requireBuilt(['packages/hub/dist/index.js', 'packages/hub-pages/dist/index.html']);
  tiles = await startTileServer();
});

after(async () => {
  await browser?.close();
  for (const hub of hubs) await hub.close();
  await tiles?.close();
});

const { until, click, fill } = deepPage({ timeout: 30_000, every: 200 });

/** Logs the editor in and opens a new offer with one place in Lodi; violations are recorded from then on. */
async function openForm(hub) {
  browser ??= await launchBrowser({ server: hub.server });
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`${hub.url}/gestione/`);
  await fill(page, 'Email', 'editor@caritas.example');
  await fill(page, 'Password', PASSWORD);
  await click(page, 'Entra');
  await until(page, () => __deep().some((el) => el.tagName === 'NAV'), undefined, 'the logged-in page');
  await page.evaluate(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    location.hash = '#/offerte/nuova';
  });
  await until(page, () => __deep().some((el) => el.tagName === 'WELFARE-OFFER-FORM'), undefined, 'the form');
  await fill(page, 'Nome del servizio', 'Sportello di ascolto');
  await until(page, () => __deep().some((el) => el.tagName === 'LABEL' && __text(el) === 'Cibo'), undefined, 'the categories');
  await fill(page, 'Cibo', true);
  await click(page, 'Aggiungi un luogo');
  await fill(page, 'Comune', 'Lodi');
  await until(page, () => {
    const picker = __deep().find((el) => el.tagName === 'WELFARE-PLACE-PICKER');
    picker?.scrollIntoView({ block: 'center' });
    return !!picker?.shadowRoot.querySelector('.leaflet-container');
  }, undefined, 'the place picker\'s map');
  return page;
}

/** The loaded tiles of a map (in the shadow root of the first `tag`): their addresses, when drawn. */
const loadedTiles = (page, tag) =>
  page.evaluate((tag) => {
    const host = __deep().find((el) => el.tagName === tag);
    const imgs = [...(host?.shadowRoot.querySelectorAll('img.leaflet-tile') ?? [])];
    return imgs.filter((img) => img.complete && img.naturalWidth === 256 && img.classList.contains('leaflet-tile-loaded')).map((img) => img.src);
  }, tag);

describe('the hub\'s maps with tiles', { timeout: 180000 }, () => {
  it('--tiles: the origin is in img-src, the picker and the preview map fetch and show the tiles, with the credit and no violation', async () => {
    const hub = await hubWith({ tiles: tiles.template, tilesCredit: CREDIT });
    const answer = await fetch(`${hub.url}/gestione/`);
    assert.match(answer.headers.get('content-security-policy'), new RegExp(`img-src 'self' data: ${tiles.origin.replace(/[.]/g, '\\.')};`));
    assert.match(await answer.text(), new RegExp(`tiles="${tiles.template.replace(/[.{}]/g, '\\$&')}" tiles-credit="${CREDIT}"`));

    const before = tiles.requests.length;
    const page = await openForm(hub);
    await until(page, () => {
      const picker = __deep().find((el) => el.tagName === 'WELFARE-PLACE-PICKER');
      return [...picker.shadowRoot.querySelectorAll('img.leaflet-tile-loaded')].some((img) => img.complete && img.naturalWidth === 256);
    }, undefined, 'tiles on the place picker');
    const shown = await loadedTiles(page, 'WELFARE-PLACE-PICKER');
    assert.ok(shown.length > 0, 'the picker shows loaded tiles');
    for (const src of shown) assert.match(src, new RegExp(`^${tiles.origin.replace(/[.]/g, '\\.')}/\\d+/\\d+/\\d+\\.png$`), 'a tile from the template');
    assert.ok(tiles.requests.length > before, 'the tile server was asked');
    const credit = await page.evaluate(() => __text(__deep().find((el) => el.tagName === 'WELFARE-PLACE-PICKER').shadowRoot.querySelector('.credit') ?? document.createElement('p')));
    assert.equal(credit, CREDIT);

    // The preview: <welfare-map> with the same tiles and credit.
    await fill(page, 'Latitudine', '45,3141');
    await fill(page, 'Longitudine', '9,5032');
    await click(page, "Mostra l'anteprima");
    await until(page, () => {
      const map = __deep().find((el) => el.tagName === 'WELFARE-MAP');
      map?.scrollIntoView({ block: 'center' });
      return !!map?.shadowRoot?.querySelector('img.leaflet-tile-loaded');
    }, undefined, 'tiles on the preview map');
    const preview = await loadedTiles(page, 'WELFARE-MAP');
    assert.ok(preview.length > 0 && preview.every((src) => src.startsWith(`${tiles.origin}/`)), `the preview's tiles come from the template: ${preview[0]}`);
    const previewCredit = await page.evaluate(() => __text(__deep().find((el) => el.tagName === 'WELFARE-MAP').shadowRoot.querySelector('[part="attribution"]') ?? document.createElement('p')));
    assert.match(previewCredit, new RegExp(CREDIT));

    assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no Content-Security-Policy violation');
    await page.close();
  });

  it('--tiles none: a plain map, no tile fetched, and img-src without any tile server', async () => {
    const hub = await hubWith({ tiles: 'none' });
    const answer = await fetch(`${hub.url}/gestione/`);
    assert.match(answer.headers.get('content-security-policy'), /img-src 'self' data:;/);
    const before = tiles.requests.length;
    const page = await openForm(hub);
    // The point can still be set: the comune's centre puts the pin on the plain map.
    await click(page, 'Metti il punto al centro di Lodi');
    await until(page, () => !!__deep().find((el) => el.tagName === 'WELFARE-PLACE-PICKER').shadowRoot.querySelector('.leaflet-marker-icon'), undefined, 'the pin');
    await page.waitForNetworkIdle({ idleTime: 500, timeout: 30000 });
    const imgs = await page.evaluate(() => __deep().find((el) => el.tagName === 'WELFARE-PLACE-PICKER').shadowRoot.querySelectorAll('img.leaflet-tile').length);
    assert.equal(imgs, 0, 'no tile images');
    assert.equal(tiles.requests.length, before, 'no tile requested');
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    await page.close();
  });
});
