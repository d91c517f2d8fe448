import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '@welfare-elements/mutual-aid';
import { hubRoot } from '../src/form.component.js';
import { waitUntil } from '../../core/test/helpers.js';

const HUB = 'https://hub.example';
const root = (el: Element) => el.shadowRoot!;
const text = (el: Element | ShadowRoot) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
const focusedName = (el: Element) => {
  const a = root(el).activeElement as HTMLInputElement | null;
  return a ? a.getAttribute('name') ?? a.tagName : null;
};

/** Fills the posting form as a person would (kind, text, contact, consent) and presses Send. */
function sendPost(r: ShadowRoot, post: { kind: 'offro' | 'cerco'; text: string; contact: string }) {
  r.querySelector<HTMLInputElement>(`input[value="${post.kind}"]`)!.checked = true;
  r.querySelector<HTMLTextAreaElement>('#text')!.value = post.text;
  r.querySelector<HTMLInputElement>('#contact')!.value = post.contact;
  r.querySelector<HTMLInputElement>('input[name="consent"]')!.checked = true;
  r.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
}

interface Call {
  method: string;
  url: string;
  body?: Record<string, unknown>;
  credentials?: RequestCredentials;
}

/** The hub, answered from memory: the form, the feed, posts and answers (or refusals). */
function fakeHub(options: { refuse?: { status: number; detail: string; path?: string; code?: string; minutes?: number }; fail?: boolean; hang?: boolean; relayed?: boolean } = {}) {
  const calls: Call[] = [];
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  const original = window.fetch;
  window.fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const method = init.method ?? 'GET';
    calls.push({ method, url, body: init.body ? JSON.parse(String(init.body)) : undefined, credentials: init.credentials });
    if (options.hang) return new Promise(() => undefined);
    if (options.fail) throw new TypeError('Failed to fetch');
    if (url === `${HUB}/api/public/mutual-aid/form`) return json(200, { token: `t${calls.length}`, comuni: ['Codogno', 'Lodi'], topics: [], days: 30 });
    if (url === `${HUB}/feed.json`)
      return json(200, { mutualAid: [{ id: 'aiuto-9', kind: 'cerco', topic: 'spesa', text: 'Cerco chi mi porta la spesa.', comune: 'Lodi', availability: 'il sabato' }] });
    if (options.refuse && method === 'POST') {
      const { status, detail, path, code, minutes } = options.refuse;
      return json(status, { title: 'no', detail, code, minutes, ...(path ? { errors: [{ path, message: 'x' }] } : {}) });
    }
    if (url === `${HUB}/api/public/mutual-aid/posts`) return json(201, { id: 'aiuto-1', key: 'chiave segreta', state: 'pending', expires: '2027-01-01' });
    if (url.endsWith('/messages')) return json(201, { id: 'risposta-1', relayed: options.relayed ?? false });
    return json(404, { detail: 'no' });
  }) as typeof fetch;
  return { calls, restore: () => (window.fetch = original) };
}

async function mount(attrs: string, hub = fakeHub()) {
  const wrapper = await fixture(html`<div><button type="button">prima</button></div>`);
  wrapper.insertAdjacentHTML('beforeend', `<welfare-mutual-aid-form ${attrs}></welfare-mutual-aid-form>`);
  const el = wrapper.querySelector('welfare-mutual-aid-form')!;
  return { el, hub, wrapper };
}

