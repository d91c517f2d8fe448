/**
 * Gives the service's full view its small map (issue 18) from this package's lazy engine
 * chunk: the same Leaflet the page's `<welfare-map>` loads, fetched only when a view with
 * a located place opens. Here only the few lines that register it (first load).
 */
import { type GroupStore, providePlaceMap } from '@welfare-elements/core';
import { adopt, loadEngine } from './leaflet-controller.js';
import { WelfareMap } from './map.component.js';
import type { TileOptions } from './map-types.js';
import { resolveTiles } from './tiles.js';

/**
 * The group's tile setting: its `<welfare-map>`'s `tiles` and credit; a group without a
 * map may give them on any of its elements (`<welfare-list tiles="none">`); else the
 * map's default, OpenStreetMap.
 */
export function groupTiles(store: GroupStore): TileOptions {
  const members = [...store.members].filter((m) => m.isConnected);
  const map = members.find((m): m is WelfareMap => m instanceof WelfareMap);
  if (map) return resolveTiles(map.tiles, map.attribution, map.attributionUrl);
  const other = members.find((m) => m.hasAttribute('tiles'));
  return resolveTiles(other?.getAttribute('tiles') ?? undefined, other?.getAttribute('attribution') ?? undefined, other?.getAttribute('attribution-url') ?? undefined);
}

export function registerServiceMap(): void {
  providePlaceMap(async (container, request) => {
    const engine = await loadEngine();
    const root = container.getRootNode();
    if (root instanceof ShadowRoot) adopt(root, engine.leafletStyles, engine.engineStyles);
    return engine.createPlaceMap(container, {
      places: request.places,
      tiles: groupTiles(request.store),
      lang: request.lang,
      reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches,
      coarsePointer: matchMedia('(pointer: coarse)').matches,
    });
  });
}
