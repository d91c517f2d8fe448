import { createHash } from 'node:crypto';
import type { Text } from './types.js';

/** Lowercase, without accents and punctuation: "Caritas – Lodì" → "caritas lodi". */
export function normalize(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function slug(s: string): string {
  return normalize(s).replace(/ /g, '-');
}

/** The Italian text if any, else the first language given. */
export function textValue(t: unknown): string {
  if (typeof t === 'string') return t;
  if (t && typeof t === 'object') {
    const o = t as Record<string, unknown>;
    const v = o['it'] ?? Object.values(o)[0];
    return typeof v === 'string' ? v : '';
  }
  return '';
}

/**
 * A readable id that stays the same at every build: the slug of the name plus a short
 * hash of what identifies the entry (e.g. organisation, name and comune).
 */
export function stableId(name: Text, parts: ReadonlyArray<string | undefined>): string {
  const key = [textValue(name), ...parts].map((p) => normalize(p ?? '')).join('|');
  const hash = createHash('sha1').update(key).digest('hex').slice(0, 8);
  const base = slug(textValue(name)).slice(0, 40).replace(/-+$/, '');
  return base ? `${base}-${hash}` : hash;
}
