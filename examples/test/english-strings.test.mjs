/**
 * The English strings are a chunk of their own, fetched only by pages in English (issue
 * 14, packages/core/src/i18n/dictionary.ts), checked on the planning-office example as the
 * bundle ships it:
 *
 * - in English, every text the elements ever show (each state between two mutations of
 *   their shadow roots, labels and placeholders included) is English: the loading state,
 *   while the English chunk is still on its way (held back here), and after the feed;
 * - in Italian, the English chunk is never requested; switching the page to English at
 *   run time fetches it and the elements re-render in English;
 * - when the English chunk cannot be downloaded, the elements work in Italian.
 *
 * Needs the built bundle (`npm run build`). Run alone with
 *   node --test examples/test/english-strings.test.mjs
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BUNDLE, scrollThrough, start } from './harness.mjs';
import { existsSync, readFileSync } from 'node:fs';

const PAGE = '/examples/ufficio-di-piano.html';
const ENGLISH_CHUNK = /\/english-[\w-]+\.js$/;
const FEED = /\/data\/servizi\.json$/;

/** Italian texts of the elements' own strings (not of the feed, which has Italian names). */
const ITALIAN = [
  'Caricamento dei servizi', 'Cerca un servizio', 'Elenco dei servizi', 'Mappa dei servizi', 'Salta la mappa',
  'Categorie di servizi', 'Tutte le categorie', 'Mostra sulla mappa', 'Scheda completa', 'Vicino a me',
  'Ingrandisci la mappa', 'Legenda della mappa', 'Tutti i comuni', 'Aperto ora', 'chiedere al servizio',
  'Nessun servizio', 'Orari dei prossimi', 'Tutte le notizie',
];

let env;
before(async () => {
  assert.ok(existsSync(BUNDLE), 'run `npm run build` first');
  env = await start();
});
after(() => env?.close());

/**
 * Records every text the elements show: each shadow root is watched from its creation, and
 * at each change its texts, aria-labels, placeholders and titles are kept (a state replaced
 * within the same task is never painted, so it is not a state a person could see).
 */
function recordShadowTexts() {
  const seen = (window.__shownTexts = new Set());
  const take = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === Node.TEXT_NODE) {
        if (n.parentElement?.localName !== 'style' && n.data.trim()) seen.add(n.data.trim());
      } else {
        for (const a of ['aria-label', 'placeholder', 'title']) if (n.getAttribute(a)) seen.add(n.getAttribute(a));
      }
    }
  };
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    new MutationObserver(() => take(root)).observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    return root;
  };
}

/** A page whose requests matching `held` wait until `release(pattern)`; `fail` ones get a 404. */
async function open({ lang, held = [], fail } = {}) {
  const page = await env.browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const waiting = [];
  const requested = [];
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    const url = new URL(r.url());
    requested.push(url.pathname);
    if (url.hostname !== '127.0.0.1') return r.abort('blockedbyclient');
    if (url.pathname === '/favicon.ico') return r.respond({ status: 204, body: '' });
    if (fail?.test(url.pathname)) return r.respond({ status: 404, body: '' });
    // A page written in English, as a webmaster would: lang="en" on <html>.
    if (url.pathname === PAGE && lang === 'en') {
      return r.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(`.${PAGE}`, 'utf8').replace('<html lang="it">', '<html lang="en">') });
    }
    if (held.some((p) => p.test(url.pathname))) return waiting.push(r);
    return r.continue();
  });
  await page.evaluateOnNewDocument(recordShadowTexts);
  await page.goto(`${env.origin}${PAGE}`, { waitUntil: 'domcontentloaded' });
  return {
    page,
    requested,
    held: (pattern) => waiting.filter((r) => pattern.test(new URL(r.url()).pathname)).length,
    release: (pattern) => {
      held = held.filter((p) => p !== pattern);
      for (let i = waiting.length - 1; i >= 0; i--) {
        if (pattern.test(new URL(waiting[i].url()).pathname)) waiting.splice(i, 1)[0].continue();
      }
    },
    shown: () => page.evaluate(() => [...window.__shownTexts]),
  };
}

const until = async (check, ms = 20_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((ok) => setTimeout(ok, 50))) if (await check()) return;
  assert.fail(`not within ${ms} ms: ${check}`);
};

const italianIn = (texts) => texts.filter((t) => ITALIAN.some((word) => t.includes(word)));

describe('English strings fetched only by pages in English', () => {
  it('an English page shows only English, from its loading state on, while its strings are on the way', async () => {
    const p = await open({ lang: 'en', held: [ENGLISH_CHUNK, FEED] });
    try {
      await until(async () => p.held(ENGLISH_CHUNK) > 0);
      // The English strings have not arrived: the elements wait rather than speak Italian.
      await new Promise((ok) => setTimeout(ok, 400));
      assert.deepEqual(italianIn(await p.shown()), []);
      p.release(ENGLISH_CHUNK);
      await until(async () => (await p.shown()).includes('Loading services…'));
      p.release(FEED);
      await p.page.waitForNetworkIdle({ idleTime: 500, timeout: 30_000 });
      await scrollThrough(p.page);
      await p.page.waitForNetworkIdle({ idleTime: 500, timeout: 30_000 });
      const shown = await p.shown();
      for (const english of ['Loading services…', 'Search for a service', 'List of services', 'Map of services', 'Skip the map', 'Zoom in']) {
        assert.ok(shown.includes(english), `"${english}" shown`);
      }
      assert.deepEqual(italianIn(shown), [], 'Italian texts shown on the English page');
      assert.equal(p.requested.filter((path) => ENGLISH_CHUNK.test(path)).length, 1, 'one English chunk, fetched once');
    } finally {
      await p.page.close();
    }
  });

  it('an Italian page never fetches the English strings; switching to English fetches them and re-renders', async () => {
    const p = await open();
    try {
      await p.page.waitForNetworkIdle({ idleTime: 500, timeout: 30_000 });
      await scrollThrough(p.page);
      await p.page.waitForNetworkIdle({ idleTime: 500, timeout: 30_000 });
      assert.deepEqual(p.requested.filter((path) => ENGLISH_CHUNK.test(path)), []);
      assert.ok((await p.shown()).includes('Cerca un servizio'));
      await p.page.click('#lang-switch');
      await until(async () => (await p.shown()).includes('Search for a service'));
      await until(async () => (await p.shown()).includes('Zoom in'));
      assert.equal(p.requested.filter((path) => ENGLISH_CHUNK.test(path)).length, 1);
    } finally {
      await p.page.close();
    }
  });

  it('an English page whose strings cannot be downloaded works in Italian instead of staying blank', async () => {
    const p = await open({ lang: 'en', fail: ENGLISH_CHUNK });
    try {
      await p.page.waitForNetworkIdle({ idleTime: 500, timeout: 30_000 });
      const shown = await p.shown();
      assert.ok(shown.includes('Cerca un servizio'), 'the search box, in Italian');
      const cards = await p.page.evaluate(() => document.querySelector('welfare-list').shadowRoot.querySelectorAll('[part~="item"]').length);
      assert.ok(cards > 0, 'the list shows the services');
    } finally {
      await p.page.close();
    }
  });
});
