import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { groupStore, setClock, type WelfareSelectDetail } from '@welfare-elements/core';
import '@welfare-elements/list';
import type { WelfareList } from '@welfare-elements/list';
import { afterChange, feedBlobUrl, fixtureUrl, HOSTILE, makeFeed, requestsMade, resetAll, service, settled, uniqueGroup, waitUntil } from '../../core/test/helpers.js';

const items = (el: WelfareList) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="item"]')];
const names = (el: WelfareList) => items(el).map((i) => i.querySelector('[part="name"]')!.textContent!.trim());
const count = (el: WelfareList) => el.shadowRoot!.querySelector('[part="count"]')!.textContent!.trim();
const live = (el: WelfareList) => el.shadowRoot!.querySelector('[part="count"]')!.getAttribute('aria-live');

async function list(feed: unknown, attrs: { group?: string; lang?: string } = {}) {
  const src = feedBlobUrl(feed);
  const el = await fixture<WelfareList>(
    html`<welfare-list src=${src} group=${attrs.group ?? uniqueGroup()} lang=${attrs.lang ?? 'it'}></welfare-list>`,
  );
  return settled(el);
}

describe('<welfare-list>', () => {
  beforeEach(resetAll);

  it('shows each service as a card with its details, and the number of results', async () => {
    const el = await list(
      makeFeed([
        service('a', {
          name: 'Emporio solidale',
          description: 'Spesa gratuita per famiglie.',
          categories: ['cibo'],
          phone: '0371 000000',
          email: 'emporio@example.org',
          website: 'https://example.org/emporio',
          hours: 'Mo-Fr 09:00-12:30',
        }),
        service('b', { name: 'Sportello casa' }),
      ]),
    );
    expect(count(el)).to.equal('2 servizi');
    expect(live(el)).to.equal('polite');
    expect(names(el)).to.deep.equal(['Emporio solidale', 'Sportello casa']);
    const card = items(el)[0]!;
    expect(card.querySelector('[part="organization"]')!.textContent).to.equal('Caritas Lodigiana');
    expect(card.querySelector('[part="categories"]')!.textContent).to.contain('Cibo');
    expect(card.querySelector('[part="address"]')!.textContent).to.contain('Via Roma 1, Lodi');
    expect(card.querySelector('[part~="hours"]')!.textContent).to.contain('lun–ven 9:00–12:30');
    expect(card.textContent).not.to.contain('Mo-Fr');
    const hrefs = [...card.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).to.include.members(['tel:0371000000', 'mailto:emporio@example.org', 'https://example.org/emporio']);
    await expect(el).to.be.accessible();
  });

  it('speaks English when the page does', async () => {
    const src = feedBlobUrl(makeFeed([service('a', { name: { it: 'Casa', en: 'Housing help' } }), service('b')]));
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"><welfare-list src=${src}></welfare-list></div>`);
    const el = await settled(wrapper.querySelector('welfare-list')!);
    expect(count(el)).to.equal('2 services');
    expect(names(el)).to.include('Housing help');
    wrapper.lang = 'it';
    await waitUntil(() => count(el) === '2 servizi', 'switches to Italian when lang changes');
  });

  it('renders hostile feed text as text: nothing executes, bad links are dropped, good entries stay', async () => {
    const feed = makeFeed([
      service('x', {
        name: HOSTILE,
        description: HOSTILE,
        keywords: [HOSTILE],
        phone: HOSTILE,
        email: HOSTILE,
        website: 'javascript:window.__pwned=1',
        hours: HOSTILE,
        locations: [{ name: HOSTILE, address: HOSTILE, comune: HOSTILE, lat: '45', lon: 9 }],
      }),
      'garbage',
      { id: 'no-name' },
      service('x', { name: 'duplicate' }),
      service('good', { name: 'Servizio buono', locations: [{ comune: 'Lodi', lat: 999, lon: 9 }] }),
    ]);
    feed['title'] = HOSTILE;
    const src = feedBlobUrl(feed);
    const el = await fixture<WelfareList>(html`<welfare-list src=${src} group=${uniqueGroup()}></welfare-list>`);
    const loaded = await oneEvent(el, 'welfare-load');
    await settled(el);
    expect(loaded.detail).to.deep.equal({ services: 2, accessPoints: 0, skipped: 3 });
    expect(names(el)).to.deep.equal([HOSTILE, 'Servizio buono']);
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('script, img')).to.have.length(0);
    for (const a of root.querySelectorAll('a')) expect(a.getAttribute('href')).to.match(/^(https?:|mailto:|tel:)/);
    await aTimeout(50);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('shows an empty state that can clear the filters', async () => {
    const el = await list(makeFeed([service('a'), service('b', { categories: ['lavoro'] })]));
    el.data.store.update({ query: '', categories: ['cibo'] });
    await afterChange(el);
    // Said once on screen: not "0 servizi" above "Nessun servizio trovato"; the count
    // says it to screen readers only.
    expect(count(el)).to.equal('Nessun servizio trovato');
    expect(el.shadowRoot!.querySelector('[part="count"]')!.getBoundingClientRect().width).to.be.at.most(1);
    expect(el.shadowRoot!.textContent).not.to.contain('0 servizi');
    expect(el.shadowRoot!.querySelector('[part="empty"]')!.textContent).to.contain('Nessun servizio trovato');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="empty"] button')!.click();
    await afterChange(el);
    expect(items(el)).to.have.length(2);
  });

  it('never ends in a dead end: says what was searched, offers the spelling, the closest topic and where to ask', async () => {
    const feed = makeFeed(
      [
        service('e', { name: 'Emporio solidale', categories: ['cibo'], keywords: ['spesa'] }),
        service('c', { name: 'Sportello casa', categories: ['casa'], locations: [{ address: 'Via Po 2', comune: 'Codogno' }] }),
      ],
      {
        accessPoints: [
          { id: 'ap-lodi', name: 'Punto di accesso di Lodi', address: 'Piazza Broletto 1', comune: 'Lodi', phone: '0371 1' },
          { id: 'ap-codogno', name: 'Sportello sociale di Codogno', address: 'Piazza XX Settembre 1', comune: 'Codogno', phone: '0377 2' },
        ],
      },
    );
    const el = await list(feed);
    const store = el.data.store;
    store.update({ query: 'empori', categories: ['casa'] });
    await waitUntil(() => !!el.shadowRoot!.querySelector('[part="empty"] [part="did-you-mean"]'), 'offers the spelling');
    const empty = el.shadowRoot!.querySelector('[part="empty"]')!;
    expect(empty.textContent).to.contain('Nessun servizio trovato per «empori»');
    expect(empty.querySelector('[part="did-you-mean"]')!.textContent).to.equal('emporio');
    expect(empty.querySelector('[part="topic"]')!.textContent).to.equal('Cibo');
    const ask = empty.querySelector('[part="ask"]')!;
    expect(ask.textContent).to.contain('Non hai trovato? Chiedi a un punto di accesso:');
    expect([...ask.querySelectorAll('li .ap-name')].map((l) => l.textContent)).to.deep.equal(['Sportello sociale di Codogno', 'Punto di accesso di Lodi']);
    expect([...ask.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.include('tel:03772');
    await expect(el).to.be.accessible();

    // A comune named in the query puts its access point first.
    store.update({ query: 'zzzz lodi' });
    await waitUntil(() => el.shadowRoot!.querySelector('[part="ask"] li .ap-name')?.textContent === 'Punto di accesso di Lodi', 'the comune first');

    // The closest topic is one click away.
    store.update({ query: 'empori' });
    await waitUntil(() => !!el.shadowRoot!.querySelector('[part="topic"]'), 'topic offered');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="topic"]')!.click();
    await waitUntil(() => names(el).join() === 'Emporio solidale', 'shows the topic');
    expect(store.filters.categories).to.deep.equal(['cibo']);
    expect(store.filters.query).to.equal('');
  });

  it('shows a loading state that passes axe', async () => {
    const el = await fixture<WelfareList>(
      html`<welfare-list src="/__slow/2000/packages/core/test/fixtures/feed.json?loading" group=${uniqueGroup()}></welfare-list>`,
    );
    await el.updateComplete;
    const state = el.shadowRoot!.querySelector('[role="status"]')!;
    expect(state.textContent).to.contain('Caricamento');
    await expect(el).to.be.accessible();
  });

  for (const [name, path, expected] of [
    ['missing feed (404)', '/packages/core/test/fixtures/nope.json', 'non è disponibile'],
    ['server error (500)', '/__status/500', 'non è disponibile'],
    ['invalid JSON', '/packages/core/test/fixtures/broken.json', 'danneggiato'],
    ['unknown version', '/packages/core/test/fixtures/version-2.json', 'formato non supportato'],
    ['network error', '/__drop', 'connessione'],
    ['failed request to another site', 'http://127.0.0.1:9/servizi.json', 'CORS'],
  ] as const) {
    it(`on a ${name} shows role="alert" in Italian and emits welfare-error`, async () => {
      const el = await fixture<WelfareList>(html`<welfare-list src=${path} group=${uniqueGroup()}></welfare-list>`);
      const error = await oneEvent(el, 'welfare-error');
      await settled(el);
      expect(error.detail.message).to.be.a('string').and.not.equal('');
      expect(error.bubbles && error.composed).to.equal(true);
      const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain(expected);
      await expect(el).to.be.accessible();
    });
  }

  it('shows the error in English on an English page, and retries', async () => {
    const el = await fixture<WelfareList>(
      html`<welfare-list lang="en" src="/__status/503" group=${uniqueGroup()}></welfare-list>`,
    );
    await settled(el);
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('not available');
    const retry = alert.querySelector('button')!;
    expect(retry.textContent).to.equal('Try again');
    const again = oneEvent(el, 'welfare-error');
    retry.click();
    await again;
  });

  it('two lists with one src make one request and share results', async () => {
    const src = fixtureUrl('feed.json');
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <welfare-list src=${src}></welfare-list>
      <p>Testo della pagina fra i due elenchi</p>
      <welfare-list src=${src}></welfare-list>
    </div>`);
    const [a, b] = [...wrapper.querySelectorAll('welfare-list')];
    await settled(a!);
    await settled(b!);
    expect(await requestsMade(src)).to.equal(1);
    expect(a!.data.store).to.equal(b!.data.store);
    a!.data.store.update({ categories: ['casa'] });
    await afterChange(b!);
    expect(names(b!)).to.deep.equal(['Sportello casa']);
  });

  it('filters in one group do not touch another group', async () => {
    const feed = makeFeed([service('a', { categories: ['casa'] }), service('b', { categories: ['cibo'] })]);
    const src = feedBlobUrl(feed);
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <welfare-list src=${src} group="uno"></welfare-list>
      <welfare-list src=${src} group="due"></welfare-list>
    </div>`);
    const [one, two] = [...wrapper.querySelectorAll('welfare-list')];
    await settled(one!);
    await settled(two!);
    groupStore('uno').update({ categories: ['cibo'] });
    await afterChange(one!);
    await afterChange(two!);
    expect(items(one!)).to.have.length(1);
    expect(items(two!)).to.have.length(2);
  });

  it('finds services by words without accents ("difficolta" finds "difficoltà")', async () => {
    const el = await list(
      makeFeed([
        service('a', { name: 'Sostegno alle famiglie in difficoltà' }),
        service('b', { name: 'Corso di italiano', description: 'Per adulti stranieri' }),
        service('c', { name: 'Mensa', keywords: ['pietà', 'caffè'] }),
      ]),
    );
    const store = el.data.store;
    store.update({ query: 'difficolta' });
    await afterChange(el);
    expect(names(el)).to.deep.equal(['Sostegno alle famiglie in difficoltà']);
    store.update({ query: 'CAFFE' });
    await afterChange(el);
    expect(names(el)).to.deep.equal(['Mensa']);
    store.update({ query: 'stranier' });
    await afterChange(el);
    expect(names(el)).to.deep.equal(['Corso di italiano']);
    store.update({ query: 'famigle' }); // a typo: fuzzy match
    await afterChange(el);
    expect(names(el)).to.deep.equal(['Sostegno alle famiglie in difficoltà']);
  });

  it('ranks a match in the name above a match in the description', async () => {
    const el = await list(
      makeFeed([
        service('desc', { name: 'Aiuto', description: 'Offriamo una dispensa alimentare di quartiere' }),
        service('name', { name: 'Dispensa solidale' }),
      ]),
    );
    el.data.store.update({ query: 'dispensa' });
    await afterChange(el);
    expect(names(el)).to.deep.equal(['Dispensa solidale', 'Aiuto']);
  });

  it('shows results a page at a time and moves focus to the first new card', async () => {
    const services = Array.from({ length: 45 }, (_, i) => service(`s${String(i).padStart(2, '0')}`));
    const el = await list(makeFeed(services));
    expect(count(el)).to.equal('45 servizi');
    expect(items(el)).to.have.length(20);
    const more = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="more"]')!;
    expect(more.textContent).to.contain('Mostra altri 20');
    more.click();
    await el.updateComplete;
    expect(items(el)).to.have.length(40);
    expect(el.shadowRoot!.activeElement?.textContent).to.equal(names(el)[20]);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="more"]')!.click();
    await el.updateComplete;
    expect(items(el)).to.have.length(45);
    expect(el.shadowRoot!.querySelector('[part="more"]')).to.equal(null);
  });

  it('on a large feed, a change of results shows the first screen of cards at once and the rest of the page when idle', async () => {
    // Over 2,000 services: half "Sportello casa …", half "Mensa …".
    const services = Array.from({ length: 2_100 }, (_, i) =>
      service(`s${String(i).padStart(4, '0')}`, { name: `${i % 2 ? 'Mensa' : 'Sportello casa'} ${i}` }),
    );
    const el = await list(makeFeed(services));
    await waitUntil(() => items(el).length === 20, 'the first page');
    const store = groupStore(el.group);
    store.update({ query: 'sportello' });
    await waitUntil(() => !store.searching && /^1\.?050 servizi$/.test(count(el)), 'the index is built');
    await waitUntil(() => items(el).length === 20);
    // Now a change the index answers at once: the render that follows shows the first screen.
    store.update({ query: 'mensa' });
    await el.updateComplete;
    expect(items(el), 'the first screen with the change').to.have.length(6);
    expect(names(el).every((n) => n.startsWith('Mensa'))).to.equal(true);
    // The count and "Mostra altri" already tell the whole page, so they do not move.
    expect(count(el)).to.match(/^1\.?050 servizi$/);
    expect(el.shadowRoot!.querySelector('[part="more"]')!.textContent).to.contain('Mostra altri 20');
    await waitUntil(() => items(el).length === 20, 'the rest of the page when the page is idle');
    expect(names(el).every((n) => n.startsWith('Mensa'))).to.equal(true);
  });

  it('selects a service with the keyboard and emits welfare-select', async () => {
    const el = await list(makeFeed([service('a', { name: 'Alfa' }), service('b', { name: 'Beta' })]));
    const button = items(el)[1]!.querySelector<HTMLButtonElement>('[part="name"]')!;
    button.focus();
    const selected = oneEvent(el, 'welfare-select');
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    button.click(); // a native button turns Enter into click
    const event = (await selected) as CustomEvent<WelfareSelectDetail>;
    expect(event.detail.id).to.equal('b');
    await el.updateComplete;
    expect(items(el)[1]!.getAttribute('part')).to.equal('item selected');
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(el.data.store.selected).to.equal('b');
  });

  it('highlights a service selected by another element of the group and pages it in', async () => {
    const services = Array.from({ length: 30 }, (_, i) => service(`s${String(i).padStart(2, '0')}`));
    const el = await list(makeFeed(services));
    el.data.store.select('s25');
    await el.updateComplete;
    await el.updateComplete;
    const selected = el.shadowRoot!.querySelector('[part="item selected"]')!;
    expect(selected.getAttribute('data-id')).to.equal('s25');
  });

  it('emits welfare-filter with the query, categories and result count', async () => {
    const el = await list(makeFeed([service('a', { categories: ['casa'] }), service('b', { categories: ['cibo'] })]));
    const event = oneEvent(el, 'welfare-filter');
    el.data.store.update({ categories: ['cibo'] }, el);
    expect((await event).detail).to.deep.equal({ query: '', categories: ['cibo'], results: 1 });
  });

  it('honours organization, category and comune presets', async () => {
    const feed = makeFeed([
      service('a', { organization: 'caritas', categories: ['casa'] }),
      service('b', { organization: 'comune-lodi', categories: ['casa'] }),
      service('c', { organization: 'comune-lodi', categories: ['cibo'], locations: [{ comune: 'Codogno' }] }),
      service('d', { organization: 'comune-lodi', categories: ['casa'], locations: [{ comune: 'Codogno' }] }),
    ]);
    const src = feedBlobUrl(feed);
    const own = await settled(await fixture<WelfareList>(html`<welfare-list src=${src} group=${uniqueGroup()} organization="caritas"></welfare-list>`));
    expect(items(own).map((i) => i.dataset['id'])).to.deep.equal(['a']);
    const preset = await settled(
      await fixture<WelfareList>(html`<welfare-list src=${src} group=${uniqueGroup()} category="casa cibo" comune="Codogno"></welfare-list>`),
    );
    expect(items(preset).map((i) => i.dataset['id'])).to.deep.equal(['c', 'd']);
  });

  it('leaves the count to a search box of its group, so it is announced once', async () => {
    await import('@welfare-elements/search');
    const src = feedBlobUrl(makeFeed([service('a'), service('b')]));
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <welfare-search src=${src}></welfare-search>
      <welfare-list src=${src}></welfare-list>
      <welfare-list src=${src} group="alone"></welfare-list>
    </div>`);
    const [grouped, alone] = [...wrapper.querySelectorAll('welfare-list')];
    await settled(grouped!);
    await settled(alone!);
    expect(count(grouped!)).to.equal('2 servizi');
    expect(live(grouped!)).to.equal(null);
    expect(live(alone!)).to.equal('polite');
  });

  it('is not hidden or restyled by the host page CSS', async () => {
    const style = document.createElement('style');
    style.textContent = 'li, p, button { display: none !important; color: red !important; } * { text-transform: uppercase; }';
    document.head.append(style);
    try {
      const el = await list(makeFeed([service('a', { name: 'Sportello' })]));
      const card = items(el)[0]!;
      expect(getComputedStyle(card).display).to.not.equal('none');
      expect(getComputedStyle(card.querySelector('[part="name"]')!).textTransform).to.equal('none');
    } finally {
      style.remove();
    }
  });

  it("closes on the patron day of the service's comune only, and on Easter Monday everywhere (issue 14)", async () => {
    const hours = 'Mo-Fr 09:00-12:30; PH off';
    const feed = makeFeed(
      [
        service('lodi', { name: 'Sportello di Lodi', hours }),
        service('codogno', { name: 'Sportello di Codogno', hours, locations: [{ address: 'Via Roma 1', comune: 'Codogno', lat: 45.16, lon: 9.7 }] }),
      ],
      { patronDays: [{ comune: 'Lodi', date: '01-19', name: 'San Bassiano' }] },
    );
    const state = (el: WelfareList, name: string) =>
      items(el).find((i) => i.textContent!.includes(name))?.querySelector('[part~="hours-state"]')?.textContent?.trim();
    try {
      setClock(new Date('2027-01-19T10:00:00+01:00')); // Tuesday 19 January: San Bassiano
      const el = await list(feed);
      await waitUntil(() => state(el, 'Sportello di Lodi'), 'the states did not appear');
      expect(state(el, 'Sportello di Lodi')).to.equal('Chiuso per festività (San Bassiano), apre domani alle 9:00');
      expect(state(el, 'Sportello di Codogno')).to.equal('Aperto ora, chiude alle 12:30');
      setClock(new Date('2027-03-29T10:00:00+02:00')); // Easter Monday
      const monday = await list(feed);
      await waitUntil(() => state(monday, 'Sportello di Codogno'), 'the states did not appear');
      expect(state(monday, 'Sportello di Codogno')).to.equal('Chiuso per festività (Lunedì di Pasqua), apre domani alle 9:00');
    } finally {
      setClock();
    }
  });
});
