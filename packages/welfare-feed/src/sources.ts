import { readServicesCsv } from './csv.js';
import type { Reporter } from './issues.js';
import type { Origin } from './origins.js';
import { child } from './paths.js';
import { isObject, str, type Json, type Text } from './types.js';

export const KINDS = ['categories', 'organizations', 'services', 'accessPoints'] as const;
export type EntryKind = (typeof KINDS)[number];


export interface SourceEntry {
  entry: Json;
  origin: Origin;
  /** Spreadsheet rows name organisations and categories as typed: resolve them. */
  typed: boolean;
}

/** One source file read into entries, before merging. */
export interface SourceData {
  file: string;
  kind: 'csv' | 'json';
  title?: Text;
  /** Where places may be (`territory` of the base file), carried into the feed. */
  territory?: unknown;
  /** `patronDays` of the base file, carried into the feed. */
  patronDays?: unknown;
  entries: Record<EntryKind, SourceEntry[]>;
  notices: unknown[];
  read: number;
  skipped: number;
}

export function sourceKind(file: string): 'csv' | 'json' | undefined {
  if (/\.(csv|tsv|txt)$/i.test(file)) return 'csv';
  if (/\.json$/i.test(file)) return 'json';
  return undefined;
}

function emptySource(file: string, kind: 'csv' | 'json'): SourceData {
  return { file, kind, entries: { categories: [], organizations: [], services: [], accessPoints: [] }, notices: [], read: 0, skipped: 0 };
}

export function readCsvSource(file: string, text: string, r: Reporter): SourceData {
  const data = emptySource(file, 'csv');
  const csv = readServicesCsv(text, file, r);
  data.entries.services = csv.entries.map(({ line, service }) => ({ entry: service, origin: { file, line }, typed: true }));
  data.read = csv.rows;
  data.skipped = csv.skipped;
  return data;
}

/**
 * A JSON fragment is either an object shaped like a feed (any of categories,
 * organizations, services, accessPoints, notices, title) or a bare list of services.
 */
export function readJsonSource(file: string, value: unknown, r: Reporter): SourceData {
  const data = emptySource(file, 'json');
  const root: Json | undefined = Array.isArray(value) ? { services: value } : isObject(value) ? value : undefined;
  if (!root) {
    r.error('fragment_shape', {}, { file, path: '$' });
    return data;
  }
  const basePath = Array.isArray(value) ? () => '$' : (kind: string) => `$.${kind}`;
  if (root['title'] !== undefined) data.title = root['title'] as Text;
  if (root['territory'] !== undefined) data.territory = root['territory'];
  if (root['patronDays'] !== undefined) data.patronDays = root['patronDays'];
  if (Array.isArray(root['notices'])) data.notices = root['notices'];
  for (const kind of KINDS) {
    const list = root[kind];
    if (!Array.isArray(list)) continue;
    list.forEach((entry, i) => {
      data.read++;
      const path = child(basePath(kind), i);
      if (!isObject(entry)) {
        r.error('entry_not_object', {}, { file, path });
        data.skipped++;
      } else if (!hasName(entry['name'])) {
        r.error('entry_missing_name', {}, { file, path });
        data.skipped++;
      } else {
        data.entries[kind].push({ entry, origin: { file, path }, typed: false });
      }
    });
  }
  return data;
}

function hasName(name: unknown): boolean {
  if (str(name)) return true;
  return isObject(name) && Object.values(name).some((v) => str(v));
}