describe('<welfare-mutual-aid-form>', () => {
  let hub: ReturnType<typeof fakeHub> | undefined;
  afterEach(() => hub?.restore());

  it('posts an offer to the hub with the keyboard only, then shows the personal link', async () => {
    hub = fakeHub();
    const { el, wrapper } = await mount(`hub="${HUB}/"`, hub);
    await waitUntil(() => root(el).querySelector('form'), 'the form');
    expect([...root(el).querySelectorAll<HTMLOptionElement>('#comune option')].map((o) => o.value)).to.deep.equal(['Codogno', 'Lodi']);
    expect(text(root(el))).to.contain('il mio recapito lo vede solo l’associazione che fa da tramite');
    await expect(el).to.be.accessible();

    wrapper.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focusedName(el)).to.equal('kind');
    await sendKeys({ type: ' ' }); // "Offro aiuto"
    await sendKeys({ press: 'Tab' });
    expect(focusedName(el)).to.equal('topic');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Accompagno chi non può a fare la spesa.' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'il giovedì' });
    await sendKeys({ press: 'Tab' }); // the comune
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'giulia@example.org' });
    await sendKeys({ press: 'Tab' }); // the honeypot is out of the tab order
    expect(focusedName(el)).to.equal('consent');
    await sendKeys({ type: ' ' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });

    await waitUntil(() => root(el).querySelector('[part~="confirmation"]'), 'the confirmation');
    const post = hub.calls.find((c) => c.method === 'POST')!;
    expect(post.url).to.equal(`${HUB}/api/public/mutual-aid/posts`);
    expect(post.credentials).to.equal('omit');
    expect(post.body).to.deep.equal({
      text: 'Accompagno chi non può a fare la spesa.', contact: 'giulia@example.org', consent: true, website: '', token: 't1',
      kind: 'offro', topic: 'compagnia', comune: 'Codogno', availability: 'il giovedì',
    });
    const confirmation = root(el).querySelector<HTMLElement>('[part~="confirmation"]')!;
    expect(text(confirmation)).to.contain('Grazie, l’annuncio è arrivato');
    expect(confirmation.querySelector('a')!.href).to.equal(`${HUB}/gestione/aiuto.html#annuncio=aiuto-1&chiave=chiave%20segreta`);
    expect(root(el).activeElement).to.equal(confirmation);
    await expect(el).to.be.accessible();
  });

  it('says what is missing next to each field, and shows the hub’s refusal at the text', async () => {
    hub = fakeHub({ refuse: { status: 422, detail: 'Non scrivere email o numeri di telefono nel testo.', path: 'text', code: 'contact-in-text' } });
    const { el } = await mount(`hub="${HUB}"`, hub);
    await waitUntil(() => root(el).querySelector('form'), 'the form');
    root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => root(el).querySelector('.problem'), 'the problems');
    expect([...root(el).querySelectorAll('.problem')].map(text)).to.deep.equal([
      'Scegli se offri o cerchi aiuto.', 'Scrivi il tuo annuncio.', 'Scrivi un’email o un numero di telefono.', 'Serve il tuo consenso per inviare.',
    ]);
    expect(hub.calls.filter((c) => c.method === 'POST')).to.have.length(0);
    expect(focusedName(el)).to.equal('kind');
    await expect(el).to.be.accessible();

    const r = root(el);
    sendPost(r, { kind: 'cerco', text: 'Chiamatemi al 333 1234567', contact: '333 1234567' });
    const refusal = 'Non scrivere email o numeri di telefono nel testo: il recapito va nel campo apposito e non viene pubblicato.';
    await waitUntil(() => text(r).includes(refusal), 'the refusal');
    expect(r.querySelector('#text')!.getAttribute('aria-invalid')).to.equal('true');
    expect(text(r.querySelector('#text-error')!)).to.equal(refusal);
    await waitUntil(() => focusedName(el) === 'text', 'the focus on the text');
    expect(hub.calls.filter((c) => c.method === 'GET' && c.url.endsWith('/form'))).to.have.length(2, 'a fresh token after a refusal');
    await expect(el).to.be.accessible();
  });

  it('answers a post named in the page’s address (#rispondi=…): the post, the message, then the thanks', async () => {
    hub = fakeHub({ relayed: true });
    history.replaceState(null, '', '#rispondi=aiuto-9');
    try {
      const { el } = await mount(`hub="${HUB}"`, hub);
      await waitUntil(() => root(el).querySelector('form'), 'the answer form');
      expect(text(root(el).querySelector('.answered')!)).to.equal('Cerco: Spesa e commissioni · Lodi Cerco chi mi porta la spesa. Quando: il sabato');
      expect(root(el).querySelector('input[name="kind"]')).to.equal(null);
      await expect(el).to.be.accessible();
      const r = root(el);
      r.querySelector<HTMLTextAreaElement>('#text')!.value = 'Abito vicino, posso io.';
      r.querySelector<HTMLInputElement>('#contact')!.value = 'luca@example.net';
      r.querySelector<HTMLInputElement>('input[name="consent"]')!.checked = true;
      r.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => r.querySelector('[part~="confirmation"]'), 'the thanks');
      const post = hub.calls.find((c) => c.method === 'POST')!;
      expect(post.url).to.equal(`${HUB}/api/public/mutual-aid/posts/aiuto-9/messages`);
      expect(post.body).to.deep.equal({ text: 'Abito vicino, posso io.', contact: 'luca@example.net', consent: true, website: '', token: 't1' });
      expect(text(r)).to.contain('inoltrato per email a chi ha pubblicato');
      await expect(el).to.be.accessible();

      const gone = await mount(`hub="${HUB}" post="aiuto-0"`, hub);
      await waitUntil(() => root(gone.el).querySelector('[part~="error"]'), 'the gone post');
      expect(text(root(gone.el))).to.contain('Questo annuncio non è più sulla bacheca');
    } finally {
      history.replaceState(null, '', location.pathname);
    }
  });

  it('shows loading, a failure with "Riprova", a missing hub, and speaks English', async () => {
    hub = fakeHub({ hang: true });
    const loading = await mount(`hub="${HUB}"`, hub);
    expect(text(root(loading.el))).to.equal('Caricamento del modulo…');
    await expect(loading.el).to.be.accessible();
    hub.restore();

    hub = fakeHub({ fail: true });
    const failed = await mount(`hub="${HUB}"`, hub);
    await waitUntil(() => root(failed.el).querySelector('[role="alert"]'), 'the failure');
    expect(text(root(failed.el))).to.contain('Il modulo non si è caricato');
    await expect(failed.el).to.be.accessible();
    hub.restore();
    hub = fakeHub();
    root(failed.el).querySelector('button')!.click();
    await waitUntil(() => root(failed.el).querySelector('form'), 'the form after "Riprova"');

    const none = await mount('hub="javascript:alert(1)"', hub);
    await waitUntil(() => root(none.el).querySelector('[role="alert"]'), 'no hub');
    expect(text(root(none.el))).to.contain('Manca l’indirizzo del hub');

    const english = await mount(`hub="${HUB}" lang="en"`, hub);
    await waitUntil(() => root(english.el).querySelector('form'), 'the English form');
    expect(text(root(english.el).querySelector('legend')!)).to.equal('What would you like to do?');
    expect(text(root(english.el))).to.contain('only the mediating organisation sees my contact');
    await expect(english.el).to.be.accessible();
  });

  it('says the hub’s refusals in the page’s language (the hub words them in Italian)', async () => {
    hub = fakeHub({ refuse: { status: 422, detail: 'Non scrivere email o numeri di telefono nel testo.', path: 'text', code: 'contact-in-text' } });
    const { el } = await mount(`hub="${HUB}" lang="en"`, hub);
    await waitUntil(() => root(el).querySelector('form'), 'the form');
    const r = root(el);
    const fill = () => sendPost(r, { kind: 'offro', text: 'Call me on 333 1234567', contact: '333 1234567' });
    fill();
    await waitUntil(() => r.querySelector('#text-error'), 'the refusal at the text');
    expect(text(r.querySelector('#text-error')!)).to.equal(
      'Do not write email addresses or phone numbers in the text: the contact goes in its own field and is not published.',
    );
    expect(text(r)).not.to.contain('Non scrivere');
    await expect(el).to.be.accessible();
    hub.restore();

    hub = fakeHub({ refuse: { status: 429, detail: 'Troppe richieste: riprova tra 7 minuti.', code: 'too-many', minutes: 7 } });
    fill();
    await waitUntil(() => text(r).includes('Too many sent from here: try again in 7 minutes.'), 'the wait, in English');
    expect(text(r)).not.to.contain('Troppe');
    await expect(el).to.be.accessible();
  });

  it('says the problems already on screen in the new language when the page switches language', async () => {
    hub = fakeHub({ refuse: { status: 429, detail: 'Troppe richieste: riprova tra 7 minuti.', code: 'too-many', minutes: 7 } });
    const { el } = await mount(`hub="${HUB}" lang="en"`, hub);
    await waitUntil(() => root(el).querySelector('form'), 'the form');
    const r = root(el);
    r.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => r.querySelector('#kind-error'), 'the problems, in English');
    expect(text(r.querySelector('#kind-error')!)).to.equal('Choose whether you offer or look for help.');

    el.setAttribute('lang', 'it');
    await waitUntil(() => text(r.querySelector('#kind-error') ?? r) === 'Scegli se offri o cerchi aiuto.', 'the problem, now in Italian');
    expect(text(r.querySelector('#text-error')!)).to.equal('Scrivi il tuo annuncio.');
    expect(text(r)).not.to.contain('Write your post');

    sendPost(r, { kind: 'offro', text: 'Porto la spesa il sabato.', contact: 'anna@example.org' });
    await waitUntil(() => text(r).includes('Troppi invii da qui: riprova tra 7 minuti.'), 'the hub’s refusal, in Italian');
    el.setAttribute('lang', 'en');
    await waitUntil(() => text(r).includes('Too many sent from here: try again in 7 minutes.'), 'the same refusal, now in English');
    expect(text(r)).not.to.contain('Troppi invii');
    await expect(el).to.be.accessible();
  });

  it('gives a person who wrote in English a personal link that opens the hub’s page in English', async () => {
    hub = fakeHub();
    const { el } = await mount(`hub="${HUB}" lang="en"`, hub);
    await waitUntil(() => root(el).querySelector('form'), 'the form');
    const r = root(el);
    sendPost(r, { kind: 'cerco', text: 'Looking for help with the ISEE form.', contact: 'sam@example.org' });
    await waitUntil(() => r.querySelector('[part~="confirmation"] a'), 'the confirmation');
    expect(r.querySelector<HTMLAnchorElement>('[part~="confirmation"] a')!.href).to.equal(`${HUB}/gestione/aiuto.html#annuncio=aiuto-1&chiave=chiave%20segreta&lang=en`);
  });

  it('accepts only an http(s) hub address', () => {
    expect(hubRoot('https://hub.example/')).to.equal('https://hub.example');
    expect(hubRoot('javascript:alert(1)')).to.equal(undefined);
    expect(hubRoot('')).to.equal(undefined);
  });
});
