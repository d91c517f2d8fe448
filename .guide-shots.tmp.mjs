// Throwaway: screenshots for docs/come-pubblicare-le-offerte.md from a real hub with made-up data.
import puppeteer from 'puppeteer-core';
import { mkdirSync } from 'node:fs';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';
const { startHub } = await import('./packages/hub/dist/index.js');
const { seed, service } = await import('./packages/hub/test/support/hub.mjs');
const hub = await startHub({ port: 0, timer: false });
await seed(hub.db);
await hub.db.query(`INSERT INTO comuni (id, name, lat, lon) VALUES ('casale', 'Casalpusterlengo', 45.178, 9.65), ('santangelo', 'Sant''Angelo Lodigiano', 45.237, 9.407) ON CONFLICT DO NOTHING`);
const PASSWORD = 'una password lunga e sicura';
async function api(email) {
  let cookie = '', csrf = '';
  return async (method, path, body, headers = {}) => {
    const res = await fetch(hub.url + path, { method, headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf, ...headers }, body: body && JSON.stringify(body) });
    const set = res.headers.get('set-cookie'); if (set) cookie = set.split(';')[0];
    const json = await res.json().catch(() => undefined); if (json?.csrfToken) csrf = json.csrfToken;
    return json;
  };
}
const ed = await api(); await ed('POST', '/api/session', { email: 'editor@caritas.example', password: PASSWORD });
const ad = await api(); await ad('POST', '/api/session', { email: 'ufficio@piano.example', password: PASSWORD });
const mk = async (name, extra) => (await ed('POST', '/api/offers', { data: service(name, extra) }));
const a = await mk('Emporio solidale', { locations: [{ name: 'Sede di Lodi', address: 'Via Cavour 31', comune: 'Lodi', lat: 45.3141, lon: 9.5032, hours: 'Mo-Fr 09:00-12:00,14:00-17:00; PH off' }, { address: 'Viale Italia 3', comune: 'Codogno', lat: 45.1602, lon: 9.7051, hours: 'Sa 09:00-12:00; PH off' }] });
await ed('POST', `/api/offers/${a.id}/submit`); await ad('POST', `/api/offers/${a.id}/approve`);
const b = await mk('Mensa serale'); await ed('POST', `/api/offers/${b.id}/submit`); await ad('POST', `/api/offers/${b.id}/send-back`, { note: 'Manca il telefono della sede di Codogno.' });
const c = await mk('Doposcuola del martedì'); await ed('POST', `/api/offers/${c.id}/submit`);
const cur = await ed('GET', `/api/offers/${a.id}`);
await ed('PUT', `/api/offers/${a.id}`, { data: { ...cur.data, phone: '0371 555111', description: 'Spesa gratuita per famiglie in difficoltà. Si accede con la tessera del centro di ascolto.' } }, { 'if-match': `"${cur.version}"` });
await ed('POST', `/api/offers/${a.id}/submit`);
await mk('Sportello di ascolto');

const out = 'docs/images/hub'; mkdirSync(out, { recursive: true });
const browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: [...chromiumArgs, '--hide-scrollbars', '--lang=it-IT'] });
async function shot(email, hash, name, { width = 1280, height = 800, scrollTo, click } = {}) {
  const ctx = await browser.createBrowserContext();
  const page = await ctx.newPage();
  await page.setViewport({ width, height });
  page.on('dialog', (d) => d.accept());
  if (email) {
    await page.goto(`${hub.url}/gestione/`);
    await page.waitForFunction(() => document.querySelector('welfare-hub-app')?.shadowRoot?.querySelector('welfare-hub-login'));
    await page.evaluate((email, pw) => {
      const login = document.querySelector('welfare-hub-app').shadowRoot.querySelector('welfare-hub-login').shadowRoot;
      login.querySelector('input[name=email]').value = email; login.querySelector('input[name=password]').value = pw;
      login.querySelector('button[type=submit]').click();
    }, email, PASSWORD);
    await page.waitForFunction(() => document.querySelector('welfare-hub-app').shadowRoot.querySelector('nav'));
  }
  await page.goto(`${hub.url}/gestione/${hash}`);
  await new Promise((r) => setTimeout(r, 1500));
  if (click) { await page.evaluate((label) => { const walk = (r) => { for (const el of r.querySelectorAll('*')) { if (el.tagName === 'BUTTON' && el.textContent.includes(label)) { el.click(); return true; } if (el.shadowRoot && walk(el.shadowRoot)) return true; } }; walk(document); }, click); await new Promise((r) => setTimeout(r, 1500)); }
  if (scrollTo) await page.evaluate((text) => { const walk = (r) => { for (const el of r.querySelectorAll('h2,legend,label')) { if (el.textContent.includes(text)) { el.scrollIntoView({ block: 'start' }); return true; } } for (const el of r.querySelectorAll('*')) if (el.shadowRoot && walk(el.shadowRoot)) return true; }; walk(document); }, scrollTo);
  await new Promise((r) => setTimeout(r, 500));
  await page.screenshot({ path: `${out}/${name}.png` });
  console.log(name);
  await ctx.close();
}
await shot(null, '', 'accesso');
await shot('editor@caritas.example', '#/offerte', 'le-nostre-offerte');
await shot('editor@caritas.example', '#/offerte/nuova', 'scheda-cosa');
await shot('editor@caritas.example', `#/offerte/${a.id}`, 'scheda-dove', { scrollTo: '2. Dove' });
await shot('editor@caritas.example', `#/offerte/${a.id}`, 'scheda-quando', { scrollTo: '3. Quando' });
await shot('editor@caritas.example', `#/offerte/${a.id}`, 'scheda-anteprima', { click: "Mostra l'anteprima", scrollTo: '6. Anteprima' });
await shot('editor@caritas.example', `#/offerte/${b.id}`, 'da-correggere');
await shot('editor@caritas.example', '#/offerte', 'telefono-offerte', { width: 375, height: 740 });
await shot('editor@caritas.example', `#/offerte/${a.id}`, 'telefono-quando', { width: 375, height: 740, scrollTo: '3. Quando' });
await shot('ufficio@piano.example', '#/revisione', 'revisione');
await browser.close();
await hub.close();
