import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/offer-table/welfare-offer-table.js';
import '../src/review-queue/welfare-review-queue.js';
import '../src/login/welfare-hub-login.js';
import type { WelfareOfferTable } from '../src/offer-table/offer-table.component.js';
import type { WelfareReviewQueue } from '../src/review-queue/review-queue.component.js';
import type { WelfareHubLogin } from '../src/login/login.component.js';
import type { Offer } from '../src/api/client.js';
import { modeOf, parseRoute, routeHash } from '../src/app/routes.js';
import { GOOD_OFFER, TERRITORY } from './fixtures.js';

const root = (el: Element) => el.shadowRoot!;
const text = (el: Element | ShadowRoot) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
const button = (el: Element | ShadowRoot, label: string) => {
  const b = [...el.querySelectorAll('button')].find((x) => text(x).includes(label));
  if (!b) throw new Error(`no button ${label}`);
  return b;
};

const offer = (id: string, fields: Partial<Offer> & { name?: string; comune?: string } = {}): Offer => ({
  id,
  organisationId: 'caritas',
  state: 'draft',
  version: 1,
  verifiedAt: null,
  ...fields,
  data: { ...GOOD_OFFER, id, name: fields.name ?? id, locations: [{ comune: fields.comune ?? 'Lodi', address: 'Via Roma 1' }], ...(fields.data ?? {}) },
});

const OFFERS: Offer[] = [
  offer('emporio', { name: 'Emporio solidale', state: 'published', verifiedAt: '2026-06-01T10:00:00Z' }),
  offer('mensa', { name: 'Mensa del povero', state: 'returned', note: 'Manca il telefono della sede di Codogno.', comune: 'Codogno' }),
  offer('doposcuola', { name: 'Doposcuola', state: 'submitted' }),
  offer('vecchia', { name: 'Sportello estivo', state: 'published', expired: true }),
  offer('ferma', { name: 'Banco alimentare', state: 'published', stale: true, verifiedAt: '2025-11-01T10:00:00Z' }),
];

