import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '@welfare-elements/list';
import '@welfare-elements/map';
import type { WelfareList } from '@welfare-elements/list';
import { OSM_TILES, resolveTiles, type WelfareMap } from '@welfare-elements/map';
import { removeMap } from '../src/remove-map.js';
import { OSM_ATTRIBUTION } from '../src/tiles.js';
import { feedBlobUrl, HOSTILE, makeFeed, resetAll, service, settled, uniqueGroup, waitUntil } from '../../core/test/helpers.js';
import {
  clusters,
  labels,
  leafletMap,
  mapReady,
  markers,
  markersShown,
  outsideRequests,
  popup,
  popupShown,
  serviceMarkers,
  shadow,
  hitTest,
  markersSettled,
  stubGeolocation,
} from './helpers.js';
import { LOCATE_FAILURES, stubGeolocation as answerLater } from '../../core/test/geolocation.js';

/** Services spread over the Lodi district, far enough apart not to cluster when fitted. */
function spread() {
  return [
    service('casa-lodi', { name: 'Sportello casa Lodi', categories: ['casa'], locations: [{ address: 'Via Roma 1', comune: 'Lodi', lat: 45.3138, lon: 9.5018 }] }),
    service('cibo-codogno', { name: 'Emporio Codogno', categories: ['cibo'], locations: [{ address: 'Via Dante 3', comune: 'Codogno', lat: 45.16, lon: 9.705 }] }),
    service('lavoro-santangelo', { name: 'Lavoro Sant’Angelo', categories: ['lavoro'], locations: [{ comune: "Sant'Angelo Lodigiano", lat: 45.237, lon: 9.407 }] }),
    service('casa-zelo', { name: 'Casa Zelo', categories: ['casa'], locations: [{ comune: 'Zelo Buon Persico', lat: 45.412, lon: 9.43 }] }),
  ];
}

async function mapOf(feed: unknown, attrs: { lang?: string; group?: string; accessPoints?: boolean } = {}) {
  const src = feedBlobUrl(feed);
  const el = await fixture<WelfareMap>(
    html`<welfare-map
      src=${src}
      group=${attrs.group ?? uniqueGroup()}
      tiles="none"
      lang=${attrs.lang ?? 'it'}
      ?access-points=${attrs.accessPoints ?? false}
      style="--welfare-map-height: 400px; width: 640px"
    ></welfare-map>`,
  );
  await settled(el);
  await mapReady(el);
  return el;
}

