/**
 * The one-script snippet loads only what the page uses (issue 14): welfare-elements.js
 * holds the shared base with search, categories and list, and fetches the map, the
 * access points and the notices, each its own chunk, when the first tag of that kind is
 * in the document. On a page with only `<welfare-list>` the browser must not fetch the
 * map (nor Leaflet), the access points or the notices; a tag that a script adds later
 * (a framework, a CMS widget) must still come to life. Read from the page's own resource timing, so WebKit (no request events over
 * WebDriver) checks it too.
 *
 * Needs the built bundle (`npm run build`). Run alone with
 *   node --test examples/test/bundle-loading.test.mjs
 * and in the other engines with WELFARE_BROWSERS=firefox, or WELFARE_BROWSERS=webkit
 * under xvfb-run -a.
 *
 * @engines chromium firefox webkit
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './engine.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
process.chdir(repo);
const { startServer } = await import('../../scripts/serve.mjs');

const PAGE = '/examples/test/hosts/only-list.html';
/** Chunks of the elements this page does not use, by the start of their file names. */
const NOT_NEEDED = ['welfare-map-', 'map-leaflet-', 'welfare-access-points-', 'welfare-notices-', 'notices-board-'];

let server;
let browser;
let origin;

before(async () => {
  assert.ok(existsSync('packages/welfare-elements/dist/welfare-elements.js'), 'run `npm run build` first');
  server = await startServer({ port: 0 });
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launchBrowser({ server, root: repo });
});

after(async () => {
  await browser?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok()));
});

/** Opens the page; `run(fn, ...args)` runs `fn` in it and returns its (JSON) result. */
async function open(path = PAGE) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`${origin}${path}`, { waitUntil: 'load' });
  const run = (fn, ...args) =>
    page.evaluate((source, rest) => new Function(`return (${source})`)()(...rest), fn.toString(), args);
  return { page, run, close: () => page.close() };
}

