/**
 * The marker layer: services and access points in one clustered index, so that no
 * marker is ever drawn over another (two layers would stack access points on top of the
 * service clusters of the same town). A cluster that holds an access point says so, in
 * its name and with an "i" badge. The layer draws only what the current view shows. Places are clustered with
 * supercluster; every move asks the index for the clusters and points of the (slightly
 * padded) viewport and diffs them against the markers on the map, so 50,000 services
 * cost a few hundred DOM nodes, never 50,000.
 *
 * Large sets are indexed in two steps, so that the first view does not wait for the
 * deepest zoom levels: a coarse index of small grid cells (a fraction of the cluster
 * radius) serves the zooms up to just past the first view, in a few milliseconds; the
 * full index of every place follows in idle time and serves the deeper zooms.
 */
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import Supercluster, { type AnyProps, type ClusterFeature, type PointFeature } from 'supercluster';
import type { MapHost, Place } from './map-types.js';
import {
  ACCESS_POINT,
  accessPointMarker,
  clusterMarker,
  clusterSize,
  PIN,
  serviceMarker,
  shortCount,
} from './markers.js';
import { placeColor } from './colors.js';
import { engineStrings } from './engine.strings.js';
import type { PlaceSet } from './places.js';
import { placeLabel } from './popup.js';

/**
 * `i`: index of the place (of the first place, for a grid cell); `n`: places in a grid
 * cell; `a`: 1 for an access point (grid cells hold services only).
 */
type Props = { i: number; n?: number; a?: number };
type Item = ClusterFeature<AnyProps> | PointFeature<Props>;
type Index = Supercluster<Props, { n?: number; a: number }>;

interface Shown {
  readonly marker: L.Marker;
  readonly button: HTMLButtonElement;
  readonly lat: number;
  readonly lon: number;
  readonly place?: Place;
}

/** What the layer asks of the view when a person uses a marker. */
export interface LayerActions {
  /** A single place was chosen. */
  choose(place: Place, keyboard: boolean, layer: ClusterLayer): void;
  /** A cluster that cannot be split by zooming (same address): list its places. */
  stack(places: Place[], at: L.LatLng, keyboard: boolean, layer: ClusterLayer): void;
  /** The layer zooms the map on the person's behalf (a cluster was opened). */
  zoomTo(at: L.LatLng, zoom: number): void;
  /** Every marker of the view is drawn. */
  rendered(): void;
}

/** Above this zoom every place is its own marker (the map's maximum is two more). */
export const CLUSTER_MAX_ZOOM = 16;
/** Below this many places, one full index is built at once (a few ms). */
const PROGRESSIVE_FROM = 5000;
/** Clusters with more places than this are always split by zooming, never listed. */
const STACK_LIMIT = 300;
/** Longest stretch of marker creation in one task, in ms. */
const SLICE_MS = 16;
/** Cluster radius in pixels (Leaflet.markercluster's default too). */
const RADIUS = 80;
/** Markers are drawn this far (a fraction of the view) beyond each edge, so a drag shows them. */
const PAD = 0.2;
const EXTENT = 512;
let generation = 0;

const isCluster = (item: Item): item is ClusterFeature<AnyProps> => 'cluster' in item.properties && !!item.properties.cluster;

/** Places a cluster or cell stands for. */
const countOf = (item: Item): number =>
  isCluster(item) ? ((item.properties['n'] as number | undefined) ?? item.properties.point_count) : (item.properties.n ?? 1);

/** Access points among them. */
const accessPointsOf = (item: Item): number => (item.properties['a'] as number | undefined) ?? 0;

/** The comune a place is in, as the feed writes it. */
const comuneOf = (place: Place): string | undefined =>
  place.entry.type === 'service' ? place.entry.locations[place.location]?.comune : place.entry.comune;

/** Leaves read to name a cluster by place: enough to find its commonest comune. */
const AREA_SAMPLE = 64;

