/**
 * Patron days written once, on the territory's comuni (docs/feed-format.md, `territory`):
 * `{ "name": "Lodi", "patron": { "date": "01-19", "name": "San Bassiano" } }`. The
 * elements read `patronDays`, so the tools fill it from the territory when they write a
 * feed: the office keeps one list of comuni, and the feed stays what the elements know.
 */
import { normalize } from './ids.js';
import { isObject, type Feed, type Json } from './types.js';

export interface PatronDayEntry {
  comune: string;
  date: string;
  name?: string;
  [extra: string]: unknown;
}

/** The patron days the territory's comuni declare, in the `patronDays` shape. */
export function territoryPatronDays(territory: unknown): Array<{ entry: PatronDayEntry; index: number }> {
  const comuni = isObject(territory) && Array.isArray(territory['comuni']) ? territory['comuni'] : [];
  const out: Array<{ entry: PatronDayEntry; index: number }> = [];
  comuni.forEach((c, index) => {
    if (!isObject(c) || typeof c['name'] !== 'string' || !c['name'].trim() || !isObject(c['patron'])) return;
    const patron = c['patron'] as Json;
    if (typeof patron['date'] !== 'string') return;
    const name = typeof patron['name'] === 'string' && patron['name'].trim() ? { name: patron['name'] } : {};
    out.push({ entry: { comune: c['name'].trim(), date: patron['date'], ...name }, index });
  });
  return out;
}

/**
 * The feed with `patronDays` holding the territory's patron days too. An entry already in
 * `patronDays` for the same comune wins (validate reports the two when they disagree).
 */
export function withTerritoryPatronDays(feed: Feed): Feed {
  const declared = territoryPatronDays(feed.territory);
  if (!declared.length) return feed;
  const existing = Array.isArray(feed['patronDays']) ? (feed['patronDays'] as unknown[]) : [];
  const known = new Set(existing.map((p) => (isObject(p) && typeof p['comune'] === 'string' ? normalize(p['comune']) : '')));
  const added = declared.map((d) => d.entry).filter((p) => !known.has(normalize(p.comune)));
  return added.length ? { ...feed, patronDays: [...existing, ...added] } : feed;
}
