/**
 * The pictures of the Italian guide docs/come-pubblicare-le-offerte.md (docs/images/hub/):
 * the hub's pages on a fresh hub in memory, with made-up offers of "Caritas Lodigiana",
 * as an editor and as the office see them, at 1280 × 800 and on a phone (375 × 740).
 *
 *   npm run build && node scripts/guide-images.mjs     then LOOK at every image, and commit
 *
 * Italian throughout, the browser's own parts included: Chromium formats time fields by its
 * interface language, so it runs with `--lang=it-IT` and LANG=it_IT.UTF-8 (a 24-hour clock,
 * "14:00" rather than "02:00 PM"). Debian ships that language in the package chromium-l10n;
 * without it Chromium quietly stays in English, and this script refuses to run.
 *
 * The clock is the machine's: the "open now" lines of the preview say what is true when the
 * script runs.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { deepPage } from '../examples/test/hub-harness.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, 'docs/images/hub');
const PASSWORD = 'una password lunga e sicura';
const LOCALES = [join(dirname(chromiumPath), 'locales/it.pak'), '/usr/lib/chromium/locales/it.pak'];

for (const f of ['packages/hub/dist/index.js', 'packages/hub-pages/dist/index.html']) {
  if (!existsSync(join(root, f))) throw new Error(`${f} is missing: run \`npm run build\` first`);
}
if (!LOCALES.some(existsSync)) {
  throw new Error('Chromium has no Italian (locales/it.pak): install chromium-l10n, or the time fields show a 12-hour clock.');
}

const { startHub } = await import('../packages/hub/dist/index.js');
const { seed, service } = await import('../packages/hub/test/support/hub.mjs');
// No tiles: the pictures are made offline (OpenStreetMap's tiles, the hub's default, cannot
// load here) and a fake background would show people a map that is not theirs.
const hub = await startHub({ port: 0, timer: false, tiles: 'none' });
await seed(hub.db);

/** The API as a signed-in person (cookie and CSRF token kept). */
async function api(email) {
  let cookie = '';
  let csrf = '';
  const call = async (method, path, body) => {
    const res = await fetch(`${hub.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0];
    const json = /json/.test(res.headers.get('content-type') ?? '') ? await res.json() : undefined;
    if (json?.csrfToken) csrf = json.csrfToken;
    if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  await call('POST', '/api/session', { email, password: PASSWORD });
  return call;
}

// The organisation's offers: one draft, two waiting for the office, one sent back with a note.
const editor = await api('editor@caritas.example');
const office = await api('ufficio@piano.example');
await editor('POST', '/api/offers', { data: service('Sportello di ascolto') });
for (const name of ['Emporio solidale', 'Doposcuola del martedì']) {
  const o = await editor('POST', '/api/offers', { data: service(name) });
  await editor('POST', `/api/offers/${o.id}/submit`);
}
const mensa = await editor('POST', '/api/offers', { data: service('Mensa serale') });
await editor('POST', `/api/offers/${mensa.id}/submit`);
await office('POST', `/api/offers/${mensa.id}/send-back`, { note: 'Manca il telefono della sede di Codogno.' });
await hub.publisher.idle();

const browser = await puppeteer.launch({
  executablePath: chromiumPath,
  headless: true,
  args: [...chromiumArgs, '--lang=it-IT', '--accept-lang=it-IT,it', '--hide-scrollbars'],
  env: { ...process.env, LANG: 'it_IT.UTF-8', LANGUAGE: 'it' },
});

const { until, click } = deepPage({ timeout: 20_000 });

const waitText = (page, text) => until(page, (text) => __deep().some((el) => el.shadowRoot && __text(el.shadowRoot).includes(text)), text, `"${text}"`);

async function fill(page, label, value) {
  await until(
    page,
    ([label, value]) => {
      const l = __deep().find((el) => el.tagName === 'LABEL' && __text(el).startsWith(label));
      const field = l && (l.htmlFor ? l.getRootNode().getElementById(l.htmlFor) : l.querySelector('input'));
      if (!field) return false;
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      return true;
    },
    [label, value],
    `a field "${label}"`,
  );
}

/** Brings the heading or legend that starts with `text` to the top of the window. */
async function scrollTo(page, text) {
  await until(
    page,
    (text) => {
      const el = __deep().find((el) => ['LEGEND', 'H2', 'H3'].includes(el.tagName) && __text(el).startsWith(text));
      el?.scrollIntoView({ block: 'start' });
      return Boolean(el);
    },
    text,
    `"${text}"`,
  );
}

async function settle(page) {
  await page.evaluate(() => document.activeElement?.blur?.());
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  await new Promise((ok) => setTimeout(ok, 400));
}

async function shot(page, name) {
  await settle(page);
  await page.screenshot({ path: join(OUT, `${name}.png`) });
  console.log(`docs/images/hub/${name}.png`);
}

async function person(width = 1280, height = 800) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width, height });
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  return page;
}

async function logIn(page, email) {
  await page.goto(`${hub.url}/gestione/`);
  await fill(page, 'Email', email);
  await fill(page, 'Password', PASSWORD);
  await click(page, 'Entra');
  await until(page, () => __deep().some((el) => el.tagName === 'NAV'), undefined, 'the signed-in page');
}

mkdirSync(OUT, { recursive: true });
try {
  const page = await person();
  await page.goto(`${hub.url}/gestione/`);
  await waitText(page, 'Password');
  await shot(page, 'accesso');

  await logIn(page, 'editor@caritas.example');
  await waitText(page, 'Nota: Manca il telefono');
  await shot(page, 'le-nostre-offerte');

  await click(page, 'Mensa serale');
  await waitText(page, "Nota dell'Ufficio di Piano");
  await shot(page, 'da-correggere');

  await page.goto(`${hub.url}/gestione/#/offerte/nuova`);
  await waitText(page, 'Nome del servizio');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'scheda-cosa');

  // An offer with two places and their hours, as the editor finds it when opening it again.
  const emporio = await editor('POST', '/api/offers', {
    data: service('Emporio solidale', {
      description: 'Spesa gratuita per famiglie in difficoltà. Si accede con la tessera del centro di ascolto.',
      phone: '0371 555111',
      locations: [
        { name: 'Sede di Lodi', address: 'Via Cavour 31', comune: 'Lodi', lat: 45.3141, lon: 9.5032, hours: 'Mo-Fr 09:00-12:00,14:00-17:00; PH off' },
        { address: 'Viale Italia 3', comune: 'Codogno', lat: 45.1602, lon: 9.7051, hours: 'Sa 09:00-12:00; PH off' },
      ],
    }),
  });
  await page.goto(`${hub.url}/gestione/#/offerte/${encodeURIComponent(emporio.id)}`);
  await waitText(page, 'Sede di Lodi');
  await scrollTo(page, '2. Dove');
  await shot(page, 'scheda-dove');
  await scrollTo(page, '3. Quando');
  await shot(page, 'scheda-quando');
  await click(page, "Mostra l'anteprima");
  await until(page, () => __deep().some((el) => el.tagName === 'WELFARE-LIST' && el.shadowRoot && __text(el.shadowRoot).includes('Emporio solidale')), undefined, 'the preview');
  await scrollTo(page, '6. Anteprima');
  await shot(page, 'scheda-anteprima');

  const phone = await person(375, 740);
  await logIn(phone, 'editor@caritas.example');
  await waitText(phone, 'Nota: Manca il telefono');
  await shot(phone, 'telefono-offerte');
  await phone.goto(`${hub.url}/gestione/#/offerte/${encodeURIComponent(emporio.id)}`);
  await waitText(phone, 'Sede di Lodi');
  await scrollTo(phone, '3. Quando');
  await shot(phone, 'telefono-quando');

  const admin = await person();
  await logIn(admin, 'ufficio@piano.example');
  await click(admin, 'Da rivedere');
  await waitText(admin, 'offerte da rivedere');
  await shot(admin, 'revisione');
} finally {
  await browser.close();
  await hub.close();
}
