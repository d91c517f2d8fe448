/**
 * Gives the service's full view its small map (issue 18) from this package's lazy engine
 * chunk: the same Leaflet the page's `<welfare-map>` loads, fetched only when a view with
 * a located place opens. Only these lines are on the first load; the rest is a chunk the
 * engine fetches then (place-map-view.ts).
 */
import { type PlaceMapProvider, providePlaceMap } from '@welfare-elements/core';
import { loadEngine } from './leaflet-controller.js';

/** Draws a service's places with the engine (what the view's small map asks for). */
export const drawPlaceMap: PlaceMapProvider = async (container, request) => (await (await loadEngine()).loadPlaceMap()).createPlaceMap(container, request);

export function registerServiceMap(): void {
  providePlaceMap(drawPlaceMap);
}
