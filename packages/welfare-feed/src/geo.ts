/** Coordinates: reading spreadsheet numbers and checking ranges. */
import { normalize } from './ids.js';

export type Axis = 'lat' | 'lon';

export const RANGE: Readonly<Record<Axis, readonly [number, number]>> = {
  lat: [-90, 90],
  lon: [-180, 180],
};

/** A rough box around Italy (islands included). Points outside get a warning only. */
export const ITALY = { minLat: 35.2, maxLat: 47.2, minLon: 6.5, maxLon: 18.6 } as const;

/**
 * Reads a coordinate as spreadsheets write it: "45,3138" (Italian decimal comma) or
 * "45.3138". Returns undefined for an empty cell and NaN for anything unreadable.
 */
export function parseCoordinate(raw: string | undefined): number | undefined {
  const text = (raw ?? '').trim().replace(/\s+/g, '');
  if (!text) return undefined;
  if (!/^[+-]?\d+([.,]\d+)?$/.test(text)) return Number.NaN;
  return Number(text.replace(',', '.'));
}

export function inRange(axis: Axis, value: number): boolean {
  const [min, max] = RANGE[axis];
  return Number.isFinite(value) && value >= min && value <= max;
}

export function inItaly(lat: number, lon: number): boolean {
  return lat >= ITALY.minLat && lat <= ITALY.maxLat && lon >= ITALY.minLon && lon <= ITALY.maxLon;
}

/** The area the feed covers, from its optional `territory` (docs/feed-format.md). */
export interface Territory {
  /** Normalised comune name → name as written, when the territory lists its comuni. */
  comuni?: Map<string, string>;
  /** A box around the territory: from `area`, or around the comuni's coordinates. */
  area?: { south: number; west: number; north: number; east: number };
  contains(lat: number, lon: number): boolean;
  /** The box in words for messages: "lat 45.1–45.4, lon 9.3–9.8". */
  describe: string;
}

/** Around each comune's centre: about 11 km, more than the largest comune of the area reaches. */
const COMUNE_MARGIN = 0.1;

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * Reads `territory`: `area` as a GeoJSON bbox [west, south, east, north], and `comuni` as
 * names or objects `{ "name": "Lodi", "lat": 45.31, "lon": 9.50 }`. Anything else is ignored
 * (the JSON Schema reports it).
 */
export function readTerritory(value: unknown): Territory | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const t = value as Record<string, unknown>;
  const comuni = new Map<string, string>();
  const centres: Array<[number, number]> = [];
  for (const c of Array.isArray(t['comuni']) ? t['comuni'] : []) {
    const name = typeof c === 'string' ? c : typeof c === 'object' && c !== null ? (c as Record<string, unknown>)['name'] : undefined;
    if (typeof name === 'string' && name.trim()) comuni.set(normalize(name), name.trim());
    if (typeof c === 'object' && c !== null) {
      const lat = num((c as Record<string, unknown>)['lat']);
      const lon = num((c as Record<string, unknown>)['lon']);
      if (lat !== undefined && lon !== undefined && inRange('lat', lat) && inRange('lon', lon)) centres.push([lat, lon]);
    }
  }
  let area: Territory['area'];
  const bbox = t['area'];
  if (Array.isArray(bbox) && bbox.length === 4 && bbox.every((n) => num(n) !== undefined)) {
    const [west, south, east, north] = bbox as number[];
    area = { west: west!, south: south!, east: east!, north: north! };
  } else if (centres.length) {
    const lats = centres.map((c) => c[0]);
    const lons = centres.map((c) => c[1]);
    area = {
      south: Math.min(...lats) - COMUNE_MARGIN, north: Math.max(...lats) + COMUNE_MARGIN,
      west: Math.min(...lons) - COMUNE_MARGIN, east: Math.max(...lons) + COMUNE_MARGIN,
    };
  }
  if (!area && comuni.size === 0) return undefined;
  const box = area;
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    ...(comuni.size ? { comuni } : {}),
    ...(box ? { area: box } : {}),
    contains: (lat, lon) => !box || (lat >= box.south && lat <= box.north && lon >= box.west && lon <= box.east),
    describe: box ? `lat ${round(box.south)}–${round(box.north)}, lon ${round(box.west)}–${round(box.east)}` : '',
  };
}

