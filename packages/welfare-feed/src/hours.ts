import OpeningHours from 'opening_hours';
import { plainWordsHint, translateHoursNote } from './hours-messages.js';
import type { Lang } from './messages.js';
import { isPlainHours } from './plain-hours.js';

/** Lodi, Lombardy: lets the library know Italian public holidays (PH). */
const NOMINATIM = { lat: 45.31, lon: 9.5, address: { country_code: 'it', state: 'Lombardia' } };

export interface HoursCheck {
  /** Why the value cannot be read at all, in the chosen language. */
  error?: string;
  /** Notes about a readable but loosely written value, in the chosen language. */
  warnings: string[];
}

/**
 * Results by language and value. Big feeds repeat a few hundred strings thousands of
 * times ("Mo-Fr 09:00-12:30"), and parsing with the library costs 1–3 ms a string.
 */
const cache = new Map<string, HoursCheck>();
/** Enough for every distinct value of a large territory; a long-lived server starts over past it. */
const CACHE_LIMIT = 20_000;

/** Checks an OpenStreetMap opening_hours value the way the elements will read it. */
export function checkHours(value: string, lang: Lang = 'en'): HoursCheck {
  const key = `${lang}\u0000${value}`;
  const known = cache.get(key);
  if (known) return known;
  const result = parse(value, lang);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, result);
  return result;
}

function parse(value: string, lang: Lang): HoursCheck {
  // Most strings are in a plain form the library reads without a note: skip its 1–3 ms.
  if (isPlainHours(value)) return { warnings: [] };
  try {
    const oh = new OpeningHours(value, NOMINATIM, { tag_key: 'opening_hours', mode: 0, map_value: false, warnings_severity: 4, locale: 'en' });
    return { warnings: oh.getWarnings().map((w) => translateHoursNote(w, lang)) };
  } catch (e) {
    const text = String(e instanceof Error ? e.message : e).trim();
    const hint = plainWordsHint(value, lang);
    return { error: [translateHoursNote(text, lang, value), hint].filter(Boolean).join('\n'), warnings: [] };
  }
}
