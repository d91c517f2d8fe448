/**
 * What the page-level tests that look at the page share (screenshots, layout shift,
 * print): the static server on a free port, Chromium with nothing reachable outside
 * loopback, a fixed clock, and a wait for "everything a person would see is there".
 *
 * Not a test file itself (no `.test.mjs`), so scripts/test.mjs does not run it.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
process.chdir(repo);
const { startServer } = await import('../../scripts/serve.mjs');

export const BUNDLE = 'packages/welfare-elements/dist/welfare-elements.js';

/**
 * The moment every page is shown at: Wednesday 4 November 2026, 10:30 in Lodi (Europe/Rome,
 * UTC+1). A weekday morning, so services with hours are open or closed as on a working day;
 * the clock then runs on from there, and no demo service opens or closes within minutes of it.
 */
export const FIXED_TIME = Date.parse('2026-11-04T09:30:00Z');

/** The server and the browser; `close()` ends both. */
export async function start() {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`npm run build\` first`);
  const server = await startServer({ port: 0 });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [...chromiumArgs, '--hide-scrollbars', '--font-render-hinting=none'],
  });
  return {
    origin,
    browser,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

const isLoopback = (url) => {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
  return hostname === '127.0.0.1' || hostname === 'localhost';
};

/**
 * A new page at `width`×`height`, with:
 * - every request outside loopback aborted (map tiles: the map shows its plain background);
 * - the clock at FIXED_TIME (then running), Europe/Rome time zone;
 * - `feedDelay` milliseconds added before every `.json` answer (a slow feed), if given;
 * - prefers-reduced-motion (the map does not animate, the spinner stands still);
 * - `window.__welfareEvents`: welfare-load / welfare-error per element.
 */
export async function newPage(browser, { width, height, feedDelay = 0, clock = FIXED_TIME }) {
  const page = await browser.newPage();
  await page.setViewport({ width, height });
  await page.emulateTimezone('Europe/Rome');
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  await page.setRequestInterception(true);
  page.on('request', async (request) => {
    if (!isLoopback(request.url())) return request.abort('blockedbyclient');
    if (new URL(request.url()).pathname === '/favicon.ico') return request.respond({ status: 204, body: '' });
    if (feedDelay && new URL(request.url()).pathname.endsWith('.json')) {
      await new Promise((ok) => setTimeout(ok, feedDelay));
    }
    return request.continue();
  });
  await page.evaluateOnNewDocument((fixed) => {
    if (fixed) {
      const RealDate = Date;
      const offset = fixed - RealDate.now();
      // eslint-disable-next-line no-global-assign
      Date = class extends RealDate {
        constructor(...args) {
          if (args.length) super(...args);
          else super(RealDate.now() + offset);
        }
        static now() {
          return RealDate.now() + offset;
        }
      };
    }
    const seen = (window.__welfareEvents = []);
    for (const type of ['welfare-load', 'welfare-error']) {
      document.addEventListener(type, (event) => seen.push({ type, el: event.composedPath()[0] }), true);
    }
  }, clock);
  return page;
}

/** All <welfare-*> elements, in the document and in shadow roots (runs in the page). */
export function welfareElements() {
  const found = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.localName.startsWith('welfare-')) found.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return found;
}

/**
 * Waits until what a person would see is all there: every element has read its feed
 * (or failed), the lazy chunks and late renders are done (network idle), web fonts are
 * in, and the frames after that are painted.
 */
export async function settle(page, timeout = 20_000) {
  await page
    .waitForFunction(
      `(${welfareElements.toString()})().every((el) => customElements.get(el.localName) && el.shadowRoot
        && window.__welfareEvents.some((e) => e.el === el))`,
      { timeout, polling: 100 },
    )
    .catch(() => undefined);
  await page.waitForNetworkIdle({ idleTime: 500, timeout }).catch(() => undefined);
  await page.evaluate(async () => {
    await document.fonts.ready;
    // Announcements wait half a second for results to stop changing (search, list).
    await new Promise((ok) => setTimeout(ok, 700));
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
  });
}

/**
 * Scrolls through the page so that elements loaded near the viewport start, and brings
 * each map into view until its markers are drawn (Leaflet loads when a map comes near the
 * viewport; a map scrolled past too fast may not have drawn them yet).
 */
export async function scrollThrough(page) {
  await page.evaluate(async () => {
    const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 30)));
    const step = Math.max(200, innerHeight - 100);
    for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
      scrollTo(0, y);
      await frame();
    }
    for (const map of document.querySelectorAll('welfare-map')) {
      map.scrollIntoView({ block: 'center' });
      const until = performance.now() + 10_000;
      while (performance.now() < until && !map.shadowRoot?.querySelector('.leaflet-marker-icon')) await frame();
    }
    scrollTo(0, 0);
  });
}
