import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '@welfare-elements/list';
import '@welfare-elements/map';
import type { WelfareList } from '@welfare-elements/list';
import { feedBlobUrl, makeFeed, resetAll, service, settled, uniqueGroup, waitUntil } from '../../core/test/helpers.js';
import { outsideRequests } from './helpers.js';

/** The small map in a service's full view (issue 18), drawn by the map package's engine. */

const feed = () =>
  makeFeed([
    service('two', {
      name: 'Emporio solidale',
      phone: '0371 000000',
      locations: [
        { address: 'Via Roma 1', comune: 'Lodi', lat: 45.3138, lon: 9.5018 },
        { address: 'Via Dante 3', comune: 'Codogno', lat: 45.16, lon: 9.705 },
      ],
    }),
    service('nowhere', { name: 'Sportello telefonico', phone: '0371 111111', locations: [{ comune: 'Lodi' }] }),
  ]);

type View = HTMLElement & { close(): void };
const view = () => document.querySelector('welfare-service-view') as View | null;
const dialog = () => view()?.shadowRoot?.querySelector('dialog') ?? null;
const isOpen = () => !!dialog()?.open;
const inView = <T extends Element = HTMLElement>(selector: string) => view()!.shadowRoot!.querySelector<T>(selector);
const deepActive = () => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
};
const start = location.href;

/** Closes the view and waits for the address to lose the service (Back over our entry). */
async function closeView() {
  view()!.close();
  await waitUntil(() => !isOpen() && !new URLSearchParams(location.search).has('servizio'), 'the view closes');
}

async function group(tiles: { map?: string; list?: string } = {}) {
  const g = uniqueGroup();
  const src = feedBlobUrl(feed());
  const wrap = await fixture<HTMLDivElement>(
    tiles.map !== undefined
      ? html`<div>
          <welfare-list src=${src} group=${g}></welfare-list>
          <welfare-map src=${src} group=${g} tiles=${tiles.map} attribution="Mappe del Comune" style="--welfare-map-height: 200px"></welfare-map>
        </div>`
      : html`<div><welfare-list src=${src} group=${g} tiles=${tiles.list ?? 'none'}></welfare-list></div>`,
  );
  return settled(wrap.querySelector<WelfareList>('welfare-list')!);
}

async function open(list: WelfareList, id: string) {
  const a = list.shadowRoot!.querySelector<HTMLAnchorElement>(`[part="open"][data-service-link="${id}"]`)!;
  a.focus();
  a.click();
  await waitUntil(() => isOpen() && deepActive()?.localName === 'h2', 'the view opens');
  return a;
}

/** Waits until Leaflet has drawn the places (the engine chunk may be compiled on first request). */
const drawn = (count: number) =>
  waitUntil(() => inView('.place-map')?.querySelectorAll('.leaflet-marker-icon').length === count, `${count} places on the small map`, { timeout: 15_000 });

