import { aTimeout, expect, fixture, fixtureSync, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { type GroupStore, groupStore, loadHoursEngine, refreshHours, setClock } from '@welfare-elements/core';
import '@welfare-elements/access-points';
import '@welfare-elements/list';
import '@welfare-elements/search';
import type { WelfareSearch } from '@welfare-elements/search';
import type { WelfareAccessPoints } from '@welfare-elements/access-points';
import type { WelfareList } from '@welfare-elements/list';
import { LOCATE_FAILURES, stubGeolocation } from '../../core/test/geolocation.js';
import { feedBlobUrl, fixtureUrl, HOSTILE, makeFeed, resetAll, service, settled, uniqueGroup, waitUntil } from '../../core/test/helpers.js';

const OFFICE = 'Mo-Fr 09:00-12:30; PH off';

/** Access points in four comuni; one without a position and with unreadable hours. */
const POINTS = [
  { id: 'ap-lodi', name: 'Punto di accesso di Lodi', description: 'Primo ascolto e orientamento.',
    address: 'Via Fanfulla 14', comune: 'Lodi', lat: 45.3147, lon: 9.5026, hours: OFFICE,
    phone: '0371 000001', email: 'punto@lodi.example.org', website: 'https://lodi.example.org/punto' },
  { id: 'ap-caritas', name: 'Sportello Caritas', comune: 'Lodi', address: 'Via Cavour 31', hours: 'su appuntamento' },
  { id: 'ap-codogno', name: 'Sportello sociale di Codogno', address: 'Piazza XX Settembre 1', comune: 'Codogno',
    lat: 45.1602, lon: 9.7051, hours: 'Mo,We,Fr 09:00-12:00; PH off', phone: '0377 000002' },
  { id: 'ap-casale', name: 'Sportello sociale di Casalpusterlengo', address: 'Piazza del Popolo 22',
    comune: 'Casalpusterlengo', lat: 45.1781, lon: 9.6502, hours: 'Tu,Th 09:00-12:30' },
  { id: 'ap-santangelo', name: 'Sportello di Sant\'Angelo', comune: 'Sant\'Angelo Lodigiano', lat: 45.2376, lon: 9.4069 },
];

const feed = (extra: Record<string, unknown> = {}) =>
  makeFeed(
    [
      service('s-lodi', { hours: OFFICE }),
      service('s-codogno', { locations: [{ address: 'Via Roma 2', comune: 'Codogno', lat: 45.16, lon: 9.70 }] }),
    ],
    { accessPoints: POINTS, ...extra },
  );

const root = (el: Element) => el.shadowRoot!;
const storeOf = (el: WelfareAccessPoints) => (el as unknown as { data: { store: GroupStore } }).data.store;
const items = (el: Element) => [...root(el).querySelectorAll<HTMLElement>('[part~="item"]')];
const names = (el: Element) => items(el).map((li) => li.querySelector('[part="name"]')!.textContent!.trim());
const count = (el: Element) => root(el).querySelector('[part="count"]')!.textContent!.trim();
const item = (el: Element, id: string) => root(el).querySelector<HTMLElement>(`li[data-id="${id}"]`)!;
const hoursState = (li: Element) => li.querySelector('[part~="hours-state"]')?.textContent?.trim();

async function mount(src: string, attrs = '') {
  const el = await fixture<WelfareAccessPoints>(html`<welfare-access-points src=${src}></welfare-access-points>`);
  for (const attr of attrs.split(' ').filter(Boolean)) {
    const at = attr.indexOf('=');
    el.setAttribute(at < 0 ? attr : attr.slice(0, at), at < 0 ? '' : attr.slice(at + 1));
  }
  await settled(el);
  return el;
}

describe('<welfare-access-points>', () => {
  before(async () => {
    await loadHoursEngine();
  });
  afterEach(resetAll);

  it('shows every access point with part="item", ordered by comune and name, and announces the count', async () => {
    const el = await mount(feedBlobUrl(feed()));
    expect(names(el)).to.deep.equal([
      'Sportello sociale di Casalpusterlengo',
      'Sportello sociale di Codogno',
      'Punto di accesso di Lodi',
      'Sportello Caritas',
      'Sportello di Sant\'Angelo',
    ]);
    const status = root(el).querySelector('[part="count"] [role="status"]')!;
    expect(status.getAttribute('aria-live')).to.equal('polite');
    expect(count(el)).to.equal('5 punti di accesso');
    await expect(el).to.be.accessible();
  });

  it('shows name, description, address, hours, contacts and a directions link', async () => {
    setClock(new Date('2026-12-02T10:00:00+01:00')); // a Wednesday morning
    const el = await mount(feedBlobUrl(feed()));
    const lodi = item(el, 'ap-lodi');
    expect(lodi.querySelector('[part="description"]')!.textContent).to.equal('Primo ascolto e orientamento.');
    expect(lodi.querySelector('[part="address"]')!.textContent).to.equal('Via Fanfulla 14, Lodi');
    expect(hoursState(lodi)).to.equal('Aperto ora, chiude alle 12:30');
    // The hours in words, never in the feed's syntax.
    expect(lodi.querySelector('[part~="hours-text"] [aria-hidden="true"]')!.textContent).to.equal('lun–ven 9:00–12:30, chiuso nei festivi');
    expect(lodi.textContent).not.to.contain(OFFICE);
    expect(lodi.querySelector('a[href="tel:0371000001"]')).to.exist;
    expect(lodi.querySelector('a[href="mailto:punto@lodi.example.org"]')).to.exist;
    expect(lodi.querySelector('a[href="https://lodi.example.org/punto"]')).to.exist;
    const directions = lodi.querySelector<HTMLAnchorElement>('[part~="directions"]')!;
    expect(directions.href).to.match(/^https:\/\/www\.openstreetmap\.org\/directions\?to=45\.3147%2C9\.5026/);
    expect(directions.textContent!.replace(/\s+/g, ' ')).to.contain('Indicazioni stradali per Punto di accesso di Lodi');
    expect(directions.rel).to.contain('noopener');
    // Closed on Tuesdays and Thursdays only: opens tomorrow.
    expect(hoursState(item(el, 'ap-casale'))).to.equal('Chiuso, apre domani alle 9:00');
    // Unreadable hours are not shown, a neutral text instead; no position, no directions link.
    const caritas = item(el, 'ap-caritas');
    expect(hoursState(caritas)).to.equal(undefined);
    expect(caritas.querySelector('[part="hours"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Orari: chiedere al servizio');
    expect(caritas.querySelector('[part~="directions"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the same state as the list, in a lunch break and on a public holiday', async () => {
    const group = uniqueGroup();
    const src = feedBlobUrl(feed());
    const wrap = fixtureSync<HTMLDivElement>(html`<div>
      <welfare-list src=${src} group=${group}></welfare-list>
      <welfare-access-points src=${src} group=${group}></welfare-access-points>
    </div>`);
    const list = await settled(wrap.querySelector<WelfareList>('welfare-list')!);
    const ap = await settled(wrap.querySelector<WelfareAccessPoints>('welfare-access-points')!);
    const listState = () => hoursState(root(list).querySelector('li[data-id="s-lodi"]')!);
    for (const [instant, expected] of [
      ['2026-12-02T13:00:00+01:00', 'Chiuso, apre domani alle 9:00'],
      ['2026-12-25T10:00:00+01:00', 'Chiuso per festività (Natale di Gesù), apre lunedì alle 9:00'],
      ['2026-06-02T10:00:00+02:00', 'Chiuso per festività (Festa della Repubblica), apre domani alle 9:00'],
    ] as const) {
      setClock(new Date(instant));
      list.requestUpdate();
      ap.requestUpdate();
      await list.updateComplete;
      await ap.updateComplete;
      expect(hoursState(item(ap, 'ap-lodi'))).to.equal(expected);
      expect(listState()).to.equal(expected);
    }
  });

  it('"Aperto ora" (open-now attribute): only the access points open now, and a checkbox to see all', async () => {
    setClock(new Date('2026-12-02T10:00:00+01:00')); // Wednesday morning
    const el = await mount(feedBlobUrl(feed()), 'open-now');
    await waitUntil(() => count(el).includes('aperti ora'), `count: ${count(el)}`);
    // Lodi (Mo-Fr) and Codogno (Mo,We,Fr) are open; Casalpusterlengo (Tu,Th) is not, and
    // hours that cannot be read ("su appuntamento") or missing never count as open.
    expect(names(el)).to.deep.equal(['Sportello sociale di Codogno', 'Punto di accesso di Lodi']);
    expect(count(el)).to.equal('2 punti di accesso aperti ora');
    const box = root(el).querySelector<HTMLInputElement>('[part="open-now"] input')!;
    expect(box.checked).to.equal(true);
    await expect(el).to.be.accessible();
    box.click();
    await el.updateComplete;
    expect(items(el)).to.have.length(5);
    expect(count(el)).to.equal('5 punti di accesso');
    expect(storeOf(el).filters.openNow).to.equal(false);
  });

  it('"Aperto ora" of the search box filters the access points of its group too', async () => {
    setClock(new Date('2026-12-03T10:00:00+01:00')); // Thursday: Lodi and Casalpusterlengo
    const group = uniqueGroup();
    const src = feedBlobUrl(feed());
    const wrap = fixtureSync<HTMLDivElement>(html`<div>
      <welfare-search src=${src} group=${group}></welfare-search>
      <welfare-access-points src=${src} group=${group}></welfare-access-points>
    </div>`);
    const search = await settled(wrap.querySelector<WelfareSearch>('welfare-search')!);
    const ap = await settled(wrap.querySelector<WelfareAccessPoints>('welfare-access-points')!);
    expect(items(ap)).to.have.length(5);
    search.shadowRoot!.querySelector<HTMLInputElement>('[part="open-now"] input')!.click();
    await waitUntil(() => items(ap).length === 2, `shown: ${names(ap).join(', ')}`);
    expect(names(ap)).to.deep.equal(['Sportello sociale di Casalpusterlengo', 'Punto di accesso di Lodi']);
    expect(root(ap).querySelector<HTMLInputElement>('[part="open-now"] input')!.checked).to.equal(true);
  });

  it('says when no access point is open now, and offers to show the closed ones', async () => {
    setClock(new Date('2026-12-05T10:00:00+01:00')); // Saturday
    const el = await mount(feedBlobUrl(feed()), 'open-now');
    await waitUntil(() => root(el).querySelector('[part="empty"]'), 'no empty message');
    expect(root(el).querySelector('[part="empty"]')!.textContent).to.contain('Nessun punto di accesso è aperto in questo momento.');
    await expect(el).to.be.accessible();
    const show = root(el).querySelector<HTMLButtonElement>('[part="empty"] button')!;
    expect(show.textContent!.trim()).to.equal('Mostra anche quelli chiusi');
    show.click();
    await el.updateComplete;
    expect(items(el)).to.have.length(5);
  });

  it('keeps the state true on an open page: re-evaluated when the minute turns', async () => {
    setClock(new Date('2026-12-02T12:29:00+01:00'));
    const el = await mount(feedBlobUrl(feed()));
    await waitUntil(() => hoursState(item(el, 'ap-lodi')), 'no state');
    expect(hoursState(item(el, 'ap-lodi'))).to.equal('Aperto ora, chiude alle 12:30');
    setClock(new Date('2026-12-02T12:30:00+01:00'));
    refreshHours(); // what the shared once-a-minute timer does
    await el.updateComplete;
    expect(hoursState(item(el, 'ap-lodi'))).to.equal('Chiuso, apre domani alle 9:00');
  });

  it('filters by comune with the select, and the group follows', async () => {
    const group = uniqueGroup();
    const src = feedBlobUrl(feed());
    const wrap = fixtureSync<HTMLDivElement>(html`<div>
      <welfare-access-points src=${src} group=${group}></welfare-access-points>
      <welfare-list src=${src} group=${group}></welfare-list>
    </div>`);
    const el = await settled(wrap.querySelector<WelfareAccessPoints>('welfare-access-points')!);
    const list = await settled(wrap.querySelector<WelfareList>('welfare-list')!);
    const select = root(el).querySelector<HTMLSelectElement>('[part="comune-select"]')!;
    expect([...select.options].map((o) => o.textContent)).to.deep.equal([
      'Tutti i comuni', 'Casalpusterlengo', 'Codogno', 'Lodi', 'Sant\'Angelo Lodigiano',
    ]);
    select.value = 'Lodi';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Punto di accesso di Lodi', 'Sportello Caritas']);
    expect(count(el)).to.equal('2 punti di accesso');
    expect(groupStore(group).filters.comune).to.equal('Lodi');
    await list.updateComplete;
    expect([...root(list).querySelectorAll('li[data-id]')].map((li) => li.getAttribute('data-id'))).to.deep.equal(['s-lodi']);
  });

  it('takes a preset comune from the attribute, and offers all comuni when it has none', async () => {
    const el = await mount(feedBlobUrl(feed()), 'comune=Codogno');
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Sportello sociale di Codogno']);
    expect(root(el).querySelector<HTMLSelectElement>('[part="comune-select"]')!.value).to.equal('Codogno');

    const empty = await mount(feedBlobUrl(feed()), 'comune=Borghetto');
    await empty.updateComplete;
    expect(items(empty)).to.have.length(0);
    expect(count(empty)).to.equal('0 punti di accesso');
    expect(root(empty).querySelector('[part="empty"]')!.textContent).to.contain('Nessun punto di accesso a Borghetto.');
    await expect(empty).to.be.accessible();
    root(empty).querySelector<HTMLButtonElement>('[part="empty"] button')!.click();
    await empty.updateComplete;
    expect(items(empty)).to.have.length(5);
  });

  it('orders by distance once the person shares the position ("Vicino a me")', async () => {
    const geo = navigator.geolocation;
    const original = geo.getCurrentPosition;
    let asked = 0;
    // Near Codogno's town hall.
    geo.getCurrentPosition = ((ok: PositionCallback) => {
      asked++;
      setTimeout(() => ok({ coords: { latitude: 45.1612, longitude: 9.7031 } } as GeolocationPosition));
    }) as Geolocation['getCurrentPosition'];
    try {
      const el = await mount(feedBlobUrl(feed()));
      const button = root(el).querySelector<HTMLButtonElement>('[part~="locate"]')!;
      expect(button.getAttribute('aria-pressed')).to.equal('false');
      button.focus();
      button.click();
      await el.updateComplete;
      // Busy, the button keeps the focus (aria-disabled, never disabled).
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      await waitUntil(() => storeOf(el).origin, 'no position');
      await el.updateComplete;
      expect(root(el).activeElement, 'the button lost the focus').to.equal(button);
      expect(asked).to.equal(1);
      // The new order is announced once, by the notice; the count's live region keeps the count.
      expect(root(el).querySelector('[part="notice"]')!.textContent!.trim()).to.equal(
        'Posizione trovata: i punti di accesso sono ordinati dal più vicino.',
      );
      expect(root(el).querySelector('[part="count"] [role="status"]')!.textContent).to.equal('5 punti di accesso');
      expect(names(el)).to.deep.equal([
        'Sportello sociale di Codogno',
        'Sportello sociale di Casalpusterlengo',
        'Punto di accesso di Lodi',
        'Sportello di Sant\'Angelo',
        'Sportello Caritas', // no position: last
      ]);
      expect(count(el)).to.equal('5 punti di accesso, dal più vicino');
      expect(item(el, 'ap-codogno').querySelector('[part="distance"]')!.textContent).to.equal('a 190 m');
      expect(item(el, 'ap-casale').querySelector('[part="distance"]')!.textContent).to.match(/^a 4,\d km$/);
      expect(item(el, 'ap-caritas').querySelector('[part="distance"]')).to.equal(null);
      expect(button.getAttribute('aria-pressed')).to.equal('true');
      await expect(el).to.be.accessible();
      // Pressed again: back to the order by comune.
      button.click();
      await el.updateComplete;
      expect(names(el)[0]).to.equal('Sportello sociale di Casalpusterlengo');
      expect(root(el).querySelector('[part="distance"]')).to.equal(null);
    } finally {
      geo.getCurrentPosition = original;
    }
  });

  it('follows a position shared by another element of the group (the map)', async () => {
    const group = uniqueGroup();
    const el = await fixture<WelfareAccessPoints>(
      html`<welfare-access-points src=${feedBlobUrl(feed())} group=${group} lang="en"></welfare-access-points>`,
    );
    await settled(el);
    groupStore(group).setOrigin({ lat: 45.237, lon: 9.407 }); // Sant'Angelo Lodigiano
    await el.updateComplete;
    expect(names(el)[0]).to.equal('Sportello di Sant\'Angelo');
    expect(count(el)).to.equal('5 access points, nearest first');
    // The map announced the new order: nothing here says it again.
    expect([...root(el).querySelectorAll('[role="status"]')].map((s) => s.textContent!.trim())).to.deep.equal(['5 access points', '']);
    expect(item(el, 'ap-lodi').querySelector('[part="distance"]')!.textContent).to.equal('11 km away');
  });

  it('says when the position cannot be found', async () => {
    const geo = navigator.geolocation;
    const original = geo.getCurrentPosition;
    geo.getCurrentPosition = ((_ok: PositionCallback, fail: PositionErrorCallback) =>
      setTimeout(() => fail({ code: 1, message: 'denied' } as GeolocationPositionError))) as Geolocation['getCurrentPosition'];
    try {
      const el = await mount(feedBlobUrl(feed()));
      root(el).querySelector<HTMLButtonElement>('[part~="locate"]')!.click();
      await waitUntil(() => root(el).querySelector('[part="notice"]')!.textContent!.includes('posizione'));
      expect(root(el).querySelector('[part="notice"]')!.getAttribute('role')).to.equal('status');
      expect(names(el)[0]).to.equal('Sportello sociale di Casalpusterlengo');
    } finally {
      geo.getCurrentPosition = original;
    }
  });

  it('selects an access point by keyboard and fires welfare-select', async () => {
    const el = await mount(feedBlobUrl(feed()));
    const select = root(el).querySelector<HTMLSelectElement>('[part="comune-select"]')!;
    select.focus();
    await sendKeys({ press: 'ArrowDown' }); // Casalpusterlengo
    await sendKeys({ press: 'ArrowDown' }); // Codogno
    // Applied on a committed choice (here: leaving the select), not at each option passed (issue 11).
    expect(storeOf(el).filters.comune).to.equal('');
    await sendKeys({ press: 'Tab' }); // "Aperto ora"
    await waitUntil(() => storeOf(el).filters.comune === 'Codogno', 'the select did not change by keyboard');
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Sportello sociale di Codogno']);
    expect(root(el).activeElement?.closest('[part="open-now"]'), root(el).activeElement?.outerHTML).to.exist;
    await sendKeys({ press: 'Tab' }); // "Vicino a me"
    expect(root(el).activeElement?.getAttribute('part')).to.contain('locate');
    await sendKeys({ press: 'Tab' }); // the name
    const name = root(el).activeElement as HTMLElement;
    expect(name.getAttribute('part')).to.equal('name');
    expect(getComputedStyle(name).outlineStyle).to.equal('solid'); // visible focus
    const selected = oneEvent(el, 'welfare-select');
    await sendKeys({ press: 'Enter' });
    const event = await selected;
    expect(event.detail).to.deep.equal({ id: 'ap-codogno', type: 'access-point' });
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    expect(name.getAttribute('aria-pressed')).to.equal('true');
    expect(item(el, 'ap-codogno').getAttribute('part')).to.equal('item selected');
    expect(storeOf(el).selected).to.equal('ap-codogno');
  });

  it('highlights an access point selected elsewhere (the map)', async () => {
    const group = uniqueGroup();
    const el = await fixture<WelfareAccessPoints>(
      html`<welfare-access-points src=${feedBlobUrl(feed())} group=${group}></welfare-access-points>`,
    );
    await settled(el);
    groupStore(group).select('ap-casale');
    await el.updateComplete;
    expect(item(el, 'ap-casale').getAttribute('part')).to.equal('item selected');
  });

  it('has a card layout and a compact one', async () => {
    setClock(new Date('2026-12-02T10:00:00+01:00'));
    const cards = await mount(feedBlobUrl(feed()));
    expect(item(cards, 'ap-lodi').querySelector('[part="description"]')).to.exist;
    expect(item(cards, 'ap-lodi').querySelector('[part="hours-week"]')).to.exist;
    const compact = await mount(feedBlobUrl(feed()), 'layout=compact');
    await compact.updateComplete;
    const lodi = item(compact, 'ap-lodi');
    expect(lodi.querySelector('[part="description"]')).to.equal(null);
    expect(lodi.querySelector('[part="hours-week"]')).to.equal(null);
    expect(lodi.querySelector('a[href^="mailto:"]')).to.equal(null);
    expect(hoursState(lodi)).to.equal('Aperto ora, chiude alle 12:30');
    expect(lodi.querySelector('a[href="tel:0371000001"]')).to.exist;
    expect(lodi.getBoundingClientRect().height).to.be.lessThan(item(cards, 'ap-lodi').getBoundingClientRect().height);
    await expect(compact).to.be.accessible();
  });

  it('speaks English', async () => {
    setClock(new Date('2026-12-05T10:00:00+01:00')); // Saturday
    const el = fixtureSync<HTMLDivElement>(
      html`<div lang="en"><welfare-access-points src=${feedBlobUrl(feed())}></welfare-access-points></div>`,
    ).querySelector('welfare-access-points')!;
    await settled(el);
    expect(count(el)).to.equal('5 access points');
    expect(root(el).querySelector('label')!.textContent).to.equal('Municipality');
    expect(hoursState(item(el, 'ap-lodi'))).to.equal('Closed, opens Monday at 9:00');
    expect(item(el, 'ap-lodi').querySelector('[part~="directions"]')!.textContent).to.contain('Directions');
  });

  it('uses a directions template from the attribute, and refuses unsafe ones', async () => {
    const el = await mount(feedBlobUrl(feed()), 'directions=https://maps.example.org/dir?daddr={lat},{lon}');
    await el.updateComplete;
    expect(item(el, 'ap-codogno').querySelector<HTMLAnchorElement>('[part~="directions"]')!.href).to.equal(
      'https://maps.example.org/dir?daddr=45.1602,9.7051',
    );
    el.directions = 'javascript:alert({lat})';
    await el.updateComplete;
    expect(root(el).querySelector('[part~="directions"]')).to.equal(null);
  });

  it('renders hostile feed text as text', async () => {
    const hostile = { id: 'ap-x', name: HOSTILE, description: HOSTILE, address: HOSTILE, comune: 'Lodi',
      hours: `Mo-Fr 09:00-12:00 open "${HOSTILE.replaceAll('"', "'")}"`, lat: 45.3, lon: 9.5, website: 'javascript:alert(1)' };
    const el = await mount(feedBlobUrl(makeFeed([], { accessPoints: [hostile] })));
    await aTimeout(50);
    expect(root(el).querySelector('script, img')).to.equal(null);
    expect(names(el)[0]).to.equal(HOSTILE);
    expect(root(el).querySelector('a[href^="javascript"]')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('is accessible while loading, when empty and on error', async () => {
    const loading = await fixture<WelfareAccessPoints>(
      html`<welfare-access-points src=${`/__slow/1500${fixtureUrl('feed.json')}`}></welfare-access-points>`,
    );
    expect(root(loading).querySelector('[part~="loading"]')).to.exist;
    await expect(loading).to.be.accessible();

    const none = await mount(feedBlobUrl(makeFeed([service('a')])));
    expect(root(none).querySelector('[part="empty"]')!.textContent).to.contain('Nessun punto di accesso in questo elenco.');
    expect(root(none).querySelector('[part="comune-select"]')).to.equal(null);
    await expect(none).to.be.accessible();

    const failed = await mount('/__status/500');
    const alert = root(failed).querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('non è disponibile');
    await expect(failed).to.be.accessible();
  });

  describe('"Vicino a me" says why it failed', () => {
    let restore: (() => void) | undefined;
    afterEach(() => {
      restore?.();
      restore = undefined;
    });

    const notice = (el: Element) => root(el).querySelector<HTMLElement>('[part="notice"]')!;
    const locate = (el: Element) => root(el).querySelector<HTMLButtonElement>('[part~="locate"]')!;

    for (const lang of ['it', 'en'] as const) {
      for (const failure of LOCATE_FAILURES) {
        it(`${failure.kind}: a message in the polite live region says what to do (${lang})`, async () => {
          restore = failure.stub();
          const el = await fixture<WelfareAccessPoints>(html`<welfare-access-points src=${feedBlobUrl(feed())} lang=${lang}></welfare-access-points>`);
          await settled(el);
          // The region is there, empty, before the press: screen readers announce what enters it.
          const region = notice(el);
          expect(region.getAttribute('role')).to.equal('status');
          expect(region.textContent!.trim()).to.equal('');
          const button = locate(el);
          button.focus();
          await sendKeys({ press: 'Enter' });
          await waitUntil(() => failure[lang].test(notice(el).textContent!), `no message: "${notice(el).textContent!.trim()}"`);
          expect(notice(el), 'the live region was replaced').to.equal(region);
          expect(getComputedStyle(region).borderLeftStyle, 'not drawn as a problem').to.equal('solid');
          expect(button.getAttribute('aria-disabled')).to.equal('false');
          expect(button.getAttribute('aria-pressed')).to.equal('false');
          expect(root(el).activeElement).to.equal(button);
          expect(names(el)[0]).to.equal('Sportello sociale di Casalpusterlengo'); // still by comune
          await expect(el).to.be.accessible();
        });
      }
    }

    it('is busy while the browser answers, and a new try clears the failure; success says so', async () => {
      const geo = stubGeolocation('later');
      restore = geo.restore;
      const el = await mount(feedBlobUrl(feed()));
      const button = locate(el);
      button.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(notice(el).textContent!.trim()).to.equal('Ricerca della posizione in corso…');
      await sendKeys({ press: 'Enter' }); // pressed again while busy: no second request
      expect(geo.calls()).to.equal(1);
      geo.answer({ code: 3 });
      await waitUntil(() => notice(el).textContent!.includes('troppo tempo'));
      // The next try (Space this time) takes the failure away at once...
      await sendKeys({ press: ' ' }); // the space bar ('Space' is no key name in Firefox's WebDriver BiDi)
      await el.updateComplete;
      expect(notice(el).textContent!.trim()).to.equal('Ricerca della posizione in corso…');
      expect(notice(el).classList.contains('locate-problem')).to.equal(false);
      // ...and the position found says what changed.
      expect(geo.calls()).to.equal(2);
      geo.answer({ lat: 45.1612, lon: 9.7031 });
      await waitUntil(() => storeOf(el).origin, 'no position');
      await el.updateComplete;
      expect(notice(el).textContent!.trim()).to.equal('Posizione trovata: i punti di accesso sono ordinati dal più vicino.');
      expect(button.getAttribute('aria-pressed')).to.equal('true');
      expect(names(el)[0]).to.equal('Sportello sociale di Codogno');
      await expect(el).to.be.accessible();
      // Pressed again: the position is taken back, and that is said too.
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(notice(el).textContent!.trim()).to.equal('Posizione tolta: i punti di accesso sono in ordine di comune.');
      expect(names(el)[0]).to.equal('Sportello sociale di Casalpusterlengo');
    });

    it('does not stay busy when the element is moved while the browser answers', async () => {
      const geo = stubGeolocation('later');
      restore = geo.restore;
      const el = await mount(feedBlobUrl(feed()));
      locate(el).click();
      await el.updateComplete;
      expect(locate(el).getAttribute('aria-disabled')).to.equal('true');
      // A CMS moves the element while the browser is still answering: the late answer is
      // dropped, and the button works again.
      const parent = el.parentElement!;
      el.remove();
      geo.answer({ lat: 45.1612, lon: 9.7031 });
      parent.append(el);
      await el.updateComplete;
      expect(storeOf(el).origin).to.equal(null);
      expect(locate(el).getAttribute('aria-disabled')).to.equal('false');
    });
  });
});
