/**
 * The hub's pages on a running hub (issue 17): a fresh database (PGlite in memory), the
 * server on a free port serving packages/hub-pages/dist under /gestione/, Chromium as the
 * people. Whole flows as people do them:
 *
 * - the office invites on its page → the link → first login → an offer with two places and hours → preview → submit →
 *   the office approves → the service is in /feed.json and in <welfare-list> on a page;
 * - the office sends it back with a note → the editor sees the note, fixes, submits →
 *   approved, the fix is in the feed;
 * - two sessions save the same offer: the second sees both versions and keeps its own;
 * - an editor opening another organisation's offer by its URL is refused;
 * - the office adds a category on its lists page and the form offers it; archiving one in
 *   use is refused with the reason.
 *
 *   node --test examples/test/hub-flow.test.mjs   (after `npm run build`)
 *
 * In Chromium and Firefox (puppeteer over CDP and WebDriver BiDi), each with a hub of its
 * own; WELFARE_BROWSERS chooses among them. Not WebKit: its classic WebDriver client
 * (scripts/browsers.mjs) has no browser contexts, dialogs or reload, which these flows of
 * several people need; the pages' elements run in WebKit in packages/hub-pages/test
 * (web-test-runner) and the hub's maps in examples/test/hub-tiles.test.mjs.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import puppeteer from 'puppeteer-core';
import { axeClean, deepPage, fitsPhone, hubApi, PASSWORD, requireBuilt, startSeededHub } from './hub-harness.mjs';
import { chosenEngines, chromiumArgs, chromiumPath, firefoxLaunchOptions } from '../../scripts/browsers.mjs';

/** The engines of this run: Chromium and Firefox unless WELFARE_BROWSERS narrows them. */
const ENGINES = chosenEngines(process.env.WELFARE_BROWSERS, ['chromium', 'firefox']).filter((e) => e !== 'webkit');

const HUB_DIST = 'packages/hub/dist/index.js';
const PAGES = 'packages/hub-pages/dist/index.html';

let hub;
let browser;
let site;

before(async () => {
  requireBuilt([HUB_DIST, PAGES, 'packages/welfare-elements/dist/welfare-elements.js']);
  const { startServer } = await import('../../scripts/serve.mjs');
  site = await startServer({ port: 0 });
});

after(async () => {
  if (site) await new Promise((ok) => site.close(ok));
});

/** A fresh hub (in-memory database) and the engine's browser, for one engine's flows. */
async function startEngine(name) {
  hub = await startSeededHub({ tiles: 'none' });
  browser = name === 'firefox' ? await puppeteer.launch(firefoxLaunchOptions) : await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}

async function stopEngine() {
  await browser?.close();
  await hub?.close();
  browser = hub = undefined;
}

/** A person: a browser context of their own (own cookies, own localStorage). */
async function person() {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => {
    // The hub's expected refusals (not signed in, a conflict, a field to fix), as each engine words them.
    if (m.type() === 'error' && !/Failed to load resource: the server responded with a status of (401|409|422)|\b(401|409|422)\b.*(Unauthorized|Conflict|Unprocessable)/i.test(m.text())) problems.push(m.text());
  });
  page.on('dialog', (d) => d.accept());
  return { page, problems, close: () => context.close() };
}

const { until, click, fill } = deepPage({ timeout: 15_000 });

/** Adds the form's nth place (0-based) and fills it as a person types it (decimal comma). */
async function addPlace(page, nth, { address, comune, lat, lon }) {
  await click(page, 'Aggiungi un luogo');
  await fill(page, 'Indirizzo', address, nth);
  await fill(page, 'Comune', comune, nth);
  await fill(page, 'Latitudine', lat, nth);
  await fill(page, 'Longitudine', lon, nth);
}

const pageText = (page) => until(page, () => __text(document.body.querySelector('welfare-hub-app').shadowRoot), undefined, 'the page');
const heading = (page) => until(page, () => { const h = __deep().find((el) => el.tagName === 'H1'); return h && __text(h); }, undefined, 'a heading');
const waitText = (page, text) => until(page, (text) => __deep().some((el) => el.shadowRoot && __text(el.shadowRoot).includes(text)), text, `"${text}"`);

async function logIn(page, email) {
  await page.goto(`${hub.url}/gestione/`);
  await fill(page, 'Email', email);
  await fill(page, 'Password', PASSWORD);
  await click(page, 'Entra');
  await until(page, () => __deep().some((el) => el.tagName === 'NAV'), undefined, 'the logged-in page');
}

