/**
 * The map engine, loaded lazily by <welfare-map> (its own chunk with Leaflet and
 * supercluster). It owns the Leaflet map: tiles, controls, the services and access
 * points layers, the popup and the person's position. Feed text reaches it only
 * through `MapHost`, which builds DOM with text bindings.
 */
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import { removeMap } from './remove-map.js';
import { ClusterLayer, type LayerActions } from './cluster-layer.js';
import { leafletMapStyles as leafletStyles } from './generated/leaflet-map.css.js';
import type { MapHost, MapView, Place, TileOptions, ViewOptions } from './map-types.js';
import { ACCESS_POINT, originMarker, PIN } from './markers.js';
import { PlaceSet } from './places.js';
import { renderLegend } from './legend.js';
import { nothing, render } from 'lit';
import { engineStrings, type EngineStrings } from './engine.strings.js';
import { popupContent, stackContent } from './popup.js';
import { addCredit, addZoomButtons, type ZoomButtons } from './controls.js';
import { accuracyCircle } from './accuracy.js';
import { PopupOverlay } from './popup-overlay.js';

export { engineStyles } from './engine.styles.js';
export { leafletStyles };
/**
 * The small map of a service's full view (issue 18), a chunk of its own: fetched when a
 * view with a located place opens, not on every page with a map (issue 14). Imported from
 * here, so that it shares this chunk's Leaflet rather than splitting it off.
 */
export const loadPlaceMap = () => import('./place-map-view.js');

/** Fitting the results never zooms closer than this (one service is shown in its street). */
const FIT_MAX_ZOOM = 15;

/** Creates the map inside `container` (an element of the shadow root). */
export function createMapView(container: HTMLElement, host: MapHost, options: ViewOptions): MapView {
  return new LeafletView(container, host, options);
}


class LeafletView implements MapView, LayerActions {
  readonly map: L.Map;
  userMoved = false;
  private programmatic = 0;
  /** Services and access points, clustered together. */
  private readonly layer: ClusterLayer;
  private services = PlaceSet.empty;
  private accessPoints: PlaceSet | null = null;
  private tiles?: L.TileLayer;
  private attribution?: HTMLElement;
  private readonly zoom: ZoomButtons;
  private readonly popup: PopupOverlay;
  /** The place (or stack) whose popup is open, and the marker to return focus to. */
  private open?: { id: string | null; place?: Place; layer?: ClusterLayer; at: L.LatLng };
  private origin?: L.LayerGroup;
  private originDot?: L.Marker;
  private originAt?: { point: { lat: number; lon: number }; accuracy?: number };
  private hasFitted = false;

  constructor(
    private readonly container: HTMLElement,
    private readonly host: MapHost,
    private readonly options: ViewOptions,
  ) {
    const map = (this.map = L.map(container, {
      zoomControl: false,
      attributionControl: false,
      maxZoom: options.maxZoom,
      minZoom: 2,
      zoomAnimation: !options.reducedMotion,
      fadeAnimation: !options.reducedMotion,
      markerZoomAnimation: !options.reducedMotion,
      inertia: !options.reducedMotion,
    }));
    this.moving(() => map.setView([options.center.lat, options.center.lon], options.zoom));
    map.on('movestart zoomstart', () => {
      if (!this.programmatic) this.userMoved = true;
    });
    this.zoom = addZoomButtons(map, this.t);
    this.setTiles(options.tiles);

    this.popup = new PopupOverlay(map, {
      maxWidth: 300,
      minWidth: 200,
      maxHeight: 360,
      padding: 16,
      className: 'wm-popup',
      animate: !options.reducedMotion,
      closed: () => {
        if (this.programmatic) return;
        const open = this.open;
        this.open = undefined;
        this.select(null);
        if (open?.id) this.host.closed(open.id);
      },
    });

    this.layer = new ClusterLayer(map, host, this, 'welfare-places', 610);
    // The person's position is drawn above the markers, and placed so it covers none.
    map.createPane('welfare-origin').style.zIndex = '640';
  }

  // ---- MapView ----

  setPlaces(services: PlaceSet | undefined, accessPoints: PlaceSet | null | undefined): void {
    if (services) this.services = services;
    if (accessPoints !== undefined) this.accessPoints = accessPoints;
    // New results are fitted (unless the person moved the map); access points alone only
    // when there is nothing else to show.
    const free = !this.userMoved || !this.hasFitted;
    const fit = free && (!!services || !this.services.size);
    const b = this.services.bounds ?? this.accessPoints?.bounds;
    const all = PlaceSet.join(this.services, this.accessPoints);
    this.layer.setPlaces(all, fit && b ? this.fitZoom(L.latLngBounds([b[0], b[1]], [b[2], b[3]])) : this.map.getZoom());
    const open = this.open;
    if (open?.place && !all.placesOf(open.place.entry.id).length) this.closePopup();
    if (fit) this.fit();
    this.layer.render();
    this.updateLegend();
  }

