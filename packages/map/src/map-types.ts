/**
 * What the element (no Leaflet) and the lazily loaded map engine (Leaflet) say to each
 * other. Type-only: importing this file pulls no code into either side.
 */
import type { AccessPoint, GeoPoint, Service } from '@welfare-elements/core';
import type { PlaceSet } from './places.js';
import type { PopupContext } from './popup.js';

/** One marker's worth: a service location or an access point with a position. */
export interface Place {
  readonly entry: Service | AccessPoint;
  /** Index of the location in `entry.locations` (0 for access points). */
  readonly location: number;
  readonly lat: number;
  readonly lon: number;
}

export type PlaceKind = 'service' | 'access-point';

/** Background tiles and their credit; `url: null` is a plain background. */
export interface TileOptions {
  readonly url: string | null;
  readonly attribution: { readonly text: string; readonly href?: string } | null;
}

/** The element side, called by the engine: texts, colours, and what a person chose. */
export interface MapHost {
  /** Language, strings, store and options the popups are built with (popup.ts). */
  popupContext(): PopupContext;
  /** A person chose a marker (pointer or keyboard). */
  chose(place: Place): void;
  /** A person closed the popup of `id`. */
  closed(id: string): void;
  /** Markers are on screen for the first time. */
  firstMarkers(): void;
}

export interface ViewOptions {
  readonly center: GeoPoint;
  readonly zoom: number;
  readonly maxZoom: number;
  readonly tiles: TileOptions;
  readonly reducedMotion: boolean;
  /** An empty element under the map for the legend (the engine fills it). */
  readonly legend?: HTMLElement;
}

/** The map as the element drives it. */
export interface MapView {
  /**
   * The services' places and the access points' (null: not shown), drawn as one clustered
   * layer; `undefined` keeps what the view has. New services are fitted, unless the
   * person has moved the map.
   */
  setPlaces(services: PlaceSet | undefined, accessPoints: PlaceSet | null | undefined): void;
  /**
   * Highlights and shows `id` (zooming enough to see it) and opens its popup; null closes
   * it. `fallback` is where to go when no layer holds `id` (an access point, layer hidden).
   */
  reveal(id: string | null, fallback?: Place): void;
  setOrigin(point: GeoPoint | null, accuracy?: number): void;
  /** Fits the person's position and the nearest places. */
  showOrigin(point: GeoPoint, nearest: readonly Place[]): void;
  setTiles(tiles: TileOptions): void;
  /** Language changed: relabels controls and markers. */
  relabel(): void;
  invalidateSize(): void;
  /** True once the person has moved or zoomed the map. */
  readonly userMoved: boolean;
  destroy(): void;
}