/** Leaflet's drag handler knows whether the pointer moved; its typings do not say so. */
const dragged = (map: L.Map) => !!(map.dragging as unknown as { moved?: () => boolean } | undefined)?.moved?.();

const idle: (cb: () => void) => () => void =
  typeof requestIdleCallback === 'function'
    ? (cb) => {
        const id = requestIdleCallback(cb, { timeout: 1000 });
        return () => cancelIdleCallback(id);
      }
    : (cb) => {
        const id = setTimeout(cb, 50);
        return () => clearTimeout(id);
      };

/** Web Mercator x and y in [0, 1], as supercluster projects. */
const mercX = (lon: number) => lon / 360 + 0.5;
const mercY = (lat: number) => {
  const sin = Math.sin((lat * Math.PI) / 180);
  const y = 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
  return y < 0 ? 0 : y > 1 ? 1 : y;
};

export class ClusterLayer {
  private places: PlaceSet | undefined;
  private gen = 0;
  /** Serves zooms 0..coarseMax; its leaves are grid cells when `gridded`. */
  private coarse?: Index;
  private coarseMax = CLUSTER_MAX_ZOOM;
  private gridded = false;
  /** Serves zooms above coarseMax, once built. */
  private full?: Index;
  private cancelFull?: () => void;
  private readonly shown = new Map<string, Shown>();
  private selectedId: string | null = null;
  private focusNext?: { keys: string[]; at: L.LatLng };
  /** The cluster a person just opened: it goes at the next draw even when focused. */
  private leaving?: string;
  /** The zoom and index of the last draw. */
  private zoomShown?: number;
  private tagShown?: string;
  private announced = false;
  private slice?: ReturnType<typeof setTimeout>;
  private renders = 0;

  constructor(
    private readonly map: L.Map,
    private readonly host: MapHost,
    private readonly actions: LayerActions,
    private readonly pane: string,
    zIndex: number,
  ) {
    const el = map.getPane(pane) ?? map.createPane(pane);
    el.style.zIndex = String(zIndex);
    map.on('moveend', this.render, this);
  }

  get size(): number {
    return this.places?.size ?? 0;
  }

  /**
   * Indexes a new set of places; `zoom` is the zoom the view is about to show. The caller
   * draws (a fit's moveend does, or `render()`).
   */
  setPlaces(places: PlaceSet, zoom: number): void {
    this.places = places;
    this.gen = ++generation;
    this.cancelFull?.();
    this.cancelFull = undefined;
    this.coarse = this.full = undefined;
    if (!places.size) return;
    if (places.size < PROGRESSIVE_FROM) {
      this.coarseMax = CLUSTER_MAX_ZOOM;
      this.gridded = false;
      this.coarse = this.full = this.buildFull();
      return;
    }
    this.coarseMax = Math.min(CLUSTER_MAX_ZOOM - 1, Math.max(0, Math.round(zoom)) + 1);
    this.gridded = true;
    this.coarse = this.buildCoarse(this.coarseMax);
    const gen = this.gen;
    this.cancelFull = idle(() => {
      this.cancelFull = undefined;
      if (gen !== this.gen) return;
      this.ensureFull();
      if (Math.round(this.map.getZoom()) > this.coarseMax) this.render();
    });
  }

  /** Bounds of every place, or undefined when there are none. */
  bounds(): L.LatLngBounds | undefined {
    const b = this.places?.bounds;
    return b && L.latLngBounds([b[0], b[1]], [b[2], b[3]]);
  }

  placesOf(id: string): Place[] {
    return this.places?.placesOf(id) ?? [];
  }

  /** The lowest zoom (from the current one) at which `place` is a marker of its own. */
  revealZoom(place: Place): number {
    const from = Math.max(0, Math.round(this.map.getZoom()));
    const i = this.places?.indexOf(place) ?? -1;
    if (i < 0) return from;
    const d = 1e-7;
    const box: [number, number, number, number] = [place.lon - d, place.lat - d, place.lon + d, place.lat + d];
    for (let z = from; z <= CLUSTER_MAX_ZOOM; z++) {
      const [index, at] = this.indexFor(z, true)!;
      if (at !== z) continue;
      if (index.getClusters(box, z).some((f) => !isCluster(f) && !f.properties.n && f.properties.i === i)) return z;
    }
    return Math.max(from, CLUSTER_MAX_ZOOM + 1);
  }

