import {
  distanceKm,
  type GeoPoint,
  hostStyles,
  hoursStyles,
  type Service,
  WelfareElement,
} from '@welfare-elements/core';
import { LocateController, locateStyles } from '@welfare-elements/core/geo/locate.js';
import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { LeafletController } from './leaflet-controller.js';
import type { MapHost, MapView, Place, TileOptions, ViewOptions } from './map-types.js';
import { PlaceSet } from './places.js';
import { mapStyles } from './map.styles.js';
import { mapStrings } from './map.strings.js';
import type { PopupContext } from './popup.js';
import { OSM_TILES, resolveTiles } from './tiles.js';

/** Lodi, the centre of the district, for a map with nothing on it yet. */
const LODI: GeoPoint = { lat: 45.31, lon: 9.5 };

/** `near-me="false"` (or off, no, 0) hides the button; absent or anything else shows it. */
const onOff = {
  fromAttribute: (value: string | null) => value === null || !/^(false|off|no|0)$/i.test(value.trim()),
  toAttribute: (value: boolean) => (value ? null : 'false'),
};

/**
 * The services that match the group's filters on a Leaflet map, clustered, with the
 * access points as an optional layer and a "Vicino a me / Near me" button. The list is
 * its accessible twin: the same services, the same selection.
 *
 * Leaflet is loaded lazily (its own chunk) when the element nears the viewport; its CSS
 * is adopted inside the shadow root. Only the clusters and markers of the current view
 * are in the DOM, so a feed of 50,000 services stays fast.
 *
 * @summary The services on a map, clustered, usable with keyboard and screen reader.
 *
 * @fires welfare-load - `{ services, accessPoints, skipped }` once the feed is read.
 * @fires welfare-error - `{ message, code }` when the feed cannot be fetched or read.
 * @fires welfare-filter - `{ query, categories, results }` when the group's filters change.
 * @fires welfare-select - `{ id, type }` when a person chooses a marker (`type`: `service` or `access-point`).
 *
 * @csspart base - The wrapper of toolbar and map.
 * @csspart toolbar - The bar above the map: count and "Near me".
 * @csspart count - The number of services on the map (role="status").
 * @csspart near-me - The "Vicino a me / Near me" button.
 * @csspart geo-message - What happened to the position request (errors have role="alert").
 * @csspart skip - The "skip the map" button, visible on keyboard focus.
 * @csspart map - The map container (role="region").
 * @csspart hint - Keyboard instructions, shown while the map has keyboard focus.
 * @csspart marker - A service marker (a button); also `access-point` for access points.
 * @csspart cluster - A cluster (a button with the count of its services); named by place.
 * @csspart cluster-badge - The "i" on a cluster that also holds an access point.
 * @csspart access-point-cluster - A cluster of access points only.
 * @csspart origin - The person's position.
 * @csspart legend - The legend under the map: shapes, and the colours of the categories shown.
 * @csspart popup - The content of the information popup.
 * @csspart popup-name - The name in the popup.
 * @csspart organization - The organisation in the popup.
 * @csspart address - The address in the popup.
 * @csspart distance - The distance from the person's position, in the popup.
 * @csspart hours - The opening hours in the popup.
 * @csspart hours-note - What the hours cannot say, in words (the feed's `hoursNote`), in the popup.
 * @csspart closure - The badge of a closure notice in force, in the popup ("Orari ridotti fino al 6 gennaio").
 * @csspart contacts - Phone, email and website in the popup.
 * @csspart link - Every link in the popup (also `directions` for the directions link, `open` for "Scheda completa", which opens the service's full view).
 * @csspart save - The "Nella mia selezione" checkbox in a service's popup, when an element of the group has `selection`.
 * @csspart stack - The list of services sharing one address.
 * @csspart stack-item - One service in that list (a button).
 * @csspart attribution - The map credits.
 * @csspart state - Loading and no-source messages.
 * @csspart error - The error message (role="alert") with "Riprova", in the first element of the group.
 * @csspart unavailable - "The services are not available", in the other elements of a group whose feed failed.
 *
 * @cssprop [--welfare-map-height=28rem] - Height of the map.
 * @cssprop [--welfare-map-background=#e9eef2] - Background under the tiles (the whole map with `tiles="none"`).
 * @cssprop [--welfare-map-border=1px solid var(--welfare-color-border, #c5c7c9)] - Border of the map.
 * @cssprop [--welfare-map-cluster-color=var(--welfare-color-primary, #0066cc)] - Fill of service clusters.
 * @cssprop [--welfare-map-access-point-color=#1e5b3c] - Fill of access point markers and clusters.
 * @cssprop [--welfare-map-selected-color=var(--welfare-color-text, #1a1a1a)] - Outline of the selected marker.
 * @cssprop [--welfare-map-origin-color=#d1008f] - The person's position.
 * @cssprop [--welfare-map-legend-font-size=0.875rem] - Text size of the legend.
 */