/** Polls `fn` in the page until it returns something truthy (10 s at most). */
async function waitFor(run, fn, what, ...args) {
  const until = Date.now() + 10_000;
  for (;;) {
    const value = await run(fn, ...args);
    if (value) return value;
    if (Date.now() > until) {
      const seen = await run(() => ({ errors: window.__errors, violations: window.__violations }));
      throw new Error(`timed out waiting for ${what}; page saw ${JSON.stringify(seen)}`);
    }
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

/** The JavaScript files the page fetched, by file name. */
const scripts = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname.split('/').pop())
    .filter((name) => name.endsWith('.js'));

const listCards = () => document.querySelector('welfare-list').shadowRoot?.querySelectorAll('[part~="item"]').length ?? 0;

describe('the one-script bundle on a page with only a list', () => {
  it('shows the services and fetches the list, not the other elements', async () => {
    const { run, close } = await open();
    try {
      await waitFor(run, listCards, 'the list to show services');
      // The idle-time work after the feed (search index, hours) has had its chance to load.
      await new Promise((ok) => setTimeout(ok, 1500));
      const fetched = await run(scripts);
      const extra = fetched.filter((f) => NOT_NEEDED.some((prefix) => f.startsWith(prefix)));
      assert.deepEqual(extra, [], `fetched only what a list needs: ${fetched.join(', ')}`);
      const defined = await run(() => ['welfare-list', 'welfare-map', 'welfare-access-points', 'welfare-notices'].map((t) => !!customElements.get(t)));
      assert.deepEqual(defined, [true, false, false, false]);
      assert.deepEqual(await run(() => window.__errors), []);
    } finally {
      await close();
    }
  });

  it("opens a service's full view with its small map, and fetches the map engine only then", async () => {
    const { run, close } = await open();
    try {
      await waitFor(run, listCards, 'the list to show services');
      // A person opens the first card's full view, as from "Scheda completa".
      await run(() => {
        const link = document.querySelector("welfare-list").shadowRoot.querySelector('[part~="open"]');
        link.click();
      });
      await waitFor(run, () => !!document.querySelector('welfare-service-view')?.shadowRoot?.querySelector('dialog[open] h2'), 'the view');
      await waitFor(run, () => !!document.querySelector('welfare-service-view').shadowRoot.querySelector('.place-map .leaflet-marker-icon'), 'a pin on the small map');
      const fetched = await run(scripts);
      assert.equal(fetched.filter((f) => f.startsWith('map-leaflet-')).length, 1, `one engine chunk: ${fetched.join(', ')}`);
      assert.deepEqual(await run(() => window.__errors), []);
    } finally {
      await close();
    }
  });

  it('brings to life the access points that a script adds later', async () => {
    const { run, close } = await open();
    try {
      await waitFor(run, listCards, 'the list to show services');
      await run(() => {
        const points = document.createElement('welfare-access-points');
        points.setAttribute('src', 'feed.json');
        document.querySelector('main').append(points);
      });
      const names = await waitFor(
        run,
        () => {
          const items = document.querySelector('welfare-access-points').shadowRoot?.querySelectorAll('[part~="list"] > li');
          return items?.length ? [...items].map((li) => li.textContent.trim().split('\n')[0]) : null;
        },
        'the added access points to show',
      );
      assert.equal(names.length, 2, `the feed's two access points: ${JSON.stringify(names)}`);
      const fetched = await run(scripts);
      assert.ok(fetched.some((f) => f.startsWith('welfare-access-points-')), `their chunk was fetched: ${fetched.join(', ')}`);
      assert.ok(!fetched.some((f) => f.startsWith('welfare-map-') || f.startsWith('map-leaflet-')), 'still no map');
      assert.deepEqual(await run(() => window.__errors), []);
    } finally {
      await close();
    }
  });
});

/**
 * Issue 14: the search engine (minisearch, the Italian stemmer and the thesaurus, about
 * 15 KB gzip, the largest part after the base) and the suggestion rules are fetched when
 * a search is near, not with the page: a person who only reads the list never downloads
 * them; one who goes to the box has them before the first word is typed. The URL code of
 * `url-state` likewise waits for the first change when the address has nothing to restore.
 */
describe('the one-script bundle on a page with a search box and a list', () => {
  const SEARCH_PAGE = '/examples/test/hosts/search-list.html';
  const searchChunks = (fetched) => fetched.filter((f) => f.startsWith('search-engine-') || f.startsWith('search-suggestions-'));

  it('fetches the search engine when a person goes to the box, and then finds what is typed', async () => {
    const { page, run, close } = await open(SEARCH_PAGE);
    try {
      await waitFor(run, () => document.querySelector('welfare-list').shadowRoot?.querySelectorAll('[part~="item"]').length === 6, 'the list to show the six services');
      // Idle time after the feed has passed: nothing of the search engine yet.
      await new Promise((ok) => setTimeout(ok, 1500));
      const before = await run(scripts);
      assert.deepEqual(searchChunks(before), [], `no search chunk before a search is near: ${before.join(', ')}`);
      // The box has url-state, the address nothing of ours: the URL code waits for a change.
      assert.ok(!before.some((f) => f.startsWith('url-binding-')), `no URL code before a change: ${before.join(', ')}`);
      // A small feed is parsed at once: the splitter that reads large ones while they download is not fetched.
      assert.ok(!before.some((f) => f.startsWith('feed-stream-')), `no feed splitter for a small feed: ${before.join(', ')}`);
      // A keyboard user reaches the box; the engine and the suggestion rules come now.
      await run(() => document.querySelector('welfare-search').shadowRoot.querySelector('input[role="combobox"]').focus());
      await waitFor(
        run,
        () => performance.getEntriesByType('resource').some((e) => /\/search-engine-[\w-]+\.js$/.test(e.name)),
        'the search engine chunk',
      );
      for (const key of 'mensa') await page.keyboard.press(key);
      const shown = await waitFor(run, () => {
          const items = document.querySelector('welfare-list').shadowRoot?.querySelectorAll('[part~="item"]') ?? [];
          return items.length === 1 && [...items].map((e) => e.textContent);
        }, 'the list to show only the match');
      assert.match(shown[0], /Mensa di quartiere/);
      const after = await run(scripts);
      assert.equal(searchChunks(after).length, 2, `engine and suggestion rules, once each: ${after.join(', ')}`);
      // The search is in the address, for a link or a reload.
      await waitFor(run, () => new URLSearchParams(location.search).get('wq') === 'mensa', 'the query in the address');
      assert.deepEqual(await run(() => window.__errors), []);
    } finally {
      await close();
    }
  });

  it('searches at once when the page opens with a query in its address', async () => {
    const { run, close } = await open(`${SEARCH_PAGE}?wq=affitto`);
    try {
      const shown = await waitFor(run, () => {
          const items = document.querySelector('welfare-list').shadowRoot?.querySelectorAll('[part~="item"]') ?? [];
          return items.length > 0 && items.length < 6 && [...items].map((e) => e.textContent);
        }, 'the list to show the matches');
      assert.match(shown[0], /Contributo affitto/, 'the best match first');
      const box = await run(() => document.querySelector('welfare-search').shadowRoot.querySelector('input[role="combobox"]').value);
      assert.equal(box, 'affitto');
      assert.ok((await run(scripts)).some((f) => f.startsWith('search-engine-')));
      assert.deepEqual(await run(() => window.__errors), []);
    } finally {
      await close();
    }
  });
});
