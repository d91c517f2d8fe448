import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setClock } from '@welfare-elements/core';
import '@welfare-elements/mutual-aid';
import type { WelfareMutualAid } from '@welfare-elements/mutual-aid';
import { feedBlobUrl, fixtureUrl, HOSTILE, makeFeed, resetAll, settled, waitUntil } from '../../core/test/helpers.js';

const post = (id: string, fields: Record<string, unknown> = {}) => ({
  id, kind: 'offro', topic: 'spesa', text: `Testo ${id}`, comune: 'Lodi', availability: 'il martedì mattina',
  published: '2026-11-20', expires: '2026-12-20', mediator: 'caritas', ...fields,
});
const POSTS = [
  post('spesa', { text: 'Accompagno una persona anziana a fare la spesa.', published: '2026-11-20' }),
  post('isee', { kind: 'cerco', topic: 'pratiche', text: 'Cerco aiuto per compilare la domanda ISEE.', comune: 'Codogno', availability: undefined, published: '2026-11-28', mediator: 'comune-lodi' }),
  post('compiti', { topic: 'studio', text: 'Aiuto con i compiti di matematica.', comune: 'Casalpusterlengo', availability: 'sabato pomeriggio', published: '2026-11-25' }),
  post('scaduto', { published: '2026-10-01', expires: '2026-10-31' }),
  post('telefono', { text: 'Chiamatemi al 333 123 4567', published: '2026-11-30' }),
];
/** null: a feed without the section. */
const feed = (mutualAid: unknown[] | null = POSTS) => makeFeed([], mutualAid ? { mutualAid } : {});

