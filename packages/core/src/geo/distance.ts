import type { GeoPoint } from '../feed/types.js';

const EARTH_RADIUS_KM = 6371;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Distance from `origin` to the nearest of `points`; Infinity when there are none. */
export function nearestKm(origin: GeoPoint, points: readonly (GeoPoint | undefined)[]): number {
  let best = Infinity;
  for (const p of points) if (p) best = Math.min(best, distanceKm(origin, p));
  return best;
}

const distanceFormats = new Map<string, Intl.NumberFormat>();

/** "350 m", "1,2 km", "23 km" (it) / "1.2 km" (en): one decimal under 10 km, metres in tens under 1 km. */
export function formatDistance(km: number, lang: 'it' | 'en'): string {
  if (km < 1) return `${Math.max(10, Math.round(km * 100) * 10)} m`;
  const digits = km < 10 ? 1 : 0;
  const key = `${lang}/${digits}`;
  let f = distanceFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'it' ? 'it-IT' : 'en-GB', { maximumFractionDigits: digits });
    distanceFormats.set(key, f);
  }
  return `${f.format(km)} km`;
}
