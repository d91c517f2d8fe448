/**
 * The icons as the built bundle draws them (issue 11, item 1). The template minifier
 * of the build (rollup.config.mjs) once turned `<path …/>` into `<path …>` inside svg``
 * templates: the browser then nests every later shape inside the first, and draws none
 * of them ("Casa" became a caret, "Famiglia" a dot). The sources were right, so only
 * the bundle shows it.
 *
 * This test loads the bundle, renders all five elements with every category icon (the
 * ten of the demo feed and the generic one), a chosen tile (its tick), typed text (the
 * clear button), access points and the map (locate button, markers), then fails when
 * any SVG shape has another element inside it, or an icon has fewer shapes than its
 * source draws.
 *
 * Needs the built bundle (`npm run build`). Run alone with
 *   node --test examples/test/bundle-svg.test.mjs
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { after, before, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { loopbackOnly } from './engine.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
process.chdir(repo);
const { startServer } = await import('../../scripts/serve.mjs');
const bundle = 'packages/welfare-elements/dist/welfare-elements.js';

const SHAPES = ['path', 'circle', 'rect', 'line', 'polyline', 'polygon', 'ellipse'];

/** How many shapes each category icon has in the source, by id (`*` is "Tutte"). */
function shapesInSource() {
  const source = readFileSync('packages/categories/src/icons.ts', 'utf8');
  const count = (body) => (body.match(new RegExp(`<(${SHAPES.join('|')})\\b`, 'g')) ?? []).length;
  const byId = new Map();
  for (const m of source.matchAll(/^\s+(\w+): svg`([^`]*)`/gm)) byId.set(m[1], count(m[2]));
  byId.set('*', count(source.match(/const all = svg`([^`]*)`/)[1]));
  byId.set('other', count(source.match(/const fallback = svg`([^`]*)`/)[1]));
  return byId;
}

let server;
let browser;
let page;

before(async () => {
  assert.ok(existsSync(bundle), `${bundle} is missing: run \`npm run build\` first`);
  server = await startServer({ port: 0 });
  browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await loopbackOnly(page);
  // A page of the repository, emptied, so the bundle and the feed load from its origin.
  await page.goto(`http://127.0.0.1:${server.address().port}/examples/index.html`, { waitUntil: 'load' });
  await page.evaluate(async (bundlePath) => {
    const feed = await (await fetch('/examples/data/servizi.json')).json();
    // One category the icon set does not know: it gets the generic icon.
    feed.categories.push({ id: 'altro-tema', name: { it: 'Altro tema', en: 'Other topic' } });
    feed.services[0].categories.push('altro-tema');
    document.body.replaceChildren();
    // The map first: it loads Leaflet only when it comes near the viewport.
    for (const tag of ['welfare-map', 'welfare-search', 'welfare-categories', 'welfare-access-points', 'welfare-list']) {
      const el = document.createElement(tag);
      el.setAttribute('group', 'svg-test');
      if (tag === 'welfare-map') el.style.height = '400px';
      if (tag === 'welfare-list') el.setAttribute('page-size', '2');
      el.feed = feed;
      document.body.append(el);
    }
    await import(`/${bundlePath}`);
  }, bundle);
  const ready = (sel) =>
    page.waitForFunction(
      ([tag, s]) => document.querySelector(tag)?.shadowRoot?.querySelector(s),
      { timeout: 30_000, polling: 50 },
      sel,
    );
  await ready(['welfare-categories', 'button[data-category="altro-tema"]']);
  await ready(['welfare-access-points', '[part~="item"]']);
  await ready(['welfare-map', '.leaflet-marker-icon']);
  // A chosen tile shows its tick; typed text shows the clear button.
  await page.evaluate(() => document.querySelector('welfare-categories').shadowRoot.querySelector('button[data-category="casa"]').click());
  const input = await page.waitForFunction(() => document.querySelector('welfare-search').shadowRoot.querySelector('input'));
  await input.asElement().type('casa');
  await ready(['welfare-categories', 'button[data-category="casa"][aria-pressed="true"]']);
});

after(async () => {
  await browser?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok()));
});

it('draws every SVG of every element with no shape inside another', async () => {
  const found = await page.evaluate((shapes) => {
    const svgs = [];
    const walk = (root, host) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.localName === 'svg') svgs.push({ host, svg: el });
        if (el.shadowRoot) walk(el.shadowRoot, el.localName);
      }
    };
    walk(document, 'document');
    const selector = shapes.join(',');
    return {
      count: svgs.length,
      hosts: [...new Set(svgs.map((s) => s.host))],
      nested: svgs.flatMap(({ host, svg }) =>
        [...svg.querySelectorAll(selector)]
          .filter((shape) => shape.firstElementChild)
          .map((shape) => `${host} ${svg.closest("[data-category]")?.dataset.category ?? svg.getAttribute("class") ?? ""}: <${shape.localName}> holds <${shape.firstElementChild.localName}>`),
      ),
    };
  }, SHAPES);
  for (const tag of ['welfare-categories', 'welfare-search', 'welfare-access-points', 'welfare-map']) {
    assert.ok(found.hosts.includes(tag), `${tag} rendered at least one SVG (found in: ${found.hosts.join(', ')})`);
  }
  assert.deepEqual(found.nested, [], `${found.count} SVGs checked`);
});

it('draws each category icon with all the shapes of its source', async () => {
  const expected = shapesInSource();
  const drawn = await page.evaluate((shapes) => {
    const root = document.querySelector('welfare-categories').shadowRoot;
    return [...root.querySelectorAll('button[data-category]')].map((b) => {
      const icon = b.querySelector('svg.icon');
      // Only shapes that are direct children of the <svg> are drawn as written.
      return [b.dataset.category, icon ? [...icon.children].filter((c) => shapes.includes(c.localName)).length : 0];
    });
  }, SHAPES);
  assert.equal(drawn.length, 12, 'Tutte, ten demo categories and the unknown one');
  for (const [id, count] of drawn) {
    const want = expected.get(id) ?? expected.get('other');
    assert.equal(count, want, `icon "${id}": ${count} shapes drawn, ${want} in the source`);
  }
});
