/**
 * Text as people read and hear it, on the pages the bundle builds (issue 11, item 9).
 * The template minifier once removed spaces at the edges of template parts, so people
 * read "Sede di Codogno,Viale Resistenza 12" and "58 servizi sulla mappa(1 senza
 * indirizzo…)", and screen readers heard "…Casalpusterlengo(si apre in una nuova
 * finestra)" and "Tutte , (59 servizi )". Counts were said several times ("0 servizi"
 * above "Nessun servizio trovato").
 *
 * Checked on every example page with all its elements, as the bundle ships them: the
 * rendered text of every element and the accessible name of every button and link
 * (Chromium's accessibility tree) have no word glued to a bracket or after a comma, no
 * space before a comma or inside brackets; and an empty result says so once.
 *
 * Needs the built bundle (`npm run build`). Run alone with
 *   node --test examples/test/bundle-text.test.mjs
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { loopbackOnly } from './engine.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
process.chdir(repo);
const { startServer } = await import('../../scripts/serve.mjs');

/** A word glued to "(", a letter right after a comma, a space before a comma or inside brackets. */
const GLITCHES = [
  [/\p{L}\(/u, 'a word glued to "("'],
  [/,\p{L}/u, 'no space after a comma'],
  [/ ,/, 'a space before a comma'],
  [/\( | \)/, 'a space inside brackets'],
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

async function open(path) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await loopbackOnly(page);
  await page.goto(`${origin}/${path}`, { waitUntil: 'load' });
  return page;
}

/** Runs `source` (a function of a shadow root) on the first element `tag` once it returns truthy. */
const waitIn = (page, tag, source) =>
  page.waitForFunction(
    (t, s) => {
      const root = document.querySelector(t)?.shadowRoot;
      return root && new Function('root', `return (${s})(root)`)(root);
    },
    { timeout: 30_000, polling: 100 },
    tag,
    source.toString(),
  );

const shownText = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('*')]
      .filter((el) => el.localName.startsWith('welfare-') && el.shadowRoot)
      .flatMap((el) => [...el.shadowRoot.children].map((c) => c.innerText ?? '').join('\n').split('\n').map((line) => `${el.localName}: ${line.trim()}`)),
  );

/** Accessible names of buttons, links, and the like, from Chromium's accessibility tree. */
async function accessibleNames(page) {
  const names = [];
  const walk = (node) => {
    if (node.name && ['button', 'link', 'checkbox', 'combobox', 'togglebutton', 'heading', 'status', 'region', 'group', 'list'].includes(node.role)) {
      names.push(`${node.role}: ${node.name}`);
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(await page.accessibility.snapshot({ interestingOnly: false }));
  return names;
}

function glitches(lines) {
  return lines.flatMap((line) => GLITCHES.filter(([re]) => re.test(line)).map(([, what]) => `${what}: ${line}`));
}

describe('text without glitches, as the bundle renders it', () => {
  for (const path of ['examples/ufficio-di-piano.html', 'examples/comune.html', 'examples/associazione.html']) {
    it(`${path}: rendered text and accessible names`, async () => {
      const page = await open(path);
      try {
        await waitIn(page, 'welfare-list', (root) => root.querySelector('[part~="item"]'));
        if (await page.$('welfare-map')) await waitIn(page, 'welfare-map', (root) => /\d/.test(root.querySelector('[part="count"]')?.textContent ?? ''));
        const text = await shownText(page);
        assert.deepEqual(glitches(text).slice(0, 10), [], 'rendered text');
        const names = await accessibleNames(page);
        assert.ok(names.length > 20, `accessible names found: ${names.length}`);
        assert.deepEqual(glitches(names).slice(0, 10), [], 'accessible names');
      } finally {
        await page.close();
      }
    });
  }

  it('reads "Sede di Codogno, Viale Resistenza 12" and "sulla mappa (1 senza indirizzo…)"', async () => {
    const page = await open('examples/ufficio-di-piano.html');
    try {
      await waitIn(page, 'welfare-list', (root) => root.querySelector('[part~="item"]'));
      const list = await page.evaluate(async () => {
        const el = document.querySelector('welfare-list');
        // Every service, not only the first page of cards.
        el.pageSize = 1000;
        await el.updateComplete;
        return el.shadowRoot.querySelector('[part="list"]').innerText;
      });
      assert.match(list, /Sede di Codogno, Viale Resistenza 12/);
      await waitIn(page, 'welfare-map', (root) => /\d/.test(root.querySelector('[part="count"]')?.textContent ?? ''));
      const mapCount = await page.evaluate(() => document.querySelector('welfare-map').shadowRoot.querySelector('[part="count"]').innerText);
      assert.match(mapCount, /sulla mappa \(1 senza indirizzo/);
    } finally {
      await page.close();
    }
  });

  it('an empty result is said once, not "0 servizi" above "Nessun servizio trovato"', async () => {
    const page = await open('examples/ufficio-di-piano.html?wq=zzzzqqq');
    try {
      await waitIn(page, 'welfare-list', (root) => root.querySelector('[part="empty"]'));
      // On screen: the empty message, not "0 servizi" above it (the count is for screen readers).
      const { text, countWidth } = await page.evaluate(() => {
        const root = document.querySelector('welfare-list').shadowRoot;
        return { text: root.textContent, countWidth: root.querySelector('[part="count"]').getBoundingClientRect().width };
      });
      assert.doesNotMatch(text, /\b0 servizi\b/);
      assert.ok(countWidth <= 1, 'the count is not shown on screen as well');
      assert.match(text, /Nessun servizio trovato/);
    } finally {
      await page.close();
    }
  });
});
