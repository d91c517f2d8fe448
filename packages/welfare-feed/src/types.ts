/** Feed v1 as written by publishers (CONTRACT §4). Unknown properties are allowed. */
import type { Issue } from './issues.js';
import type { Lang } from './messages.js';

export type Text = string | Readonly<Record<string, string>>;

/** Where people go: shared by service locations and access points. */
export interface Place {
  address?: string;
  comune?: string;
  lat?: number;
  lon?: number;
  /** OpenStreetMap opening_hours, Europe/Rome time. */
  hours?: string;
  /** What the hours cannot say, in words ("Chiuso il 19 gennaio"). */
  hoursNote?: Text;
  [extra: string]: unknown;
}

/** One of several phone numbers. */
export interface Phone {
  number: string;
  description?: Text;
}

export interface FeedLocation extends Place {
  name?: Text;
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
  hoursNote?: Text;
  phone?: string;
  /** Every number when there are several; `phone` is the first. */
  phones?: Phone[];
  email?: string;
  website?: string;
  validFrom?: string;
  validThrough?: string;
  [extra: string]: unknown;
}

export interface FeedAccessPoint extends Place {
  id: string;
  name: Text;
  description?: Text;
  phone?: string;
  phones?: Phone[];
  email?: string;
  website?: string;
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
  /** Where the feed's places may be: comuni and/or a box (docs/feed-format.md). */
  territory?: Territory;
  [extra: string]: unknown;
}

export interface Territory {
  /** The comuni covered, by name or with their centre. */
  comuni?: Array<string | { name: string; lat?: number; lon?: number; patron?: { date: string; name?: string }; [extra: string]: unknown }>;
  /** GeoJSON bounding box: [west, south, east, north] in degrees. */
  area?: [number, number, number, number];
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

/** Options of the commands that write a feed (build, from-hsds). */
export interface OutputOptions {
  lang?: Lang;
  /** YYYY-MM-DD for expiry checks; defaults to today in Europe/Rome. */
  today?: string;
  /** The feed's title. */
  title?: Text;
  /** The feed's `updated`; defaults to now. */
  updated?: string;
}

/** What build and from-hsds return: the feed and every problem met on the way. */
export interface OutputResult {
  feed: Feed;
  issues: Issue[];
  errors: number;
  warnings: number;
}

/** Now, as ISO 8601 without milliseconds: 2026-06-01T08:00:00Z. */
export const nowIso = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