describe('<welfare-offer-table>', () => {
  it('lists the offers with state in words, last verification and actions, and passes axe', async () => {
    const el = await fixture<WelfareOfferTable>(html`<welfare-offer-table .offers=${OFFERS}></welfare-offer-table>`);
    const rows = [...root(el).querySelectorAll('tbody tr')].map((r) => text(r));
    expect(rows[0]).to.contain('Emporio solidale').and.contain('pubblicata').and.contain('1 giugno 2026');
    expect(rows[1]).to.contain('da correggere').and.contain('Nota: Manca il telefono');
    expect(rows[2]).to.contain('in revisione');
    expect(rows[3]).to.contain('scaduta');
    expect(rows[4]).to.contain('da verificare');
    expect(text(root(el).querySelector('[role="status"]')!)).to.equal('5 offerte');
    expect(root(el).querySelector('a')!.getAttribute('href')).to.equal('#/offerte/emporio');
    await expect(el).to.be.accessible();
  });

  it('searches by name or comune, ignoring accents and case, and filters by state', async () => {
    const el = await fixture<WelfareOfferTable>(html`<welfare-offer-table .offers=${OFFERS}></welfare-offer-table>`);
    const search = root(el).querySelector<HTMLInputElement>('input[type="search"]')!;
    search.value = 'CODOGNO';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect([...root(el).querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-id'))).to.deep.equal(['mensa']);
    expect(text(root(el).querySelector('[role="status"]')!)).to.equal('1 di 5 offerte');
    search.value = 'nessuna parola così';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(text(root(el))).to.contain('Nessuna offerta corrisponde alla ricerca');
    search.value = '';
    search.dispatchEvent(new Event('input'));
    const select = root(el).querySelector('select')!;
    select.value = 'stale';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect([...root(el).querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-id'))).to.deep.equal(['ferma']);
    await expect(el).to.be.accessible();
  });

  it('confirms validity in one click', async () => {
    const el = await fixture<WelfareOfferTable>(html`<welfare-offer-table .offers=${OFFERS}></welfare-offer-table>`);
    const verify = button(root(el).querySelector('tr[data-id="emporio"]')!, 'Confermo che è ancora valida');
    // The button's name says which offer, for screen readers going through the buttons.
    expect(text(verify)).to.equal('Confermo che è ancora valida: Emporio solidale');
    const fired = oneEvent(el, 'welfare-offer-action');
    verify.click();
    expect((await fired).detail).to.deep.equal({ id: 'emporio', action: 'verify' });
  });

  it('says when there are no offers yet, and when loading', async () => {
    const loading = await fixture<WelfareOfferTable>(html`<welfare-offer-table></welfare-offer-table>`);
    expect(text(root(loading))).to.contain('Caricamento delle offerte');
    await expect(loading).to.be.accessible();
    const empty = await fixture<WelfareOfferTable>(html`<welfare-offer-table .offers=${[]}></welfare-offer-table>`);
    expect(text(root(empty))).to.contain('Nessuna offerta ancora');
    await expect(empty).to.be.accessible();
  });
});

describe('<welfare-review-queue>', () => {
  const proposed = offer('emporio', {
    state: 'submitted',
    name: 'Emporio solidale',
    publishedData: { ...GOOD_OFFER, name: 'Emporio solidale', phone: '0371 000000' },
  });
  const fresh = offer('nuovo', { state: 'submitted', name: 'Sportello nuovo' });

  it('shows the difference between the published and the proposed version', async () => {
    const el = await fixture<WelfareReviewQueue>(html`<welfare-review-queue .offers=${[proposed, fresh]} .territory=${TERRITORY}></welfare-review-queue>`);
    const first = root(el).querySelector('article[data-id="emporio"]')!;
    const changed = [...first.querySelectorAll('tr.changed')].map((r) => text(r));
    expect(changed.some((r) => r.startsWith('Telefono cambiato 0371 000000 0371 123456'))).to.equal(true);
    expect(text(first.querySelector('caption')!)).to.contain('campi cambiati');
    expect(text(root(el).querySelector('article[data-id="nuovo"]')!)).to.contain('Nuova offerta: nessuna versione pubblicata');
    // Categories are named, not given as ids.
    expect(text(first)).to.contain('Cibo');
    await expect(el).to.be.accessible();
  });

  it('approves the selected offers together', async () => {
    const el = await fixture<WelfareReviewQueue>(html`<welfare-review-queue .offers=${[proposed, fresh]} .territory=${TERRITORY}></welfare-review-queue>`);
    const bulk = button(root(el), 'Approva le');
    expect(bulk.disabled).to.equal(true);
    const all = [...root(el).querySelectorAll<HTMLInputElement>('.bulk input[type="checkbox"]')][0]!;
    all.click();
    await el.updateComplete;
    expect(text(bulk)).to.equal('Approva le 2 offerte selezionate');
    const fired = oneEvent(el, 'welfare-review');
    bulk.click();
    expect((await fired).detail).to.deep.equal({ action: 'approve', ids: ['emporio', 'nuovo'] });
  });

  it('sends back only with a note', async () => {
    const el = await fixture<WelfareReviewQueue>(html`<welfare-review-queue .offers=${[proposed]} .territory=${TERRITORY}></welfare-review-queue>`);
    button(root(el), 'Rimanda con una nota').click();
    await el.updateComplete;
    const note = root(el).querySelector('textarea')!;
    await new Promise((r) => setTimeout(r, 0));
    expect(root(el).activeElement).to.equal(note);
    let fired: unknown;
    el.addEventListener('welfare-review', (e) => (fired = e.detail));
    button(root(el), 'Rimanda all’organizzazione').click();
    await el.updateComplete;
    expect(fired).to.equal(undefined);
    expect(note.getAttribute('aria-invalid')).to.equal('true');
    expect(text(root(el))).to.contain('Scrivete la nota');
    await expect(el).to.be.accessible();
    note.value = 'Aggiungete gli orari del sabato.';
    button(root(el), 'Rimanda all’organizzazione').click();
    expect(fired).to.deep.equal({ action: 'send-back', id: 'emporio', note: 'Aggiungete gli orari del sabato.' });
  });

  it('says when there is nothing to review', async () => {
    const el = await fixture<WelfareReviewQueue>(html`<welfare-review-queue .offers=${[]}></welfare-review-queue>`);
    expect(text(root(el))).to.contain('Nessuna offerta da rivedere');
    await expect(el).to.be.accessible();
  });
});

describe('<welfare-hub-login>', () => {
  it('logs in with email and password, and marks an empty field', async () => {
    const el = await fixture<WelfareHubLogin>(html`<welfare-hub-login></welfare-hub-login>`);
    await expect(el).to.be.accessible();
    button(root(el), 'Entra').click();
    await el.updateComplete;
    const email = root(el).querySelector<HTMLInputElement>('input[name="email"]')!;
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    email.value = 'anna@caritas.example';
    root(el).querySelector<HTMLInputElement>('input[name="password"]')!.value = 'una password lunga';
    const fired = oneEvent(el, 'welfare-login');
    button(root(el), 'Entra').click();
    expect((await fired).detail).to.deep.equal({ email: 'anna@caritas.example', password: 'una password lunga' });
    el.error = 'Email o password non corrette.';
    await el.updateComplete;
    expect(text(root(el).querySelector('[role="alert"]')!)).to.equal('Email o password non corrette.');
    await expect(el).to.be.accessible();
  });

  it('creates the account from an invitation, with the password typed twice', async () => {
    const el = await fixture<WelfareHubLogin>(html`<welfare-hub-login token="t0k3n"></welfare-hub-login>`);
    expect(text(root(el).querySelector('h2')!)).to.contain('create il vostro accesso');
    const set = (name: string, value: string) => (root(el).querySelector<HTMLInputElement>(`input[name="${name}"]`)!.value = value);
    set('name', 'Anna Rossi');
    set('password', 'corta');
    button(root(el), 'Crea').click();
    await el.updateComplete;
    expect(text(root(el))).to.contain('almeno 12 caratteri');
    set('password', 'una password lunga');
    set('repeat', 'una password diversa');
    button(root(el), 'Crea').click();
    await el.updateComplete;
    expect(text(root(el))).to.contain('non sono uguali');
    set('repeat', 'una password lunga');
    const fired = oneEvent(el, 'welfare-login');
    button(root(el), 'Crea').click();
    expect((await fired).detail).to.deep.equal({ token: 't0k3n', name: 'Anna Rossi', password: 'una password lunga' });
    await expect(el).to.be.accessible();
  });
});

describe('routes', () => {
  it('reads and writes the pages in the hash', () => {
    expect(parseRoute('#/offerte/nuova')).to.deep.equal({ page: 'new' });
    expect(parseRoute('#/offerte/a%2Fb')).to.deep.equal({ page: 'offer', id: 'a/b' });
    expect(parseRoute('#/invito/xyz')).to.deep.equal({ page: 'invite', token: 'xyz' });
    expect(parseRoute('')).to.deep.equal({ page: 'offers' });
    expect(routeHash({ page: 'offer', id: 'a/b' })).to.equal('#/offerte/a%2Fb');
    expect(parseRoute('#/elenchi')).to.deep.equal({ page: 'vocabulary' });
    expect(routeHash({ page: 'vocabulary' })).to.equal('#/elenchi');
  });

  it('knows a one-time link by its file name, so one page serves them all', () => {
    expect(modeOf('/gestione/invito.html')).to.equal('invitation');
    expect(modeOf('/gestione/password.html')).to.equal('reset');
    expect(modeOf('/gestione/')).to.equal(undefined);
    expect(modeOf('/gestione/index.html')).to.equal(undefined);
  });
});
