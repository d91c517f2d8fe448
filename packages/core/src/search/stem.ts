import { stemmer as snowball } from '@orama/stemmers/italian';

/**
 * Italian word forms. Two stems per word, because neither alone joins every family that
 * people mix up when they type:
 *
 * - the Snowball Italian stemmer (`@orama/stemmers`, 2.3 KB gzip, maintained) joins the
 *   long families: "disoccupato / disoccupazione" → "disoccup", "alimentare / alimenti"
 *   → "aliment", "dipendenza / dipendenze";
 * - a light stemmer of our own only drops the ending that makes singular and plural
 *   differ, where Snowball cuts words apart: "anziano" → Snowball "anzi" but "anziani"
 *   → "anzian"; the light stem of both is "anzian". Likewise "alimentari / alimentare",
 *   "popolare / popolari".
 *
 * The index holds the light stem of each word; a query word looks for its light stem and
 * for index terms that start with its Snowball stem (five letters or more), so a family
 * matches when either stemmer joins it. Words are folded first (no accents, lower case).
 */
export function stems(word: string): string[] {
  const a = snowballStem(word);
  const b = lightStem(word);
  return a === b ? [a] : [a, b];
}

const snowballCache = new Map<string, string>();

/** Snowball's stem, cached: a feed repeats the same few thousand words many times. */
export function snowballStem(word: string): string {
  let s = snowballCache.get(word);
  if (s === undefined) {
    // Snowball keeps very short words whole; numbers and codes ("104", "a2") too.
    s = word.length <= 3 || !/^[a-z]+$/.test(word) ? word : snowball(word);
    if (snowballCache.size > 50_000) snowballCache.clear();
    snowballCache.set(word, s);
  }
  return s;
}

const VOWEL = /[aeiou]$/;

/**
 * Drops the final vowel (and "-io", so "tirocinio" meets "tirocini"); "-chi/-ghi" and
 * "-che/-ghe" lose the "h" that the plural adds ("pacchi" → "pacc", like "pacco").
 * Words of three letters or fewer, and words not ending in a vowel, are kept whole.
 * This is the form the index holds: one term per word keeps a 50,000-service index small.
 */
export function lightStem(word: string): string {
  if (word.length <= 3 || !VOWEL.test(word) || !/^[a-z]+$/.test(word)) return word;
  let s = word.endsWith('io') ? word.slice(0, -2) : word.slice(0, -1);
  if (s.endsWith('ch') || s.endsWith('gh')) s = s.slice(0, -1);
  return s;
}
