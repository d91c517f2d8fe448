import { expect, fixture, html } from '@open-wc/testing';
import '@welfare-elements/list';
import type { WelfareList } from '@welfare-elements/list';
import { feedBlobUrl, makeFeed, resetAll, service, settled, uniqueGroup, waitUntil } from '../../core/test/helpers.js';

/** The full view and "La mia selezione" (issue 18), opened from <welfare-list>. */

const feed = () =>
  makeFeed(
    [
      service('a', {
        name: 'Emporio solidale',
        description: 'Spesa gratuita per famiglie.',
        audiences: ['famiglie'],
        categories: ['cibo'],
        phone: '0371 000000',
        email: 'emporio@example.org',
        website: 'https://example.org/emporio',
        hours: 'Mo-Fr 09:00-12:30',
        validThrough: '2099-12-31',
        verified: '2026-11-03',
      }),
      service('b', { name: 'Sportello casa', organization: 'comune-lodi' }),
      service('c', { name: 'Centro per l\'impiego', categories: ['lavoro'] }),
    ],
    { notices: [{ id: 'n1', kind: 'news', title: 'Nuovi orari', text: 'Da gennaio anche il sabato.', services: ['a'] }] },
  );

type View = HTMLElement & { open: boolean; updateComplete: Promise<boolean>; close(): void };
const view = () => document.querySelector('welfare-service-view') as View | null;
const dialog = () => view()?.shadowRoot?.querySelector('dialog') ?? null;
const isOpen = () => !!dialog()?.open;
const inView = (selector: string) => view()!.shadowRoot!.querySelector<HTMLElement>(selector);
const deepActive = () => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
};
const link = (el: WelfareList, id: string) => el.shadowRoot!.querySelector<HTMLAnchorElement>(`[part="open"][data-service-link="${id}"]`)!;
const param = (name: string) => new URLSearchParams(location.search).get(name);
const start = location.href;

async function list(src: string, attrs: { selection?: boolean; lang?: string } = {}) {
  const el = await fixture<WelfareList>(
    attrs.selection
      ? html`<welfare-list src=${src} group=${uniqueGroup()} lang=${attrs.lang ?? 'it'} selection></welfare-list>`
      : html`<welfare-list src=${src} group=${uniqueGroup()} lang=${attrs.lang ?? 'it'}></welfare-list>`,
  );
  return settled(el);
}

async function openFrom(el: WelfareList, id: string) {
  const a = link(el, id);
  a.focus();
  a.click();
  await waitUntil(() => isOpen() && deepActive()?.localName === 'h2', 'the view opens with focus on its heading');
}

