import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { groupStore, NO_FILTERS } from '@welfare-elements/core';
import { readUrlState, writeUrlState } from '@welfare-elements/core/store/url-binding.js';
import '@welfare-elements/categories';
import type { WelfareCategories } from '@welfare-elements/categories';
import '@welfare-elements/list';
import type { WelfareList } from '@welfare-elements/list';
import '@welfare-elements/search';
import type { WelfareSearch } from '@welfare-elements/search';
import { afterChange, feedBlobUrl, makeFeed, resetAll, service, settled, waitUntil } from '../../core/test/helpers.js';

const FEED = makeFeed([
  service('a', { name: 'Affitti calmierati', categories: ['casa'] }),
  service('b', { name: 'Emporio solidale', categories: ['cibo'] }),
  service('c', { name: 'Mensa', categories: ['cibo'] }),
  service('d', { name: 'Orientamento', categories: ['lavoro'] }),
]);

/** The test page's own parameters (the runner's session id) plus two of a "host page". */
let original = '';
const HOST = 'page=2&x=a%20b&flag';

function setSearch(ours = '') {
  const base = original.split('?')[0]!;
  const host = [original.split('?')[1], HOST].filter(Boolean).join('&');
  history.replaceState(null, '', `${base}?${host}${ours ? `&${ours}` : ''}`);
}

const hostPart = () => [original.split('?')[1], HOST].filter(Boolean).join('&');
const ourPart = () => location.search.slice(1 + hostPart().length).replace(/^&/, '');