export class WelfareMap extends WelfareElement {
  static override styles = [hostStyles, hoursStyles, mapStyles, locateStyles];

  /** Tile URL template ({z}, {x}, {y}, {s}); `none` for a plain background. Default: OpenStreetMap. */
  @property() tiles: string = OSM_TILES;
  /** Credit for the tiles, as text (HTML is reduced to its text and first link). Default: OpenStreetMap's with OSM tiles. */
  @property() attribution?: string;
  /** Link for the credit (http/https). */
  @property({ attribute: 'attribution-url' }) attributionUrl?: string;
  /** Directions URL template with {lat} and {lon}. Default: OpenStreetMap directions. */
  @property() directions?: string;
  /** Show the access points as a layer of their own. */
  @property({ type: Boolean, attribute: 'access-points' }) accessPoints = false;
  /** The "Vicino a me / Near me" button; `near-me="false"` hides it. */
  @property({ attribute: 'near-me', converter: onOff }) nearMe = true;
  /** Centre before anything is shown, "lat,lon". Default: Lodi (45.31,9.50). */
  @property() center?: string;
  /** Zoom before anything is shown. */
  @property({ type: Number }) zoom = 10;
  /** Largest zoom (tiles must exist up to it). */
  @property({ type: Number, attribute: 'max-zoom' }) maxZoom = 18;
  /** Accessible name of the map; default "Mappa dei servizi" / "Map of services". */
  @property() label?: string;
  /** Heading level of the name in popups (2-6). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;
  /** Offers "La mia selezione" in the popups: a checkbox that adds the service (see `<welfare-list selection>`). */
  @property({ type: Boolean, reflect: true }) selection = false;

  /** "Vicino a me": a found position goes to the group, and the map shows it. */
  private readonly geo = new LocateController(this, (position) => {
    const point = { lat: position.coords.latitude, lon: position.coords.longitude };
    this.accuracy = position.coords.accuracy;
    this.fitOrigin = point;
    const button = this.renderRoot.querySelector<HTMLElement>('[part~="near-me"]');
    const top = button?.getBoundingClientRect().top;
    this.data.store.setOrigin(point, this);
    if (button && top !== undefined) void this.keepInView(button, top);
  });

  private readonly leaflet = new LeafletController(this, {
    container: () => this.renderRoot.querySelector<HTMLDivElement>('div.map') ?? undefined,
    create: (engine, container) => {
      const view = engine.createMapView(container, this.mapHost(), this.viewOptions());
      this.pushed = { view, tiles: JSON.stringify(this.tileOptions()) };
      return view;
    },
  });

  /** What the view was last told, to send only changes. */
  private pushed: {
    view?: MapView;
    results?: readonly Service[];
    accessPoints?: string;
    selected?: string | null;
    origin?: GeoPoint | null;
    lang?: string;
    tiles?: string;
  } = {};
  private accuracy?: number;
  private fitOrigin?: GeoPoint;
  private placed?: { results: readonly Service[]; places: PlaceSet };
  private marked = false;
  private timed = false;

  private get t() {
    return mapStrings[this.i18n.lang];
  }

  override render() {
    const label = this.label || this.t.label;
    return html`<div class="frame" part="base">
      <div class="bar" part="toolbar">
        <div class="status">${this.renderState(() => this.renderCount())}</div>
        ${this.nearMe ? this.renderNearMe() : nothing}
      </div>
      ${this.renderGeo()}
      ${this.leaflet.status === 'error'
        ? html`<div class="error" part="error" role="alert">
            <p>${this.t.unavailable}</p>
            <button type="button" part="button retry" @click=${() => this.leaflet.load()}>${this.strings.retry}</button>
          </div>`
        : nothing}
      <button type="button" class="skip" part="skip" @click=${this.skip}>${this.t.skip}</button>
      <div class="map-wrap">
        <div class="map" part="map" role="region" aria-label=${label} aria-describedby="hint"></div>
        <p class="hint" part="hint" id="hint">${this.t.instructions}</p>
      </div>
      <div class="legend" part="legend"></div>
      <span class="after" tabindex="-1"></span>
    </div>`;
  }