  /** Marks the markers of `id` as selected (aria-pressed, colour, on top). */
  select(id: string | null): void {
    this.selectedId = id;
    for (const s of this.shown.values()) this.mark(s);
  }

  /** The button of a place's marker, when it is on the map. */
  buttonOf(place: Place): HTMLButtonElement | undefined {
    return this.shown.get(this.pointKey(place))?.button;
  }

  /** Every marker and cluster button on the map. */
  buttons(): HTMLButtonElement[] {
    return [...this.shown.values()].map((s) => s.button);
  }

  /** Redraws every marker (new language). */
  relabel(): void {
    this.clear();
    this.render();
  }

  /** Draws the clusters and points of the padded viewport, reusing markers already there. */
  render(): void {
    const map = this.map;
    const use = this.indexFor(Math.round(map.getZoom()), false);
    if (!use) return this.clear();
    const [index, zoom, tag] = use;
    const b = map.getBounds().pad(PAD);
    const bbox: [number, number, number, number] = [
      Math.max(-180, b.getWest()),
      Math.max(-85, b.getSouth()),
      Math.min(180, b.getEast()),
      Math.min(85, b.getNorth()),
    ];
    const next = new Map<string, Item>();
    for (const item of index.getClusters(bbox, zoom)) next.set(this.key(item, tag), item);

    // A focused marker that leaves the view stays until the next move, so focus is not lost;
    // not a cluster that was just opened: focus moves into it (or to the map) instead.
    let active = this.activeKey();
    if (active && active === this.leaving) active = undefined;
    this.leaving = undefined;
    // After a zoom, a focused marker that is not drawn at this zoom would lie on top of the
    // clusters that now hold it: focus moves to the nearest marker drawn instead.
    const zoomed = this.zoomShown !== zoom || this.tagShown !== tag;
    this.zoomShown = zoom;
    this.tagShown = tag;
    if (active && zoomed && !next.has(active)) {
      const s = this.shown.get(active)!;
      this.focusNext ??= { keys: [], at: L.latLng(s.lat, s.lon) };
      active = undefined;
    }
    for (const [key, s] of this.shown) {
      if (next.has(key) || key === active) continue;
      s.marker.remove();
      this.shown.delete(key);
    }
    // New markers: those on screen first, then the margin, in slices of a few ms each, so a
    // zoom into a dense area never blocks the page for long.
    const visible = map.getBounds();
    const onScreen: [string, Item][] = [];
    const margin: [string, Item][] = [];
    for (const entry of next) {
      if (this.shown.has(entry[0])) continue;
      const [lon, lat] = entry[1].geometry.coordinates as [number, number];
      (visible.contains([lat, lon]) ? onScreen : margin).push(entry);
    }
    const todo = onScreen.concat(margin);
    this.cancelSlices();
    this.createSlices(todo, 0, index, tag, active, ++this.renders);
  }

  private createSlices(todo: [string, Item][], from: number, index: Index, tag: string, active: string | undefined, run: number): void {
    const start = performance.now();
    let i = from;
    while (i < todo.length) {
      const [key, item] = todo[i++]!;
      this.shown.set(key, this.create(key, item, index, tag));
      if (performance.now() - start > SLICE_MS) break;
    }
    if (this.shown.size && !this.announced) {
      this.announced = true;
      this.host.firstMarkers();
    }
    if (i < todo.length) {
      this.slice = setTimeout(() => run === this.renders && this.createSlices(todo, i, index, tag, active, run), 0);
      return;
    }
    this.slice = undefined;
    this.order(active);
    if (this.focusNext) {
      const { keys, at } = this.focusNext;
      this.focusNext = undefined;
      // The cluster's children, or (another index serves this zoom) the marker nearest to it.
      const target =
        keys.map((k) => this.shown.get(k)).find(Boolean) ??
        [...this.shown.values()].sort((a, b) => at.distanceTo([a.lat, a.lon]) - at.distanceTo([b.lat, b.lon]))[0];
      (target?.button ?? this.map.getContainer()).focus({ preventScroll: true });
    }
    this.actions.rendered();
  }

