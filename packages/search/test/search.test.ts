import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { groupStore, setClock, type WelfareFilterDetail, type WelfareSelectDetail } from '@welfare-elements/core';
import '@welfare-elements/list';
import type { WelfareList } from '@welfare-elements/list';
import '@welfare-elements/search';
import type { WelfareSearch } from '@welfare-elements/search';
import { afterChange, feedBlobUrl, HOSTILE, makeFeed, resetAll, service, settled, uniqueGroup, waitUntil } from '../../core/test/helpers.js';

const CATEGORIES = [
  { id: 'casa', name: { it: 'Casa', en: 'Housing' } },
  { id: 'cibo', name: { it: 'Cibo', en: 'Food' } },
  { id: 'lavoro', name: { it: 'Lavoro', en: 'Work' } },
  { id: 'disabilita', name: { it: 'Disabilità', en: 'Disability' } },
];

const place = (comune: string) => [{ address: 'Via Roma 1', comune, lat: 45.3, lon: 9.5 }];

/** Five services; on Tuesday 24 November 2026 at 10:00 only the Emporio is open. */
const FEED = makeFeed(
  [
    service('emporio', {
      name: 'Emporio solidale',
      categories: ['cibo'],
      audiences: ['famiglie'],
      keywords: ['spesa'],
      locations: place('Lodi'),
      hours: 'Mo-Fr 09:00-12:30',
    }),
    service('casa', { name: 'Sportello casa', categories: ['casa'], audiences: ['giovani'], locations: place('Codogno'), hours: 'Sa 09:00-12:00' }),
    service('lavoro', {
      name: 'Orientamento al lavoro',
      categories: ['lavoro'],
      audiences: ['giovani', 'donne'],
      locations: place("Sant'Angelo Lodigiano"),
      hours: 'Mo-Fr 14:00-18:00',
    }),
    service('mensa', { name: 'Mensa della città', categories: ['cibo'], audiences: ['anziani'], locations: place('Lodi'), hours: 'Mo-Su 12:00-14:00' }),
    service('disab', { name: 'Trasporto disabili', categories: ['disabilita'], audiences: [], locations: place('Codogno') }),
  ],
  { categories: CATEGORIES },
);

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const input = (el: WelfareSearch) => $<HTMLInputElement>(el, '[role="combobox"]');
const options = (el: WelfareSearch) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')];
const optionTexts = (el: WelfareSearch) => options(el).map((o) => o.textContent!.replace(/\s+/g, ' ').trim());
const names = (list: WelfareList) => [...list.shadowRoot!.querySelectorAll('[part="name"]')].map((n) => n.textContent!.trim());
const status = (el: WelfareSearch) => $(el, '[part="count"]').textContent!.trim();

async function page(opts: { feed?: unknown; lang?: string; filters?: string } = {}) {
  const src = feedBlobUrl(opts.feed ?? FEED);
  const group = uniqueGroup();
  const root = await fixture<HTMLDivElement>(html`<div lang=${opts.lang ?? 'it'}>
    <welfare-search src=${src} group=${group} filters=${opts.filters ?? 'category audience comune open'}></welfare-search>
    <welfare-list src=${src} group=${group}></welfare-list>
  </div>`);
  const search = await settled(root.querySelector('welfare-search')!);
  const list = await settled(root.querySelector('welfare-list')!);
  return { root, search, list, group };
}

/** Types into the focused box like a person does. */
async function type(el: WelfareSearch, text: string) {
  input(el).focus();
  await sendKeys({ type: text });
  await afterChange(el);
}

