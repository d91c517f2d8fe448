import type { LocalizedText } from './types.js';

/** Languages the elements speak. Feed text may carry more; they are kept. */
export type Lang = 'it' | 'en';

/**
 * Picks the text for `lang`, falling back to Italian, then English, then any.
 * Feeds are written in Italian first, so a missing English text shows Italian.
 */
export function pick(text: LocalizedText | undefined, lang: string): string {
  if (!text) return '';
  return text[lang] ?? text['it'] ?? text['en'] ?? Object.values(text)[0] ?? '';
}

/** Folds case and accents so "difficolta" matches "difficoltà". */
export function fold(value: string): string {
  return value.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

const collators = new Map<string, Intl.Collator>();

/** A cached locale-aware comparer (creating a Collator per call is slow). */
export function collator(lang: string): Intl.Collator {
  let c = collators.get(lang);
  if (!c) {
    c = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
    collators.set(lang, c);
  }
  return c;
}