  private renderCount() {
    const store = this.data.store;
    if (store.searching) return html`<p class="count" part="count" role="status" aria-live="polite">${this.strings.searching}</p>`;
    const results = store.matching;
    const mapped = this.placesOf(results).located;
    const missing = results.length - mapped;
    return html`<p class="count" part="count" role="status" aria-live="polite">
      ${this.t.onMap(mapped)}${missing > 0 ? html` <span class="missing">(${this.t.withoutPosition(missing)})</span>` : nothing}
      ${results.length === 0 ? html`<span class="empty">${this.t.empty}</span>` : nothing}
    </p>`;
  }

  private renderNearMe() {
    const on = !!this.data.store.origin;
    const busy = this.geo.busy;
    return html`<button
      type="button"
      class="button near-me"
      part="near-me"
      aria-pressed=${on ? 'true' : 'false'}
      aria-disabled=${busy ? 'true' : 'false'}
      @click=${this.locate}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="4" fill="currentColor"></circle>
        <path d="M12 2v3M12 19v3M2 12h3M19 12h3" stroke="currentColor" stroke-width="2" fill="none"></path>
        <circle cx="12" cy="12" r="7.5" stroke="currentColor" stroke-width="2" fill="none"></circle>
      </svg>
      ${this.t.nearMe}
    </button>`;
  }