describe("a service's full view: the small map", () => {
  // The view's and the engine's chunks are compiled on their first request: fetch them
  // before the tests' clocks start (a busy machine takes more than a test's 10 s).
  before(async function () {
    this.timeout(60_000);
    await Promise.all([import('@welfare-elements/core/service/view.js'), import('../src/engine.js')]);
  });
  beforeEach(resetAll);
  afterEach(async () => {
    if (isOpen()) view()!.close();
    await waitUntil(() => !isOpen() && !new URLSearchParams(location.search).has('servizio'), 'the view closes, Back over its entry');
    history.replaceState(null, '', start);
  });

  it('shows every place under the addresses, named, with a plain background for tiles="none", and axe finds nothing', async function () {
    this.timeout(40_000); // axe over a dialog with a map: slow in WebKit on a busy machine
    const list = await group();
    await open(list, 'two');
    await drawn(2);
    const map = inView('.place-map')!;
    expect(map.getAttribute('role')).to.equal('region');
    expect(map.getAttribute('aria-label')).to.equal('Mappa: dove si trova Emporio solidale');
    expect(inView(`#${map.getAttribute('aria-describedby')}`)!.textContent).to.contain('Gli indirizzi sono scritti sopra');
    // The addresses come first: the map is under them.
    const addresses = [...view()!.shadowRoot!.querySelectorAll('[part="address"]')];
    expect(addresses.map((a) => a.textContent)).to.deep.equal(['Via Roma 1, Lodi', 'Via Dante 3, Codogno']);
    expect(addresses[1]!.compareDocumentPosition(map) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    expect(map.classList.contains('wm-no-tiles')).to.equal(true);
    expect(map.querySelectorAll('.leaflet-tile').length).to.equal(0);
    // Both pins are inside the visible map (fitted).
    const box = map.getBoundingClientRect();
    expect(box.height).to.be.greaterThan(100);
    for (const pin of map.querySelectorAll('.leaflet-marker-icon')) {
      const r = pin.getBoundingClientRect();
      expect(r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom, 'pin inside the map').to.equal(true);
    }
    expect(outsideRequests()).to.deep.equal([]);
    await expect(view()!).to.be.accessible();
  });

  it('is reached with Tab, moves with the arrows, lets Tab go on, and Escape still closes the view', async () => {
    const list = await group();
    const opener = await open(list, 'two');
    await drawn(2);
    const map = inView('.place-map')!;
    const directions = [...view()!.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part~="directions"]')];
    directions.at(-1)!.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(map);
    // The arrows move the map (Leaflet's keyboard handler), they do not scroll the dialog.
    const before = map.querySelector<HTMLElement>('.leaflet-map-pane')!.style.transform;
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => map.querySelector<HTMLElement>('.leaflet-map-pane')!.style.transform !== before, 'the map moved');
    // Tab goes through the zoom buttons and the credit, then out of the map: no trap.
    let left = false;
    for (let i = 0; i < 8 && !left; i++) {
      await sendKeys({ press: 'Tab' });
      left = !map.contains(deepActive());
    }
    expect(left, 'Tab leaves the map').to.equal(true);
    expect(deepActive()!.getAttribute('href')).to.equal('tel:0371000000');
    // Back on the map, Escape closes the view as anywhere else in it.
    map.focus();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !isOpen() && deepActive() === opener, 'Escape closes the view, focus back on the card link');
  });

  it("follows the group's map: its tiles and its credit", async () => {
    const list = await group({ map: '/__status/204/tiles/{z}/{x}/{y}.png' });
    await open(list, 'two');
    await drawn(2);
    const map = inView('.place-map')!;
    await waitUntil(() => map.querySelector('img.leaflet-tile'), 'tiles are asked for');
    const src = map.querySelector<HTMLImageElement>('img.leaflet-tile')!.src;
    expect(new URL(src).pathname).to.match(/^\/__status\/204\/tiles\/\d+\/\d+\/\d+\.png$/);
    expect(map.querySelector('[part="attribution"]')!.textContent).to.contain('Mappe del Comune');
    expect(map.classList.contains('wm-no-tiles')).to.equal(false);
  });

  it('has no map for a service without a position, nor once closed', async () => {
    const list = await group();
    await open(list, 'nowhere');
    expect(inView('.place-map')).to.equal(null);
    await closeView();
    await open(list, 'two');
    await drawn(2);
    await closeView();
    await waitUntil(() => !inView('.leaflet-container'), 'the map is removed with the view');
  });

  it('speaks English', async () => {
    const g = uniqueGroup();
    const wrap = await fixture<HTMLDivElement>(html`<div><welfare-list src=${feedBlobUrl(feed())} group=${g} lang="en" tiles="none"></welfare-list></div>`);
    const list = await settled(wrap.querySelector<WelfareList>('welfare-list')!);
    await open(list, 'two');
    await drawn(2);
    expect(inView('.place-map')!.getAttribute('aria-label')).to.equal('Map: where to find Emporio solidale');
    expect(inView('.leaflet-control-zoom-in')!.getAttribute('aria-label')).to.equal('Zoom in');
  });
});