async function feedServices() {
  const res = await fetch(`${hub.url}/feed.json`);
  return res.ok ? (await res.json()).services : [];
}

async function feedWith(predicate, what) {
  const end = Date.now() + 15000;
  for (;;) {
    await hub.publisher.idle?.();
    const found = (await feedServices()).find(predicate);
    if (found) return found;
    if (Date.now() > end) throw new Error(`the feed never had ${what}`);
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

let offerId;

for (const name of ENGINES) describe(`the hub pages, whole flows (${name})`, { timeout: 480000 }, () => {
  before(() => startEngine(name));
  after(stopEngine);

  it('invitation → first login → an offer with two places and hours → preview → submit → approved → in /feed.json and <welfare-list>', async () => {
    // The office makes the invitation on its page and copies the one-time link.
    const office = await person();
    await logIn(office.page, 'ufficio@piano.example');
    await click(office.page, 'Organizzazioni');
    await fill(office.page, 'Email', 'nuova@caritas.example');
    await fill(office.page, 'Organizzazione', 'caritas');
    await fill(office.page, 'Ruolo', 'editor');
    await click(office.page, 'Crea il link di invito');
    const link = await until(office.page, () => __text(__deep().find((el) => el.classList?.contains('link-box')) ?? document.createElement('p')), undefined, 'the invitation link');
    assert.match(link, /\/gestione\/invito\.html#\S+$/);
    await axeClean(office.page, 'the organisations page with the invitation link');
    await fitsPhone(office.page, 'the organisations page with the invitation link');
    assert.deepEqual(office.problems, []);
    await office.close();

    const editor = await person();
    const { page } = editor;
    await page.goto(link);
    assert.match(await heading(page), /Gestione delle offerte/);
    await waitText(page, 'create il vostro accesso');
    await axeClean(page, 'the invitation page');
    // The one-time secret leaves the address bar at once.
    assert.equal(new URL(page.url()).hash, '');
    await fill(page, 'Nome e cognome', 'Nadia Nuova');
    await fill(page, 'Password (almeno', PASSWORD);
    await fill(page, 'Ripetete', PASSWORD);
    await click(page, 'Crea l’accesso');
    await page.waitForFunction(() => location.pathname.endsWith('/gestione/') && location.hash === '#/offerte');
    assert.equal(await heading(page), 'Le nostre offerte');
    await waitText(page, 'Nessuna offerta ancora');
    await axeClean(page, 'the empty offers page');

    await click(page, 'Nuova offerta');
    await until(page, () => __deep().some((el) => el.tagName === 'WELFARE-OFFER-FORM'), undefined, 'the form');
    await fill(page, 'Nome del servizio', 'Sportello di ascolto');
    await fill(page, 'Descrizione', 'Vi ascoltiamo e vi aiutiamo a trovare il servizio giusto. Venite senza appuntamento.');
    await waitText(page, 'Cibo'); // the territory's categories arrived
    await fill(page, 'Cibo', true);
    await addPlace(page, 0, { address: 'Via Cavour 31', comune: 'Lodi', lat: '45,3141', lon: '9,5032' });
    await addPlace(page, 1, { address: 'Viale Italia 3', comune: 'Codogno', lat: '45,1602', lon: '9,7051' });
    // Hours: the first place Monday to Friday 9–12 (the builder's start), the second adds an afternoon.
    await click(page, 'Aggiungi giorni e orari', 0);
    await click(page, 'Aggiungi giorni e orari', 1);
    await click(page, 'Aggiungi una fascia oraria', 1);
    await waitText(page, 'lun–ven 9:00–12:00 e 14:00–17:00, chiuso nei festivi');
    await fill(page, 'Telefono', '0371 555111');

    await click(page, "Mostra l'anteprima");
    await until(
      page,
      () => {
        const list = __deep().find((el) => el.tagName === 'WELFARE-LIST');
        return list?.shadowRoot && __text(list.shadowRoot).includes('Sportello di ascolto');
      },
      undefined,
      'the preview list',
    );
    assert.ok(await page.evaluate(() => __deep().some((el) => el.tagName === 'WELFARE-MAP')), 'the preview has the map');
    await axeClean(page, 'the filled form with its preview');
    await fitsPhone(page, 'the filled form with its preview');

    await click(page, "Invia all'Ufficio di Piano");
    await waitText(page, "Offerta inviata all'Ufficio di Piano");
    offerId = decodeURIComponent(new URL(page.url()).hash.split('/').pop());
    assert.match(await pageText(page), /Stato: in revisione/);
    assert.deepEqual(editor.problems, []);

    // The office approves in its review queue.
    const admin = await person();
    await logIn(admin.page, 'ufficio@piano.example');
    await click(admin.page, 'Da rivedere');
    await waitText(admin.page, 'Sportello di ascolto');
    await waitText(admin.page, 'Nuova offerta: nessuna versione pubblicata');
    await axeClean(admin.page, 'the review queue');
    await fitsPhone(admin.page, 'the review queue');
    await click(admin.page, 'Approva e pubblica');
    await waitText(admin.page, 'Offerta approvata e pubblicata');
    await waitText(admin.page, 'Nessuna offerta da rivedere');
    assert.deepEqual(admin.problems, []);

    const published = await feedWith((s) => s.id === offerId, 'the new service');
    assert.equal(published.name, 'Sportello di ascolto');
    assert.equal(published.phone, '0371 555111');
    assert.deepEqual(
      published.locations.map((l) => [l.comune, l.lat, l.lon, l.hours]),
      [
        ['Lodi', 45.3141, 9.5032, 'Mo-Fr 09:00-12:00; PH off'],
        ['Codogno', 45.1602, 9.7051, 'Mo-Fr 09:00-12:00,14:00-17:00; PH off'],
      ],
    );

    // A comune's page (its own origin) with the library's bundle reads the hub's feed (CORS).
    const bundle = `http://127.0.0.1:${site.address().port}/packages/welfare-elements/dist/welfare-elements.js`;
    const comune = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="it"><title>Comune</title><script type="module" src="${bundle}"></script><welfare-list src="${hub.url}/feed.json"></welfare-list>`);
    });
    await new Promise((ok) => comune.listen(0, '127.0.0.1', ok));
    const visitor = await person();
    await visitor.page.goto(`http://127.0.0.1:${comune.address().port}/`);
    await until(
      visitor.page,
      () => {
        const l = document.querySelector('welfare-list');
        return l?.shadowRoot && __text(l.shadowRoot).includes('Sportello di ascolto');
      },
      undefined,
      'the service on the comune page',
    );
    comune.close();
    await Promise.all([editor.close(), admin.close(), visitor.close()]);
  });

  it('sent back with a note → the editor fixes it → approved', async () => {
    assert.ok(offerId, 'the first flow made the offer');
    const editor = await person();
    await logIn(editor.page, 'editor@caritas.example');
    await editor.page.goto(`${hub.url}/gestione/#/offerte/${encodeURIComponent(offerId)}`);
    await fill(editor.page, 'Sito web', 'htp://caritas');
    await waitText(editor.page, 'Il sito deve iniziare con https://');
    await fill(editor.page, 'Sito web', 'https://www.caritas.example');
    await click(editor.page, "Invia all'Ufficio di Piano");
    await waitText(editor.page, "Offerta inviata all'Ufficio di Piano");

    const admin = await person();
    await logIn(admin.page, 'ufficio@piano.example');
    await click(admin.page, 'Da rivedere');
    // The change is shown against the published version.
    await waitText(admin.page, 'Sito cambiato');
    await click(admin.page, 'Rimanda con una nota');
    await fill(admin.page, "Nota per l'organizzazione", 'Manca il telefono della sede di Codogno.');
    await click(admin.page, 'Rimanda all’organizzazione');
    await waitText(admin.page, "Offerta rimandata all'organizzazione");

    await editor.page.goto(`${hub.url}/gestione/#/offerte`);
    await editor.page.reload();
    await waitText(editor.page, 'da correggere');
    await waitText(editor.page, 'Nota: Manca il telefono della sede di Codogno.');
    await axeClean(editor.page, 'the offers table');
    await fitsPhone(editor.page, 'the offers table');
    await click(editor.page, 'Sportello di ascolto');
    await waitText(editor.page, "Nota dell'Ufficio di Piano: Manca il telefono della sede di Codogno.");
    await fill(editor.page, 'Telefono', '0377 222333');
    await click(editor.page, "Invia all'Ufficio di Piano");
    await waitText(editor.page, "Offerta inviata all'Ufficio di Piano");

    await admin.page.reload();
    await waitText(admin.page, 'Telefono cambiato');
    await click(admin.page, 'Approva e pubblica');
    await waitText(admin.page, 'Offerta approvata e pubblicata');
    const fixed = await feedWith((s) => s.id === offerId && s.phone === '0377 222333', 'the fixed phone');
    assert.equal(fixed.website, 'https://www.caritas.example');
    assert.deepEqual(editor.problems, []);
    assert.deepEqual(admin.problems, []);
    await Promise.all([editor.close(), admin.close()]);
  });

  it('a save over someone else’s shows both versions, and the person keeps theirs', async () => {
    const editor = await person();
    await logIn(editor.page, 'editor@caritas.example');
    await editor.page.goto(`${hub.url}/gestione/#/offerte/${encodeURIComponent(offerId)}`);
    await waitText(editor.page, 'Nome del servizio');
    // Meanwhile a colleague saves from another computer.
    const colleague = await hubApi(hub, 'altro@caritas.example');
    const current = await colleague('GET', `/api/offers/${encodeURIComponent(offerId)}`);
    const theirs = await colleague('PUT', `/api/offers/${encodeURIComponent(offerId)}`, { data: { ...current.body.data, name: 'Sportello di ascolto (Bruno)' } }, { 'if-match': `"${current.body.version}"` });
    assert.equal(theirs.status, 200);

    await fill(editor.page, 'Nome del servizio', 'Sportello di ascolto e orientamento');
    await click(editor.page, 'Salva la bozza');
    await waitText(editor.page, 'Qualcun altro ha salvato questa offerta mentre la modificavate');
    const rows = await until(editor.page, () => __deep().filter((el) => el.tagName === 'TR' && el.classList.contains('changed')).map(__text), undefined, 'the changed rows');
    assert.ok(rows.includes('Nome cambiato Sportello di ascolto (Bruno) Sportello di ascolto e orientamento'), rows.join('\n'));
    await axeClean(editor.page, 'the conflict');
    await click(editor.page, 'Tieni la mia versione');
    await waitText(editor.page, 'Offerta salvata.');
    const after = await colleague('GET', `/api/offers/${encodeURIComponent(offerId)}`);
    assert.equal(after.body.data.name, 'Sportello di ascolto e orientamento');
    assert.equal(after.body.version, theirs.body.version + 1);
    assert.deepEqual(editor.problems, []);
    await editor.close();
  });

  it("an editor opening another organisation's offer by URL is refused", async () => {
    const other = await person();
    await logIn(other.page, 'editor@comune.example');
    await other.page.goto(`${hub.url}/gestione/#/offerte/${encodeURIComponent(offerId)}`);
    await other.page.reload();
    await until(other.page, () => __deep().some((el) => el.tagName === 'H1' && __text(el).startsWith('Questa offerta non esiste')), undefined, 'the refusal');
    assert.equal(await heading(other.page), 'Questa offerta non esiste, oppure non appartiene alla vostra organizzazione.');
    assert.equal(await other.page.evaluate(() => __deep().some((el) => el.tagName === 'WELFARE-OFFER-FORM')), false);
    await axeClean(other.page, 'the refusal');
    // And their list holds none of Caritas's offers.
    await other.page.goto(`${hub.url}/gestione/#/offerte`);
    await waitText(other.page, 'Nessuna offerta ancora');
    await other.close();
  });

  it('the office adds a category on its page and the form offers it; one in use cannot be archived', async () => {
    const admin = await person();
    await logIn(admin.page, 'ufficio@piano.example');
    await click(admin.page, 'Categorie e comuni');
    await waitText(admin.page, 'in 1 offerta'); // Cibo, on the first flow's offer
    await axeClean(admin.page, 'the lists page');
    await fitsPhone(admin.page, 'the lists page');
    await click(admin.page, 'Nuova categoria');
    await fill(admin.page, 'Nome in italiano', 'Salute mentale');
    await fill(admin.page, 'Nome in inglese', 'Mental health');
    await axeClean(admin.page, 'the new category form');
    await click(admin.page, 'Salva');
    await waitText(admin.page, 'Codice: salute-mentale');
    // Cibo is on the first flow's offer: the hub refuses, and the page says why.
    await until(
      admin.page,
      () => {
        const row = __deep().find((el) => el.tagName === 'LI' && el.dataset.id === 'cibo');
        const button = row && [...row.querySelectorAll('button')].find((b) => __text(b).startsWith('Archivia'));
        button?.click();
        return Boolean(button);
      },
      undefined,
      'the archive button of Cibo',
    );
    await waitText(admin.page, 'toglila da quelle offerte');
    await axeClean(admin.page, 'the refusal to archive');
    assert.deepEqual(admin.problems, []);

    const editor = await person();
    await logIn(editor.page, 'editor@caritas.example');
    await click(editor.page, 'Nuova offerta');
    await waitText(editor.page, 'Salute mentale');
    await Promise.all([admin.close(), editor.close()]);
  });
});