const root = (el: Element) => el.shadowRoot!;
const articles = (el: Element) => [...root(el).querySelectorAll<HTMLElement>('article')];
const ids = (el: Element) => [...root(el).querySelectorAll('li[data-id]')].map((li) => li.getAttribute('data-id'));
const part = (a: Element | ShadowRoot, name: string) => a.querySelector(`[part~="${name}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
const select = (el: Element, name: string) => root(el).querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;

async function mount(src: string, attrs: Record<string, string> = {}) {
  const el = document.createElement('welfare-mutual-aid');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.setAttribute('src', src);
  await fixture(html`<div></div>`).then((d) => d.append(el));
  await settled(el);
  await waitUntil(() => root(el).querySelector('[part~="count"], [part~="error"]'), 'the board did not render');
  return el as WelfareMutualAid;
}

describe('<welfare-mutual-aid>', () => {
  before(async function () {
    this.timeout(30000);
    await expect(await fixture(html`<p>axe</p>`)).to.be.accessible();
  });
  beforeEach(() => setClock(new Date('2026-12-01T10:00:00+01:00')));
  afterEach(resetAll);

  it('shows the current posts newest first: kind, topic, text, availability, comune, date and mediator; never a contact', async () => {
    const el = await mount(feedBlobUrl(feed()));
    expect(ids(el)).to.deep.equal(['isee', 'compiti', 'spesa']);
    expect(part(root(el), 'count')).to.equal('3 annunci');
    const [isee, , spesa] = articles(el);
    expect(part(spesa!, 'title')).to.equal('Offro : Spesa e commissioni');
    expect(part(spesa!, 'kind')).to.equal('Offro');
    expect(part(spesa!, 'text')).to.equal('Accompagno una persona anziana a fare la spesa.');
    expect(part(spesa!, 'availability')).to.equal('il martedì mattina');
    expect(part(spesa!, 'comune')).to.equal('Lodi');
    expect(part(spesa!, 'published')).to.equal('Pubblicato il 20 novembre 2026');
    expect(spesa!.querySelector('time')!.getAttribute('datetime')).to.equal('2026-11-20');
    expect(part(spesa!, 'mediator')).to.equal('Mediato da Caritas Lodigiana');
    expect(part(isee!, 'kind')).to.equal('Cerco');
    expect(part(isee!, 'availability')).to.equal(undefined);
    expect(part(isee!, 'mediator')).to.equal('Mediato da Comune di Lodi');
    expect(articles(el)[0]!.closest('li')!.className).to.equal('cerco');
    const heading = spesa!.querySelector('[part="title"]')!;
    expect(heading.getAttribute('role')).to.equal('heading');
    expect(heading.getAttribute('aria-level')).to.equal('3');
    // The post with a phone number in its text is not shown: the rendered board holds no contact.
    expect(root(el).textContent).not.to.match(/333|\d{3} \d{3} \d{4}|@/);
    await expect(el).to.be.accessible();
  });

  it('filters by kind, topic and comune from the keyboard, and announces the count', async () => {
    const el = await mount(feedBlobUrl(feed()));
    const count = root(el).querySelector('[part~="count"]')!;
    expect(count.getAttribute('role')).to.equal('status');
    const kind = select(el, 'kind');
    kind.focus();
    await sendKeys({ type: 'Cerco' });
    await waitUntil(() => kind.value === 'cerco', 'typing "Cerco" did not choose it');
    kind.dispatchEvent(new Event('change')); // WebKit fires change for type-ahead only on blur
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(['isee']);
    expect(part(root(el), 'count')).to.equal('1 annunci su 3');
    // Topics offered are those the posts have, named in words.
    expect([...select(el, 'topic').options].map((o) => o.textContent!.trim())).to.deep.equal(['Tutti', 'Spesa e commissioni', 'Pratiche e moduli', 'Studio e lingua italiana']);
    expect([...select(el, 'comune').options].map((o) => o.value)).to.deep.equal(['', 'Casalpusterlengo', 'Codogno', 'Lodi']);
    kind.value = 'offro';
    kind.dispatchEvent(new Event('change'));
    const comune = select(el, 'comune');
    comune.value = 'Codogno';
    comune.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(ids(el)).to.deep.equal([]);
    expect(part(root(el), 'empty')).to.contain('Nessun annuncio con questi filtri.');
    const clear = root(el).querySelector<HTMLButtonElement>('[part~="clear"]')!;
    clear.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(['isee', 'compiti', 'spesa']);
    await expect(el).to.be.accessible();
  });

  it('honours the comune preset and the organization (mediator) attribute', async () => {
    const src = feedBlobUrl(feed());
    expect(ids(await mount(src, { comune: 'Codogno' }))).to.deep.equal(['isee']);
    expect(ids(await mount(src, { organization: 'caritas' }))).to.deep.equal(['compiti', 'spesa']);
  });

  it('speaks English', async () => {
    const el = await mount(feedBlobUrl(feed()), { lang: 'en' });
    const spesa = articles(el)[2]!;
    expect(part(spesa, 'title')).to.equal('Offer : Shopping and errands');
    expect(part(spesa, 'published')).to.equal('Published on 20 November 2026');
    expect(part(spesa, 'mediator')).to.equal('Mediated by Caritas Lodigiana');
    expect(part(root(el), 'count')).to.equal('3 posts');
    expect(root(el).querySelector('label span')!.textContent!.trim()).to.equal('Kind');
  });

  it('invites to post when empty, ignores feeds without the section, and is accessible while loading, empty and on error', async () => {
    const loading = document.createElement('welfare-mutual-aid');
    loading.setAttribute('src', `/__slow/1500${fixtureUrl('feed.json')}`);
    document.body.append(loading);
    await loading.updateComplete;
    await waitUntil(() => root(loading).querySelector('[part~="loading"]'), 'no loading state');
    await expect(loading).to.be.accessible();
    loading.remove();

    const empty = await mount(feedBlobUrl(feed(null)), { 'post-href': '/gestione/aiuto.html' });
    expect(part(root(empty), 'count')).to.equal('0 annunci');
    expect(part(root(empty), 'empty')).to.contain('Per ora non ci sono annunci.');
    const link = root(empty).querySelector<HTMLAnchorElement>('a[part~="post-link"]')!;
    expect(link.textContent!.trim()).to.equal('Pubblica un annuncio');
    expect(new URL(link.href).pathname).to.equal('/gestione/aiuto.html');
    await expect(empty).to.be.accessible();

    const unsafe = await mount(feedBlobUrl(feed(null)), { 'post-href': 'javascript:alert(1)' });
    expect(root(unsafe).querySelector('a')).to.equal(null);

    const failed = await mount('/__status/500');
    expect(root(failed).querySelector('[role="alert"]')).to.exist;
    await expect(failed).to.be.accessible();
  });

  it('links each post to the hub\'s answer form (post-href#rispondi=<id>), never to a contact', async () => {
    const el = await mount(feedBlobUrl(feed()), { 'post-href': 'https://hub.example/gestione/aiuto.html#vecchio' });
    const links = [...root(el).querySelectorAll<HTMLAnchorElement>('a[part~="answer-link"]')];
    expect(links.map((a) => a.href)).to.deep.equal([
      'https://hub.example/gestione/aiuto.html#rispondi=isee',
      'https://hub.example/gestione/aiuto.html#rispondi=compiti',
      'https://hub.example/gestione/aiuto.html#rispondi=spesa',
    ]);
    expect(links[0]!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Scrivi a chi ha pubblicato: Cerco, Pratiche e moduli');
    expect(root(el).querySelector('a[href^="mailto:"], a[href^="tel:"]')).to.equal(null);
    await expect(el).to.be.accessible();
    // An English board opens the hub's page in English.
    const english = await mount(feedBlobUrl(feed()), { 'post-href': 'https://hub.example/gestione/aiuto.html', lang: 'en' });
    expect(root(english).querySelector<HTMLAnchorElement>('a[part~="answer-link"]')!.href).to.equal('https://hub.example/gestione/aiuto.html#rispondi=isee&lang=en');
    const without = await mount(feedBlobUrl(feed()));
    expect(without.shadowRoot!.querySelector('a[part~="answer-link"]')).to.equal(null);
    const unsafe = await mount(feedBlobUrl(feed()), { 'post-href': 'javascript:alert(1)' });
    expect(unsafe.shadowRoot!.querySelector('a')).to.equal(null);
  });

  it('shows feed text as text only', async () => {
    const el = await mount(feedBlobUrl(feed([post('x', { text: HOSTILE, availability: HOSTILE, comune: HOSTILE })])));
    expect(part(articles(el)[0]!, 'text')).to.equal(HOSTILE);
    expect(root(el).querySelector('script, img')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
