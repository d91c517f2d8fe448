/**
 * The small map in a service's full view (issue 18), drawn by the engine chunk the page
 * already loads for `<welfare-map>`: the service's places as pins, fitted, nothing else.
 * The pins are pictures, not controls (the addresses and their directions links are
 * written above the map); the map itself takes focus once (Tab), moves with the arrow
 * keys and zooms with + and −, and Tab leaves it: no focus trap.
 */
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import type { GroupStore, PlaceMap, PlaceMapRequest } from '@welfare-elements/core';
import { engineStrings } from './engine.strings.js';
import { engineStyles } from './engine.styles.js';
import { leafletStyles } from './generated/leaflet.css.js';
import { adopt } from './leaflet-controller.js';
import type { TileOptions } from './map-types.js';
import type { WelfareMap } from './map.component.js';
import { PIN } from './markers.js';
import { resolveTiles } from './tiles.js';

/**
 * The group's tile setting: its `<welfare-map>`'s `tiles` and credit; a group without a
 * map may give them on any of its elements (`<welfare-list tiles="none">`); else the
 * map's default, OpenStreetMap.
 */
export function groupTiles(store: GroupStore): TileOptions {
  const members = [...store.members].filter((m) => m.isConnected);
  const map = members.find((m): m is WelfareMap => m.localName === 'welfare-map');
  if (map) return resolveTiles(map.tiles, map.attribution, map.attributionUrl);
  const other = members.find((m) => m.hasAttribute('tiles'));
  const attr = (name: string) => other?.getAttribute(name) ?? undefined;
  return resolveTiles(attr('tiles'), attr('attribution'), attr('attribution-url'));
}

const SVG = 'http://www.w3.org/2000/svg';

/** The pin of the big map, as a picture (no button: there is nothing to choose). */
function pin(): HTMLElement {
  const span = document.createElement('span');
  span.className = 'marker';
  const icon = document.createElementNS(SVG, 'svg');
  icon.setAttribute('viewBox', '0 0 28 40');
  icon.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('class', 'pin');
  path.setAttribute('d', 'M14 1.5C7.1 1.5 1.5 7.1 1.5 14c0 9.6 12.5 24 12.5 24s12.5-14.4 12.5-24C26.5 7.1 20.9 1.5 14 1.5z');
  const dot = document.createElementNS(SVG, 'circle');
  dot.setAttribute('class', 'dot');
  dot.setAttribute('cx', '14');
  dot.setAttribute('cy', '14');
  dot.setAttribute('r', '5');
  icon.append(path, dot);
  span.append(icon);
  return span;
}

/** The credit line as DOM (the page author's text, never markup). */
function credit(tiles: TileOptions): L.Control {
  const node = document.createElement('div');
  node.className = 'leaflet-control-attribution leaflet-control';
  node.setAttribute('part', 'attribution');
  const link = (text: string, href: string) => {
    const a = document.createElement('a');
    a.href = href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.textContent = text;
    return a;
  };
  node.append(link('Leaflet', 'https://leafletjs.com'));
  if (tiles.attribution) {
    const { text, href } = tiles.attribution;
    node.append(' | ', href ? link(text, href) : text);
  }
  const c = new L.Control({ position: 'bottomright' });
  c.onAdd = () => node;
  return c;
}

export function createPlaceMap(container: HTMLElement, request: PlaceMapRequest): PlaceMap {
  const root = container.getRootNode();
  if (root instanceof ShadowRoot) adopt(root, leafletStyles, engineStyles);
  const options = {
    ...request,
    tiles: groupTiles(request.store),
    reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches,
    // A phone: one finger scrolls the dialog, not the map (two fingers zoom it).
    coarsePointer: matchMedia('(pointer: coarse)').matches,
  };
  const t = engineStrings[options.lang];
  const maxZoom = 18;
  const map = L.map(container, {
    zoomControl: false,
    attributionControl: false,
    maxZoom,
    minZoom: 5,
    // The dialog scrolls with the wheel and, on a phone, with one finger.
    scrollWheelZoom: false,
    dragging: !options.coarsePointer,
    zoomAnimation: !options.reducedMotion,
    fadeAnimation: !options.reducedMotion,
    markerZoomAnimation: !options.reducedMotion,
  });
  const zoom = L.control.zoom({ position: 'topleft' }).addTo(map);
  for (const [selector, label] of [
    ['.leaflet-control-zoom-in', t.zoomIn],
    ['.leaflet-control-zoom-out', t.zoomOut],
  ] as const) {
    const el = zoom.getContainer()?.querySelector(selector);
    el?.setAttribute('aria-label', label);
    el?.setAttribute('title', label);
  }
  container.classList.toggle('wm-no-tiles', !options.tiles.url);
  if (options.tiles.url) L.tileLayer(options.tiles.url, { maxZoom, crossOrigin: true }).addTo(map);
  credit(options.tiles).addTo(map);

  const icon = L.divIcon({ html: pin(), className: 'wm-icon', iconSize: [PIN.width, PIN.height], iconAnchor: [PIN.width / 2, PIN.height - 2] });
  const bounds = L.latLngBounds([]);
  for (const p of options.places) {
    const at = L.latLng(p.lat, p.lon);
    bounds.extend(at);
    L.marker(at, { icon, keyboard: false, interactive: false }).addTo(map);
  }
  let fitting = 0;
  let moved = false;
  map.on('movestart zoomstart', () => {
    if (!fitting) moved = true;
  });
  const fit = () => {
    fitting++;
    try {
      map.invalidateSize({ pan: false });
      if (!moved) map.fitBounds(bounds, { padding: [36, 36], maxZoom: 16, animate: false });
    } finally {
      fitting--;
    }
  };
  fit();
  // The dialog may still be settling (fonts, a phone's toolbar): the places stay in view
  // until the person moves the map.
  const ro = new ResizeObserver(fit);
  ro.observe(container);
  return {
    destroy() {
      ro.disconnect();
      map.remove();
    },
  };
}
