/**
 * Opening hours are never shown in the feed's syntax (issue 11, item 4): no text a
 * person sees in an element (cards of the list, access points, map popups) may look like
 * "Mo-Fr 09:00-12:30,14:00-17:00; PH off". Checked on every example page as the bundle
 * ships it, in Italian and in English, both before the hours evaluator (a lazy chunk)
 * arrives (it is held back here) and after, with a map popup open where there is a map.
 *
 * Needs the built bundle (`npm run build`). Run alone with
 *   node --test examples/test/hours-words.test.mjs
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { loopbackOnly } from './engine.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
process.chdir(repo);
const { startServer } = await import('../../scripts/serve.mjs');

/** Day codes and PH as words of their own, or a time range written 09:00-12:30. */
const RAW = /\b(Mo|Tu|We|Th|Fr|Sa|Su|PH)\b|\d\d:\d\d-\d\d:\d\d/;

const pages = [
  ...readdirSync('examples').filter((f) => f.endsWith('.html')).sort().map((f) => `examples/${f}`),
  ...readdirSync('examples/elements').filter((f) => f.endsWith('.html')).sort().map((f) => `examples/elements/${f}`),
];

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

/** Opens a page; `holdHours` answers the evaluator's chunk never (its fetch stays pending). */
async function open(path, { holdHours = false, lang } = {}) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await loopbackOnly(page, { hold: (pathname) => holdHours && /\/opening-hours-[^/]*\.js$/.test(pathname) });
  if (lang) await page.evaluateOnNewDocument((l) => document.addEventListener('DOMContentLoaded', () => (document.documentElement.lang = l)), lang);
  await page.goto(`${origin}/${path}`, { waitUntil: 'load' });
  return page;
}

/** The rendered text of every welfare element's shadow root, element by element. */
const shownText = (page) =>
  page.evaluate(() => {
    const out = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (!el.shadowRoot) continue;
        if (el.localName.startsWith('welfare-')) {
          const text = [...el.shadowRoot.children].map((c) => c.innerText ?? '').join('\n');
          out.push({ tag: el.localName, text });
        }
        walk(el.shadowRoot);
      }
    };
    walk(document);
    return out;
  });

/** Cards with hours in words are on the page (the list and access points render them). */
const waitForHours = (page, selector) =>
  page.waitForFunction(
    (s) => {
      const find = (root) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.shadowRoot && (el.shadowRoot.querySelector(s) || find(el.shadowRoot))) return true;
        }
        return false;
      };
      return find(document);
    },
    { timeout: 30_000, polling: 100 },
    selector,
  );

function assertNoRaw(found, where) {
  const bad = found
    .flatMap(({ tag, text }) => text.split('\n').filter((line) => RAW.test(line)).map((line) => `${tag}: ${line.trim()}`))
    .slice(0, 10);
  assert.deepEqual(bad, [], `${where}: text in the feed's hours syntax`);
}

describe('no opening hours in the feed syntax', () => {
  for (const path of pages) {
    for (const lang of [undefined, 'en']) {
      it(`${path}${lang ? ' (lang=en)' : ''}: in words after the evaluator, popups included`, async () => {
        const page = await open(path, { lang });
        try {
          // Pages with cards (list, access points) show hours; a search box alone shows none.
          const cards = await page.evaluate(() => !!document.querySelector('welfare-list, welfare-access-points'));
          if (cards) {
            await waitForHours(page, '[part~="hours"]');
            await waitForHours(page, '[part~="hours-state"]');
          }
          assertNoRaw(await shownText(page), path);
          // A popup on the map: choose the first service of the list (the map opens it). The
          // map loads its engine only near the viewport, and its element is a chunk of its
          // own: a person scrolls down to it first.
          const hasMap = await page.evaluate(() => {
            const map = document.querySelector('welfare-map');
            map?.scrollIntoView({ block: 'center' });
            return !!map;
          });
          if (hasMap) await waitForHours(page, '.leaflet-marker-icon');
          const opened = await page.evaluate(() => {
            const list = document.querySelector('welfare-list')?.shadowRoot;
            const map = document.querySelector('welfare-map');
            if (!list || !map) return false;
            list.querySelector('[part~="item"] button[part="name"]')?.click();
            return true;
          });
          if (opened) {
            await waitForHours(page, '.leaflet-popup [part~="hours"]');
            const popup = await page.evaluate(() => document.querySelector('welfare-map').shadowRoot.querySelector('.leaflet-popup').innerText);
            assertNoRaw([{ tag: 'welfare-map popup', text: popup }], path);
            if (lang === 'en') assert.match(popup, /Mon|Tue|Wed|Thu|Fri|Sat|Sun|every day|always open|ask the service/);
            else assert.match(popup, /lun|mar|mer|gio|ven|sab|dom|tutti i giorni|sempre aperto|chiedere al servizio/);
          }
        } finally {
          await page.close();
        }
      });
    }
  }

  it('before the evaluator arrives (its chunk held back), the hours are already in words', async () => {
    const page = await open('examples/ufficio-di-piano.html', { holdHours: true });
    try {
      await waitForHours(page, '[part~="hours-text"]');
      const found = await shownText(page);
      assertNoRaw(found, 'ufficio-di-piano.html, evaluator pending');
      const all = found.map((f) => f.text).join('\n');
      assert.match(all, /lun–ven 9:00–12:30 e 14:00–17:00, chiuso nei festivi/);
      assert.doesNotMatch(all, /Aperto ora, chiude/, 'no state without the evaluator');
    } finally {
      await page.close();
    }
  });
});