  reveal(id: string | null, fallback?: Place): void {
    if (!id) {
      this.select(null);
      this.closePopup();
      return;
    }
    const candidates: [Place, ClusterLayer | undefined][] = this.layer.placesOf(id).map((p) => [p, this.layer]);
    if (!candidates.length && fallback) candidates.push([fallback, undefined]);
    this.select(id);
    if (!candidates.length) return this.closePopup();
    // Of several locations, the one nearest to what the person is looking at.
    const center = this.map.getCenter();
    const [place, layer] = candidates.reduce((best, c) =>
      center.distanceTo([c[0].lat, c[0].lon]) < center.distanceTo([best[0].lat, best[0].lon]) ? c : best,
    );
    const at = L.latLng(place.lat, place.lon);
    const zoom = layer ? layer.revealZoom(place) : 15;
    const target = Math.min(this.map.getMaxZoom(), Math.max(zoom, Math.round(this.map.getZoom())));
    this.moving(() => this.map.setView(at, target, { animate: false }));
    this.openPlace(place, layer, false);
  }

  setOrigin(point: { lat: number; lon: number } | null, accuracy?: number): void {
    this.origin?.remove();
    this.origin = this.originDot = undefined;
    this.originAt = point ? { point, ...(accuracy ? { accuracy } : {}) } : undefined;
    this.updateLegend();
    if (!point) return;
    const at = L.latLng(point.lat, point.lon);
    const group = L.layerGroup();
    if (accuracy && accuracy > 30) {
      accuracyCircle(this.map, at, accuracy).addTo(group);
    }
    this.originDot = L.marker(at, {
      icon: L.divIcon({ html: originMarker(this.t.yourPosition), className: 'wm-icon', iconSize: [22, 22], iconAnchor: [11, 11] }),
      keyboard: false,
      interactive: false,
      pane: 'welfare-origin',
    }).addTo(group);
    this.origin = group.addTo(this.map);
    this.placeOrigin();
  }

  showOrigin(point: { lat: number; lon: number }, nearest: readonly Place[]): void {
    const bounds = L.latLngBounds([[point.lat, point.lon]]);
    for (const p of nearest) bounds.extend([p.lat, p.lon]);
    this.moving(() => this.map.fitBounds(bounds, { padding: [40, 40], maxZoom: FIT_MAX_ZOOM, animate: false }));
    // The person asked for this view: later filter changes keep it.
    this.userMoved = true;
    this.hasFitted = true;
  }

  setTiles(tiles: TileOptions): void {
    this.tiles?.remove();
    this.tiles = undefined;
    this.attribution?.remove();
    this.attribution = undefined;
    this.container.classList.toggle('wm-no-tiles', !tiles.url);
    if (tiles.url) {
      this.tiles = L.tileLayer(tiles.url, { maxZoom: this.options.maxZoom, crossOrigin: true }).addTo(this.map);
    }
    this.attribution = addCredit(this.map, tiles);
  }

  relabel(): void {
    this.zoom.relabel(this.t);
    this.layer.relabel();
    this.updateLegend();
    const open = this.open;
    if (open?.place) this.openPlace(open.place, open.layer, false);
    if (this.originAt) this.setOrigin(this.originAt.point, this.originAt.accuracy);
  }

  invalidateSize(): void {
    const before = this.map.getSize();
    this.moving(() => this.map.invalidateSize({ pan: false }));
    // A CMS layout that settles after the first fit (fonts, sidebars, tabs) gets it again.
    if (!this.map.getSize().equals(before) && this.hasFitted && !this.userMoved) this.fit();
  }

  destroy(): void {
    this.layer.destroy();
    if (this.options.legend) render(nothing, this.options.legend);
    removeMap(this.map);
  }

  // ---- LayerActions ----

  choose(place: Place, keyboard: boolean, layer: ClusterLayer): void {
    this.select(place.entry.id);
    this.openPlace(place, layer, keyboard);
    this.host.chose(place);
  }

  stack(places: Place[], at: L.LatLng, keyboard: boolean, layer: ClusterLayer): void {
    const content = stackContent(places, (place) => this.choose(place, true, layer), this.host.popupContext(), this.t);
    this.show(content, at, -8, keyboard, { id: null, at, layer });
  }

