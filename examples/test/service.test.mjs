/**
 * A service's full view, its link and "La mia selezione" (issue 18), on the planning
 * office's page as the bundle ships it, keyboard first:
 *   - a link with `?servizio=<id>` opens the page with that service's view open, focus on
 *     its heading, and axe finds nothing on the page in that state;
 *   - Enter on a card's "Scheda completa" opens the view; Escape closes it and focus is
 *     back on that link; Back closes it too;
 *   - the selection survives a reload, and its link opens the same services for someone
 *     whose browser holds nothing; a second tab follows it (Chromium and Firefox: the
 *     WebKit driver has one window);
 *   - the view's small map is drawn by the page's one map engine chunk;
 *   - a link to a service no longer listed says so, and leads to the search.
 *
 * Needs the built bundle (`npm run build`). Run alone with
 *   node --test examples/test/service.test.mjs
 *   WELFARE_BROWSERS=firefox node --test examples/test/service.test.mjs
 *   WELFARE_BROWSERS=webkit xvfb-run -a node --test examples/test/service.test.mjs
 *
 * @engines chromium firefox webkit
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { engineUnderTest, launchBrowser } from './engine.mjs';

const require = createRequire(import.meta.url);
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
process.chdir(repo);
const { startServer } = await import('../../scripts/serve.mjs');

const PAGE = 'examples/ufficio-di-piano.html';
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let server;
let browser;
let origin;
let page;

before(async () => {
  assert.ok(existsSync('packages/welfare-elements/dist/welfare-elements.js'), 'run `npm run build` first');
  server = await startServer({ port: 0 });
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launchBrowser({ server, root: repo });
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
});

after(async () => {
  await page?.close();
  await browser?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok()));
});

/** True when focus (inside shadow roots too) is on the view's heading. */
const FOCUS_ON_HEADING = `(() => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a?.localName === 'h2' && !!document.querySelector('welfare-service-view')?.shadowRoot?.contains(a);
})()`;
const COUNT_IS = (n) => `document.querySelector('welfare-list').shadowRoot.querySelector('[part="selection"]').textContent.includes('(${n})')`;

/** Waits for `fn` (run in the page) to be truthy. */
const until = (fn, ...args) => page.waitForFunction(fn, { timeout: 30_000, polling: 100 }, ...args);

async function open(query = '') {
  await page.goto(`${origin}/${PAGE}${query}`, { waitUntil: 'load' });
  await until(() => document.querySelector('welfare-list')?.shadowRoot?.querySelector('[part="open"]'));
}

/** What the view shows and where focus is (runs in the page). */
function state() {
  const view = document.querySelector('welfare-service-view');
  const dialog = view?.shadowRoot?.querySelector('dialog');
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return {
    open: !!dialog?.open,
    heading: dialog?.open ? dialog.querySelector('h2')?.textContent.trim() : undefined,
    focus: active ? `${active.localName}${active.dataset?.serviceLink ? `[${active.dataset.serviceLink}]` : ''}` : null,
    focusInView: !!active && view?.shadowRoot?.contains(active),
    search: location.search,
    names: dialog?.open ? [...dialog.querySelectorAll('[part="item"] h3')].map((h) => h.textContent.trim()) : [],
  };
}
const now = () => page.evaluate(state);

/** The names of services in the feed by id (runs in the page). */
const nameOf = (id) =>
  page.evaluate((i) => fetch('data/servizi.json').then((r) => r.json()).then((f) => f.services.find((s) => s.id === i).name), id);

describe(`${PAGE}: a service's full view`, () => {
  it('a link to a service opens the page with its view open and focus on its heading; axe finds nothing', async () => {
    await open('?servizio=svc-004');
    await until(() => document.querySelector('welfare-service-view')?.shadowRoot?.querySelector('dialog[open] h2'));
    await until(FOCUS_ON_HEADING);
    const s = await now();
    assert.equal(s.heading, await nameOf('svc-004'));
    assert.equal(s.focus, 'h2');
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(violations, []);
  });

  it('opens with Enter on "Scheda completa"; Escape closes it and focus is back on the link', async () => {
    await open();
    const id = await page.evaluate(() => {
      const a = document.querySelector('welfare-list').shadowRoot.querySelector('[part="open"]');
      a.focus();
      return a.dataset.serviceLink;
    });
    await page.keyboard.press('Enter');
    await until(() => document.querySelector('welfare-service-view')?.shadowRoot?.querySelector('dialog[open] h2'));
    let s = await now();
    assert.equal(s.heading, await nameOf(id));
    assert.match(s.search, new RegExp(`servizio=${id}`));
    await until(FOCUS_ON_HEADING);
    await page.keyboard.press('Escape');
    await until(() => !document.querySelector('welfare-service-view').shadowRoot.querySelector('dialog[open]') && !/servizio=/.test(location.search));
    s = await now();
    assert.equal(s.focus, `a[${id}]`, 'focus is back on the link that opened it');
  });

  it('closes on Back', async () => {
    await open();
    const id = await page.evaluate(() => {
      const a = document.querySelector('welfare-list').shadowRoot.querySelectorAll('[part="open"]')[1];
      a.focus();
      a.click();
      return a.dataset.serviceLink;
    });
    await until(() => document.querySelector('welfare-service-view')?.shadowRoot?.querySelector('dialog[open] h2'));
    await page.evaluate(() => history.back());
    await until(() => !document.querySelector('welfare-service-view').shadowRoot.querySelector('dialog[open]'));
    const s = await now();
    assert.equal(s.focus, `a[${id}]`);
    assert.doesNotMatch(s.search, /servizio=/);
  });
});