  private cancelSlices(): void {
    clearTimeout(this.slice);
    this.slice = undefined;
  }

  clear(): void {
    this.cancelSlices();
    for (const s of this.shown.values()) s.marker.remove();
    this.shown.clear();
  }

  destroy(): void {
    this.cancelFull?.();
    this.clear();
    this.map.off('moveend', this.render, this);
  }

  // ---- indexes ----

  /**
   * The index for `zoom`, the zoom to ask it for, and a tag for keys. Deeper than the
   * coarse index goes, the full one is used; before it exists the coarse one is asked at
   * its deepest level (a person who needs the detail now, `force`, gets it built now).
   */
  private indexFor(zoom: number, force: boolean): [Index, number, string] | undefined {
    if (!this.coarse) return undefined;
    if (zoom <= this.coarseMax) return [this.coarse, zoom, 'c'];
    if (force) this.ensureFull();
    return this.full ? [this.full, zoom, 'f'] : [this.coarse, this.coarseMax, 'c'];
  }

  private ensureFull(): void {
    if (this.full || !this.places?.size) return;
    this.cancelFull?.();
    this.cancelFull = undefined;
    this.full = this.buildFull();
  }

  private buildFull(): Index {
    const places = this.places!;
    const points: PointFeature<Props>[] = new Array(places.size);
    for (let i = 0; i < places.size; i++) {
      const properties: Props = places.isAccessPoint(i) ? { i, a: 1 } : { i };
      points[i] = { type: 'Feature', properties, geometry: { type: 'Point', coordinates: [places.lon[i]!, places.lat[i]!] } };
    }
    const minZoom = this.gridded ? this.coarseMax + 1 : 0;
    // Counting access points per cluster costs a little; only when there are some.
    const counting = places.accessPoints > 0 ? { map: (p: Props) => ({ a: p.a ?? 0 }), reduce: sumAccessPoints } : {};
    return new Supercluster<Props, { n?: number; a: number }>({ radius: RADIUS, extent: EXTENT, maxZoom: CLUSTER_MAX_ZOOM, minZoom, ...counting }).load(points);
  }

  /**
   * Places gathered into square cells a quarter of the cluster radius wide at `maxZoom`
   * (invisible at those zooms), then clustered: thousands of cells instead of every place.
   */
  private buildCoarse(maxZoom: number): Index {
    const places = this.places!;
    const cells = Math.pow(2, maxZoom) * (EXTENT / (RADIUS / 4));
    const byCell = new Map<number, number>();
    const first: number[] = [];
    const count: number[] = [];
    const sumLat: number[] = [];
    const sumLon: number[] = [];
    const singles: PointFeature<Props>[] = [];
    for (let i = 0; i < places.size; i++) {
      const lat = places.lat[i]!;
      const lon = places.lon[i]!;
      if (places.isAccessPoint(i)) {
        // Access points are few: each stays a point of its own, never inside a cell.
        singles.push({ type: 'Feature', properties: { i, a: 1 }, geometry: { type: 'Point', coordinates: [lon, lat] } });
        continue;
      }
      const key = Math.floor(mercX(lon) * cells) * cells + Math.floor(mercY(lat) * cells);
      let c = byCell.get(key);
      if (c === undefined) {
        c = first.length;
        byCell.set(key, c);
        first.push(i);
        count.push(0);
        sumLat.push(0);
        sumLon.push(0);
      }
      count[c]!++;
      sumLat[c]! += lat;
      sumLon[c]! += lon;
    }
    const cellPoints: PointFeature<Props>[] = first.map((i, c) => {
      const n = count[c]!;
      return {
        type: 'Feature',
        properties: n > 1 ? { i, n } : { i },
        geometry: { type: 'Point', coordinates: n > 1 ? [sumLon[c]! / n, sumLat[c]! / n] : [places.lon[i]!, places.lat[i]!] },
      };
    });
    return new Supercluster<Props, { n?: number; a: number }>({
      radius: RADIUS,
      extent: EXTENT,
      maxZoom,
      minZoom: 0,
      map: (p) => ({ n: p.n ?? 1, a: p.a ?? 0 }),
      reduce: (acc, p) => {
        acc.n = (acc.n ?? 0) + (p.n ?? 0);
        acc.a += p.a;
      },
    }).load(cellPoints.concat(singles));
  }