  zoomTo(at: L.LatLng, zoom: number): void {
    // A person opened a cluster: this is their move.
    this.userMoved = true;
    this.map.setView(at, zoom, { animate: !this.options.reducedMotion });
  }

  rendered(): void {
    this.placeOrigin();
  }

  // ---- internals ----

  /** Texts in the element's current language. */
  get t(): EngineStrings {
    return engineStrings[this.host.popupContext().lang];
  }

  /** Runs a move the person did not ask for, so that it does not count as theirs. */
  private moving(fn: () => void): void {
    this.programmatic++;
    try {
      fn();
    } finally {
      this.programmatic--;
    }
  }

  /** Shows every result (or, with none, every access point). */
  private fit(): void {
    const b = this.services.bounds ?? this.accessPoints?.bounds;
    if (!b) return;
    const bounds = L.latLngBounds([b[0], b[1]], [b[2], b[3]]);
    this.hasFitted = true;
    this.moving(() => this.map.fitBounds(bounds, { padding: [32, 32], maxZoom: FIT_MAX_ZOOM, animate: false }));
  }

  /** The zoom `fit()` will choose for `bounds` (same padding and limit). */
  private fitZoom(bounds: L.LatLngBounds): number {
    return Math.min(FIT_MAX_ZOOM, this.map.getBoundsZoom(bounds, false, L.point(64, 64)));
  }

  /** The legend under the map: shapes, and the colours of the categories shown. */
  private updateLegend(): void {
    const into = this.options.legend;
    if (!into) return;
    const state = { services: this.services, accessPoints: !!this.accessPoints?.size, origin: !!this.originAt };
    renderLegend(into, state, this.host.popupContext(), this.t);
  }

  private select(id: string | null): void {
    this.layer.select(id);
  }

  /**
   * The person's position is drawn where it covers no marker: at its place when that is
   * free, else moved a little (never beyond ~50 px, well inside the accuracy of a phone's
   * position at any zoom where markers crowd), so every marker stays visible and usable.
   */
  private placeOrigin(): void {
    const dot = this.originDot?.getElement()?.firstElementChild as HTMLElement | null | undefined;
    if (!dot || !this.originAt) return;
    dot.style.translate = '';
    const box = this.container.getBoundingClientRect();
    const home = this.map.latLngToContainerPoint([this.originAt.point.lat, this.originAt.point.lon]);
    const rects = this.layer.buttons().map((b) => b.getBoundingClientRect());
    const r = 13; // the dot's radius with its ring, and a pixel to spare
    const free = (x: number, y: number) =>
      rects.every((q) => {
        const nx = Math.max(q.left - box.left, Math.min(x, q.right - box.left));
        const ny = Math.max(q.top - box.top, Math.min(y, q.bottom - box.top));
        return (nx - x) ** 2 + (ny - y) ** 2 >= r * r;
      });
    for (const d of [0, 16, 26, 38, 52]) {
      for (let k = 0; k < (d ? 8 : 1); k++) {
        const dx = Math.round(d * Math.cos((k * Math.PI) / 4));
        const dy = Math.round(d * Math.sin((k * Math.PI) / 4));
        if (!free(home.x + dx, home.y + dy)) continue;
        if (d) dot.style.translate = `${dx}px ${dy}px`;
        return;
      }
    }
  }

  private openPlace(place: Place, layer: ClusterLayer | undefined, keyboard: boolean): void {
    const at = L.latLng(place.lat, place.lon);
    const offset = !layer ? 0 : place.entry.type === 'service' ? -PIN.height + 4 : -ACCESS_POINT.size / 2;
    this.show(popupContent(place, this.host.popupContext(), this.t), at, offset, keyboard, { id: place.entry.id, place, ...(layer ? { layer } : {}), at });
  }

  private show(content: HTMLElement, at: L.LatLng, offsetY: number, focus: boolean, open: NonNullable<LeafletView['open']>): void {
    content.tabIndex = -1;
    // Clicks inside stay inside: a button that replaces the content would otherwise reach
    // the map detached from the popup, and the map would close the popup it just opened.
    content.addEventListener('click', (e) => e.stopPropagation());
    content.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      this.popup.close();
      this.returnFocus(open);
    });
    this.moving(() => this.popup.open(at, offsetY, content));
    this.open = open;
    this.popup.label(this.t.closePopup);
    if (focus) content.focus({ preventScroll: true });
  }

  private returnFocus(open: NonNullable<LeafletView['open']>): void {
    const button = open.place && open.layer?.buttonOf(open.place);
    (button ?? this.container).focus({ preventScroll: true });
  }

  private closePopup(): void {
    this.open = undefined;
    this.moving(() => this.popup.close());
  }



}
