/**
 * What pages really fetch (issue 14): each page is opened in Chromium (puppeteer-core,
 * scripts/chromium.mjs) from a local server, scrolled to its end so that lazy parts near
 * the viewport load (the map), and left until the network is idle; every JavaScript file
 * it requested is counted, gzip level 9 of the bytes served. This is what a citizen's
 * phone downloads: the first load, the chunks the feed calls for (opening hours
 * evaluator, notices) and the map, each once. Then a person clicks the search box and
 * types a word: the same page "after a search" adds the search engine and the
 * suggestion rules (fetched when a search is near, issue 14).
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { startServer } from './serve.mjs';

/** A page with only search, categories and list on the demo feed (not an example page of its own). */
const TRIO = '/examples/__size-search-categories-list.html';
const trioHtml = `<!doctype html>
<html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Servizi</title>
<script type="module" src="../packages/welfare-elements/dist/welfare-elements.js"></script></head>
<body><main>
<welfare-search src="data/servizi.json"></welfare-search>
<welfare-categories src="data/servizi.json"></welfare-categories>
<welfare-list src="data/servizi.json"></welfare-list>
</main></body></html>`;

/** An example page as its file is, with another `lang` on <html>. */
const inLanguage = (path, lang) =>
  readFileSync(new URL(`..${path}`, import.meta.url), 'utf8').replace(/<html lang="\w+">/, `<html lang="${lang}">`);

/** What the "after a search" rows type in the search box. */
const SEARCHED = 'spesa';

export const PAGES = [
  { id: 'planning-office', what: 'the planning-office example (examples/ufficio-di-piano.html), demo feed, with the map', path: '/examples/ufficio-di-piano.html' },
  { id: 'search-categories-list', what: 'a page with search, categories and list, demo feed', path: TRIO },
  // The same planning page written in English (lang="en" on <html>): the English strings
  // are a chunk of their own, fetched only by pages in English (i18n/dictionary.ts).
  { id: 'planning-office-en', what: 'the planning-office example in English (lang="en"), demo feed, with the map', path: '/examples/ufficio-di-piano.html', lang: 'en' },
];

/** Opens each page and returns, per page, the JavaScript files fetched and their gzip sizes. */
export async function measurePages(pages = PAGES) {
  const server = await startServer({ port: 0 });
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await puppeteer.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  try {
    const out = [];
    for (const p of pages) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.setCacheEnabled(false);
      await page.setRequestInterception(true);
      page.on('request', (req) => {
        const { pathname } = new URL(req.url());
        if (pathname === TRIO) req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: trioHtml });
        else if (p.lang && pathname === p.path) req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: inLanguage(p.path, p.lang) });
        else req.continue();
      });
      const files = new Map();
      const pending = [];
      page.on('response', (res) => {
        const url = new URL(res.url());
        if (!url.pathname.endsWith('.js') && !url.pathname.endsWith('.mjs')) return;
        pending.push(
          res.buffer().then(
            (body) => files.set(url.pathname, { raw: body.length, gzip: gzipSync(body, { level: 9 }).length }),
            () => undefined,
          ),
        );
      });
      await page.goto(base + p.path, { waitUntil: 'networkidle0', timeout: 60_000 });
      // Lazy parts load near the viewport: go down the page as a person would.
      await page.evaluate(async () => {
        for (let y = 0; y < document.documentElement.scrollHeight; y += 600) {
          window.scrollTo(0, y);
          await new Promise((r) => setTimeout(r, 100));
        }
      });
      await page.waitForNetworkIdle({ idleTime: 1500, timeout: 60_000 });
      await Promise.all(pending);
      const measured = (extra = {}) => {
        const list = [...files].map(([path, s]) => ({ path, ...s })).sort((a, b) => b.gzip - a.gzip);
        return {
          ...p,
          ...extra,
          files: list,
          gzip: list.reduce((n, f) => n + f.gzip, 0),
          raw: list.reduce((n, f) => n + f.raw, 0),
          library: list.some((f) => /opening-hours-library-/.test(f.path)),
          map: list.some((f) => /map-leaflet-/.test(f.path)),
        };
      };
      out.push(measured());
      // Then a person searches (the search engine is fetched when a search is near): goes to
      // the box and types a word; everything fetched so far and since is counted.
      const box = await page.evaluateHandle(() =>
        document.querySelector('welfare-search')?.shadowRoot?.querySelector('input[role="combobox"]'),
      );
      if (box.asElement()) {
        await box.asElement().click();
        await box.asElement().type(SEARCHED);
        await page.waitForNetworkIdle({ idleTime: 1500, timeout: 60_000 });
        await Promise.all(pending);
        out.push(measured({ id: `${p.id}-search`, what: `${p.what}, after a search ("${SEARCHED}")`, searched: true }));
      }
      await page.close();
    }
    return out;
  } finally {
    await browser.close();
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await measurePages()) {
    console.log(`${r.what}: ${r.files.length} files, ${(r.gzip / 1024).toFixed(1)} KB gzip (library ${r.library}, map ${r.map})`);
    for (const f of r.files) console.log(`  ${f.path} ${(f.gzip / 1024).toFixed(1)} KB`);
  }
}
