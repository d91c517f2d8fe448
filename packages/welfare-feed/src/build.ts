import { normalize, slug, stableId, textValue } from './ids.js';
import { countBySeverity, Reporter, type Issue } from './issues.js';
import type { Lang } from './messages.js';
import { describeOrigin, locate, type Origin } from './origins.js';
import { child } from './paths.js';
import {
  KINDS,
  readCsvSource,
  readJsonSource,
  sourceKind,
  type EntryKind,
  type SourceData,
  type SourceEntry,
} from './sources.js';
import { explainJsonError } from './node-errors.js';
import { decodeText } from './text.js';
import { isObject, nowIso, str, type Feed, type Json, type OutputOptions, type OutputResult, type Text } from './types.js';
import { validateFeed } from './validate.js';

/** A source file: its text, or its bytes as read from disk (the encoding is then detected). */
export interface BuildSource {
  file: string;
  text?: string;
  bytes?: Uint8Array;
}

/** `title` overrides the title found in the JSON fragments. */
export type BuildOptions = OutputOptions;

export interface SourceSummary {
  file: string;
  kind: 'csv' | 'json';
  /** Rows or entries read. */
  read: number;
  services: number;
  accessPoints: number;
  categories: number;
  organizations: number;
  /** Entries left out of the feed. */
  skipped: number;
  errors: number;
  warnings: number;
}

export interface LikelyDuplicate {
  name: string;
  comune: string;
  /** The two services: id and where each came from. */
  first: { id: string; origin: Origin };
  second: { id: string; origin: Origin };
}

export interface BuildResult extends OutputResult {
  summaries: SourceSummary[];
  duplicates: LikelyDuplicate[];
}

/**
 * Merges spreadsheets and JSON fragments into one feed v1, in the order given.
 * Categories and organisations are merged by id (the first definition wins); services
 * without an id get a stable one; repeated ids are skipped; every issue says which
 * file (and line) it comes from.
 */
export function buildFeed(sources: readonly BuildSource[], options: BuildOptions = {}): BuildResult {
  const lang = options.lang ?? 'it';
  const r = new Reporter(lang);
  const data = sources.map((s) => readSource(s, r));
  const merger = new Merger(r);
  for (const kind of ['categories', 'organizations'] as const) {
    for (const d of data) for (const item of d.entries[kind]) merger.add(kind, item);
  }
  const lookups = { categories: lookup(merger.lists.categories), organizations: lookup(merger.lists.organizations) };
  for (const kind of ['services', 'accessPoints'] as const) {
    for (const d of data) {
      for (const item of d.entries[kind]) {
        if (item.typed) resolveTyped(item.entry, lookups);
        merger.add(kind, item);
      }
    }
  }

  const title = options.title ?? data.find((d) => d.title !== undefined)?.title;
  const territory = data.find((d) => d.territory !== undefined)?.territory;
  const patronDays = data.find((d) => d.patronDays !== undefined)?.patronDays;
  const feed: Feed = {
    version: 1,
    ...(title !== undefined ? { title } : {}),
    ...(territory !== undefined ? { territory: territory as Feed['territory'] } : {}),
    ...(patronDays !== undefined ? { patronDays } : {}),
    updated: options.updated ?? nowIso(),
    categories: merger.lists.categories as Feed['categories'],
    organizations: merger.lists.organizations as Feed['organizations'],
    services: merger.lists.services as Feed['services'],
    accessPoints: merger.lists.accessPoints as Feed['accessPoints'],
    notices: data.flatMap((d) => d.notices),
  };

  const duplicates = findDuplicates(merger, r, lang);
  const checked = validateFeed(feed, { lang, today: options.today });
  const issues = [...r.issues, ...checked.issues.map((i) => locate(i, merger.origins))];
  const { errors, warnings } = countBySeverity(issues);
  return { feed, issues, errors, warnings, summaries: summarize(data, merger, issues), duplicates };
}

/** The text of a source; bytes that are not UTF-8 are read as Windows-1252, with a note. */
export function sourceText(source: BuildSource, r: Reporter): string {
  if (source.bytes === undefined) return source.text ?? '';
  const { text, encoding } = decodeText(source.bytes);
  if (encoding !== 'utf-8') r.info('file_encoding', { file: source.file, encoding: encoding === 'windows-1252' ? 'Windows-1252' : 'UTF-16' }, { file: source.file });
  return text;
}

function readSource(source: BuildSource, r: Reporter): SourceData {
  const kind = sourceKind(source.file);
  const text = sourceText(source, r);
  if (kind === 'csv') return readCsvSource(source.file, text, r);
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const { reason, detail } = explainJsonError(e, text.replace(/^\uFEFF/, ''), r.lang);
    r.error('json_invalid', { file: source.file, reason }, { file: source.file }, detail);
  }
  return readJsonSource(source.file, value, r);
}