  // ---- markers ----

  private key(item: Item, tag: string): string {
    if (isCluster(item)) return `c${this.gen}${tag}:${item.properties.cluster_id}`;
    if (item.properties.n) return `g${this.gen}:${item.properties.i}`;
    return this.pointKey(this.places!.place(item.properties.i));
  }

  private pointKey(place: Place): string {
    return `p:${place.entry.id}\u0000${place.location}`;
  }

  private activeKey(): string | undefined {
    const root = this.map.getContainer().getRootNode() as Document | ShadowRoot;
    const active = root.activeElement;
    if (!active) return undefined;
    for (const [key, s] of this.shown) if (s.button === active) return key;
    return undefined;
  }

  private create(key: string, item: Item, index: Index, tag: string): Shown {
    const [lon, lat] = item.geometry.coordinates as [number, number];
    const at = L.latLng(lat, lon);
    const ctx = this.host.popupContext();
    const t = engineStrings[ctx.lang];
    let button: HTMLButtonElement;
    let size: [number, number];
    let anchor: [number, number];
    let place: Place | undefined;
    const count = countOf(item);
    if (count > 1) {
      const id = isCluster(item) ? item.properties.cluster_id : undefined;
      const aps = accessPointsOf(item);
      const services = count - aps;
      const label = t.cluster(services, aps, this.areaOf(item, index, id, at));
      // The number is what the circle holds: services; an access point among them is the badge.
      button = clusterMarker(shortCount(services || aps, ctx.lang), label, services ? 'service' : 'access-point', services > 0 && aps > 0);
      const d = clusterSize(count);
      button.style.setProperty('--_size', `${d}px`);
      size = [d, d];
      anchor = [d / 2, d / 2];
      button.addEventListener('click', (e) => this.onCluster(e, key, index, tag, id, count, at));
    } else {
      place = this.places!.place(item.properties.i);
      const label = placeLabel(place, ctx.lang, t);
      if (place.entry.type === 'service') {
        button = serviceMarker(label, placeColor(place, ctx.store));
        size = [PIN.width, PIN.height];
        anchor = [PIN.width / 2, PIN.height];
      } else {
        button = accessPointMarker(label);
        size = [ACCESS_POINT.size, ACCESS_POINT.size];
        anchor = [ACCESS_POINT.size / 2, ACCESS_POINT.size / 2];
      }
      const chosen = place;
      button.addEventListener('click', (e) => {
        e.stopPropagation();
        if (dragged(this.map)) return;
        this.actions.choose(chosen, e.detail === 0, this);
      });
    }
    // A marker reached with Tab outside the visible map brings the map to it.
    button.addEventListener('focus', () => {
      if (!this.map.getBounds().contains(at)) this.map.panInside(at, { padding: [48, 48] });
    });
    const marker = L.marker(at, {
      icon: L.divIcon({ html: button, className: 'wm-icon', iconSize: size, iconAnchor: anchor }),
      pane: this.pane,
      keyboard: false,
      interactive: true,
      bubblingMouseEvents: false,
    });
    const shown: Shown = { marker, button, lat, lon, ...(place ? { place } : {}) };
    this.mark(shown);
    marker.addTo(this.map);
    return shown;
  }

