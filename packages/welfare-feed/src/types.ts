/** Feed v1 as written by publishers (CONTRACT §4). Unknown properties are allowed. */

export type Text = string | Readonly<Record<string, string>>;

export interface FeedLocation {
  name?: Text;
  address?: string;
  comune?: string;
  lat?: number;
  lon?: number;
  hours?: string;
  [extra: string]: unknown;
}

export interface FeedCategory {
  id: string;
  name: Text;
  [extra: string]: unknown;
}

export interface FeedOrganization {
  id: string;
  name: Text;
  kind?: 'public' | 'third-sector' | 'other';
  website?: string;
  [extra: string]: unknown;
}

export interface FeedService {
  id: string;
  name: Text;
  description?: Text;
  organization?: string;
  categories?: string[];
  audiences?: string[];
  keywords?: string[];
  locations?: FeedLocation[];
  hours?: string;
  phone?: string;
  email?: string;
  website?: string;
  validFrom?: string;
  validThrough?: string;
  [extra: string]: unknown;
}

export interface FeedAccessPoint {
  id: string;
  name: Text;
  description?: Text;
  address?: string;
  comune?: string;
  lat?: number;
  lon?: number;
  hours?: string;
  phone?: string;
  email?: string;
  website?: string;
  [extra: string]: unknown;
}

export interface Feed {
  version: 1;
  title?: Text;
  updated?: string;
  categories: FeedCategory[];
  organizations: FeedOrganization[];
  services: FeedService[];
  accessPoints: FeedAccessPoint[];
  notices: unknown[];
  [extra: string]: unknown;
}

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A trimmed non-empty string, or undefined. */
export function str(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t ? t : undefined;
}

/** Removes undefined and empty-array properties so the written JSON stays tidy. */
export function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) {
    const v = o[k];
    if (v === undefined || (Array.isArray(v) && v.length === 0)) delete o[k];
  }
  return o;
}
