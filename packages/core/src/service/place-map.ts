import type { Lang } from '../i18n/lang.js';
import type { GroupStore } from '../store/group-store.js';

/**
 * The small map of a service's places in its full view (issue 18). Core has no Leaflet:
 * the map package, when the page has it, provides the map from its own lazy engine
 * chunk (the one `<welfare-map>` loads), so a page never holds two copies of Leaflet and
 * a page without the map package shows the view without a map (the addresses and the
 * directions links are the primary information in either case).
 */
export interface PlacePin {
  readonly lat: number;
  readonly lon: number;
  /** The place in words (name, address, comune): the marker's name. */
  readonly label: string;
}

export interface PlaceMapRequest {
  readonly places: readonly PlacePin[];
  readonly lang: Lang;
  /** The group whose tile setting the map follows (its `<welfare-map>`'s `tiles`). */
  readonly store: GroupStore;
}

export interface PlaceMap {
  destroy(): void;
}

/** Draws the places into `container` (an element of a shadow root); resolves once drawn. */
export type PlaceMapProvider = (container: HTMLElement, request: PlaceMapRequest) => Promise<PlaceMap>;

let provider: PlaceMapProvider | undefined;

/** Called by the map package when it is loaded; the first provider wins. */
export function providePlaceMap(p: PlaceMapProvider): void {
  provider ??= p;
}

export const placeMapProvider = (): PlaceMapProvider | undefined => provider;