  private renderGeo() {
    const text = this.geo.message(this.i18n.lang, !!this.data.store.origin, this.t);
    if (this.geo.status === 'failed') return html`<p class="geo locate-problem" part="geo-message" role="alert">${text}</p>`;
    return html`<p class="geo ${text ? '' : 'visually-hidden'}" part="geo-message" role="status">${text}</p>`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // User Timing for developers and bench/map.mjs: the group's results reach the map...
    if (!this.timed && this.data.store.status === 'ready') {
      this.timed = true;
      performance.mark?.('welfare-map:results');
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.sync();
  }

  /** Sends the group's state to the map view: only what changed since the last time. */
  private sync(): void {
    const view = this.leaflet.view;
    if (!view) return;
    const pushed = this.pushed;
    const store = this.data.store;
    const ready = store.status === 'ready';

    const lang = this.i18n.lang;
    if (pushed.lang !== undefined && pushed.lang !== lang) view.relabel();
    pushed.lang = lang;

    const tiles = this.tileOptions();
    const tilesKey = JSON.stringify(tiles);
    if (tilesKey !== pushed.tiles) {
      pushed.tiles = tilesKey;
      view.setTiles(tiles);
    }

    // Services and access points go together: the view clusters them as one layer.
    let services: PlaceSet | undefined;
    if (!store.searching) {
      const results = ready ? store.matching : [];
      if (results !== pushed.results) {
        const changed = !sameServices(results, pushed.results);
        pushed.results = results;
        if (changed) services = this.placesOf(results);
      }
    }
    const aps = ready && this.accessPoints ? store.accessPoints : null;
    const apsKey = aps ? aps.map((a) => a.id).join('\n') : '';
    let accessPoints: PlaceSet | null | undefined;
    if (apsKey !== pushed.accessPoints || (aps === null) !== (pushed.accessPoints === undefined)) {
      pushed.accessPoints = aps ? apsKey : undefined;
      accessPoints = aps ? PlaceSet.ofAccessPoints(aps) : null;
    }
    if (services || accessPoints !== undefined) view.setPlaces(services, accessPoints);

    if (store.origin !== pushed.origin) {
      pushed.origin = store.origin;
      view.setOrigin(store.origin, store.origin ? this.accuracy : undefined);
      const point = this.fitOrigin;
      this.fitOrigin = undefined;
      if (point && point === store.origin) view.showOrigin(point, nearestPlaces(point, store.results.slice(0, 5)));
    }

    if (ready && store.selected !== pushed.selected) {
      pushed.selected = store.selected;
      view.reveal(store.selected, this.fallbackPlace(store.selected));
    }
  }

  /** An access point selected elsewhere while its layer is hidden: go there all the same. */
  private fallbackPlace(id: string | null): Place | undefined {
    if (!id || this.accessPoints) return undefined;
    const ap = this.data.store.findAccessPoint(id);
    return ap?.position ? { entry: ap, location: 0, lat: ap.position.lat, lon: ap.position.lon } : undefined;
  }

  /** The places of a result set, computed once per set (the count and the map share it). */
  private placesOf(results: readonly Service[]): PlaceSet {
    if (this.placed?.results !== results) this.placed = { results, places: PlaceSet.ofServices(results) };
    return this.placed.places;
  }

  /** The element side of the map: texts, colours, popups, and what a person chose. */
  private mapHost(): MapHost {
    return {
      popupContext: () => this.popupContext(),
      chose: (place) => {
        const id = place.entry.id;
        this.pushed.selected = id;
        this.data.store.select(id, this);
        this.emit('welfare-select', { id, type: place.entry.type });
      },
      closed: (id) => {
        if (this.data.store.selected !== id) return;
        this.pushed.selected = null;
        this.data.store.select(null, this);
      },
      firstMarkers: () => {
        if (this.marked) return;
        this.marked = true;
        // ...and its first markers or clusters are in the DOM.
        performance.mark?.('welfare-map:first-markers');
      },
    };
  }

  private popupContext(): PopupContext {
    return {
      lang: this.i18n.lang,
      strings: this.strings,
      store: this.data.store,
      directions: this.directions,
      headingLevel: this.headingLevel,
    };
  }

  private viewOptions(): ViewOptions {
    const legend = this.renderRoot.querySelector<HTMLElement>('.legend');
    return {
      center: parseCenter(this.center) ?? LODI,
      zoom: Number.isFinite(this.zoom) ? this.zoom : 10,
      maxZoom: Number.isFinite(this.maxZoom) ? Math.min(22, Math.max(3, this.maxZoom)) : 18,
      tiles: this.tileOptions(),
      reducedMotion: typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches,
      ...(legend ? { legend } : {}),
    };
  }

  /** The tile layer and its credit, from `tiles`, `attribution` and `attribution-url`. */
  private tileOptions(): TileOptions {
    return resolveTiles(this.tiles, this.attribution, this.attributionUrl);
  }

  private locate(): void {
    if (this.geo.busy) return;
    if (!this.data.store.origin) return this.geo.locate();
    this.accuracy = undefined;
    this.geo.clear();
    this.data.store.setOrigin(null, this);
  }

  /**
   * The group reorders by distance (a list above the map may change height): the focused
   * button stays where the person saw it, and in view.
   */
  private async keepInView(button: HTMLElement, top: number): Promise<void> {
    await this.updateComplete;
    await new Promise((ok) => requestAnimationFrame(ok));
    if ((this.renderRoot as ShadowRoot).activeElement !== button) return;
    const moved = button.getBoundingClientRect().top - top;
    if (Math.abs(moved) > 1) window.scrollBy({ top: moved, behavior: 'instant' });
    const r = button.getBoundingClientRect();
    if (r.top < 0 || r.bottom > innerHeight) button.scrollIntoView({ block: 'nearest' });
  }

  private skip(): void {
    this.renderRoot.querySelector<HTMLElement>('.after')?.focus();
  }
}

/** For each service, its location nearest to `origin`. */
function nearestPlaces(origin: GeoPoint, services: readonly Service[]): Place[] {
  const out: Place[] = [];
  for (const entry of services) {
    let best: Place | undefined;
    let bestKm = Infinity;
    entry.locations.forEach((l, location) => {
      if (!l.position) return;
      const km = distanceKm(origin, l.position);
      if (km < bestKm) [best, bestKm] = [{ entry, location, lat: l.position.lat, lon: l.position.lon }, km];
    });
    if (best) out.push(best);
  }
  return out;
}

/** True when `results` holds exactly the services of `before` (only their order changed). */
function sameServices(results: readonly Service[], before: readonly Service[] | undefined): boolean {
  if (!before || before.length !== results.length) return false;
  const had = new Set(before);
  for (const s of results) if (!had.has(s)) return false;
  return true;
}

function parseCenter(value: string | undefined): GeoPoint | undefined {
  const m = value?.trim().match(/^(-?\d+(?:\.\d+)?)\s*[,;\s]\s*(-?\d+(?:\.\d+)?)$/);
  if (!m) return undefined;
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : undefined;
}
