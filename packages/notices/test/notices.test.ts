import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { loadHoursEngine, refreshHours, setClock } from '@welfare-elements/core';
import '@welfare-elements/notices';
import '@welfare-elements/list';
import '@welfare-elements/access-points';
import type { WelfareNotices } from '@welfare-elements/notices';
import type { WelfareList } from '@welfare-elements/list';
import type { WelfareAccessPoints } from '@welfare-elements/access-points';
import '@welfare-elements/map';
import type { WelfareMap } from '@welfare-elements/map';
import { mapReady, popupShown, serviceMarkers } from '../../map/test/helpers.js';
import { feedBlobUrl, fixtureUrl, HOSTILE, makeFeed, resetAll, service, settled, uniqueGroup, waitUntil } from '../../core/test/helpers.js';

const HOURS = 'Mo-Fr 09:00-12:30';
const NOTICES = [
  { id: 'expired', text: 'Vecchia notizia', date: '2026-10-01', validThrough: '2026-11-30' },
  { id: 'closure', kind: 'closure', title: 'Sportello casa chiuso per lavori', text: 'Chiuso per lavori di ristrutturazione.',
    date: '2026-11-27', validFrom: '2026-11-30', validThrough: '2027-01-06', services: ['s-casa'], organization: 'comune-lodi', comune: 'Lodi', categories: ['casa'] },
  { id: 'deadline', kind: 'deadline', title: { it: 'Bando affitti', en: 'Rent support call' }, text: { it: 'Domande entro il 4 dicembre.', en: 'Apply by 4 December.' },
    date: '2026-11-20', validThrough: '2026-12-04', link: 'https://example.org/bando', categories: ['casa'] },
  { id: 'event', kind: 'event', title: 'Open day', text: 'Incontri con le aziende.', date: '2026-11-28', validFrom: '2026-12-12',
    services: ['s-cibo'], accessPoints: ['ap-1'], comune: 'Codogno', organization: 'caritas' },
  { id: 'news', text: 'Una notizia senza titolo.', date: '2026-11-10' },
];
const feed = (notices: unknown[] = NOTICES) =>
  makeFeed(
    [
      service('s-casa', { name: 'Sportello casa', hours: HOURS, organization: 'comune-lodi' }),
      service('s-cibo', { name: 'Emporio solidale', categories: ['cibo'], hours: HOURS, locations: [{ comune: 'Codogno', lat: 45.16, lon: 9.7 }] }),
    ],
    { accessPoints: [{ id: 'ap-1', name: 'Sportello sociale', comune: 'Codogno', hours: HOURS }], notices },
  );

