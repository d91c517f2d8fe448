/**
 * <welfare-mutual-aid-form> on a comune's own site (issue 19): the hub lists that site's
 * origin (--aid-origins), a citizen fills the form on a page served from another port with
 * the keyboard only, and the post reaches the mediator's queue with its contact; the same
 * page on an origin the hub does not list cannot even load the form, and nothing reaches
 * the hub. axe at zero on the form and its confirmation; no sideways scrolling at 375 px.
 *
 *   node --test examples/test/mutual-aid-form-flow.test.mjs   (after `npm run build`)
 *
 * Chromium only, like the other hub flows: the element runs in the three engines in
 * packages/mutual-aid/test/form.test.ts.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, it } from 'node:test';
import puppeteer from 'puppeteer-core';
import { axeClean, fitsPhone, hubApi, requireBuilt, startSeededHub } from './hub-harness.mjs';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

const CONTACT = 'giulia.bianchi@example.org';

let hub;
let browser;
let site;
let listed;
let unlisted;

/** A comune's page on its own origin: the bundle and the form pointing at the hub. */
function comunePage() {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="it"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Aiuto reciproco · Comune</title>
      <script type="module" src="http://127.0.0.1:${site.address().port}/packages/welfare-elements/dist/welfare-elements.js"></script></head>
      <body><main><h1>Offri o chiedi aiuto</h1><welfare-mutual-aid-form hub="${hub.url}"></welfare-mutual-aid-form></main></body></html>`);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}
const origin = (server) => `http://127.0.0.1:${server.address().port}`;

before(async () => {
  requireBuilt(['packages/hub/dist/index.js', 'packages/welfare-elements/dist/welfare-elements.js']);
  const { startServer } = await import('../../scripts/serve.mjs');
  site = await startServer({ port: 0 });
  // The pages' ports first: the hub is started with the one it lists.
  hub = { url: '' };
  listed = await comunePage();
  unlisted = await comunePage();
  hub = await startSeededHub({ aidOrigins: [origin(listed)] });
  browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
});

after(async () => {
  await browser?.close();
  await hub?.close?.();
  for (const s of [site, listed, unlisted]) if (s) await new Promise((ok) => s.close(ok));
});

const formText = (page) => page.evaluate(() => document.querySelector('welfare-mutual-aid-form').shadowRoot.textContent.replace(/\s+/g, ' '));
const activeName = (page) => page.evaluate(() => {
  const a = document.querySelector('welfare-mutual-aid-form').shadowRoot.activeElement;
  return a ? a.getAttribute('name') ?? a.tagName : '';
});

it('a comune page listed by the hub posts by keyboard; a page on another origin cannot', async () => {
  const office = await hubApi(hub, 'ufficio@piano.example');
  assert.equal((await office('PUT', '/api/mutual-aid/mediators/caritas', { comuni: ['Lodi'] })).status, 200);

  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(`${origin(listed)}/`);
  await page.waitForFunction(() => document.querySelector('welfare-mutual-aid-form')?.shadowRoot?.querySelector('#comune option'), { timeout: 30_000 });
  await axeClean(page, 'the form');
  await fitsPhone(page, 'the form');

  await page.keyboard.press('Tab');
  assert.equal(await activeName(page), 'kind');
  await page.keyboard.press(' ');
  await page.keyboard.press('Tab'); // the topic
  await page.keyboard.press('Tab');
  await page.keyboard.type('Aiuto a compilare la domanda ISEE.');
  await page.keyboard.press('Tab');
  await page.keyboard.type('il mercoledì');
  await page.keyboard.press('Tab'); // the comune (Lodi, the only one)
  await page.keyboard.press('Tab');
  await page.keyboard.type(CONTACT);
  await page.keyboard.press('Tab');
  assert.equal(await activeName(page), 'consent');
  await page.keyboard.press(' ');
  await new Promise((ok) => setTimeout(ok, 3_200)); // a person takes a few seconds; the hub refuses faster
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('welfare-mutual-aid-form').shadowRoot.querySelector('[part~="confirmation"] a'), { timeout: 30_000 });
  assert.match(await formText(page), /Grazie, l’annuncio è arrivato/);
  const link = await page.evaluate(() => document.querySelector('welfare-mutual-aid-form').shadowRoot.querySelector('[part~="confirmation"] a').href);
  assert.ok(link.startsWith(`${hub.url}/gestione/aiuto.html#annuncio=`), link);
  await axeClean(page, 'the confirmation');

  const caritas = await hubApi(hub, 'editor@caritas.example');
  const queue = (await caritas('GET', '/api/mutual-aid/queue')).body;
  assert.deepEqual(queue.posts.map((p) => [p.kind, p.text, p.availability, p.comune, p.contact]), [['offro', 'Aiuto a compilare la domanda ISEE.', 'il mercoledì', 'Lodi', CONTACT]]);

  // The personal link opens the hub's page on that post.
  await page.goto(link);
  await page.waitForFunction(() => document.querySelector('welfare-hub-poster-post')?.shadowRoot?.querySelector('dl'), { timeout: 30_000 });
  assert.match(await page.evaluate(() => document.querySelector('welfare-hub-poster-post').shadowRoot.textContent), /In attesa/);

  // An origin the hub does not list: the form cannot load, nothing reaches the hub.
  await page.goto(`${origin(unlisted)}/`);
  await page.waitForFunction(() => document.querySelector('welfare-mutual-aid-form')?.shadowRoot?.querySelector('[role="alert"]'), { timeout: 30_000 });
  assert.match(await formText(page), /Il modulo non si è caricato/);
  await axeClean(page, 'the refused form');
  const refused = await page.evaluate(async (hubUrl) => {
    try {
      await fetch(`${hubUrl}/api/public/mutual-aid/posts`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      return 'sent';
    } catch {
      return 'blocked';
    }
  }, hub.url);
  assert.equal(refused, 'blocked');
  assert.equal((await caritas('GET', '/api/mutual-aid/queue')).body.posts.length, 1);
  assert.deepEqual(problems, []);
  await context.close();
});
