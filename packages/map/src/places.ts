/**
 * The places of a result set in flat arrays: one pass over the services, no object per
 * place until a marker or popup needs one. 50,000 services make ~56,000 places.
 */
import type { AccessPoint, Service } from '@welfare-elements/core';
import type { Place } from './map-types.js';

export class PlaceSet {
  readonly size: number;
  readonly lat: Float64Array;
  readonly lon: Float64Array;
  /** How many entries have at least one place. */
  located = 0;
  /** How many places are access points. */
  accessPoints = 0;
  /** South, west, north, east; undefined when empty. */
  readonly bounds?: readonly [number, number, number, number];
  private readonly entries: (Service | AccessPoint)[];
  private readonly locations: Uint32Array;
  private readonly made: (Place | undefined)[];

  private constructor(entries: (Service | AccessPoint)[], locations: Uint32Array, lat: Float64Array, lon: Float64Array) {
    this.size = entries.length;
    this.entries = entries;
    this.locations = locations;
    this.lat = lat;
    this.lon = lon;
    this.made = new Array(this.size);
    if (this.size) {
      let s = 90, w = 180, n = -90, e = -180;
      for (let i = 0; i < this.size; i++) {
        const a = lat[i]!, o = lon[i]!;
        if (a < s) s = a;
        if (a > n) n = a;
        if (o < w) w = o;
        if (o > e) e = o;
      }
      this.bounds = [s, w, n, e];
    }
  }

  static readonly empty = new PlaceSet([], new Uint32Array(0), new Float64Array(0), new Float64Array(0));

  /** One place per service location with a position; one pass, arrays grown as needed. */
  static ofServices(services: readonly Service[]): PlaceSet {
    let capacity = services.length + 16;
    const entries: Service[] = [];
    let locations = new Uint32Array(capacity);
    let lat = new Float64Array(capacity);
    let lon = new Float64Array(capacity);
    let k = 0;
    let located = 0;
    for (const s of services) {
      const locs = s.locations;
      const before = k;
      for (let i = 0; i < locs.length; i++) {
        const p = locs[i]!.position;
        if (!p) continue;
        if (k === capacity) {
          capacity *= 2;
          locations = grow(locations, new Uint32Array(capacity));
          lat = grow(lat, new Float64Array(capacity));
          lon = grow(lon, new Float64Array(capacity));
        }
        entries.push(s);
        locations[k] = i;
        lat[k] = p.lat;
        lon[k] = p.lon;
        k++;
      }
      if (k > before) located++;
    }
    const set = new PlaceSet(entries, locations.subarray(0, k), lat.subarray(0, k), lon.subarray(0, k));
    set.located = located;
    return set;
  }

  /** One place per access point with a position. */
  static ofAccessPoints(points: readonly AccessPoint[]): PlaceSet {
    const located = points.filter((a) => a.position);
    const set = new PlaceSet(
      located,
      new Uint32Array(located.length),
      Float64Array.from(located, (a) => a.position!.lat),
      Float64Array.from(located, (a) => a.position!.lon),
    );
    set.located = located.length;
    set.accessPoints = located.length;
    return set;
  }

  /** Services and access points in one set (one clustered index, so none covers another). */
  static join(services: PlaceSet, accessPoints: PlaceSet | null): PlaceSet {
    if (!accessPoints?.size) return services;
    if (!services.size) return accessPoints;
    const concat = <T extends Uint32Array | Float64Array>(a: T, b: T, into: T): T => {
      into.set(a);
      into.set(b, a.length);
      return into;
    };
    const n = services.size + accessPoints.size;
    const set = new PlaceSet(
      services.entries.concat(accessPoints.entries),
      concat(services.locations, accessPoints.locations, new Uint32Array(n)),
      concat(services.lat, accessPoints.lat, new Float64Array(n)),
      concat(services.lon, accessPoints.lon, new Float64Array(n)),
    );
    set.located = services.located;
    set.accessPoints = services.accessPoints + accessPoints.accessPoints;
    return set;
  }

  isAccessPoint(i: number): boolean {
    return this.entries[i]!.type === 'access-point';
  }

  /** The first category of every service, for the legend. */
  firstCategories(): Set<string> {
    const out = new Set<string>();
    for (const e of this.entries) if (e.type === 'service' && e.categories[0]) out.add(e.categories[0]);
    return out;
  }

  /** The place at `i`, always the same object for the same index. */
  place(i: number): Place {
    let p = this.made[i];
    if (!p) {
      p = this.made[i] = { entry: this.entries[i]!, location: this.locations[i]!, lat: this.lat[i]!, lon: this.lon[i]! };
    }
    return p;
  }

  indexOf(place: Place): number {
    for (let i = 0; i < this.size; i++) {
      if (this.entries[i] === place.entry && this.locations[i] === place.location) return i;
    }
    return -1;
  }

  /** The places of one service or access point. */
  placesOf(id: string): Place[] {
    const out: Place[] = [];
    for (let i = 0; i < this.size; i++) if (this.entries[i]!.id === id) out.push(this.place(i));
    return out;
  }
}

function grow<T extends Uint32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
