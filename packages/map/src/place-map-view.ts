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
import { leafletMapStyles as leafletStyles } from './generated/leaflet-map.css.js';
import { adopt } from './leaflet-controller.js';
import type { TileOptions } from './map-types.js';
import type { WelfareMap } from './map.component.js';
import { addCredit, addZoomButtons } from './controls.js';
import { PIN, pinIcon } from './markers.js';
import { removeMap } from './remove-map.js';
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
  addZoomButtons(map, engineStrings[options.lang]);
  container.classList.toggle('wm-no-tiles', !options.tiles.url);
  if (options.tiles.url) L.tileLayer(options.tiles.url, { maxZoom, crossOrigin: true }).addTo(map);
  addCredit(map, options.tiles);

  const pin = document.createElement('span');
  pin.className = 'marker';
  pin.append(pinIcon());
  const icon = L.divIcon({ html: pin, className: 'wm-icon', iconSize: [PIN.width, PIN.height], iconAnchor: [PIN.width / 2, PIN.height - 2] });
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
      removeMap(map);
    },
  };
}