/** Builds the merged lists, remembering where each entry came from. */
class Merger {
  readonly lists: Record<EntryKind, Json[]> = { categories: [], organizations: [], services: [], accessPoints: [] };
  /** "$.services[3]" → origin. */
  readonly origins = new Map<string, Origin>();
  private readonly ids: Record<EntryKind, Map<string, SourceEntry>> = {
    categories: new Map(),
    organizations: new Map(),
    services: new Map(),
    accessPoints: new Map(),
  };

  constructor(private readonly r: Reporter) {}

  add(kind: EntryKind, item: SourceEntry): void {
    const entry = { ...item.entry };
    entry['id'] = str(entry['id']) ?? defaultId(kind, entry);
    const id = entry['id'] as string;
    const first = this.ids[kind].get(id);
    if (first) {
      const where = { ...item.origin };
      const params = { id, first: describeOrigin(first.origin, this.r.lang) };
      const sameDefinition = JSON.stringify(first.entry) === JSON.stringify(item.entry);
      if (kind === 'categories' || kind === 'organizations') {
        if (!sameDefinition) this.r.warn('definition_conflict', params, where);
      } else {
        this.r.error('build_duplicate_id', params, where);
        const file = item.origin.file ?? '';
        this.skipped.set(file, (this.skipped.get(file) ?? 0) + 1);
      }
      return;
    }
    this.ids[kind].set(id, item);
    this.origins.set(child(`$.${kind}`, this.lists[kind].length), item.origin);
    this.lists[kind].push(entry);
  }

  /** Entries left out because their id was taken, per file. */
  readonly skipped = new Map<string, number>();
}

function defaultId(kind: EntryKind, e: Json): string {
  const name = e['name'] as Text;
  if (kind === 'categories' || kind === 'organizations') return slug(textValue(name));
  if (kind === 'accessPoints') return stableId(name, ['access-point', str(e['comune'])]);
  return stableId(name, [str(e['organization']), firstComune(e)]);
}

function firstComune(e: Json): string | undefined {
  const locations = e['locations'];
  if (!Array.isArray(locations)) return undefined;
  for (const l of locations) if (isObject(l) && str(l['comune'])) return str(l['comune']);
  return undefined;
}

/** normalized id or name (any language) → id. */
function lookup(list: Json[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const e of list) {
    const id = String(e['id']);
    const name = e['name'];
    const names = typeof name === 'string' ? [name] : isObject(name) ? Object.values(name).map(String) : [];
    for (const n of names) if (!map.has(normalize(n))) map.set(normalize(n), id);
  }
  for (const e of list) map.set(normalize(String(e['id'])), String(e['id']));
  return map;
}

/** Spreadsheet cells may hold an id or a name ("Caritas Lodigiana", "Casa"). */
function resolveTyped(e: Json, lookups: { categories: Map<string, string>; organizations: Map<string, string> }): void {
  const org = str(e['organization']);
  if (org) e['organization'] = lookups.organizations.get(normalize(org)) ?? org;
  if (Array.isArray(e['categories'])) {
    e['categories'] = (e['categories'] as string[]).map((c) => lookups.categories.get(normalize(c)) ?? c);
  }
}

/** Same name (ignoring case, accents, punctuation) in the same comune, from different files. */
function findDuplicates(merger: Merger, r: Reporter, lang: Lang): LikelyDuplicate[] {
  const seen = new Map<string, { id: string; origin: Origin }>();
  const out: LikelyDuplicate[] = [];
  merger.lists.services.forEach((s, i) => {
    const origin = merger.origins.get(`$.services[${i}]`);
    if (!origin) return;
    const name = textValue(s['name']);
    const comuni = new Set<string>();
    for (const l of Array.isArray(s['locations']) ? s['locations'] : []) {
      const c = isObject(l) ? str(l['comune']) : undefined;
      if (c) comuni.add(c);
    }
    for (const comune of comuni) {
      const key = `${normalize(name)}|${normalize(comune)}`;
      const first = seen.get(key);
      const current = { id: String(s['id']), origin };
      if (!first) {
        seen.set(key, current);
      } else if (first.origin.file !== origin.file) {
        out.push({ name, comune, first, second: current });
        r.warn('likely_duplicate', { name, comune, first: describeOrigin(first.origin, lang) }, { ...origin, path: origin.path ?? `$.services[${i}]` });
        break;
      }
    }
  });
  return out;
}

function summarize(data: SourceData[], merger: Merger, issues: Issue[]): SourceSummary[] {
  return data.map((d) => {
    const mine = issues.filter((i) => i.file === d.file);
    const { errors, warnings } = countBySeverity(mine);
    const count = (kind: EntryKind) => [...merger.origins.entries()].filter(([p, o]) => o.file === d.file && p.startsWith(`$.${kind}[`)).length;
    const counts = Object.fromEntries(KINDS.map((k) => [k, count(k)])) as Record<EntryKind, number>;
    return { file: d.file, kind: d.kind, read: d.read, ...counts, skipped: d.skipped + (merger.skipped.get(d.file) ?? 0), errors, warnings };
  });
}
