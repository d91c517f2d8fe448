/**
 * The example pages on a phone, 375×740, as the bundle ships them (issue 11, item 10).
 * The category board once took about 900 px before the first service, the map of the
 * comune page was about 8,000 px down, and the search placeholder was cut ("Per
 * esempio: spesa, affitt").
 *
 * For every example page with a search box (or a category board) and a list: the first
 * service starts within 1.5 screens (1,110 px) of the top of the search box; a board
 * folds to one line; the search placeholder fits its box. On the comune page the map starts
 * within 1.5 screens too.
 *
 * Needs the built bundle (`npm run build`). Run alone with
 *   node --test examples/test/phone-layout.test.mjs
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { loopbackOnly } from './engine.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
process.chdir(repo);
const { startServer } = await import('../../scripts/serve.mjs');

const SCREEN = { width: 375, height: 740 };
const LIMIT = 1.5 * SCREEN.height;

/** Pages with a list and a search box or board before it, in the same group. */
const pages = [
  ...readdirSync('examples').filter((f) => f.endsWith('.html')).map((f) => `examples/${f}`),
  ...readdirSync('examples/elements').filter((f) => f.endsWith('.html')).map((f) => `examples/elements/${f}`),
].filter((p) => {
  const html = readFileSync(p, 'utf8');
  return /<welfare-list/.test(html) && /<welfare-(search|categories)/.test(html);
}).sort();

let server;
let browser;
let origin;

before(async () => {
  assert.ok(existsSync('packages/welfare-elements/dist/welfare-elements.js'), 'run `npm run build` first');
  server = await startServer({ port: 0 });
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
});

after(async () => {
  await browser?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok()));
});

async function open(path) {
  const page = await browser.newPage();
  await page.setViewport({ ...SCREEN, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
  await loopbackOnly(page);
  await page.goto(`${origin}/${path}`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('welfare-list')?.shadowRoot?.querySelector('[part~="item"]'), { timeout: 30_000 });
  // Fonts and the other elements settle (the map, the board's container query).
  await page.evaluate(() => document.fonts.ready);
  await new Promise((r) => setTimeout(r, 500));
  return page;
}

/** Page-relative tops: the first search box (or board), the first card of the first list after it, the first map. */
const measure = (page) =>
  page.evaluate(() => {
    const top = (el) => el.getBoundingClientRect().top + scrollY;
    const start = document.querySelector('welfare-search') ?? document.querySelector('welfare-categories');
    const lists = [...document.querySelectorAll('welfare-list')].filter(
      (l) => start.compareDocumentPosition(l) & Node.DOCUMENT_POSITION_FOLLOWING,
    );
    const card = lists[0]?.shadowRoot.querySelector('[part~="item"]');
    const map = document.querySelector('welfare-map');
    const boards = [...document.querySelectorAll('welfare-categories')].map((b) => Math.round(b.getBoundingClientRect().height));
    return { start: top(start), card: card ? top(card) : null, map: map ? top(map) : null, boards, scrollWidth: document.documentElement.scrollWidth };
  });

describe('on a 375×740 phone', () => {
  for (const path of pages) {
    it(`${path}: the first service starts within 1.5 screens of the search box`, async () => {
      const page = await open(path);
      try {
        const m = await measure(page);
        assert.ok(m.card !== null, 'a service card after the search box');
        const distance = Math.round(m.card - m.start);
        assert.ok(distance <= LIMIT, `first service ${distance} px below the search box (limit ${LIMIT})`);
        for (const h of m.boards) assert.ok(h <= 120, `a category board is folded to one line on a phone (${h} px)`);
        assert.ok(m.scrollWidth <= SCREEN.width, `no sideways scrolling (${m.scrollWidth} px)`);
        if (path === 'examples/comune.html') {
          const map = Math.round(m.map - m.start);
          assert.ok(map <= LIMIT, `the map starts ${map} px below the search box (limit ${LIMIT})`);
        }
      } finally {
        await page.close();
      }
    });
  }

  for (const path of pages.filter((p) => /<welfare-search/.test(readFileSync(p, 'utf8')))) {
  it(`${path}: shows the whole search placeholder, in Italian and in English`, async () => {
    const page = await open(path);
    try {
      for (const lang of ['it', 'en']) {
        await page.evaluate((l) => (document.documentElement.lang = l), lang);
        await new Promise((r) => setTimeout(r, 200));
        const fit = await page.evaluate(() => {
          const input = document.querySelector('welfare-search').shadowRoot.querySelector('input');
          const style = getComputedStyle(input, '::placeholder');
          const ctx = document.createElement('canvas').getContext('2d');
          ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          const inner = input.clientWidth - parseFloat(getComputedStyle(input).paddingLeft) - parseFloat(getComputedStyle(input).paddingRight);
          return { text: input.placeholder, width: Math.ceil(ctx.measureText(input.placeholder).width), room: Math.floor(inner) };
        });
        assert.ok(fit.text.length > 5, 'a placeholder');
        assert.ok(fit.width <= fit.room, `"${fit.text}" needs ${fit.width} px, the box has ${fit.room} px`);
      }
    } finally {
      await page.close();
    }
  });
  }
});