describe(`${PAGE}: the view's map and a link to a service no longer listed`, () => {
  it("draws the service's place on a small map with the page's one map engine", async () => {
    await open('?servizio=svc-004');
    await until(() => document.querySelector('welfare-service-view')?.shadowRoot?.querySelector('.place-map .leaflet-marker-icon'));
    const chunks = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname.split('/').pop())
        .filter((f) => f.endsWith('.js')),
    );
    assert.equal(chunks.filter((f) => f.startsWith('map-leaflet')).length, 1, `one engine chunk: ${chunks.join(', ')}`);
    const label = await page.evaluate(() => document.querySelector('welfare-service-view').shadowRoot.querySelector('.place-map').getAttribute('aria-label'));
    assert.equal(label, `Mappa: dove si trova ${await nameOf('svc-004')}`);
  });

  it('says plainly that the service is gone; Tab and Enter lead to the search field; axe finds nothing', async () => {
    await open('?servizio=non-esiste-piu');
    await until(() => document.querySelector('welfare-service-view')?.shadowRoot?.querySelector('dialog[open] [part="missing"]'));
    await until(FOCUS_ON_HEADING);
    assert.equal((await now()).heading, 'Servizio non trovato');
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(violations, []);
    await page.keyboard.press('Tab');
    await until(() => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return a?.getAttribute('part') === 'button search';
    });
    await page.keyboard.press('Enter');
    await until(() => !document.querySelector('welfare-service-view').shadowRoot.querySelector('dialog[open]') && !/servizio=/.test(location.search));
    await until(() => {
      const search = document.querySelector('welfare-search');
      return !!search.shadowRoot.activeElement && search.shadowRoot.activeElement.localName === 'input';
    });
  });
});

describe(`${PAGE}: "La mia selezione"`, () => {
  it('survives a reload, and its link opens the same services in a browser that holds nothing', async () => {
    await open();
    await page.evaluate(() => localStorage.clear());
    await open();
    const picked = await page.evaluate(() => {
      const list = document.querySelector('welfare-list').shadowRoot;
      const boxes = [...list.querySelectorAll('[part="save"] input')].slice(0, 3);
      boxes.forEach((b) => b.click());
      return boxes.map((b) => b.closest('[data-id]').dataset.id);
    });
    await until(COUNT_IS(3));

    await open(); // a reload
    await until(COUNT_IS(3));
    const checked = await page.evaluate(() =>
      [...document.querySelector('welfare-list').shadowRoot.querySelectorAll('[part="save"] input')].filter((b) => b.checked).map((b) => b.closest('[data-id]').dataset.id),
    );
    assert.deepEqual(checked, picked);

    await page.evaluate(() => document.querySelector('welfare-list').shadowRoot.querySelector('[part="selection"]').click());
    await until(() => document.querySelector('welfare-service-view')?.shadowRoot?.querySelector('dialog[open] [part="item"]'));
    const mine = await now();
    assert.equal(mine.heading, 'La mia selezione');
    assert.equal(mine.names.length, 3);
    const link = await page.evaluate(() => location.href);
    assert.match(link, new RegExp(`selezione=${picked.join(',')}`));

    // Someone else opens the link: nothing saved in their browser.
    await page.evaluate(() => localStorage.clear());
    await page.goto(link, { waitUntil: 'load' });
    await until(() => document.querySelector('welfare-service-view')?.shadowRoot?.querySelector('dialog[open] [part="item"]'));
    const theirs = await now();
    assert.equal(theirs.heading, 'Selezione condivisa');
    assert.deepEqual(theirs.names, mine.names);
    await page.evaluate(() => localStorage.clear());
  });

  it('a second tab follows it', { skip: engineUnderTest() === 'webkit' && 'the WebKit driver has one window' }, async () => {
    await open();
    await page.evaluate(() => localStorage.clear());
    await open();
    const other = await browser.newPage();
    try {
      await other.goto(`${origin}/${PAGE}`, { waitUntil: 'load' });
      await other.waitForFunction(COUNT_IS(0), { timeout: 30_000, polling: 100 });
      await page.evaluate(() => document.querySelector('welfare-list').shadowRoot.querySelector('[part="save"] input').click());
      await until(COUNT_IS(1));
      await other.waitForFunction(COUNT_IS(1), { timeout: 30_000, polling: 100 });
    } finally {
      await other.close();
      await page.evaluate(() => localStorage.clear());
    }
  });
});