describe('<welfare-search>', () => {
  beforeEach(resetAll);

  it('is a labelled combobox, with filters, and passes axe once loaded', async () => {
    const { search } = await page();
    const box = input(search);
    expect(box.getAttribute('role')).to.equal('combobox');
    expect(box.getAttribute('aria-expanded')).to.equal('false');
    expect(box.getAttribute('aria-autocomplete')).to.equal('list');
    expect($(search, `label[for="${box.id}"]`).textContent).to.equal('Cerca un servizio');
    expect($(search, 'form').getAttribute('role')).to.equal('search');
    const selects = [...search.shadowRoot!.querySelectorAll('select')].map((s) => s.labels![0]!.textContent);
    expect(selects).to.deep.equal(['Categoria', 'Per chi', 'Comune']);
    expect($(search, '[part="open-now"]').textContent).to.contain('Aperto ora');
    expect(status(search)).to.equal('5 servizi trovati');
    await expect(search).to.be.accessible();
  });

  it('typing filters the list of its group, and not the list of another group', async () => {
    const { search, list } = await page();
    const other = await settled(
      await fixture<WelfareList>(html`<welfare-list src=${feedBlobUrl(FEED)} group=${uniqueGroup()}></welfare-list>`),
    );
    await type(search, 'emporio');
    await list.updateComplete;
    expect(names(list)).to.deep.equal(['Emporio solidale']);
    expect(names(other)).to.have.length(5);
  });

  it('filters on every keystroke for a small feed (no debounce)', async () => {
    const { search, list, group } = await page();
    input(search).focus();
    await sendKeys({ type: 'mens' });
    // No timer: the store already holds the text when the keystroke has been handled.
    expect(groupStore(group).filters.query).to.equal('mens');
    await list.updateComplete;
    expect(names(list)).to.deep.equal(['Mensa della città']);
  });

  it('suggests categories, comuni, keywords and services, without minding accents or case', async () => {
    const { search } = await page();
    await type(search, 'DISAB');
    expect(optionTexts(search)).to.deep.equal(['Disabilità, categoria', 'Trasporto disabili, servizio · Disabilità · Codogno']);
    expect(input(search).getAttribute('aria-expanded')).to.equal('true');
    await expect(search).to.be.accessible();

    input(search).select();
    await sendKeys({ type: 'angelo' });
    // The comune, and its services (the same rules as the results).
    expect(optionTexts(search)).to.deep.equal(["Sant'Angelo Lodigiano, comune", "Orientamento al lavoro, servizio · Lavoro · Sant'Angelo Lodigiano"]);

    input(search).select();
    await sendKeys({ type: 'spe' });
    expect(optionTexts(search)).to.deep.equal(['Cibo, categoria', 'spesa, parola chiave', 'Emporio solidale, servizio · Cibo · Lodi']);

    input(search).select();
    await sendKeys({ type: 'citta' });
    expect(optionTexts(search)).to.deep.equal(['Cibo, categoria', 'Mensa della città, servizio · Cibo · Lodi']);
  });

  it('works with the keyboard alone: arrows, Enter, Escape', async () => {
    const { search, list } = await page();
    await type(search, 'cas');
    // "cas" → the category Casa and the service Sportello casa.
    expect(optionTexts(search)).to.deep.equal(['Casa, categoria', 'Sportello casa, servizio · Casa · Codogno']);
    const box = input(search);
    expect(box.hasAttribute('aria-activedescendant')).to.equal(false);

    await sendKeys({ press: 'ArrowDown' });
    await search.updateComplete;
    expect(box.getAttribute('aria-activedescendant')).to.equal(options(search)[0]!.id);
    expect(options(search)[0]!.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    await search.updateComplete;
    expect(box.getAttribute('aria-activedescendant')).to.equal(options(search)[1]!.id);
    await sendKeys({ press: 'ArrowDown' }); // wraps to the first
    await search.updateComplete;
    expect(box.getAttribute('aria-activedescendant')).to.equal(options(search)[0]!.id);
    await sendKeys({ press: 'ArrowUp' }); // and back to the last
    await search.updateComplete;
    expect(box.getAttribute('aria-activedescendant')).to.equal(options(search)[1]!.id);

    await sendKeys({ press: 'Escape' }); // closes the list, keeps the text
    await search.updateComplete;
    expect(box.getAttribute('aria-expanded')).to.equal('false');
    expect(box.hasAttribute('aria-activedescendant')).to.equal(false);
    expect(box.value).to.equal('cas');

    await sendKeys({ press: 'ArrowDown' }); // reopens on the first
    await sendKeys({ press: 'Enter' }); // chooses the category: the text gives way to the filter
    await afterChange(search);
    await list.updateComplete;
    expect(box.value).to.equal('');
    expect(box.getAttribute('aria-expanded')).to.equal('false');
    expect(names(list)).to.deep.equal(['Sportello casa']);
    expect($<HTMLSelectElement>(search, '#filter-category').value).to.equal('casa');
    expect(search.shadowRoot!.activeElement).to.equal(box);

    await sendKeys({ type: 'xyz' });
    await sendKeys({ press: 'Escape' }); // nothing open: Escape clears the text
    await afterChange(search);
    expect(box.value).to.equal('');
  });

  it('choosing a service suggestion searches for it and selects it for the group', async () => {
    const { search, list, group } = await page();
    await type(search, 'orient');
    const selected = oneEvent(search, 'welfare-select');
    // The topic of the best result comes first ("Lavoro, categoria"), then the service.
    expect(optionTexts(search).at(-1)).to.match(/^Orientamento al lavoro, servizio/);
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'Enter' });
    expect(((await selected) as CustomEvent<WelfareSelectDetail>).detail.id).to.equal('lavoro');
    await afterChange(search);
    await list.updateComplete;
    expect(input(search).value).to.equal('Orientamento al lavoro');
    expect(groupStore(group).selected).to.equal('lavoro');
    expect(names(list)).to.deep.equal(['Orientamento al lavoro']);
  });

  it('a click on a suggestion chooses it, and the clear button empties the box', async () => {
    const { search, list } = await page();
    await type(search, 'codo');
    options(search)[0]!.click();
    await afterChange(search);
    await list.updateComplete;
    expect($<HTMLSelectElement>(search, '#filter-comune').value).to.equal('Codogno');
    expect(names(list)).to.deep.equal(['Sportello casa', 'Trasporto disabili']);

    await type(search, 'sport');
    const clear = $<HTMLButtonElement>(search, '[part="clear"]');
    expect(clear.getAttribute('aria-label')).to.equal('Cancella il testo');
    clear.click();
    await afterChange(search);
    expect(input(search).value).to.equal('');
    expect(search.shadowRoot!.activeElement).to.equal(input(search));
    expect(search.shadowRoot!.querySelector('[part="clear"]')).to.equal(null);
  });

  it('filters by category, audience and comune, with counts in the options', async () => {
    const { search, list } = await page();
    const audience = $<HTMLSelectElement>(search, '#filter-audience');
    expect([...audience.options].map((o) => o.textContent!.trim())).to.deep.equal([
      'Tutte le persone',
      'Anziani (1)',
      'Donne (1)',
      'Famiglie (1)',
      'Giovani (2)',
    ]);
    audience.value = 'giovani';
    audience.dispatchEvent(new Event('change'));
    await afterChange(search);
    await list.updateComplete;
    expect(names(list)).to.deep.equal(['Orientamento al lavoro', 'Sportello casa']);
    // The comune counts now follow the audience.
    const comune = $<HTMLSelectElement>(search, '#filter-comune');
    expect([...comune.options].map((o) => o.textContent!.trim())).to.include.members(['Codogno (1)', 'Lodi (0)']);
    comune.value = 'Codogno';
    comune.dispatchEvent(new Event('change'));
    await afterChange(search);
    await list.updateComplete;
    expect(names(list)).to.deep.equal(['Sportello casa']);
    await waitUntil(() => status(search) === '1 servizio trovato', 'announces the new count');

    // "Azzera" returns to no filters at all.
    $<HTMLButtonElement>(search, '[part="reset"]').click();
    await afterChange(search);
    await list.updateComplete;
    expect(names(list)).to.have.length(5);
    expect(audience.value).to.equal('');
  });

  it('applies a filter select on a committed choice, not at each option the arrow keys pass', async () => {
    const { search, list, group } = await page();
    const store = groupStore(group);
    const comune = $<HTMLSelectElement>(search, '#filter-comune');
    const seen: string[] = [];
    store.addEventListener('change', () => seen.push(store.filters.comune));
    comune.focus();
    await sendKeys({ press: 'ArrowDown' }); // Codogno
    await sendKeys({ press: 'ArrowDown' }); // Lodi
    await new Promise((r) => setTimeout(r, 50));
    expect(comune.value).to.equal('Lodi');
    // Nothing applied, nothing announced on the way.
    expect(store.filters.comune).to.equal('');
    expect(seen).to.deep.equal([]);
    expect(names(list)).to.have.length(5);
    await sendKeys({ press: 'Enter' });
    await afterChange(search);
    expect(store.filters.comune).to.equal('Lodi');
    expect(seen).to.deep.equal(['Lodi']);
    // Leaving the select commits too.
    await sendKeys({ press: 'ArrowUp' }); // Codogno
    expect(store.filters.comune).to.equal('Lodi');
    await sendKeys({ press: 'Tab' });
    await afterChange(search);
    expect(store.filters.comune).to.equal('Codogno');
    await list.updateComplete;
    expect(names(list)).to.deep.equal(['Sportello casa', 'Trasporto disabili']);
    // A choice with the mouse (one change, no key) applies at once.
    comune.value = '';
    comune.dispatchEvent(new Event('change'));
    expect(store.filters.comune).to.equal('');
  });

  it('"aperto ora" keeps the services open at the (fixed) time', async () => {
    setClock(new Date('2026-11-24T10:00:00+01:00')); // a Tuesday
    const { search, list } = await page();
    const open = $<HTMLInputElement>(search, '[part="open-now"] input');
    open.click();
    await waitUntil(() => names(list).length === 1, 'the list keeps the open services');
    expect(names(list)).to.deep.equal(['Emporio solidale']);
    await waitUntil(() => status(search) === '1 servizio trovato');
    await expect(search).to.be.accessible();

    setClock(new Date('2026-11-24T13:00:00+01:00'));
    open.click();
    open.click(); // off and on again: re-evaluated at 13:00
    await waitUntil(() => names(list).join() === 'Mensa della città', 'at 13:00 only the Mensa is open');
  });

  it('has no "aperto ora" when the feed has no hours', async () => {
    const { search } = await page({ feed: makeFeed([service('a'), service('b')]) });
    expect(search.shadowRoot!.querySelector('[part="open-now"]')).to.equal(null);
  });

  it('shows only the filters named by the filters attribute', async () => {
    const { search } = await page({ filters: 'comune' });
    expect([...search.shadowRoot!.querySelectorAll('select')].map((s) => s.id)).to.deep.equal(['filter-comune']);
    search.filters = '';
    await search.updateComplete;
    expect(search.shadowRoot!.querySelector('[part="filters"]')).to.equal(null);
  });

  it('says the number of results once on screen: the list shows it, the box only tells screen readers', async () => {
    const { search, list } = await page();
    const region = $(search, '[part="count"]');
    expect(region.getAttribute('role')).to.equal('status');
    expect(region.textContent!.trim()).to.equal('5 servizi trovati');
    expect(region.getBoundingClientRect().width, 'not on screen beside the list\'s count').to.be.at.most(1);
    expect($(list, '[part="count"]').textContent!.trim()).to.equal('5 servizi');
    // Without a list in the group, the box shows it.
    list.remove();
    search.requestUpdate();
    await search.updateComplete;
    expect(region.getBoundingClientRect().width).to.be.greaterThan(20);
  });

  it('announces the result count politely, once typing settles, in Italian or English', async () => {
    const { search } = await page({ lang: 'en' });
    const region = $(search, '[part="count"]');
    expect(region.getAttribute('role')).to.equal('status');
    expect(region.textContent!.trim()).to.equal('5 services found');
    expect($(search, 'label').textContent).to.equal('Search for a service');
    // No flood while typing: the count stays as it was while the keys come. Checked at each
    // key, where a WebDriver on a busy machine cannot make the typing look slower than it is.
    const atKeys: { at: number; said: string }[] = [];
    const onKey = () => atKeys.push({ at: performance.now(), said: status(search) });
    input(search).addEventListener('keydown', onKey);
    await type(search, 'zzzz');
    input(search).removeEventListener('keydown', onKey);
    const gaps = atKeys.slice(1).map((k, i) => k.at - atKeys[i]!.at);
    if (gaps.every((g) => g < 500)) expect(atKeys.map((k) => k.said)).to.deep.equal(Array(4).fill('5 services found'));
    else expect(atKeys[0]!.said, `keys came ${gaps.map(Math.round).join(', ')} ms apart`).to.equal('5 services found');
    await waitUntil(() => status(search) === 'No services found', 'announces after a pause');
    await expect(search).to.be.accessible(); // the empty state
  });

  it('fires welfare-filter on itself when a person types', async () => {
    const { search } = await page();
    const filtered = oneEvent(search, 'welfare-filter');
    await type(search, 'mensa');
    const detail = ((await filtered) as CustomEvent<WelfareFilterDetail>).detail;
    expect(detail.query).to.match(/^m/);
    await waitUntil(() => groupStore(search.group!).filters.query === 'mensa');
  });

  it('follows a query changed elsewhere in the group', async () => {
    const { search, group } = await page();
    groupStore(group).update({ query: 'casa' });
    await search.updateComplete;
    expect(input(search).value).to.equal('casa');
  });

  it('waits for a pause in typing when a debounce is set (or when the group is slow)', async () => {
    const { search, group } = await page();
    // Long enough that a loaded CI machine still types the four keys within one pause.
    search.debounce = 800;
    input(search).focus();
    await sendKeys({ type: 'mens' });
    expect(groupStore(group).filters.query).to.equal('');
    await waitUntil(() => groupStore(group).filters.query === 'mens', 'filters after the pause');
  });

  it('a large feed waits for a pause in typing until it has measured that it can keep up', async () => {
    const many = Array.from({ length: 2_500 }, (_, i) => service(`s${i}`, { name: `Servizio numero ${i}` }));
    const { search, group } = await page({ feed: makeFeed(many) });
    input(search).focus();
    // At each key, what the group filters by so far, and when the key came.
    const seen: { at: number; query: string }[] = [];
    const onKey = () => seen.push({ at: performance.now(), query: groupStore(group).filters.query });
    input(search).addEventListener('keydown', onKey);
    await sendKeys({ type: 'nu' });
    input(search).removeEventListener('keydown', onKey);
    // Not on every keystroke: when "u" comes, "n" alone was not sent to the group. A
    // WebDriver on a busy machine (WebKit's, under load) can leave more than the shortest
    // pause (150 ms) between the keys: then "n" was a pause in typing, and filtering on it
    // (or the timer's firing a little late) was right.
    const gap = seen[1]!.at - seen[0]!.at;
    expect(seen[1]!.query).to.be.oneOf(gap < 150 ? [''] : ['', 'n'], `${Math.round(gap)} ms between the keys`);
    await waitUntil(() => groupStore(group).filters.query === 'nu', 'filters after the pause', { timeout: 2000 });
  });

  it('names audiences with odd ids (constructor, __proto__, toString, valueOf) as words, and filters by them', async () => {
    const odd = ['constructor', '__proto__', 'toString', 'valueOf'];
    const feed = makeFeed(odd.map((a, i) => service(`s${i}`, { name: `Servizio ${i}`, audiences: [a] })));
    const { search, list } = await page({ feed });
    const audience = $<HTMLSelectElement>(search, '#filter-audience');
    const labels = [...audience.options].map((o) => o.textContent!.trim());
    expect(labels).to.have.members(['Tutte le persone', 'Constructor (1)', 'Proto (1)', 'ToString (1)', 'ValueOf (1)']);
    expect(labels.join('|')).to.not.match(/function|native code|object Object/);
    audience.value = '__proto__';
    audience.dispatchEvent(new Event('change'));
    await afterChange(search);
    await list.updateComplete;
    expect(names(list)).to.deep.equal(['Servizio 1']);
  });

  it('renders hostile feed text as text in suggestions and options', async () => {
    const feed = makeFeed([service('x', { name: `Casa ${HOSTILE}`, audiences: [HOSTILE], locations: place(HOSTILE) })]);
    const { search } = await page({ feed });
    await type(search, 'casa');
    expect(optionTexts(search).join('|')).to.contain('<script>');
    expect(search.shadowRoot!.querySelector('script, img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('shows a loading state and an error in the page language, and passes axe in both', async () => {
    const loading = await fixture<WelfareSearch>(
      html`<welfare-search src="/__slow/2000/packages/core/test/fixtures/feed.json?search-loading" group=${uniqueGroup()}></welfare-search>`,
    );
    await loading.updateComplete;
    expect($(loading, '[part~="loading"]').textContent).to.contain('Caricamento');
    await expect(loading).to.be.accessible();

    const failed = await fixture<WelfareSearch>(
      html`<welfare-search lang="en" src="/__status/500" group=${uniqueGroup()}></welfare-search>`,
    );
    await settled(failed);
    const alert = $(failed, '[role="alert"]');
    expect(alert.textContent).to.contain('not available');
    await expect(failed).to.be.accessible();
  });

  it('survives a host page that styles inputs and buttons', async () => {
    const style = document.createElement('style');
    style.textContent = 'input, button, select { display: none !important; } * { text-transform: uppercase; }';
    document.head.append(style);
    try {
      const { search } = await page();
      expect(getComputedStyle(input(search)).display).to.not.equal('none');
      expect(getComputedStyle($(search, 'label')).textTransform).to.equal('none');
    } finally {
      style.remove();
    }
  });
});
