import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { WelfareFilterDetail } from '@welfare-elements/core';
import { groupStore } from '@welfare-elements/core';
import '@welfare-elements/categories';
import type { WelfareCategories } from '@welfare-elements/categories';
import '@welfare-elements/list';
import type { WelfareList } from '@welfare-elements/list';
import { afterChange, feedBlobUrl, HOSTILE, makeFeed, resetAll, service, settled, uniqueGroup, waitUntil } from '../../core/test/helpers.js';

const CATEGORIES = [
  { id: 'casa', name: { it: 'Casa', en: 'Housing' }, color: '#7a3e00' },
  { id: 'cibo', name: { it: 'Cibo e beni essenziali', en: 'Food and essentials' } },
  { id: 'lavoro', name: { it: 'Lavoro', en: 'Work' } },
  { id: 'sport', name: { it: 'Sport', en: 'Sport' }, color: 'red; background: url(https://example.org/x)' },
];

const FEED = makeFeed(
  [
    service('a', { name: 'Affitti calmierati', categories: ['casa'], audiences: ['giovani'] }),
    service('b', { name: 'Emporio solidale', categories: ['cibo'], audiences: ['famiglie'] }),
    service('c', { name: 'Mensa', categories: ['cibo'], audiences: ['giovani'] }),
    service('d', { name: 'Casa e lavoro', categories: ['casa', 'lavoro'], audiences: ['giovani'] }),
    service('e', { name: 'Orientamento', categories: ['lavoro'], audiences: ['donne'] }),
  ],
  { categories: CATEGORIES },
);

