/** Coordinates: reading spreadsheet numbers and checking ranges. */

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