/** A map and a list in one group, both loaded, the map showing its four markers. */
async function twins(feed: unknown) {
  const group = uniqueGroup();
  const src = feedBlobUrl(feed);
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <welfare-map src=${src} group=${group} tiles="none" style="--welfare-map-height: 400px"></welfare-map>
    <welfare-list src=${src} group=${group}></welfare-list>
  </div>`);
  const el = wrapper.querySelector<WelfareMap>('welfare-map')!;
  const list = wrapper.querySelector<WelfareList>('welfare-list')!;
  await settled(el);
  await settled(list);
  await mapReady(el);
  await markersShown(el, 4);
  return { el, list };
}

describe('<welfare-map>', () => {
  beforeEach(resetAll);

  describe('states', () => {
    it('shows a loading message, then the markers, accessible in both states', async function () {
      // The whole demo feed, a slow response and axe twice: more than mocha's 10 s on a busy machine.
      this.timeout(30_000);
      const el = await fixture<WelfareMap>(
        html`<welfare-map src="/__slow/800/examples/data/servizi.json" tiles="none" group=${uniqueGroup()}></welfare-map>`,
      );
      const loading = shadow(el).querySelector('[part~="loading"]');
      expect(loading, 'loading message').to.exist;
      expect(loading!.getAttribute('role')).to.equal('status');
      await expect(el).to.be.accessible();
      await settled(el);
      await mapReady(el);
      await markersShown(el);
      const count = shadow(el).querySelector('[part="count"]')!;
      expect(count.getAttribute('aria-live')).to.equal('polite');
      expect(count.textContent).to.match(/\d+ servizi sulla mappa/);
      await expect(el).to.be.accessible();
    });

    it('explains a feed that cannot be loaded, in an alert, accessibly', async () => {
      const el = await fixture<WelfareMap>(html`<welfare-map src="/__status/500" tiles="none" group=${uniqueGroup()}></welfare-map>`);
      await settled(el);
      const alert = shadow(el).querySelector('[role="alert"]');
      expect(alert?.textContent).to.contain('non è disponibile');
      await expect(el).to.be.accessible();
    });

    it('says when nothing matches, and shows no marker', async () => {
      const el = await mapOf(makeFeed(spread()));
      await markersShown(el, 4);
      el['data'].store.update({ query: 'nessuna corrispondenza xyz' });
      await waitUntil(() => markers(el).length === 0, 'markers stayed', { timeout: 3000 });
      await el.updateComplete;
      expect(shadow(el).querySelector('[part="count"]')!.textContent).to.contain('Nessun servizio sulla mappa');
      await expect(el).to.be.accessible();
    });

    it('counts services without a position apart', async () => {
      const el = await mapOf(makeFeed([...spread(), service('senza', { locations: [{ address: 'Via Nessuna', comune: 'Lodi' }] })]));
      await markersShown(el, 4);
      const count = shadow(el).querySelector('[part="count"]')!.textContent!.replace(/\s+/g, ' ');
      expect(count).to.contain('4 servizi sulla mappa');
      expect(count).to.contain('1 senza indirizzo sulla mappa');
    });
  });

  describe('markers', () => {
    it('draws one named button per service location, coloured by category', async () => {
      const feed = makeFeed(spread(), {
        categories: [
          { id: 'casa', name: 'Casa', color: '#123456' },
          { id: 'cibo', name: 'Cibo' },
          { id: 'lavoro', name: 'Lavoro' },
        ],
      });
      const el = await mapOf(feed);
      const shown = await markersShown(el, 4);
      expect(shown.every((b) => b.tagName === 'BUTTON')).to.be.true;
      expect(labels(shown)).to.deep.equal([
        'Casa Zelo, Zelo Buon Persico',
        'Emporio Codogno, Via Dante 3, Codogno',
        "Lavoro Sant’Angelo, Sant'Angelo Lodigiano",
        'Sportello casa Lodi, Via Roma 1, Lodi',
      ]);
      const lodi = shown.find((b) => b.getAttribute('aria-label')!.startsWith('Sportello'))!;
      const codogno = shown.find((b) => b.getAttribute('aria-label')!.startsWith('Emporio'))!;
      expect(getComputedStyle(lodi.querySelector('.pin')!).fill).to.equal('rgb(18, 52, 86)');
      expect(getComputedStyle(codogno.querySelector('.pin')!).fill).to.not.equal('rgb(18, 52, 86)');
    });

    it('follows the group’s results when filters change', async () => {
      const el = await mapOf(makeFeed(spread()));
      await markersShown(el, 4);
      el['data'].store.update({ categories: ['casa'] });
      await waitUntil(() => markers(el).length === 2, 'markers did not follow the filter', { timeout: 3000 });
      expect(labels(markers(el)).map((l) => l.split(',')[0])).to.deep.equal(['Casa Zelo', 'Sportello casa Lodi']);
      el['data'].store.update({ categories: ['lavoro'] });
      await waitUntil(() => markers(el).length === 1, 'markers did not follow the second filter', { timeout: 3000 });
      expect(markers(el)[0]!.getAttribute('aria-label')).to.contain('Lavoro');
    });

    it('fits the results after a filter, unless the person moved the map', async () => {
      const el = await mapOf(makeFeed(spread()));
      await markersShown(el, 4);
      const map = leafletMap(el);
      el['data'].store.update({ categories: ['cibo'] });
      await waitUntil(() => markers(el).length === 1);
      expect(map.getCenter().distanceTo([45.16, 9.705])).to.be.below(50);

      // The person pans with the keyboard; the next filter keeps their view.
      el['data'].store.update({ categories: [] });
      await waitUntil(() => markers(el).length === 4);
      shadow(el).querySelector<HTMLElement>('.map')!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await waitUntil(() => (el as unknown as { leaflet: { view: { userMoved: boolean } } }).leaflet.view.userMoved);
      await new Promise((r) => setTimeout(r, 400));
      const before = map.getCenter();
      el['data'].store.update({ categories: ['cibo'] });
      await waitUntil(() => el['data'].store.results.length === 1);
      await el.updateComplete;
      expect(map.getCenter().distanceTo(before)).to.be.below(1);
    });

    it('clusters nearby services under a button that says how many, and opens it with Enter', async () => {
      const near = Array.from({ length: 12 }, (_, i) =>
        service(`n${i}`, { locations: [{ comune: 'Lodi', lat: 45.3 + i * 0.0004, lon: 9.5 + i * 0.0004 }] }),
      );
      const el = await mapOf(makeFeed([...near, service('far', { locations: [{ comune: 'Torino', lat: 45.07, lon: 7.69 }] })]));
      await markersShown(el);
      const cluster = clusters(el).find((c) => c.getAttribute('aria-label') === '12 servizi, zona Lodi');
      expect(cluster, labels(markers(el)).join(' | ')).to.exist;
      const map = leafletMap(el);
      const zoom = map.getZoom();
      // Its name says it once: no title repeating it as the description.
      expect(cluster!.hasAttribute('title')).to.be.false;
      cluster!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => map.getZoom() > zoom, 'Enter did not zoom into the cluster', { timeout: 3000 });
      await waitUntil(() => shadow(el).activeElement?.closest('.leaflet-marker-icon'), 'focus did not follow into the cluster');
      // The opened cluster is gone, as after a click: only what it held is drawn.
      await markersSettled(el);
      expect(cluster!.isConnected, 'the opened cluster stayed on the map').to.be.false;
      expect(labels(markers(el))).to.not.include('12 servizi, zona Lodi');
      expect(hitTest(el).covered).to.deep.equal([]);
    });

    it('names a cluster by its commonest comune, in Italian and English', async () => {
      const at = (id: string, comune: string, i: number) =>
        service(id, { locations: [{ comune, lat: 45.3 + i * 0.0004, lon: 9.5 + i * 0.0004 }] });
      const feed = makeFeed([
        at('a', 'Lodi', 0), at('b', 'Montanaso Lombardo', 1), at('c', 'Montanaso Lombardo', 2),
        at('d', 'Lodi', 3), at('e', 'Montanaso Lombardo', 4),
        service('far', { locations: [{ comune: 'Torino', lat: 45.07, lon: 7.69 }] }),
      ]);
      const el = await mapOf(feed);
      await markersShown(el);
      expect(labels(clusters(el))).to.deep.equal(['5 servizi, zona Montanaso Lombardo']);
      el.setAttribute('lang', 'en');
      await waitUntil(() => labels(clusters(el))[0] === '5 services, Montanaso Lombardo area', labels(clusters(el)).join());
    });

    it('keeps every service counted with thousands of them (coarse index first, full index later)', async () => {
      const many = Array.from({ length: 6000 }, (_, i) =>
        service(`m${i}`, { name: `Servizio ${i}`, locations: [{ lat: 45.2 + ((i * 7919) % 1000) / 5000, lon: 9.3 + ((i * 104729) % 997) / 2500 }] }),
      );
      const el = await mapOf(makeFeed(many));
      await markersShown(el);
      await markersSettled(el);
      const total = () =>
        markers(el).reduce((sum, b) => sum + Number(b.getAttribute('aria-label')!.match(/^([\d.]+) servizi/)?.[1]?.replace('.', '') ?? 1), 0);
      // Markers may still be arriving when the first ones show (WebKit, on a busy machine):
      // wait for the count a person would end up seeing.
      await waitUntil(() => total() === 6000, `the map never counted all 6000 services: ${labels(markers(el)).join(' | ')}`);
      // Deep in, single services appear (from the full index).
      const map = leafletMap(el);
      map.setView([45.3, 9.5], 16, { animate: false });
      await waitUntil(() => serviceMarkers(el).length > 0, 'no single service at zoom 16');
      expect(serviceMarkers(el).every((b) => b.getAttribute('aria-label')!.startsWith('Servizio '))).to.be.true;
      expect(markers(el).length).to.be.below(400);
    });

    it('lists services at the same address instead of zooming forever', async () => {
      const same = ['a', 'b', 'c'].map((id) => service(id, { name: `Servizio ${id.toUpperCase()}` }));
      const el = await mapOf(makeFeed([...same, service('far', { locations: [{ lat: 45.5, lon: 9.9 }] })]));
      await markersShown(el);
      const cluster = clusters(el)[0]!;
      expect(cluster.getAttribute('aria-label')).to.equal('3 servizi, zona Lodi');
      cluster.focus();
      await sendKeys({ press: 'Enter' });
      const content = await popupShown(el);
      expect(content.textContent).to.contain('3 servizi in questo punto');
      const items = [...content.querySelectorAll<HTMLButtonElement>('button[part="stack-item"]')];
      expect(items.map((b) => b.textContent!.trim())).to.deep.equal(['Servizio A', 'Servizio B', 'Servizio C']);
      items[1]!.click();
      await waitUntil(() => popup(el)?.textContent?.includes('Via Roma 1'), 'choosing in the list did not open the service');
      expect(el['data'].store.selected).to.equal('b');
    });
  });

  describe('selection', () => {
    it('a marker selects its service: event, list highlight, popup with the details', async () => {
      const { el, list } = await twins(
        makeFeed(
          spread().map((s) =>
            s['id'] === 'casa-lodi'
              ? { ...s, phone: '0371 123456', hours: 'Mo-Fr 09:00-12:00', organization: 'comune-lodi' }
              : s,
          ),
        ),
      );
      const marker = serviceMarkers(el).find((b) => b.getAttribute('aria-label')!.startsWith('Sportello casa Lodi'))!;
      const event = oneEvent(el, 'welfare-select');
      marker.click();
      const { detail } = await event;
      expect(detail).to.deep.equal({ id: 'casa-lodi', type: 'service' });
      await list.updateComplete;
      expect(list.shadowRoot!.querySelector('li[data-id="casa-lodi"]')!.getAttribute('part')).to.contain('selected');
      const content = await popupShown(el);
      const text = content.textContent!.replace(/\s+/g, ' ');
      expect(text).to.contain('Sportello casa Lodi');
      expect(text).to.contain('Comune di Lodi');
      expect(text).to.contain('Via Roma 1, Lodi');
      expect(text).to.contain('0371 123456');
      // The hours in words, never in the feed's syntax (issue 11).
      expect(text).to.contain('lun–ven 9:00–12:00');
      expect(text).not.to.contain('Mo-Fr');
      const tel = content.querySelector<HTMLAnchorElement>('a[href^="tel:"]')!;
      expect(tel.getAttribute('href')).to.equal('tel:0371123456');
      const directions = content.querySelector<HTMLAnchorElement>('a[part~="directions"]')!;
      expect(directions.href).to.equal('https://www.openstreetmap.org/directions?to=45.3138%2C9.5018#map=16/45.3138/9.5018');
      expect(marker.getAttribute('aria-pressed')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('choosing in the list opens that marker’s popup and pans to it', async () => {
      const { el, list } = await twins(makeFeed(spread()));
      list.shadowRoot!.querySelector<HTMLButtonElement>('li[data-id="cibo-codogno"] button[part="name"]')!.click();
      const content = await popupShown(el);
      expect(content.textContent).to.contain('Emporio Codogno');
      const map = leafletMap(el);
      expect(map.getBounds().contains([45.16, 9.705])).to.be.true;
      const marker = serviceMarkers(el).find((b) => b.getAttribute('aria-label')!.startsWith('Emporio'))!;
      expect(marker.getAttribute('aria-pressed')).to.equal('true');
      // Deselecting in the list closes the popup.
      list.shadowRoot!.querySelector<HTMLButtonElement>('li[data-id="cibo-codogno"] button[part="name"]')!.click();
      await waitUntil(() => !popup(el), 'the popup stayed open');
    });

    it('keeps the popup in view and on its pin through a zoom; a click on the map closes it', async () => {
      const el = await mapOf(makeFeed(spread()));
      await markersShown(el, 4);
      const map = leafletMap(el);
      // Zelo is the northernmost place: its popup opens above it, past the map's top edge,
      // so the map pans to show all of it.
      const marker = serviceMarkers(el).find((b) => b.getAttribute('aria-label')!.startsWith('Casa Zelo'))!;
      marker.click();
      await popupShown(el);
      const box = () => shadow(el).querySelector('.map')!.getBoundingClientRect();
      const card = () => shadow(el).querySelector('.leaflet-popup')!.getBoundingClientRect();
      const still = () => !shadow(el).querySelector('.leaflet-zoom-anim, .leaflet-pan-anim');
      await waitUntil(() => still() && card().top >= box().top + 15, `the popup is cut at the top: ${card().top} < ${box().top}`);
      expect(card().left).to.be.at.least(box().left);
      expect(card().right).to.be.at.most(box().right);
      // Its tip points at the pin's head (the pin's tip is at the place).
      const tipAtPin = () => {
        const pin = marker.getBoundingClientRect();
        const tip = shadow(el).querySelector('.leaflet-popup-tip-container')!.getBoundingClientRect();
        return Math.abs(tip.left + tip.width / 2 - (pin.left + pin.width / 2)) < 2 && Math.abs(tip.bottom - pin.top) < 12;
      };
      expect(tipAtPin(), 'the tip is not on the pin').to.be.true;
      map.zoomOut(1);
      await waitUntil(() => still() && tipAtPin(), 'after a zoom the popup left its pin');
      expect(marker.isConnected).to.be.true;
      // A click on the map (not on a marker) closes it, and the service is no longer selected.
      const mapArea = shadow(el).querySelector<HTMLElement>('.leaflet-container')!;
      const r = mapArea.getBoundingClientRect();
      mapArea.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: r.left + 5, clientY: r.bottom - 30 }));
      await waitUntil(() => !popup(el), 'a click on the map did not close the popup');
      expect(marker.getAttribute('aria-pressed')).to.equal('false');
    });

    it('moves a pin at the map’s bottom edge above the credit line when its popup opens', async () => {
      const el = await fixture<WelfareMap>(html`<welfare-map
        src=${feedBlobUrl(makeFeed(spread()))}
        group=${uniqueGroup()}
        tiles="/__status/204/tiles/{z}/{x}/{y}.png"
        attribution="© Mappe di prova"
        lang="it"
        style="--welfare-map-height: 400px; width: 640px"
      ></welfare-map>`);
      await settled(el);
      await mapReady(el);
      await markersShown(el, 4);
      const map = leafletMap(el);
      // Codogno's place 4 px above the bottom edge: its pin under the credit line.
      const at = map.latLngToContainerPoint([45.16, 9.705]);
      map.panBy([0, at.y - (map.getSize().y - 4)], { animate: false });
      await markersSettled(el);
      const marker = () => serviceMarkers(el).find((b) => b.getAttribute('aria-label')!.startsWith('Emporio'))!;
      const credit = () => shadow(el).querySelector('[part="attribution"]')!.getBoundingClientRect();
      expect(marker().getBoundingClientRect().bottom).to.be.above(credit().top);
      marker().click();
      await popupShown(el);
      const still = () => !shadow(el).querySelector('.leaflet-zoom-anim, .leaflet-pan-anim');
      await waitUntil(() => still() && marker().getBoundingClientRect().bottom <= credit().top, 'the pin stays under the credit line').catch(() => {
        expect(marker().getBoundingClientRect().bottom, 'the pin’s bottom').to.be.at.most(credit().top);
      });
      const box = shadow(el).querySelector('.map')!.getBoundingClientRect();
      expect(shadow(el).querySelector('.leaflet-popup')!.getBoundingClientRect().top).to.be.at.least(box.top);
      expect(outsideRequests()).to.deep.equal([]);
    });

    it('fits a popup into a small map (a phone): beside the zoom buttons, its close button and edges inside', async () => {
      const el = await fixture<WelfareMap>(
        html`<welfare-map src=${feedBlobUrl(makeFeed(spread()))} group=${uniqueGroup()} tiles="none" lang="it" style="--welfare-map-height: 220px; width: 300px"></welfare-map>`,
      );
      await settled(el);
      await mapReady(el);
      await markersShown(el, 4);
      serviceMarkers(el).find((b) => b.getAttribute('aria-label')!.startsWith('Casa Zelo'))!.click();
      await popupShown(el);
      const box = () => shadow(el).querySelector('.map')!.getBoundingClientRect();
      const card = () => shadow(el).querySelector('.leaflet-popup-content-wrapper')!.getBoundingClientRect();
      const still = () => !shadow(el).querySelector('.leaflet-zoom-anim, .leaflet-pan-anim');
      const zoom = shadow(el).querySelector('.leaflet-control-zoom')!.getBoundingClientRect();
      const close = () => shadow(el).querySelector('.leaflet-popup-close-button')!.getBoundingClientRect();
      const inside = () => still() && card().top >= box().top && card().bottom <= box().bottom && card().left >= zoom.right && card().right <= box().right;
      // Waits for the pan, then says which edge is wrong if one is.
      await waitUntil(inside, 'the popup hangs out of the map or covers the zoom buttons').catch(() => undefined);
      expect(card().top, 'top').to.be.at.least(box().top);
      expect(card().bottom, 'bottom').to.be.at.most(box().bottom);
      expect(card().left, 'left, beside the zoom buttons').to.be.at.least(zoom.right);
      expect(card().right, 'right').to.be.at.most(box().right);
      expect(close().right).to.be.at.most(box().right);
      expect(close().top).to.be.at.least(box().top);
    });

    it('zooms far enough to show a service hidden in a cluster', async () => {
      const near = Array.from({ length: 8 }, (_, i) =>
        service(`n${i}`, { name: `Vicino ${i}`, locations: [{ lat: 45.3 + i * 0.0008, lon: 9.5 + i * 0.0008 }] }),
      );
      const el = await mapOf(makeFeed([...near, service('far', { locations: [{ lat: 45.07, lon: 7.69 }] })]));
      await markersShown(el);
      expect(serviceMarkers(el).some((b) => b.getAttribute('aria-label')!.startsWith('Vicino 3'))).to.be.false;
      el['data'].store.select('n3');
      await popupShown(el);
      await waitUntil(() => serviceMarkers(el).some((b) => b.getAttribute('aria-label')!.startsWith('Vicino 3')));
      const marker = serviceMarkers(el).find((b) => b.getAttribute('aria-label')!.startsWith('Vicino 3'))!;
      expect(marker.getAttribute('aria-pressed')).to.equal('true');
    });
  });

  describe('feed text', () => {
    it('keeps hostile feed text as text in names, popups and links', async () => {
      (window as unknown as { __pwned?: number }).__pwned = undefined;
      const feed = makeFeed([
        service('h', {
          name: HOSTILE,
          description: HOSTILE,
          phone: HOSTILE,
          website: 'javascript:window.__pwned=1',
          hours: HOSTILE,
          locations: [{ name: HOSTILE, address: HOSTILE, comune: 'Lodi', lat: 45.31, lon: 9.5 }],
        }),
      ]);
      const el = await mapOf(feed);
      const [marker] = await markersShown(el, 1);
      expect(marker!.getAttribute('aria-label')).to.contain(HOSTILE);
      marker!.click();
      const content = await popupShown(el);
      expect(content.querySelector('.popup-name')!.textContent).to.equal(HOSTILE);
      expect(content.textContent).to.contain(HOSTILE);
      expect(shadow(el).querySelector('.leaflet-container script, .leaflet-container img')).to.be.null;
      expect([...content.querySelectorAll('a')].map((a) => a.protocol)).to.not.include('javascript:');
      await new Promise((r) => setTimeout(r, 50));
      expect((window as unknown as { __pwned?: number }).__pwned).to.be.undefined;
    });
  });

  describe('keyboard and screen reader', () => {
    it('labels the map and gives instructions, reaches markers with Tab and opens them with Enter', async () => {
      const el = await mapOf(makeFeed(spread()));
      await markersShown(el, 4);
      const region = shadow(el).querySelector<HTMLElement>('.map')!;
      expect(region.getAttribute('role')).to.equal('region');
      expect(region.getAttribute('aria-label')).to.equal('Mappa dei servizi');
      const hint = shadow(el).getElementById(region.getAttribute('aria-describedby')!)!;
      expect(hint.textContent).to.contain('frecce');
      region.focus();
      expect(getComputedStyle(hint).opacity).to.equal('1');
      await sendKeys({ press: 'Tab' });
      const first = shadow(el).activeElement as HTMLElement;
      expect(first.matches('button[part="marker"]'), first.outerHTML).to.be.true;
      // Reading order: north to south (Zelo is the northernmost).
      expect(first.getAttribute('aria-label')).to.contain('Casa Zelo');
      expect(getComputedStyle(first).outlineStyle).to.not.equal('none');
      await sendKeys({ press: 'Enter' });
      const content = await popupShown(el);
      expect(shadow(el).activeElement).to.equal(content);
      expect(content.textContent).to.contain('Casa Zelo');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !popup(el), 'Escape did not close the popup');
      expect(shadow(el).activeElement).to.equal(first);
    });

    it('zooms with the zoom buttons from the keyboard, and says when a button has reached its limit', async () => {
      const el = await mapOf(makeFeed(spread()), { lang: 'it' });
      await markersShown(el, 4);
      const map = leafletMap(el);
      const zoomIn = shadow(el).querySelector<HTMLElement>('.leaflet-control-zoom-in')!;
      const zoomOut = shadow(el).querySelector<HTMLElement>('.leaflet-control-zoom-out')!;
      const before = map.getZoom();
      zoomIn.focus();
      expect(getComputedStyle(zoomIn).outlineStyle).to.not.equal('none');
      await sendKeys({ press: ' ' });
      // Leaflet drops a zoom asked for during a zoom animation: wait for it to end.
      const still = () => !shadow(el).querySelector('.leaflet-zoom-anim');
      await waitUntil(() => map.getZoom() === before + 1 && still(), `Space did not zoom in (${map.getZoom()})`);
      zoomOut.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => map.getZoom() === before && still(), `Enter did not zoom out (${map.getZoom()})`);
      expect(zoomIn.getAttribute('aria-disabled')).to.equal('false');
      map.setZoom(map.getMaxZoom(), { animate: false });
      await waitUntil(() => zoomIn.getAttribute('aria-disabled') === 'true', 'zoom in is not disabled at the last zoom');
      expect(zoomIn.classList.contains('leaflet-disabled')).to.equal(true);
      expect(zoomOut.getAttribute('aria-disabled')).to.equal('false');
      zoomIn.click();
      await new Promise((ok) => setTimeout(ok, 300));
      expect(map.getZoom()).to.equal(map.getMaxZoom());
    });

    it('labels the zoom buttons and the popup close button in Italian and English', async () => {
      const el = await mapOf(makeFeed(spread()), { lang: 'it' });
      await markersShown(el, 4);
      expect(shadow(el).querySelector('.leaflet-control-zoom-in')!.getAttribute('aria-label')).to.equal('Ingrandisci la mappa');
      expect(shadow(el).querySelector('.leaflet-control-zoom-out')!.getAttribute('aria-label')).to.equal('Riduci la mappa');
      serviceMarkers(el)[0]!.click();
      await popupShown(el);
      expect(shadow(el).querySelector('.leaflet-popup-close-button')!.getAttribute('aria-label')).to.equal('Chiudi le informazioni');

      el.setAttribute('lang', 'en');
      await waitUntil(() => shadow(el).querySelector('.leaflet-control-zoom-in')!.getAttribute('aria-label') === 'Zoom in');
      expect(shadow(el).querySelector('.leaflet-control-zoom-out')!.getAttribute('aria-label')).to.equal('Zoom out');
      expect(shadow(el).querySelector('.map')!.getAttribute('aria-label')).to.equal('Map of services');
      expect(shadow(el).querySelector('[part="count"]')!.textContent).to.contain('4 services on the map');
      expect(shadow(el).querySelector('.leaflet-popup-close-button')!.getAttribute('aria-label')).to.equal('Close the details');
    });

    it('speaks English cluster names', async () => {
      const same = ['a', 'b'].map((id) => service(id));
      const el = await mapOf(makeFeed([...same, service('far', { locations: [{ lat: 45.5, lon: 9.9 }] })]), { lang: 'en' });
      await markersShown(el);
      expect(labels(clusters(el))).to.deep.equal(['2 services, Lodi area']);
    });

    it('has a skip button that moves focus past the map', async () => {
      const el = await mapOf(makeFeed(spread()));
      const skip = shadow(el).querySelector<HTMLButtonElement>('[part="skip"]')!;
      skip.focus();
      expect(skip.getBoundingClientRect().width).to.be.above(20);
      skip.click();
      expect(shadow(el).activeElement!.classList.contains('after')).to.be.true;
    });
  });

  describe('near me', () => {
    let restore: (() => void) | undefined;
    afterEach(() => restore?.());

    it('explains a refused position in an alert', async () => {
      restore = stubGeolocation({ code: 1 });
      const el = await mapOf(makeFeed(spread()));
      shadow(el).querySelector<HTMLButtonElement>('[part="near-me"]')!.click();
      await waitUntil(() => shadow(el).querySelector('[role="alert"]'), 'no alert');
      expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.contain('permesso è stato negato');
      expect(el['data'].store.origin).to.be.null;
      await expect(el).to.be.accessible();
    });

    it('explains an unavailable position and a timeout, in English too', async () => {
      restore = stubGeolocation({ code: 3 });
      const el = await mapOf(makeFeed(spread()), { lang: 'en' });
      shadow(el).querySelector<HTMLButtonElement>('[part="near-me"]')!.click();
      await waitUntil(() => shadow(el).querySelector('[role="alert"]'));
      expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.contain('took too long');
    });

    it('shows the position and orders the group’s results by distance', async () => {
      restore = stubGeolocation({ lat: 45.165, lon: 9.7, accuracy: 500 });
      const el = await mapOf(makeFeed(spread()));
      await markersShown(el, 4);
      const button = shadow(el).querySelector<HTMLButtonElement>('[part="near-me"]')!;
      button.click();
      await waitUntil(() => shadow(el).querySelector('[part="origin"]'), 'the position is not on the map');
      expect(shadow(el).querySelector('[part="origin"]')!.getAttribute('aria-label')).to.equal('La tua posizione');
      expect(button.getAttribute('aria-pressed')).to.equal('true');
      expect(el['data'].store.results[0]!.id).to.equal('cibo-codogno');
      expect(leafletMap(el).getBounds().contains([45.16, 9.705])).to.be.true;
      expect(shadow(el).querySelector('[part="geo-message"]')!.textContent).to.contain('ordinati dal più vicino');
      // A popup now says how far the service is.
      serviceMarkers(el).find((b) => b.getAttribute('aria-label')!.startsWith('Emporio'))!.click();
      expect((await popupShown(el)).querySelector('[part="distance"]')!.textContent).to.match(/^a \d+ m$/);
      // Pressing again forgets the position.
      button.click();
      await waitUntil(() => !shadow(el).querySelector('[part="origin"]'));
      expect(el['data'].store.origin).to.be.null;
    });

    it('keeps the focused button in view while the group reorders, and the cards say how far', async () => {
      restore = stubGeolocation({ lat: 45.165, lon: 9.7, accuracy: 500 });
      // A long list above the map: ordering by distance changes what is above the button.
      const many = Array.from({ length: 30 }, (_, i) =>
        service(`s${i}`, {
          name: `Servizio ${String(i).padStart(2, '0')}`,
          description: i % 3 ? 'Breve.' : 'Una descrizione lunga. '.repeat(30),
          locations: [{ comune: i < 15 ? 'Lodi' : 'Codogno', lat: (i < 15 ? 45.31 : 45.16) + i * 0.001, lon: 9.5 + i * 0.005 }],
        }),
      );
      const group = uniqueGroup();
      const src = feedBlobUrl(makeFeed(many));
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <welfare-list src=${src} group=${group} page-size="30"></welfare-list>
        <welfare-map src=${src} group=${group} tiles="none" style="--welfare-map-height: 300px"></welfare-map>
        <div style="height: 1500px"></div>
      </div>`);
      const el = wrapper.querySelector<WelfareMap>('welfare-map')!;
      const list = wrapper.querySelector<WelfareList>('welfare-list')!;
      await settled(el);
      await settled(list);
      const button = shadow(el).querySelector<HTMLButtonElement>('[part="near-me"]')!;
      button.scrollIntoView({ block: 'center' });
      await mapReady(el);
      await markersShown(el);
      const before = button.getBoundingClientRect().top;
      button.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el['data'].store.origin, 'no position');
      await waitUntil(() => list.shadowRoot!.querySelector('[part="distance"]'), 'the cards do not say how far');
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      expect(shadow(el).activeElement, 'the button lost the focus').to.equal(button);
      const after = button.getBoundingClientRect();
      expect(after.top).to.be.within(0, innerHeight - after.height);
      expect(Math.abs(after.top - before)).to.be.below(60);
      // Every card with a place says how far it is, nearest first.
      const cards = [...list.shadowRoot!.querySelectorAll('li[data-id]')];
      const distances = cards.map((li) => li.querySelector('[part="distance"]')?.textContent ?? '');
      expect(distances.every((d) => /^a \d/.test(d)), distances.join(' | ')).to.be.true;
      expect(cards[0]!.querySelector('[part="name"]')!.textContent).to.equal('Servizio 29');
      expect(distances[0]).to.match(/^a \d,\d km$/);
      // One announcement of the new order: the map's message; the list's count did not change.
      expect(shadow(el).querySelector('[part="geo-message"]')!.textContent).to.contain('ordinati dal più vicino');
      el.setAttribute('lang', 'en');
      list.setAttribute('lang', 'en');
      await waitUntil(() => /^[\d.]+ (k)?m away$/.test(list.shadowRoot!.querySelector('[part="distance"]')!.textContent!));
      window.scrollTo(0, 0);
    });

    for (const lang of ['it', 'en'] as const) {
      for (const failure of LOCATE_FAILURES) {
        it(`${failure.kind}: an alert says what to do (${lang})`, async () => {
          const undo = failure.stub();
          restore = undo;
          const el = await mapOf(makeFeed(spread()), { lang });
          const button = shadow(el).querySelector<HTMLButtonElement>('[part="near-me"]')!;
          button.focus();
          await sendKeys({ press: 'Enter' });
          await waitUntil(() => shadow(el).querySelector('[role="alert"]'), 'no alert');
          const alert = shadow(el).querySelector('[part="geo-message"]')!;
          expect(alert.getAttribute('role')).to.equal('alert');
          expect(alert.textContent).to.match(failure[lang]);
          expect(button.getAttribute('aria-disabled')).to.equal('false');
          expect(shadow(el).activeElement).to.equal(button);
          expect(el['data'].store.origin).to.be.null;
          await expect(el).to.be.accessible();
        });
      }
    }

    it('takes the alert away at the next try, and says when the position is found', async () => {
      const geo = answerLater('later');
      restore = geo.restore;
      const el = await mapOf(makeFeed(spread()));
      const button = shadow(el).querySelector<HTMLButtonElement>('[part="near-me"]')!;
      const message = () => shadow(el).querySelector('[part="geo-message"]')!;
      button.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(message().textContent).to.equal('Ricerca della posizione in corso…');
      geo.answer({ code: 2 });
      await waitUntil(() => message().getAttribute('role') === 'alert', 'no alert');
      await sendKeys({ press: ' ' }); // the space bar ('Space' is no key name in Firefox's WebDriver BiDi)
      await el.updateComplete;
      expect(shadow(el).querySelector('[role="alert"]'), 'the failure stayed').to.equal(null);
      expect(message().textContent).to.equal('Ricerca della posizione in corso…');
      geo.answer({ lat: 45.165, lon: 9.7, accuracy: 500 });
      await waitUntil(() => el['data'].store.origin, 'no position');
      await el.updateComplete;
      expect(message().getAttribute('role')).to.equal('status');
      expect(message().textContent).to.equal('Posizione trovata: i servizi sono ordinati dal più vicino.');
      expect(geo.calls()).to.equal(2);
    });

    it('can be hidden', async () => {
      const src = feedBlobUrl(makeFeed(spread()));
      const el = await fixture<WelfareMap>(html`<welfare-map src=${src} tiles="none" near-me="false"></welfare-map>`);
      await settled(el);
      expect(shadow(el).querySelector('[part="near-me"]')).to.be.null;
    });
  });

  describe('access points', () => {
    const aps = [
      { id: 'ap-lodi', name: 'Punto di accesso di Lodi', address: 'Piazza Broletto 1', comune: 'Lodi', lat: 45.314, lon: 9.503 },
      { id: 'ap-codogno', name: 'Punto di accesso di Codogno', comune: 'Codogno', lat: 45.161, lon: 9.704 },
    ];

    it('share one clustered layer with the services: a cluster says it holds an access point', async () => {
      const el = await mapOf(makeFeed(spread(), { accessPoints: aps }), { accessPoints: true });
      await markersShown(el, 4);
      // Each access point is next to a service: one cluster each, never one square over a pin.
      expect(labels(clusters(el))).to.deep.equal([
        '1 servizio e 1 punto di accesso, zona Codogno',
        '1 servizio e 1 punto di accesso, zona Lodi',
      ]);
      expect(clusters(el).every((c) => c.querySelector('[part="cluster-badge"]'))).to.be.true;
      // The "i" sits outside the circle's rim, clear of the count a person reads.
      for (const cluster of clusters(el)) {
        const range = document.createRange();
        range.selectNodeContents(cluster.querySelector('span[aria-hidden="true"]:not([part])')!);
        const count = range.getBoundingClientRect();
        const badge = cluster.querySelector('[part="cluster-badge"]')!.getBoundingClientRect();
        const overlaps = badge.left < count.right && badge.bottom > count.top && badge.right > count.left && badge.top < count.bottom;
        expect(overlaps, `badge ${JSON.stringify(badge)} over the count ${JSON.stringify(count)}`).to.be.false;
      }
      expect(hitTest(el).covered).to.deep.equal([]);
      // Closer in, the access point is a marker of its own, and chosen like one.
      leafletMap(el).setView([45.314, 9.5025], 17, { animate: false });
      await waitUntil(() => shadow(el).querySelector('button[part~="access-point"]'), 'the access point did not come out of its cluster');
      await markersSettled(el);
      const point = shadow(el).querySelector<HTMLButtonElement>('button[part~="access-point"]')!;
      expect(point.getAttribute('aria-label')).to.equal('Punto di accesso: Punto di accesso di Lodi, Piazza Broletto 1, Lodi');
      expect(hitTest(el).covered).to.deep.equal([]);
      const event = oneEvent(el, 'welfare-select');
      point.click();
      expect((await event).detail).to.deep.equal({ id: 'ap-lodi', type: 'access-point' });
      expect((await popupShown(el)).textContent).to.contain('Punto di accesso');
    });

    it('are hidden by default, and selecting one elsewhere still pans the map to it', async () => {
      const el = await mapOf(makeFeed(spread(), { accessPoints: aps }));
      await markersShown(el, 4);
      expect(shadow(el).querySelector('button[part~="access-point"]')).to.be.null;
      el['data'].store.select('ap-codogno');
      const content = await popupShown(el);
      expect(content.textContent).to.contain('Punto di accesso di Codogno');
      expect(leafletMap(el).getCenter().distanceTo([45.161, 9.704])).to.be.below(50);
    });
  });

  describe('what a person sees', () => {
    let restore: (() => void) | undefined;
    afterEach(() => restore?.());

    async function exampleMap(lang = 'it') {
      const el = await fixture<WelfareMap>(
        html`<welfare-map
          src="/examples/data/servizi.json"
          group=${uniqueGroup()}
          tiles="none"
          access-points
          lang=${lang}
          style="--welfare-map-height: 480px; width: 720px"
        ></welfare-map>`,
      );
      await settled(el);
      await mapReady(el);
      await markersShown(el);
      await markersSettled(el);
      return el;
    }

    it('keeps every marker, cluster and the position visible and clickable, at every zoom', async () => {
      restore = stubGeolocation({ lat: 45.3097, lon: 9.5037, accuracy: 800 });
      const el = await exampleMap();
      const map = leafletMap(el);
      const problems: string[] = [];
      let checked = 0;
      const look = (when: string) => {
        const { checked: names, covered } = hitTest(el);
        checked += names.length;
        problems.push(...covered.map((c) => `${when}: ${c}`));
      };
      look('fitted');
      const center = map.getCenter();
      const fitted = map.getZoom();
      for (const zoom of [fitted + 1, fitted + 2, fitted + 3, 14, 16]) {
        map.setView(center, zoom, { animate: false });
        await markersSettled(el);
        look(`zoom ${zoom}`);
      }
      // The person's position, and the view it brings.
      shadow(el).querySelector<HTMLButtonElement>('[part="near-me"]')!.click();
      await waitUntil(() => shadow(el).querySelector('[part="origin"]'), 'the position is not on the map');
      await markersSettled(el);
      look('near me');
      expect(hitTest(el).checked).to.include('La tua posizione');
      for (const zoom of [12, 13, 14, 15, 16]) {
        map.setView([45.3097, 9.5037], zoom, { animate: false });
        await markersSettled(el);
        look(`near me, zoom ${zoom}`);
      }
      expect(checked).to.be.above(40);
      expect(problems).to.deep.equal([]);
    });

    it('has a legend for shapes and colours, in Italian and English, accessible', async () => {
      restore = stubGeolocation({ lat: 45.3097, lon: 9.5037, accuracy: 800 });
      const el = await exampleMap();
      const legend = () => shadow(el).querySelector('[part="legend"]')!;
      const items = () => [...legend().querySelectorAll('ul')].map((ul) => [ul.getAttribute('aria-label'), [...ul.querySelectorAll('li')].map((li) => li.lastElementChild!.textContent!.trim())]);
      const [shapes, colours] = items();
      expect(shapes).to.deep.equal([
        'Legenda della mappa',
        [
          'Servizio',
          'Gruppo di servizi vicini',
          'Punto di accesso',
          'Gruppo con un punto di accesso',
        ],
      ]);
      expect(colours![0]).to.equal('Colori delle categorie');
      expect(colours![1]).to.include('Casa');
      // Each category's pin has its own colour, the one its services have on the map.
      const fill = (name: string) => {
        const all = [...legend().querySelectorAll('.legend-categories li')];
        const li = all.find((l) => l.textContent!.trim() === name);
        expect(li, all.map((l) => l.textContent!.trim()).join(' | ')).to.exist;
        return getComputedStyle(li!.querySelector('.pin')!).fill;
      };
      expect(fill('Casa')).to.equal('rgb(0, 102, 204)');
      expect(fill('Cibo e beni essenziali')).to.equal('rgb(30, 123, 52)');
      await expect(el).to.be.accessible();
      shadow(el).querySelector<HTMLButtonElement>('[part="near-me"]')!.click();
      await waitUntil(() => items()[0]![1]!.includes('La tua posizione'), 'the legend does not show the position');
      el.setAttribute('lang', 'en');
      await waitUntil(() => items()[0]![0] === 'Map legend', 'the legend stayed in Italian');
      expect(items()[0]![1]).to.include('Access point');
      await expect(el).to.be.accessible();
    });
  });

  describe('tiles and requests', () => {
    it('uses a tile template and a text credit from attributes, on loopback only', async () => {
      const src = feedBlobUrl(makeFeed(spread()));
      const el = await fixture<WelfareMap>(html`<welfare-map
        src=${src}
        group=${uniqueGroup()}
        tiles="/__status/204/tiles/{z}/{x}/{y}.png"
        attribution='&copy; <a href="https://example.org/credits" onclick="window.__pwned=1">Mappe di prova</a> <img src=x onerror="window.__pwned=1">'
      ></welfare-map>`);
      await settled(el);
      await mapReady(el);
      await waitUntil(() => shadow(el).querySelector('img.leaflet-tile'), 'no tile requested');
      expect(shadow(el).querySelector<HTMLImageElement>('img.leaflet-tile')!.src).to.match(/\/__status\/204\/tiles\/\d+\/\d+\/\d+\.png$/);
      const credit = shadow(el).querySelector('[part="attribution"]')!;
      expect(credit.textContent).to.contain('© Mappe di prova');
      const link = [...credit.querySelectorAll('a')].find((a) => a.textContent === '© Mappe di prova')!;
      expect(link.getAttribute('href')).to.equal('https://example.org/credits');
      expect(link.hasAttribute('onclick')).to.be.false;
      expect(credit.querySelector('img')).to.be.null;
      expect(outsideRequests()).to.deep.equal([]);
    });

    it('credits OpenStreetMap for its tiles by default, and refuses templates that are not URLs', () => {
      expect(resolveTiles(undefined)).to.deep.equal({ url: OSM_TILES, attribution: OSM_ATTRIBUTION });
      expect(OSM_TILES).to.equal('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
      expect(resolveTiles('none')).to.deep.equal({ url: null, attribution: null });
      expect(resolveTiles('javascript:alert(1)//{z}').url).to.be.null;
      expect(resolveTiles('https://tiles.example.org/{z}/{x}/{y}.png').attribution).to.be.null;
      expect(resolveTiles('/tiles/{z}/{x}/{y}.png', '© Comune', 'ftp://x').attribution).to.deep.equal({ text: '© Comune' });
      expect(document.createElement('welfare-map').tiles).to.equal(OSM_TILES);
    });

    it('reads a credit pasted as HTML as text and its first web link, without parsing HTML', () => {
      const credit = (html: string) => resolveTiles('/tiles/{z}/{x}/{y}.png', html).attribution;
      expect(credit("Dati &#169; <b>Comune</b> &amp; soci, <a title='x' href='https://example.org/c?a=1&amp;b=2'>licenza</a>")).to.deep.equal({
        text: 'Dati © Comune & soci, licenza',
        href: 'https://example.org/c?a=1&b=2',
      });
      expect(credit('<a href="javascript:alert(1)">Mappe</a> a < b<br>c')).to.deep.equal({ text: 'Mappe a < b c' });
      expect(credit('Mappe<script>alert(1)</script> <img src=x onerror=alert(1)')).to.deep.equal({ text: 'Mappe' });
      expect(credit('<i></i>')).to.be.null;
    });

    it('draws no tiles with tiles="none" and fetches Leaflet only when the map nears the viewport', async () => {
      const src = feedBlobUrl(makeFeed(spread()));
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <div style="height: 5000px"></div>
        <welfare-map src=${src} group=${uniqueGroup()} tiles="none"></welfare-map>
      </div>`);
      const el = wrapper.querySelector<WelfareMap>('welfare-map')!;
      await settled(el);
      await new Promise((r) => setTimeout(r, 300));
      const controller = (el as unknown as { leaflet: { status: string } }).leaflet;
      expect(controller.status, 'loaded while far below the viewport').to.equal('idle');
      el.scrollIntoView();
      await mapReady(el);
      await markersShown(el, 4);
      expect(shadow(el).querySelector('img.leaflet-tile')).to.be.null;
      expect(shadow(el).querySelector('[part="attribution"]')!.textContent).to.equal('Leaflet');
      expect(outsideRequests()).to.deep.equal([]);
      window.scrollTo(0, 0);
    });
  });

  describe('life cycle', () => {
    it('removes the map when disconnected and builds it again when connected', async () => {
      const el = await mapOf(makeFeed(spread()));
      await markersShown(el, 4);
      const parent = el.parentElement!;
      el.remove();
      expect(shadow(el).querySelector('.leaflet-pane')).to.be.null;
      parent.append(el);
      await mapReady(el);
      await markersShown(el, 4);
    });

    it('removeMap takes a Leaflet map away in the middle of a zoom with no error afterwards', async () => {
      // A host page (a CMS tab, a framework's re-render, the hub's form) takes a map away
      // mid-zoom: Leaflet's 250 ms end-of-zoom timer must not throw into the page.
      const { map: createMap } = await import('leaflet/dist/leaflet-src.esm.js');
      const zoomThenRemove = async (remove: (m: import('leaflet').Map) => void) => {
        const box = document.createElement('div');
        box.style.cssText = 'width: 300px; height: 200px';
        document.body.append(box);
        const m = createMap(box, { zoomAnimation: true }).setView([45.31, 9.5], 10);
        const errors: string[] = [];
        const onError = (e: ErrorEvent) => {
          errors.push(e.message);
          e.preventDefault(); // counted here, not as the runner's uncaught error
        };
        window.addEventListener('error', onError);
        try {
          m.setZoom(11, { animate: true });
          // Leaflet starts the animation on the next frame.
          await new Promise((ok) => requestAnimationFrame(() => ok(undefined)));
          expect((m as unknown as { _animatingZoom: boolean })._animatingZoom, 'a zoom animation is running').to.equal(true);
          remove(m);
          box.remove();
          await new Promise((ok) => setTimeout(ok, 400));
        } finally {
          window.removeEventListener('error', onError);
        }
        return errors;
      };
      // (Leaflet's own remove() here throws "_leaflet_pos of undefined" 250 ms later: the
      // runner counts that as an uncaught error, so it is not tried in this test.)
      expect(await zoomThenRemove(removeMap)).to.deep.equal([]);
    });

    it('follows its size (ResizeObserver → invalidateSize) from --welfare-map-height', async () => {
      const el = await mapOf(makeFeed(spread()));
      const map = leafletMap(el);
      expect(map.getSize().y).to.be.within(395, 401);
      el.style.setProperty('--welfare-map-height', '250px');
      await waitUntil(() => map.getSize().y < 260, 'the map did not follow the new height', { timeout: 3000 });
      expect(getComputedStyle(el).isolation).to.equal('isolate');
    });

    it('survives a second copy of the bundle defining the same tag', async () => {
      const { WelfareMap } = await import('@welfare-elements/map');
      expect(() => WelfareMap.define('welfare-map')).to.not.throw();
    });
  });
});