describe('service full view', () => {
  // The view's chunk is compiled on its first request: fetch it before the tests' clocks start.
  before(() => import('@welfare-elements/core/service/view.js'));
  beforeEach(() => {
    resetAll();
    localStorage.clear();
  });
  afterEach(async () => {
    if (isOpen()) view()!.close();
    await waitUntil(() => !isOpen(), 'the view closes');
    history.replaceState(null, '', start);
  });

  it('opens from a card with focus on the heading, says what a person needs, and Escape returns focus', async () => {
    const el = await list(feedBlobUrl(feed()));
    const a = link(el, 'a');
    expect(a.getAttribute('href')).to.contain('servizio=a');
    expect(a.textContent).to.contain('Scheda completa');
    await openFrom(el, 'a');
    expect(param('servizio')).to.equal('a');
    const heading = inView('h2')!;
    expect(heading.textContent).to.equal('Emporio solidale');
    expect(dialog()!.getAttribute('aria-labelledby')).to.equal(heading.id);
    // The notices' chunk may arrive after the view opens: the view follows.
    await waitUntil(() => dialog()!.textContent!.includes('Nuovi orari'), 'the notice about the service is shown');
    const text = dialog()!.textContent!.replace(/\s+/g, ' ');
    for (const words of [
      'Offerto da: Caritas Lodigiana',
      'Spesa gratuita per famiglie.',
      'Famiglie',
      'Cibo',
      'Via Roma 1, Lodi',
      'lun–ven 9:00–12:30',
      'Nuovi orari',
      'fino al 31 dicembre 2099',
      'Informazioni verificate il 3 novembre 2026.',
      'Copia il link',
      'Stampa',
    ]) {
      expect(text, words).to.contain(words);
    }
    const hrefs = [...dialog()!.querySelectorAll('a')].map((x) => x.getAttribute('href'));
    expect(hrefs).to.include.members(['tel:0371000000', 'mailto:emporio@example.org', 'https://example.org/emporio']);
    expect(hrefs.some((h) => h?.startsWith('https://www.openstreetmap.org/directions'))).to.equal(true);
    await expect(view()!).to.be.accessible();

    // Escape, as a keyboard user closes it.
    dialog()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    dialog()!.close(); // the browser's own Escape handling, which a synthetic key does not trigger
    await waitUntil(() => !isOpen() && deepActive() === a, 'focus is back on the link');
    await waitUntil(() => param('servizio') === null, 'the address loses the service');
  });

  it('closes on Back, with focus back on the card', async () => {
    const el = await list(feedBlobUrl(feed()));
    await openFrom(el, 'b');
    expect(inView('h2')!.textContent).to.equal('Sportello casa');
    history.back();
    await waitUntil(() => !isOpen(), 'Back closes the view');
    await waitUntil(() => deepActive() === link(el, 'b'), 'focus is back on the link');
    expect(param('servizio')).to.equal(null);
  });

  it('opens from a link to the page, and closing leaves the address without it', async () => {
    history.replaceState(null, '', `${location.pathname}${location.search}${location.search ? '&' : '?'}servizio=c`);
    await list(feedBlobUrl(feed()));
    await waitUntil(() => isOpen() && deepActive()?.localName === 'h2', 'the view opens with focus inside');
    expect(inView('h2')!.textContent).to.equal("Centro per l'impiego");
    inView('[part="close"]')!.click();
    await waitUntil(() => !isOpen() && param('servizio') === null, 'the close button closes it and drops the parameter');
  });

  it('falls back to copying the link, and says so to screen readers', async () => {
    const copied: string[] = [];
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void copied.push(t) } });
    try {
      const el = await list(feedBlobUrl(feed()));
      await openFrom(el, 'a');
      const button = inView('[part~="share"]')!;
      expect(button.textContent!.trim()).to.equal('Copia il link');
      button.click();
      const status = inView('[part="status"]')!;
      await waitUntil(() => status.textContent!.includes('Link copiato'), 'the status says the link was copied');
      expect(status.getAttribute('role')).to.equal('status');
      expect(copied).to.have.length(1);
      expect(new URL(copied[0]!).searchParams.get('servizio')).to.equal('a');
      await waitUntil(() => inView('[part="qr"] svg path'), 'the QR code is shown beside the link');
      expect((inView('.share input') as HTMLInputElement).value).to.equal(copied[0]);
      await expect(view()!).to.be.accessible();
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
      if (clipboard) Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
    }
  });

  it('keeps "La mia selezione" across a reload, and its link opens the same services', async () => {
    const src = feedBlobUrl(feed());
    let el = await list(src, { selection: true });
    const selectionButton = () => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="selection"]')!;
    const box = (id: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`[data-id="${id}"] [part="save"] input`)!;
    expect(selectionButton().textContent!.replace(/\s+/g, ' ').trim()).to.equal('La mia selezione (0)');
    box('a').click();
    box('c').click();
    await waitUntil(() => selectionButton().textContent!.includes('(2)'), 'the count follows');
    await expect(el).to.be.accessible();

    // A reload: the page's groups are gone, the browser's storage stays.
    el.remove();
    resetAll();
    el = await list(src, { selection: true });
    expect(selectionButton().textContent).to.contain('(2)');
    expect(box('a').checked && box('c').checked && !box('b').checked).to.equal(true);

    selectionButton().focus();
    selectionButton().click();
    await waitUntil(() => isOpen() && deepActive()?.localName === 'h2', 'the selection opens');
    expect(inView('h2')!.textContent).to.equal('La mia selezione');
    const names = () => [...view()!.shadowRoot!.querySelectorAll('[part="item"] h3')].map((h) => h.textContent);
    expect(names()).to.deep.equal(['Emporio solidale', "Centro per l'impiego"]);
    expect(param('selezione')).to.equal('a,c');
    await expect(view()!).to.be.accessible();
    const shared = location.href;

    view()!.close();
    await waitUntil(() => !isOpen() && deepActive() === selectionButton(), 'focus back on the selection button');
    await waitUntil(() => param('selezione') === null);

    // The person receiving the link: another browser, nothing saved.
    el.remove();
    resetAll();
    localStorage.clear();
    history.replaceState(null, '', shared);
    el = await list(src, { selection: true });
    await waitUntil(() => isOpen(), 'the shared selection opens');
    expect(inView('h2')!.textContent).to.equal('Selezione condivisa');
    expect(names()).to.deep.equal(['Emporio solidale', "Centro per l'impiego"]);
    expect(selectionButton().textContent).to.contain('(0)');
    inView('[part~="keep"]')!.click();
    await waitUntil(() => selectionButton().textContent!.includes('(2)'), 'kept in their own selection');
  });

  it('removes and clears in the selection view, saying so', async () => {
    const el = await list(feedBlobUrl(feed()), { selection: true });
    const box = (id: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`[data-id="${id}"] [part="save"] input`)!;
    box('a').click();
    box('b').click();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="selection"]')!.click();
    await waitUntil(() => isOpen());
    inView('[part~="remove"]')!.click();
    await waitUntil(() => inView('[part="status"]')!.textContent!.includes('Emporio solidale: tolto dalla selezione.'));
    await waitUntil(() => !box('a').checked && box('b').checked, 'the list follows');
    inView('[part~="clear"]')!.click();
    await waitUntil(() => inView('[part="empty"]'), 'the empty selection says how to add services');
    await waitUntil(() => inView('[part="status"]')!.textContent === 'Selezione svuotata.');
    await expect(view()!).to.be.accessible();
  });

  it('speaks English', async () => {
    const el = await list(feedBlobUrl(feed()), { lang: 'en', selection: true });
    expect(link(el, 'a').textContent).to.contain('Full details');
    await openFrom(el, 'a');
    const text = dialog()!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Offered by: Caritas Lodigiana');
    expect(text).to.contain('Information checked on 3 November 2026.');
    expect(text).to.contain('In my selection');
    expect(inView('[part="close"]')!.getAttribute('aria-label')).to.equal('Close the details');
  });
});
