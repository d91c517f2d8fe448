/**
 * Mutual aid on a running hub (issue 19): a citizen fills the public form
 * (/gestione/aiuto.html) with the keyboard only, the mediator approves it, the post is in
 * /feed.json and on a comune's page in <welfare-mutual-aid>, and the contact is in
 * neither (both are grepped); then the poster opens their personal link and withdraws it
 * (after the page's question), and reads the page again in English.
 * axe at zero on the form, its confirmation and the poster's page; no sideways scrolling
 * at 375 px.
 *
 *   node --test examples/test/mutual-aid-flow.test.mjs   (after `npm run build`)
 *
 * Chromium only, like hub-flow.test.mjs: the board element runs in the three engines in
 * packages/mutual-aid/test and examples/test/pages.test.mjs.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, it } from 'node:test';
import puppeteer from 'puppeteer-core';
import { axeClean, deepActive, deepText, fitsPhone, hubApi, requireBuilt, startSeededHub } from './hub-harness.mjs';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

const CONTACT = 'giulia.bianchi@example.org';
const CONTACT_LIKE = /giulia|bianchi|example\.org|@/i;

let hub;
let browser;
let site;

before(async () => {
  requireBuilt(['packages/hub/dist/index.js', 'packages/hub-pages/dist/aiuto.html', 'packages/welfare-elements/dist/welfare-elements.js']);
  hub = await startSeededHub();
  const { startServer } = await import('../../scripts/serve.mjs');
  site = await startServer({ port: 0 });
  browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
});

after(async () => {
  await browser?.close();
  await hub?.close();
  if (site) await new Promise((ok) => site.close(ok));
});

const inForm = (fn) => `(() => { const root = document.querySelector('welfare-mutual-aid-form')?.shadowRoot; return root && (${fn})(root); })()`;
const inPost = (fn) => `(() => { const root = document.querySelector('welfare-hub-poster-post')?.shadowRoot; return root && (${fn})(root); })()`;

async function feed() {
  await hub.publisher.schedule();
  await hub.publisher.idle();
  const text = await (await fetch(`${hub.url}/feed.json`)).text();
  return { text, json: JSON.parse(text) };
}

it('post by keyboard → the mediator approves → on the board without contact → the poster withdraws it', async () => {
  const office = await hubApi(hub, 'ufficio@piano.example');
  assert.equal((await office('PUT', '/api/mutual-aid/mediators/caritas', { comuni: ['Lodi'] })).status, 200);

  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(`${hub.url}/gestione/aiuto.html`, { waitUntil: 'networkidle0' });
  await page.waitForFunction(inForm((r) => r.querySelector('#comune')?.options.length === 1));
  await axeClean(page, 'the empty form');
  await fitsPhone(page, 'the form');

  // Keyboard only: the language switch comes first, then Tab into the kind, Space picks
  // "Offro", then each field in order.
  await page.keyboard.press('Tab');
  assert.equal((await deepActive(page)).text, 'English');
  await page.keyboard.press('Tab');
  assert.equal((await deepActive(page)).value, 'offro');
  await page.keyboard.press(' ');
  await page.keyboard.press('Tab'); // the topic
  await page.keyboard.type('Spesa');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Accompagno chi non può a fare la spesa.');
  await page.keyboard.press('Tab');
  await page.keyboard.type('il giovedì');
  await page.keyboard.press('Tab'); // the comune (Lodi, the only one)
  await page.keyboard.press('Tab');
  await page.keyboard.type(CONTACT);
  await page.keyboard.press('Tab'); // the consent (the honeypot is out of the tab order)
  assert.equal((await deepActive(page)).name, 'consent');
  await page.keyboard.press(' ');
  await new Promise((ok) => setTimeout(ok, 3_200)); // a person takes a few seconds; the hub refuses faster
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(inForm((r) => r.querySelector('[part~="confirmation"] a')));
  assert.match(await deepText(page), /Grazie, l’annuncio è arrivato/);
  const link = await page.evaluate(inForm((r) => r.querySelector('[part~="confirmation"] a').href));
  assert.ok(link.startsWith(`${hub.url}/gestione/aiuto.html#annuncio=`), link);
  await axeClean(page, 'the confirmation');

  // Not published before a mediator approves.
  assert.equal((await feed()).json.mutualAid, undefined);
  const caritas = await hubApi(hub, 'editor@caritas.example');
  const queue = await caritas('GET', '/api/mutual-aid/queue');
  assert.deepEqual(queue.body.posts.map((p) => [p.kind, p.topic, p.contact]), [['offro', 'spesa', CONTACT]]);
  const id = queue.body.posts[0].id;
  assert.equal((await caritas('POST', `/api/mutual-aid/posts/${id}/approve`, {})).status, 200);

  const published = await feed();
  assert.deepEqual(published.json.mutualAid.map((p) => [p.id, p.text, p.availability, p.comune, p.mediator]), [[id, 'Accompagno chi non può a fare la spesa.', 'il giovedì', 'Lodi', 'caritas']]);
  assert.doesNotMatch(published.text, CONTACT_LIKE);

  // A comune's page (its own origin) shows it with the bundle; the rendered board holds no contact.
  const bundle = `http://127.0.0.1:${site.address().port}/packages/welfare-elements/dist/welfare-elements.js`;
  const comune = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="it"><title>Comune</title><script type="module" src="${bundle}"></script><main><h1>Aiuto reciproco</h1><welfare-mutual-aid src="${hub.url}/feed.json"></welfare-mutual-aid></main>`);
  });
  await new Promise((ok) => comune.listen(0, '127.0.0.1', ok));
  const board = await context.newPage();
  await board.goto(`http://127.0.0.1:${comune.address().port}/`);
  await board.waitForFunction(() => document.querySelector('welfare-mutual-aid')?.shadowRoot?.querySelector('article'), { timeout: 15_000 });
  const rendered = await board.evaluate(() => {
    const root = document.querySelector('welfare-mutual-aid').shadowRoot;
    return { text: root.textContent.replace(/\s+/g, ' '), html: root.innerHTML };
  });
  assert.match(rendered.text, /Offro.*Spesa e commissioni.*Accompagno chi non può a fare la spesa\..*il giovedì.*Lodi.*Mediato da Caritas Lodigiana/);
  assert.doesNotMatch(rendered.text, CONTACT_LIKE);
  assert.doesNotMatch(rendered.html, CONTACT_LIKE);
  comune.close();
  // Back to the poster's tab, as a person would: a tab in the background gets no animation
  // frames, and puppeteer's waits poll on them (the wait below never ran: CI 2026-12-02).
  await board.close();
  await page.bringToFront();

  // The poster's link: the state in words, then "Ritira", a question, "Sì, ritira".
  await page.goto(link);
  await page.waitForFunction(inPost((r) => r.querySelector('dl')));
  assert.match(await deepText(page), /Il tuo annuncio.*Stato Pubblicato sulla bacheca\..*Comune Lodi/);
  await axeClean(page, 'the poster\'s page');
  await fitsPhone(page, 'the poster\'s page');
  await page.evaluate(inPost((r) => r.querySelector('.withdraw').focus()));
  await page.keyboard.press('Enter');
  await page.waitForFunction(inPost((r) => r.activeElement?.classList.contains('question')));
  assert.match(await deepText(page), /Ritirare l’annuncio\? Esce dalla bacheca/);
  await axeClean(page, 'the question before withdrawing');
  await page.keyboard.press('Tab');
  assert.equal((await deepActive(page)).text, 'Sì, ritira');
  await page.keyboard.press('Enter');
  await page.waitForFunction(inPost((r) => /Ritirato: il tuo recapito e il testo sono stati cancellati/.test(r.activeElement?.textContent ?? '')));
  assert.match(await deepText(page), /Stato Ritirato\./);
  await axeClean(page, 'the withdrawn post');
  assert.equal((await feed()).json.mutualAid, undefined);
  const row = (await hub.db.query('SELECT state, contact, text FROM mutual_aid_posts WHERE id = $1', [id])).rows[0];
  assert.deepEqual(row, { state: 'withdrawn', contact: null, text: null });

  // The same link in English (as the form gives it to a person who wrote in English): the
  // post is gone with its key, and the page says so; then the switch back to Italian.
  await page.goto('about:blank');
  await page.goto(`${link}&lang=en`);
  await page.waitForFunction(inPost((r) => r.querySelector('[part~="error"]')));
  assert.match(await deepText(page), /Your post Post not found: the link is not valid, or the post was withdrawn or has expired\. Write a new post/);
  assert.equal(await page.title(), 'Your post · Lodi district');
  await axeClean(page, 'the poster\'s page in English');
  await page.keyboard.press('Tab');
  assert.equal((await deepActive(page)).text, 'Italiano');
  await page.keyboard.press('Enter');
  await page.waitForFunction(inPost((r) => /Annuncio non trovato/.test(r.textContent)));
  assert.match(await deepText(page), /Il tuo annuncio Annuncio non trovato: il link non è valido/);
  assert.equal((await deepActive(page)).text, 'English', 'the focus stays on the switch');
  assert.deepEqual(problems, []);
  await context.close();
});
