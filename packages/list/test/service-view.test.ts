import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '@welfare-elements/list';
import '@welfare-elements/search';
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
  before(async function () {
    this.timeout(60_000); // a busy machine compiles it slowly
    await import('@welfare-elements/core/service/view.js');
  });
  beforeEach(() => {
    resetAll();
    localStorage.clear();
  });
  afterEach(async () => {
    if (isOpen()) view()!.close();
    await waitUntil(() => !isOpen(), 'the view closes');
    // A view a test opened goes Back over its history entry: wait for it, or that late
    // Back would take the next test's address away.
    await waitUntil(() => param('servizio') === null && param('selezione') === null, 'the address is the page again');
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

  it('says plainly that a linked service is gone, and takes the person to the search', async () => {
    history.replaceState(null, '', `${location.pathname}${location.search}${location.search ? '&' : '?'}servizio=gone`);
    const group = uniqueGroup();
    const src = feedBlobUrl(feed());
    const wrap = await fixture(html`<div>
      <welfare-search src=${src} group=${group} lang="it"></welfare-search>
      <welfare-list src=${src} group=${group} lang="it"></welfare-list>
    </div>`);
    await settled(wrap.querySelector<WelfareList>('welfare-list')!);
    await waitUntil(() => isOpen() && deepActive()?.localName === 'h2', 'the view opens with focus on its heading');
    expect(inView('h2')!.textContent).to.equal('Servizio non trovato');
    expect(inView('[part="missing"]')!.textContent).to.contain("Il servizio di questo link non è più nell'elenco");
    await expect(view()!).to.be.accessible();
    const search = inView('[part~="search"]')!;
    expect(search.textContent!.trim()).to.equal('Cerca tra i servizi');
    search.click();
    await waitUntil(() => !isOpen() && param('servizio') === null, 'the view closes and the address forgets the link');
    const field = wrap.querySelector('welfare-search')!.shadowRoot!.querySelector('input');
    await waitUntil(() => deepActive() === field, 'focus is in the search field');
  });

  it('without a search in the group, offers all the services, in English too', async () => {
    history.replaceState(null, '', `${location.pathname}${location.search}${location.search ? '&' : '?'}servizio=gone-too`);
    await list(feedBlobUrl(feed()), { lang: 'en' });
    await waitUntil(() => isOpen() && deepActive()?.localName === 'h2', 'the view opens');
    expect(inView('h2')!.textContent).to.equal('Service not found');
    expect(inView('[part="missing"]')!.textContent).to.contain('The service of this link is no longer listed');
    expect(inView('[part~="search"]')!.textContent!.trim()).to.equal('See all services');
  });

  it("waits for every group before calling a link's service gone", async () => {
    history.replaceState(null, '', `${location.pathname}${location.search}${location.search ? '&' : '?'}servizio=other`);
    const wrap = await fixture(html`<div>
      <welfare-list src=${feedBlobUrl(feed())} group=${uniqueGroup()} lang="it"></welfare-list>
      <welfare-list src=${feedBlobUrl(makeFeed([service('other', { name: 'Servizio di un altro elenco' })]))} group=${uniqueGroup()} lang="it"></welfare-list>
    </div>`);
    for (const el of wrap.querySelectorAll<WelfareList>('welfare-list')) await settled(el);
    await waitUntil(() => isOpen(), 'the view opens');
    await waitUntil(() => deepActive()?.localName === 'h2', `focus on the heading, not ${deepActive()?.localName}`);
    expect(inView('h2')!.textContent).to.equal('Servizio di un altro elenco');
  });

  it('prints the QR code on Ctrl+P, and on the Print menu once its code is loaded', async () => {
    const printed: string[] = [];
    const original = window.print;
    window.print = () => void printed.push(inView('.sheet svg path') ? 'with QR' : 'without QR');
    try {
      const el = await list(feedBlobUrl(feed()));
      await openFrom(el, 'a');
      try {
        await sendKeys({ down: 'Control' });
        await sendKeys({ press: 'p' });
        await sendKeys({ up: 'Control' });
      } catch {
        // WebKit's WebDriver holds no key down: the same key event, from the page.
        deepActive()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'p', code: 'KeyP', ctrlKey: true, bubbles: true, composed: true, cancelable: true }));
      }
      await waitUntil(() => printed.length === 1, 'Ctrl+P prints the view');
      expect(printed).to.deep.equal(['with QR']);
      expect(inView('.sheet .url')!.textContent).to.contain('servizio=a');
      view()!.close();
      await waitUntil(() => !isOpen() && param('servizio') === null);

      // The browser's menu: no key to catch, but the code is here now: drawn before layout.
      await openFrom(el, 'b');
      expect(inView('.sheet svg path')).to.equal(null);
      dispatchEvent(new Event('beforeprint'));
      expect(inView('.sheet svg path'), 'the QR code is in the sheet at once').to.not.equal(null);
      expect(inView('.sheet .url')!.textContent).to.contain('servizio=b');
    } finally {
      window.print = original;
    }
  });

  it('follows "La mia selezione" changed in another tab', async () => {
    const el = await list(feedBlobUrl(feed()), { selection: true });
    const selectionButton = () => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="selection"]')!;
    const box = (id: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`[data-id="${id}"] [part="save"] input`)!;
    box('a').click();
    await waitUntil(() => selectionButton().textContent!.includes('(1)'));
    const key = Object.keys(localStorage).find((k) => k.startsWith('welfare-elements:selezione:'))!;
    // Another tab of the same site: a frame of this origin writes the same storage.
    const other = document.createElement('iframe');
    document.body.append(other);
    try {
      other.contentWindow!.localStorage.setItem(key, JSON.stringify(['a', 'c']));
      await waitUntil(() => selectionButton().textContent!.includes('(2)'), 'the count follows the other tab');
      await waitUntil(() => box('c').checked && box('a').checked && !box('b').checked, 'the cards follow');

      selectionButton().click();
      await waitUntil(() => isOpen() && view()!.shadowRoot!.querySelectorAll('[part="item"]').length === 2, 'the selection view shows both');
      other.contentWindow!.localStorage.removeItem(key);
      await waitUntil(() => inView('[part="empty"]'), 'emptied in the other tab: the open view follows');
      await waitUntil(() => selectionButton().textContent!.includes('(0)'));
    } finally {
      other.remove();
    }
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