const tile = (el: WelfareCategories, id: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(`[data-category="${id}"]`)!;
const pressed = (el: WelfareCategories) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[aria-pressed="true"]')].map((t) => t.dataset['category']);
const names = (list: WelfareList) => [...list.shadowRoot!.querySelectorAll('[part="name"]')].map((n) => n.textContent!.trim());
const input = (el: WelfareSearch) => el.shadowRoot!.querySelector<HTMLInputElement>('[role="combobox"]')!;

/** A page of one group with URL state on the search box and the board; `category` is a preset. */
async function page(opts: { urlState?: string; category?: string; group?: string } = {}) {
  const src = feedBlobUrl(FEED);
  const group = opts.group ?? 'servizi';
  const root = await fixture<HTMLDivElement>(html`<div lang="it">
    <welfare-search src=${src} group=${group} url-state=${opts.urlState ?? ''}></welfare-search>
    <welfare-categories src=${src} group=${group} url-state=${opts.urlState ?? ''}></welfare-categories>
    <welfare-list src=${src} group=${group} category=${opts.category ?? ''}></welfare-list>
  </div>`);
  const search = await settled(root.querySelector('welfare-search')!);
  const board = await settled(root.querySelector('welfare-categories')!);
  const list = await settled(root.querySelector('welfare-list')!);
  return { search, board, list, store: groupStore(group) };
}

/** What a reload does to our elements: forget everything and build the page again. */
async function reload(opts: Parameters<typeof page>[0] = {}) {
  fixtureCleanup();
  resetAll();
  return page(opts);
}

/**
 * New history entries, counted at the History API: `history.length` stops at 50 in browsers
 * (the runner's tab keeps the entries of earlier test files), so it cannot tell a push then.
 */
let pushes = 0;
const realPushState = history.pushState;

describe('url-state', () => {
  before(() => (original = location.href));
  beforeEach(() => {
    resetAll();
    setSearch();
    pushes = 0;
    history.pushState = function (this: History, ...args: Parameters<History['pushState']>) {
      pushes += 1;
      return realPushState.apply(this, args);
    };
  });
  afterEach(() => {
    history.pushState = realPushState;
    history.replaceState(null, '', original);
  });

  it('reads and writes only its own parameters, leaving the host page\'s exactly as written', () => {
    const search = '?b=1&flag&x=a%20b&wq=old&wcat=casa';
    expect(readUrlState(search)).to.deep.equal({ query: 'old', categories: ['casa'] });
    const next = writeUrlState(search, '', { ...NO_FILTERS, query: 'casa popolare', categories: ['casa', 'cibo'] }, NO_FILTERS);
    expect(next).to.equal('?b=1&flag&x=a%20b&wq=casa+popolare&wcat=casa+cibo');
    expect(writeUrlState(next, '', NO_FILTERS, NO_FILTERS)).to.equal('?b=1&flag&x=a%20b');
    // A prefix keeps two groups apart.
    expect(writeUrlState('', 'aiuti', { ...NO_FILTERS, openNow: true, comune: 'Lodi' }, NO_FILTERS)).to.equal('?aiuti-com=Lodi&aiuti-open=1');
    expect(readUrlState('?aiuti-com=Lodi&wcom=Codogno', 'aiuti')).to.deep.equal({ comune: 'Lodi' });
    // Broken escapes are ignored, not thrown.
    expect(readUrlState('?wq=%E0%A4%A&wcat=cibo')).to.deep.equal({ categories: ['cibo'] });
  });

  it('a tile toggle adds a history entry with the choice; host parameters are untouched', async () => {
    const { board } = await page();
    tile(board, 'cibo').click();
    await afterChange(board);
    // Without our parameters in the address, the URL code is fetched at the first change (issue 14).
    await waitUntil(() => pushes === 1, 'the choice written to the address');
    expect(pushes).to.equal(1);
    expect(location.search.startsWith(`?${hostPart()}`)).to.equal(true);
    expect(ourPart()).to.equal('wcat=cibo');
    tile(board, 'casa').click();
    await afterChange(board);
    expect(ourPart()).to.equal('wcat=casa+cibo');
    expect(pushes).to.equal(2);
  });

  it('typing replaces one entry while typing; Enter ends it, so the next search is a new entry', async () => {
    const { search } = await page();
    input(search).focus();
    await sendKeys({ type: 'mensa' });
    await afterChange(search);
    expect(ourPart()).to.equal('wq=mensa');
    expect(pushes).to.equal(1);
    await sendKeys({ press: 'Enter' });
    input(search).select();
    await sendKeys({ type: 'emporio' });
    await afterChange(search);
    expect(ourPart()).to.equal('wq=emporio');
    expect(pushes).to.equal(2);
  });

  it('survives a reload: query and filters come back from the URL', async () => {
    let { search, board, list } = await page();
    input(search).focus();
    await sendKeys({ type: 'emporio' });
    await sendKeys({ press: 'Enter' });
    tile(board, 'cibo').click();
    await afterChange(board);
    expect(ourPart()).to.equal('wq=emporio&wcat=cibo');

    ({ search, board, list } = await reload());
    expect(input(search).value).to.equal('emporio');
    expect(pressed(board)).to.deep.equal(['cibo']);
    await afterChange(list);
    expect(names(list)).to.deep.equal(['Emporio solidale']);
  });

  it('the back and forward buttons step through the choices', async () => {
    const { board, list } = await page();
    tile(board, 'casa').click();
    await afterChange(board);
    tile(board, 'cibo').click();
    await afterChange(board);
    expect(pressed(board)).to.deep.equal(['casa', 'cibo']);

    let popped = oneEvent(window, 'popstate');
    history.back();
    await popped;
    await afterChange(board);
    await list.updateComplete;
    expect(pressed(board)).to.deep.equal(['casa']);
    expect(names(list)).to.deep.equal(['Affitti calmierati']);

    popped = oneEvent(window, 'popstate');
    history.back();
    await popped;
    await afterChange(board);
    await list.updateComplete;
    expect(pressed(board)).to.deep.equal(['*']);
    expect(names(list)).to.have.length(4);

    popped = oneEvent(window, 'popstate');
    history.forward();
    await popped;
    await afterChange(board);
    expect(pressed(board)).to.deep.equal(['casa']);
    expect(location.search.startsWith(`?${hostPart()}`)).to.equal(true);
  });

  it('restored URL state wins over a preset attribute; without parameters the preset applies', async () => {
    setSearch('wcat=lavoro');
    let { board, list } = await page({ category: 'casa' });
    expect(pressed(board)).to.deep.equal(['lavoro']);
    expect(names(list)).to.deep.equal(['Orientamento']);

    setSearch();
    ({ board } = await reload({ category: 'casa' }));
    expect(pressed(board)).to.deep.equal(['casa']);
    expect(ourPart()).to.equal(''); // the preset is not written into the URL

    // Lifting the preset is a choice too: an empty parameter says so, and survives a reload.
    tile(board, 'casa').click();
    await afterChange(board);
    expect(ourPart()).to.equal('wcat=');
    ({ board } = await reload({ category: 'casa' }));
    expect(pressed(board)).to.deep.equal(['*']);
  });

  it('a value names the parameters, so two groups on one page keep apart', async () => {
    const first = await page({ urlState: 'aiuti', group: 'uno' });
    const second = await page({ urlState: 'lavoro', group: 'due' });
    tile(first.board, 'casa').click();
    await afterChange(first.board);
    tile(second.board, 'lavoro').click();
    await afterChange(second.board);
    expect(ourPart()).to.equal('aiuti-cat=casa&lavoro-cat=lavoro');

    fixtureCleanup();
    resetAll();
    const again = await page({ urlState: 'aiuti', group: 'uno' });
    const other = await page({ urlState: 'lavoro', group: 'due' });
    expect(pressed(again.board)).to.deep.equal(['casa']);
    expect(pressed(other.board)).to.deep.equal(['lavoro']);
  });

  /** A group whose feed arrives late, so the URL is read before the search index exists. */
  let slowCount = 0;
  async function slowPage() {
    const src = `/__slow/1500/packages/core/test/fixtures/feed.json?url-state-${++slowCount}`;
    const root = await fixture<HTMLDivElement>(html`<div lang="it">
      <welfare-search src=${src} group="lento" url-state></welfare-search>
      <welfare-categories src=${src} group="lento" url-state></welfare-categories>
    </div>`);
    return { search: root.querySelector('welfare-search')!, board: root.querySelector('welfare-categories')!, store: groupStore('lento') };
  }

  /** Waits until the feed is read and the search index has answered the query. */
  async function indexed(search: WelfareSearch, store: ReturnType<typeof groupStore>) {
    await settled(search, 8000);
    await waitUntil(() => store.status === 'ready' && !store.searching, 'the search index did not finish');
    await new Promise((ok) => setTimeout(ok, 300));
  }

  it('opening a shared link adds no history entry, also when the search index finishes later', async () => {
    setSearch('wq=casa%20popolare&wcat=%E0%A4%A');
    const { search, store } = await slowPage();
    await indexed(search, store);
    expect(store.filters.query).to.equal('casa popolare');
    expect(pushes).to.equal(0);
    expect(new URLSearchParams(location.search).get('wq')).to.equal('casa popolare');
  });

  it('Back before the search index is ready keeps the Forward entry', async () => {
    setSearch('wq=casa%20popolare');
    const { search, store } = await slowPage();
    // The host page's own router moves on, then the person presses Back, all before the feed.
    history.pushState(null, '', `${location.pathname}?${hostPart()}&router=2`);
    let popped = oneEvent(window, 'popstate');
    history.back();
    await popped;
    expect(store.status).to.not.equal('ready');
    await indexed(search, store);
    popped = oneEvent(window, 'popstate');
    history.forward();
    await popped;
    expect(new URLSearchParams(location.search).get('router')).to.equal('2');
  });

  it('without the attribute nothing touches the URL', async () => {
    const src = feedBlobUrl(FEED);
    const el = await fixture<WelfareCategories>(html`<welfare-categories src=${src} group="plain"></welfare-categories>`);
    await settled(el);
    const before = location.href;
    tile(el, 'casa').click();
    await afterChange(el);
    expect(location.href).to.equal(before);
    await waitUntil(() => pressed(el).join() === 'casa');
  });
});