  private mark(s: Shown): void {
    if (!s.place) return;
    const on = s.place.entry.id === this.selectedId;
    s.button.setAttribute('aria-pressed', on ? 'true' : 'false');
    s.button.classList.toggle('selected', on);
    s.marker.setZIndexOffset(on ? 10000 : 0);
  }

  /**
   * Markers in reading order (north to south, west to east), so Tab follows the map.
   * Only nodes out of place move (new markers arrive at the end of the pane).
   */
  private order(active: string | undefined): void {
    const list = [...this.shown.values()].sort((a, b) => b.lat - a.lat || a.lon - b.lon);
    const pane = this.map.getPane(this.pane)!;
    let cursor = pane.firstElementChild;
    let moved = false;
    for (const s of list) {
      const el = s.marker.getElement();
      if (!el) continue;
      if (el === cursor) {
        cursor = cursor.nextElementSibling;
        continue;
      }
      pane.insertBefore(el, cursor);
      moved = true;
    }
    if (moved && active) this.shown.get(active)?.button.focus({ preventScroll: true });
  }

  /**
   * Where a cluster is: the commonest comune of its places (of a sample of them, for big
   * clusters), ties going to the comune of the place nearest to the cluster's centre.
   */
  private areaOf(item: Item, index: Index, id: number | undefined, at: L.LatLng): string | undefined {
    const leaves: PointFeature<Props>[] = id === undefined ? [item as PointFeature<Props>] : index.getLeaves(id, AREA_SAMPLE);
    const weight = new Map<string, { n: number; km: number }>();
    for (const leaf of leaves) {
      const place = this.places!.place(leaf.properties.i);
      const comune = comuneOf(place);
      if (!comune) continue;
      const km = at.distanceTo([place.lat, place.lon]);
      const w = weight.get(comune);
      if (w) {
        w.n += leaf.properties.n ?? 1;
        w.km = Math.min(w.km, km);
      } else weight.set(comune, { n: leaf.properties.n ?? 1, km });
    }
    let best: string | undefined;
    let top = { n: 0, km: Infinity };
    for (const [comune, w] of weight) {
      if (w.n > top.n || (w.n === top.n && w.km < top.km)) [best, top] = [comune, w];
    }
    return best;
  }

  /** A cluster (or a grid cell of the coarse index) was chosen: zoom in, or list its places. */
  private onCluster(e: MouseEvent, key: string, index: Index, tag: string, id: number | undefined, count: number, at: L.LatLng): void {
    e.stopPropagation();
    if (dragged(this.map)) return;
    const keyboard = e.detail === 0;
    if (id === undefined || (tag === 'c' && this.gridded)) {
      // Coarse clusters hold cells, not places: zoom in; the deeper index takes over.
      const zoom = id === undefined ? this.coarseMax + 1 : Math.min(index.getClusterExpansionZoom(id), this.coarseMax + 1);
      if (keyboard) this.focusNext = { keys: id === undefined ? [] : index.getChildren(id).map((c) => this.key(c, tag)), at };
      this.leaving = key;
      return this.actions.zoomTo(at, zoom);
    }
    const zoom = index.getClusterExpansionZoom(id);
    if (count <= STACK_LIMIT) {
      const leaves = index.getLeaves(id, STACK_LIMIT).map((f) => this.places!.place(f.properties.i));
      const first = leaves[0]!;
      const same = leaves.every((p) => Math.abs(p.lat - first.lat) < 1e-5 && Math.abs(p.lon - first.lon) < 1e-5);
      if (same || zoom > CLUSTER_MAX_ZOOM) return this.actions.stack(leaves, at, keyboard, this);
    }
    // Keyboard focus follows into the cluster, to its first child.
    if (keyboard) this.focusNext = { keys: index.getChildren(id).map((c) => this.key(c, tag)), at };
    this.leaving = key;
    this.actions.zoomTo(at, Math.min(zoom, this.map.getMaxZoom()));
  }
}

function sumAccessPoints(acc: { a: number }, p: { a: number }): void {
  acc.a += p.a;
}