const tiles = (el: WelfareCategories) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="tile"]')];
const tile = (el: WelfareCategories, id: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(`[data-category="${id}"]`)!;
const counts = (el: WelfareCategories) =>
  Object.fromEntries(tiles(el).map((t) => [t.dataset['category'], parseInt(t.querySelector('[part="count"]')!.textContent!.trim(), 10)]));
const pressed = (el: WelfareCategories) => tiles(el).filter((t) => t.getAttribute('aria-pressed') === 'true').map((t) => t.dataset['category']);
const names = (list: WelfareList) => [...list.shadowRoot!.querySelectorAll('[part="name"]')].map((n) => n.textContent!.trim());
const columns = (el: WelfareCategories) =>
  getComputedStyle(el.shadowRoot!.querySelector('.tiles')!).gridTemplateColumns.split(' ').filter(Boolean).length;

async function page(opts: { feed?: unknown; lang?: string; attrs?: string } = {}) {
  const src = feedBlobUrl(opts.feed ?? FEED);
  const group = uniqueGroup();
  const root = await fixture<HTMLDivElement>(html`<div lang=${opts.lang ?? 'it'}>
    <welfare-categories src=${src} group=${group}></welfare-categories>
    <welfare-list src=${src} group=${group}></welfare-list>
  </div>`);
  const board = await settled(root.querySelector('welfare-categories')!);
  const list = await settled(root.querySelector('welfare-list')!);
  return { root, board, list, group };
}

describe('<welfare-categories>', () => {
  beforeEach(resetAll);

  it('shows one toggle tile per category with its name, icon and count, plus "Tutte"', async () => {
    const { board } = await page();
    expect(tiles(board).map((t) => t.querySelector('[part="name"]')!.textContent)).to.deep.equal([
      'Tutte',
      'Casa',
      'Cibo e beni essenziali',
      'Lavoro',
      'Sport',
    ]);
    expect(counts(board)).to.deep.equal({ '*': 5, casa: 2, cibo: 2, lavoro: 2, sport: 0 });
    expect(pressed(board)).to.deep.equal(['*']);
    for (const t of tiles(board)) {
      expect(t.tagName).to.equal('BUTTON');
      expect(t.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
    }
    // Known ids have their own icon; others share the generic one.
    const icon = (id: string) => tile(board, id).querySelector('svg')!.innerHTML;
    expect(icon('casa')).to.not.equal(icon('lavoro'));
    expect(icon('sport')).to.not.equal(icon('casa'));
    // The accessible name says the count in words, with no stray spaces or brackets
    // (it read "Tutte , (59 servizi )" in the chips layout).
    expect(tile(board, 'casa').getAttribute('aria-label')).to.equal('Casa, 2 servizi');
    expect(tile(board, '*').getAttribute('aria-label')).to.match(/^Tutte, \d+ servizi$/);
    board.setAttribute('layout', 'chips');
    await board.updateComplete;
    expect(tile(board, 'casa').getAttribute('aria-label')).to.equal('Casa, 2 servizi');
    expect(board.shadowRoot!.querySelector('[part="board"]')!.getAttribute('aria-label')).to.equal('Categorie di servizi');
    await expect(board).to.be.accessible();
  });

  it('choosing a tile filters the list; several tiles mean services in any of them; "Tutte" resets', async () => {
    const { board, list } = await page();
    tile(board, 'casa').click();
    await afterChange(board);
    await list.updateComplete;
    expect(pressed(board)).to.deep.equal(['casa']);
    expect(names(list)).to.deep.equal(['Affitti calmierati', 'Casa e lavoro']);

    tile(board, 'cibo').click();
    await afterChange(board);
    await list.updateComplete;
    expect(pressed(board)).to.deep.equal(['casa', 'cibo']);
    expect(names(list)).to.deep.equal(['Affitti calmierati', 'Casa e lavoro', 'Emporio solidale', 'Mensa']);
    await expect(board).to.be.accessible();

    tile(board, 'casa').click(); // toggles off
    await afterChange(board);
    await list.updateComplete;
    expect(pressed(board)).to.deep.equal(['cibo']);
    expect(names(list)).to.deep.equal(['Emporio solidale', 'Mensa']);

    tile(board, '*').click();
    await afterChange(board);
    await list.updateComplete;
    expect(pressed(board)).to.deep.equal(['*']);
    expect(names(list)).to.have.length(5);
  });

  it('the counts follow the group: a choice on one board updates the other tiles of the group', async () => {
    const src = feedBlobUrl(FEED);
    const group = uniqueGroup();
    const root = await fixture<HTMLDivElement>(html`<div>
      <welfare-categories src=${src} group=${group} layout="chips"></welfare-categories>
      <welfare-categories src=${src} group=${group} id="second"></welfare-categories>
    </div>`);
    const [first, second] = [...root.querySelectorAll('welfare-categories')].map((b) => b as WelfareCategories);
    await settled(first!);
    await settled(second!);
    expect(counts(second!)).to.deep.equal({ '*': 5, casa: 2, cibo: 2, lavoro: 2, sport: 0 });
    tile(first!, 'lavoro').click();
    await afterChange(second!);
    expect(pressed(second!)).to.deep.equal(['lavoro']);
    // The tiles count what is shown now: of the two work services, one is also about housing.
    expect(counts(second!)).to.deep.equal({ '*': 5, casa: 1, cibo: 0, lavoro: 2, sport: 0 });
    tile(second!, 'cibo').click();
    await afterChange(first!);
    expect(counts(first!)).to.deep.equal({ '*': 5, casa: 1, cibo: 2, lavoro: 2, sport: 0 });
    tile(second!, 'cibo').click();

    // Another filter of the group (the audience, as a search box sets it) changes every count.
    groupStore(group).update({ audiences: ['giovani'] });
    await afterChange(second!);
    // Shown: the one young people's work service (also housing); "Tutte" would give 3.
    expect(counts(second!)).to.deep.equal({ '*': 3, casa: 1, cibo: 0, lavoro: 1, sport: 0 });
    expect(counts(first!)).to.deep.equal(counts(second!));
  });

  it('fires welfare-filter on itself and announces the new count', async () => {
    const { board } = await page({ lang: 'en' });
    expect(tile(board, '*').querySelector('[part="name"]')!.textContent).to.equal('All');
    expect(tile(board, 'cibo').querySelector('[part="name"]')!.textContent).to.equal('Food and essentials');
    const events: WelfareFilterDetail[] = [];
    board.addEventListener('welfare-filter', (e) => events.push(e.detail));
    tile(board, 'lavoro').click();
    await afterChange(board);
    expect(events).to.deep.equal([{ query: '', categories: ['lavoro'], results: 2 }]);
    const region = board.shadowRoot!.querySelector('[part="status"]')!;
    expect(region.getAttribute('role')).to.equal('status');
    await waitUntil(() => region.textContent === '2 services found', 'announces the count');
  });

  it('works with the keyboard: Tab to a tile, Space and Enter toggle it, focus is visible', async () => {
    const { board } = await page();
    tile(board, '*').focus();
    await sendKeys({ press: 'Tab' });
    expect(board.shadowRoot!.activeElement).to.equal(tile(board, 'casa'));
    expect(getComputedStyle(tile(board, 'casa')).outlineStyle).to.equal('solid');
    await sendKeys({ press: ' ' }); // the space bar ('Space' is no key name in Firefox's WebDriver BiDi)
    await afterChange(board);
    expect(pressed(board)).to.deep.equal(['casa']);
    await sendKeys({ press: 'Enter' });
    await afterChange(board);
    expect(pressed(board)).to.deep.equal(['*']);
    expect(board.shadowRoot!.activeElement).to.equal(tile(board, 'casa'));
  });

  it('lays the tiles out in 1 to 4 columns by its own width (container queries)', async () => {
    const { board } = await page();
    // Narrow (a phone): folded; opened, one column.
    board.style.width = '300px';
    await waitUntil(() => getComputedStyle(board.shadowRoot!.querySelector('.tiles')!).display === 'none', 'folded at 300px');
    board.shadowRoot!.querySelector<HTMLButtonElement>('[part="fold"]')!.click();
    await board.updateComplete;
    await waitUntil(() => columns(board) === 1, `1 column at 300px once opened (got ${columns(board)})`);
    const widths: [number, number][] = [
      [450, 2],
      [700, 3],
      [1000, 4],
    ];
    for (const [width, expected] of widths) {
      board.style.width = `${width}px`;
      await waitUntil(() => columns(board) === expected, `${expected} columns at ${width}px (got ${columns(board)})`);
    }
  });

  it('folds on a phone behind one button that names the chosen categories, by keyboard too', async () => {
    const { board, list } = await page();
    board.style.width = '340px';
    const fold = board.shadowRoot!.querySelector<HTMLButtonElement>('[part="fold"]')!;
    await waitUntil(() => getComputedStyle(fold).display !== 'none', 'the fold button shows on a narrow board');
    const tilesList = board.shadowRoot!.querySelector<HTMLElement>('.tiles')!;
    expect(getComputedStyle(tilesList).display).to.equal('none');
    // Folded, the board is one line: the services start right after it.
    expect(board.getBoundingClientRect().height).to.be.below(80);
    expect(fold.getAttribute('aria-expanded')).to.equal('false');
    expect(fold.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Categorie: Tutte');
    await expect(board).to.be.accessible();
    fold.focus();
    await sendKeys({ press: 'Enter' });
    await board.updateComplete;
    expect(fold.getAttribute('aria-expanded')).to.equal('true');
    expect(getComputedStyle(tilesList).display).not.to.equal('none');
    await sendKeys({ press: 'Tab' }); // "Tutte"
    await sendKeys({ press: 'Tab' }); // the first category
    await sendKeys({ press: ' ' });
    await afterChange(board);
    expect(pressed(board)).to.have.length(1);
    const chosen = board.shadowRoot!.activeElement!.querySelector('[part="name"]')!.textContent;
    await list.updateComplete;
    // Still open for another choice; the button names the choice.
    expect(fold.getAttribute('aria-expanded')).to.equal('true');
    expect(fold.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`Categorie: ${chosen}`);
    await expect(board).to.be.accessible();
    fold.click();
    await board.updateComplete;
    expect(getComputedStyle(tilesList).display).to.equal('none');
    // Wide: no fold, tiles shown (fold="never" keeps them at any width).
    board.style.width = '900px';
    await waitUntil(() => getComputedStyle(fold).display === 'none', 'no fold button on a wide board');
    expect(getComputedStyle(tilesList).display).to.equal('grid');
    board.style.width = '340px';
    board.setAttribute('fold', 'never');
    await board.updateComplete;
    await waitUntil(() => getComputedStyle(tilesList).display === 'grid', 'fold="never" shows the tiles');
  });

  it('has a compact chips layout for sidebars', async () => {
    const { board } = await page();
    board.setAttribute('layout', 'chips');
    board.style.width = '1000px';
    await board.updateComplete;
    const list = board.shadowRoot!.querySelector('.tiles')!;
    expect(getComputedStyle(list).display).to.equal('flex');
    // Chips are as wide as their text, not a quarter of the board.
    expect(tile(board, 'casa').getBoundingClientRect().width).to.be.below(250);
    await expect(board).to.be.accessible();
  });

  it('colours a tile with the category colour, but only a real colour', async () => {
    const { board } = await page();
    expect(tile(board, 'casa').style.getPropertyValue('--_category-color')).to.equal('#7a3e00');
    expect(tile(board, 'sport').style.getPropertyValue('--_category-color')).to.equal('');
    expect(getComputedStyle(tile(board, 'sport')).backgroundImage).to.equal('none');
  });

  it('hide-empty leaves out categories without services in the organisation scope', async () => {
    const feed = makeFeed(
      [service('a', { categories: ['casa'], organization: 'comune-lodi' }), service('b', { categories: ['cibo'] })],
      { categories: CATEGORIES },
    );
    const el = await fixture<WelfareCategories>(
      html`<welfare-categories src=${feedBlobUrl(feed)} group=${uniqueGroup()} organization="comune-lodi" hide-empty></welfare-categories>`,
    );
    await settled(el);
    expect(tiles(el).map((t) => t.dataset['category'])).to.deep.equal(['*', 'casa']);
  });

  it('a preset category attribute starts with that tile pressed', async () => {
    const el = await fixture<WelfareCategories>(
      html`<welfare-categories src=${feedBlobUrl(FEED)} group=${uniqueGroup()} category="cibo lavoro"></welfare-categories>`,
    );
    await settled(el);
    expect(pressed(el)).to.deep.equal(['cibo', 'lavoro']);
  });

  it('renders hostile category names as text', async () => {
    const feed = makeFeed([service('a', { categories: ['x'] })], { categories: [{ id: 'x', name: HOSTILE, color: HOSTILE }] });
    const el = await fixture<WelfareCategories>(html`<welfare-categories src=${feedBlobUrl(feed)} group=${uniqueGroup()}></welfare-categories>`);
    await settled(el);
    expect(tile(el, 'x').querySelector('[part="name"]')!.textContent).to.equal(HOSTILE);
    expect(el.shadowRoot!.querySelector('script, img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('shows categories with odd ids (constructor, __proto__, toString, valueOf) by name, with counts and icons', async () => {
    const odd = ['constructor', '__proto__', 'toString', 'valueOf'];
    const feed = makeFeed(
      odd.map((id, i) => service(`s${i}`, { name: `Servizio ${i}`, categories: [id] })),
      { categories: odd.map((id) => ({ id, name: `Categoria ${id}` })) },
    );
    const { board, list } = await page({ feed });
    expect(tiles(board).map((t) => t.querySelector('[part="name"]')!.textContent)).to.deep.equal(['Tutte', ...odd.map((id) => `Categoria ${id}`)]);
    for (const id of odd) {
      expect(parseInt(tile(board, id).querySelector('[part="count"]')!.textContent!, 10), id).to.equal(1);
      // The generic icon: drawn shapes, no text.
      const icon = tile(board, id).querySelector('svg.icon')!;
      expect(icon.querySelectorAll('path, circle').length, id).to.be.above(0);
      expect(icon.textContent!.trim(), id).to.equal('');
    }
    expect(board.shadowRoot!.textContent).to.not.match(/function|native code|object Object/);
    tile(board, '__proto__').click();
    await afterChange(list);
    expect(names(list)).to.deep.equal(['Servizio 1']);
  });

  it('keeps its look on a page whose CSS restyles buttons and text', async () => {
    const style = document.createElement('style');
    style.textContent = 'button { display: none !important; } * { text-transform: uppercase; letter-spacing: 4px; }';
    document.head.append(style);
    try {
      const { board } = await page();
      expect(getComputedStyle(tile(board, 'casa')).display).to.not.equal('none');
      const name = tile(board, 'casa').querySelector('[part="name"]')!;
      expect(getComputedStyle(name).textTransform).to.equal('none');
      expect(getComputedStyle(name).letterSpacing).to.equal('normal');
    } finally {
      style.remove();
    }
  });

  it('passes axe while loading, when nothing matches, and on error', async () => {
    const loading = await fixture<WelfareCategories>(
      html`<welfare-categories src="/__slow/2000/packages/core/test/fixtures/feed.json?categories-loading" group=${uniqueGroup()}></welfare-categories>`,
    );
    await loading.updateComplete;
    expect(loading.shadowRoot!.querySelector('[part~="loading"]')).to.not.equal(null);
    await expect(loading).to.be.accessible();

    const { board, group } = await page();
    groupStore(group).update({ query: 'nothing-matches-this' });
    await afterChange(board);
    expect(counts(board)).to.deep.equal({ '*': 0, casa: 0, cibo: 0, lavoro: 0, sport: 0 });
    await expect(board).to.be.accessible();

    const failed = await fixture<WelfareCategories>(html`<welfare-categories src="/__status/503" group=${uniqueGroup()}></welfare-categories>`);
    await settled(failed);
    expect(failed.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('non è disponibile');
    await expect(failed).to.be.accessible();
  });
});
