/**
 * The offer as the hub stores it: a feed v1 service entry (CONTRACT §4), written by
 * people, so every field but `id` and `name` may be missing. Texts may be a string or an
 * object of languages; the form edits the Italian text and keeps the others.
 */
export type Text = string | Readonly<Record<string, string>>;

export interface PlaceData {
  name?: Text;
  address?: string;
  comune?: string;
  lat?: number;
  lon?: number;
  hours?: string;
  /** What the hours cannot say, in words (feed extension `hoursNote`). */
  hoursNote?: Text;
}

export interface OfferData {
  id?: string;
  name?: Text;
  description?: Text;
  organization?: string;
  categories?: string[];
  audiences?: string[];
  keywords?: string[];
  locations?: PlaceData[];
  hours?: string;
  phone?: string;
  email?: string;
  website?: string;
  validFrom?: string;
  validThrough?: string;
  [other: string]: unknown;
}

/** The Italian text of a field (or the only one). */
export function italian(text: Text | undefined): string {
  if (typeof text === 'string') return text;
  if (!text) return '';
  return text['it'] ?? Object.values(text)[0] ?? '';
}

/** Writes the Italian text back, keeping translations that were already there. */
export function withItalian(old: Text | undefined, value: string): Text | undefined {
  if (old && typeof old === 'object') return { ...old, it: value };
  return value === '' ? undefined : value;
}

/** Removes keys whose value is undefined, '' or [] so the stored object stays clean. */
export function compact<T extends object>(data: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = value;
  }
  return out as T;
}

/** A comune of the territory, with the point the map starts from. */
export interface Comune {
  readonly id?: string;
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
}

export interface NamedEntry {
  readonly id: string;
  readonly name: Text;
}

/** What `GET /api/territory` answers: the lists the form offers. */
export interface Territory {
  readonly comuni: readonly Comune[];
  readonly categories: readonly NamedEntry[];
  readonly audiences: readonly (string | NamedEntry)[];
}