const root = (el: Element) => el.shadowRoot!;
const articles = (el: Element) => [...root(el).querySelectorAll<HTMLElement>('article')];
const titles = (el: Element) => articles(el).map((a) => a.querySelector('[part="title"]')!.textContent!.trim());
const part = (a: Element, name: string) => a.querySelector(`[part~="${name}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
const count = (el: Element) => part(root(el) as unknown as Element, 'count');

async function mount(src: string, attrs: Record<string, string> = {}) {
  const el = document.createElement('welfare-notices');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.setAttribute('src', src);
  await fixture(html`<div></div>`).then((d) => d.append(el));
  return board(el as WelfareNotices);
}

/** Waits for the feed and for the board's own chunk (fetched when the element connects). */
async function board(el: WelfareNotices) {
  await settled(el);
  await waitUntil(() => root(el).querySelector('[part~="count"], [part~="error"]'), 'the board did not render');
  return el;
}

describe('<welfare-notices>', () => {
  // axe's first run in WebKit on a loaded machine takes seconds: warm it up apart from the tests.
  before(async function () {
    this.timeout(30000);
    await expect(await fixture(html`<p>axe</p>`)).to.be.accessible();
  });
  beforeEach(() => setClock(new Date('2026-12-01T10:00:00+01:00')));
  afterEach(resetAll);

  it('shows the current notices newest first as articles with headings, with kind and dates in words; expired ones hidden', async () => {
    const el = await mount(feedBlobUrl(feed()));
    expect(titles(el)).to.deep.equal(['Open day', 'Sportello casa chiuso per lavori', 'Bando affitti', 'Notizia']);
    const [event, closure, deadline, news] = articles(el);
    expect(part(closure!, 'kind')).to.equal('Chiusura');
    expect(part(closure!, 'when')).to.equal('Chiuso fino al 6 gennaio');
    expect(part(deadline!, 'when')).to.equal('Scade tra 3 giorni, il 4 dicembre');
    expect(part(event!, 'when')).to.equal('Il 12 dicembre');
    expect(part(news!, 'when')).to.equal(undefined);
    expect(part(news!, 'text')).to.equal('Una notizia senza titolo.');
    expect(part(closure!, 'published')).to.equal('Pubblicato il 27 novembre');
    expect(closure!.querySelector('time')!.getAttribute('datetime')).to.equal('2026-11-27');
    const heading = closure!.querySelector('[part="title"]')!;
    expect(heading.getAttribute('role')).to.equal('heading');
    expect(heading.getAttribute('aria-level')).to.equal('3');
    const link = deadline!.querySelector('a')!;
    expect(link.href).to.equal('https://example.org/bando');
    expect(link.textContent).to.contain('Maggiori informazioni');
    expect(link.textContent).to.contain('Bando affitti');
    expect(count(el)).to.equal('4 avvisi');
    expect(root(el).querySelector('[part="count"]')!.getAttribute('role')).to.equal('status');
    await expect(el).to.be.accessible();
  });

  it('follows the clock: a deadline counts down and disappears the day after', async () => {
    setClock(new Date('2026-12-04T09:00:00+01:00'));
    const el = await mount(feedBlobUrl(feed()));
    expect(part(articles(el)[2]!, 'when')).to.equal('Scade oggi');
    setClock(new Date('2026-12-05T09:00:00+01:00'));
    refreshHours(); // what the shared once-a-minute timer does
    await waitUntil(() => !titles(el).includes('Bando affitti'));
    expect(titles(el)).to.deep.equal(['Open day', 'Sportello casa chiuso per lavori', 'Notizia']);
  });

  it('speaks English', async () => {
    const el = await mount(feedBlobUrl(feed()), { lang: 'en' });
    const [event, closure, deadline] = articles(el);
    expect(part(deadline!, 'title')).to.equal('Rent support call');
    expect(part(deadline!, 'when')).to.equal('Deadline in 3 days, 4 December');
    expect(part(closure!, 'when')).to.equal('Closed until 6 January');
    expect(part(event!, 'kind')).to.equal('Event');
    expect(count(el)).to.equal('4 notices');
  });

  it('with limit, shows the newest and links "Tutte le notizie"; without more-href a button shows the rest', async () => {
    const el = await mount(feedBlobUrl(feed()), { limit: '2', 'more-href': '/notizie.html' });
    expect(titles(el)).to.deep.equal(['Open day', 'Sportello casa chiuso per lavori']);
    expect(count(el)).to.equal('2 avvisi su 4, i più recenti');
    const more = root(el).querySelector<HTMLAnchorElement>('a[part~="more"]')!;
    expect(more.textContent).to.equal('Tutte le notizie');
    expect(more.getAttribute('href')).to.equal('/notizie.html');

    const bad = await mount(feedBlobUrl(feed()), { limit: '2', 'more-href': 'javascript:alert(1)' });
    const button = root(bad).querySelector<HTMLButtonElement>('button[part="more"]')!;
    expect(root(bad).querySelector('a[part~="more"]')).to.equal(null);
    expect(button.textContent!.trim()).to.equal('Mostra tutti gli avvisi (4)');
    button.click();
    await bad.updateComplete;
    expect(titles(bad)).to.have.length(4);
  });

  it('applies the group\'s organisation, comune and category filters', async () => {
    const src = feedBlobUrl(feed());
    const org = await mount(src, { organization: 'caritas', group: uniqueGroup() });
    expect(titles(org)).to.deep.equal(['Open day']);
    const comune = await mount(src, { comune: 'Lodi', group: uniqueGroup() });
    expect(titles(comune)).to.deep.equal(['Sportello casa chiuso per lavori', 'Bando affitti', 'Notizia']);
    const category = await mount(src, { category: 'cibo', group: uniqueGroup() });
    expect(titles(category)).to.deep.equal(['Open day', 'Notizia']);
  });

  it('says there is nothing new, and is accessible while loading, empty and on error', async () => {
    const loading = document.createElement('welfare-notices');
    loading.setAttribute('src', `/__slow/1500${fixtureUrl('feed.json')}`);
    document.body.append(loading);
    await loading.updateComplete;
    expect(root(loading).querySelector('[part~="loading"]')).to.exist;
    await expect(loading).to.be.accessible();
    loading.remove();

    const empty = await mount(feedBlobUrl(feed([{ id: 'old', text: 'Scaduta', validThrough: '2026-01-01' }])));
    expect(part(root(empty) as unknown as Element, 'empty')).to.contain('Nessuna novità.');
    expect(count(empty)).to.equal('0 avvisi');
    await expect(empty).to.be.accessible();

    const failed = await mount('/__status/500');
    expect(root(failed).querySelector('[role="alert"]')).to.exist;
    await expect(failed).to.be.accessible();
  });

  it('names the services and access points concerned; with a list in the group they select them, by keyboard too', async () => {
    const src = feedBlobUrl(feed());
    const alone = await mount(src, { group: uniqueGroup() });
    expect(articles(alone)[0]!.querySelector('button')).to.equal(null);
    expect(part(articles(alone)[0]!, 'concerns')).to.equal('Riguarda: Emporio solidale Sportello sociale');
    // With nothing to select it in, a service's name links to its full view (issue 18).
    const link = articles(alone)[0]!.querySelector<HTMLAnchorElement>('a[part~="concern"]')!;
    expect(link.textContent!.trim()).to.equal('Emporio solidale');
    expect(new URL(link.href).searchParams.get('servizio')).to.equal('s-cibo');

    const group = uniqueGroup();
    const wrap = await fixture(html`<div>
      <welfare-notices src=${src} group=${group}></welfare-notices>
      <welfare-list src=${src} group=${group}></welfare-list>
    </div>`);
    const el = await board(wrap.querySelector('welfare-notices')!);
    const list = await settled(wrap.querySelector<WelfareList>('welfare-list')!);
    await el.updateComplete;
    // With a list in the group, a service's name still opens its full view (issue 18), and
    // selects its card, so the list shows it when the view closes.
    const concern = articles(el)[0]!.querySelector<HTMLAnchorElement>('a[part~="concern"]')!;
    expect(concern.textContent!.trim()).to.equal('Emporio solidale');
    concern.focus();
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const event = await oneEvent(el, 'welfare-select');
    expect(event.detail).to.deep.equal({ id: 's-cibo', type: 'service' });
    const view = () => document.querySelector('welfare-service-view');
    const dialog = () => view()?.shadowRoot?.querySelector('dialog');
    await waitUntil(() => dialog()?.open && view()!.shadowRoot!.querySelector('h2')!.textContent === 'Emporio solidale', 'the full view opens');
    await list.updateComplete;
    expect(root(list).querySelector('li[data-id="s-cibo"]')!.getAttribute('part')).to.equal('item selected');
    (view() as unknown as { close(): void }).close();
    await waitUntil(() => !dialog()!.open && !new URLSearchParams(location.search).has('servizio'), 'the view closes');
    await waitUntil(() => root(el).activeElement === concern, 'focus back on the name');
    // An access point has no full view: it is still a toggle that selects it.
    const button = articles(el)[0]!.querySelector<HTMLButtonElement>('button[part="concern"]')!;
    expect(button.textContent!.trim()).to.equal('Sportello sociale');
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('shows feed text as text only', async () => {
    const el = await mount(feedBlobUrl(feed([{ id: 'x', title: HOSTILE, text: HOSTILE, link: 'javascript:alert(1)' }])));
    expect(part(articles(el)[0]!, 'title')).to.equal(HOSTILE);
    expect(root(el).querySelector('script, img')).to.equal(null);
    expect(articles(el)[0]!.querySelector('a')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});

describe('closures in the list and the access points', () => {
  before(() => loadHoursEngine());
  afterEach(resetAll);

  const closures = [
    { kind: 'closure', text: 'Lavori', services: ['s-casa'], validFrom: '2026-12-02', validThrough: '2026-12-04' },
    { kind: 'closure', text: 'Orari ridotti', accessPoints: ['ap-1'], hours: 'Mo-Fr 09:00-10:00', validFrom: '2026-12-02', validThrough: '2026-12-04' },
  ];
  const hoursOf = (el: Element, id: string) => part(root(el).querySelector(`li[data-id="${id}"]`)!, 'hours');

  it('shows the badge and follows the closure\'s hours from its first day to its last, then the usual hours again', async () => {
    setClock(new Date('2026-12-01T09:30:00+01:00')); // the day before
    const src = feedBlobUrl(feed(closures));
    const group = uniqueGroup();
    const wrap = await fixture(html`<div>
      <welfare-list src=${src} group=${group}></welfare-list>
      <welfare-access-points src=${src} group=${group}></welfare-access-points>
    </div>`);
    const list = await settled(wrap.querySelector<WelfareList>('welfare-list')!);
    const points = await settled(wrap.querySelector<WelfareAccessPoints>('welfare-access-points')!);
    const store = (list as unknown as { data: { store: { closures?: object; update(p: object): void; results: { id: string }[] } } }).data.store;
    await waitUntil(() => store.closures !== undefined, 'the closures were not applied');
    const tick = async () => {
      refreshHours();
      await list.updateComplete;
      await points.updateComplete;
    };
    await tick();
    expect(hoursOf(list, 's-casa')).to.contain('Aperto ora, chiude alle 12:30');
    expect(hoursOf(points, 'ap-1')).to.contain('Aperto ora, chiude alle 12:30');
    expect(root(list).querySelector('[part~="closure"]')).to.equal(null);

    setClock(new Date('2026-12-02T09:30:00+01:00')); // first day, 9:30
    await tick();
    expect(hoursOf(list, 's-casa')).to.equal('Orari: Chiuso fino al 4 dicembre');
    expect(part(root(points).querySelector('li[data-id="ap-1"]')!, 'closure')).to.equal('Orari ridotti fino al 4 dicembre');
    expect(hoursOf(points, 'ap-1')).to.contain('Aperto ora, chiude alle 10:00');
    store.update({ openNow: true });
    await tick();
    expect(store.results.map((s) => s.id)).to.deep.equal(['s-cibo']);
    store.update({ openNow: false });

    setClock(new Date('2026-12-04T10:30:00+01:00')); // last day, after the reduced hours
    await tick();
    expect(hoursOf(list, 's-casa')).to.equal('Orari: Chiuso oggi');
    expect(hoursOf(points, 'ap-1')).to.contain('Chiuso');
    await expect(points).to.be.accessible();

    setClock(new Date('2026-12-07T09:30:00+01:00')); // Monday after: over
    await tick();
    expect(hoursOf(list, 's-casa')).to.contain('Aperto ora, chiude alle 12:30');
    expect(root(points).querySelector('[part~="closure"]')).to.equal(null);
    expect(hoursOf(points, 'ap-1')).to.contain('Aperto ora, chiude alle 12:30');
  });

  it('shows the closure in the map popup', async () => {
    setClock(new Date('2026-12-03T10:00:00+01:00'));
    const src = feedBlobUrl(feed(closures));
    const el = await fixture<WelfareMap>(html`<welfare-map src=${src} group=${uniqueGroup()} tiles="none" style="--welfare-map-height: 400px; width: 640px"></welfare-map>`);
    await settled(el);
    await mapReady(el);
    const store = (el as unknown as { data: { store: { closures?: object } } }).data.store;
    await waitUntil(() => store.closures !== undefined, 'the closures were not applied');
    const marker = serviceMarkers(el).find((b) => b.getAttribute('aria-label')!.startsWith('Sportello casa'))!;
    marker.click();
    const content = await popupShown(el);
    expect(content.querySelector('[part~="hours-state"]')!.textContent!.trim()).to.equal('Chiuso fino a domani');
    await expect(el).to.be.accessible();
  });
});
