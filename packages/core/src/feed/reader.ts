import type { PatronDay } from '../hours/holidays.js';
import { webHref } from './links.js';
import type {
  AccessPoint,
  Category,
  Feed,
  FeedIssue,
  GeoPoint,
  LocalizedText,
  Notice,
  NoticeKind,
  Organization,
  OrganizationKind,
  ReadResult,
  Service,
  ServiceLocation,
  Contacts,
  ThesaurusEntry,
} from './types.js';

/**
 * Why a whole feed could not be used. Entries never cause this; only the envelope.
 * `cors`: a feed on another site could not be fetched while the browser was online,
 * which is most often a missing `Access-Control-Allow-Origin` header on that server.
 */
export type FeedErrorCode = 'network' | 'cors' | 'timeout' | 'http' | 'json' | 'version' | 'format';

export class FeedError extends Error {
  constructor(
    readonly code: FeedErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'FeedError';
  }
}

/**
 * Longest text kept per field. A feed written by dozens of organisations can carry a
 * pasted document; cutting it keeps memory and layout sane.
 */
export const TEXT_LIMITS = { name: 300, description: 4000, short: 500 } as const;

/** Thesaurus entries read from a feed; more is not a thesaurus but a mistake. */
const THESAURUS_LIMIT = 2_000;

export interface ReadOptions {
  /** "Today" for the validity window; defaults to the current date in Europe/Rome. */
  readonly today?: string;
}

type Json = Record<string, unknown>;

const NOTICE_KINDS: readonly NoticeKind[] = ['news', 'closure', 'deadline', 'event'];

interface KnownIds {
  readonly services: ReadonlySet<string>;
  readonly accessPoints: ReadonlySet<string>;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const romeDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The date (YYYY-MM-DD) in Europe/Rome, where every service of the feed lives. Built from
 * the parts, not from a locale's pattern: 'en-CA' gives YYYY-MM-DD only with recent CLDR
 * data, and Safari/WebKit builds with older data gave "12/02/2026", which hid every dated
 * service as "not yet valid".
 */
export function romeToday(now: Date = new Date()): string {
  const parts = romeDate.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * Reads an untrusted feed v1 object. Never throws for bad entries: each is skipped
 * (or stripped of a bad field) with a reason in `issues`. Throws FeedError only when
 * the value is not a feed at all or has another version.
 */
export function readFeed(raw: unknown, options: ReadOptions = {}): ReadResult {
  return new FeedReader(options).finish(raw);
}

/**
 * Reads a feed in parts, for a feed that arrives as a stream (feed/stream.ts): the
 * entries of `services` are handed over in batches while the rest of the file is still
 * downloading, then `finish` reads the envelope (every other field). `readFeed` is the
 * one-shot form. Services read here are kept; a `services` field of the envelope given
 * to `finish` is read only when no batch came in.
 */
export class FeedReader {
  private readonly reader: EntryReader;

  constructor(options: ReadOptions = {}) {
    this.reader = new EntryReader(options.today ?? romeToday());
  }

  /** Starts (or restarts, for a repeated "services" key: the last one wins, as in JSON.parse) the services. */
  beginServices(): void {
    this.reader.beginServices();
  }

  /** Reads the next entries of `services`, in feed order. */
  addServices(entries: readonly unknown[]): void {
    this.reader.addServices(entries);
  }

  /** Reads everything else and returns the result. Throws FeedError for a value that is not a v1 feed. */
  finish(raw: unknown): ReadResult {
    if (!isObject(raw)) throw new FeedError('format', 'The feed is not a JSON object.');
    if (raw['version'] !== 1) {
      throw new FeedError('version', `Unsupported feed version: ${String(JSON.stringify(raw['version'])).slice(0, 40)}.`);
    }
    return this.reader.read(raw);
  }
}

/**
 * Services read so far: how many were valid (to count the hidden ones), the current ones,
 * and what the filters need from them, gathered as they come.
 */
interface ServiceBatchState {
  read: number;
  index: number;
  hasHours: boolean;
  readonly seen: Set<string>;
  readonly current: Service[];
  /** Their issues, kept apart so that `issues` stays in feed order whatever came first. */
  readonly issues: FeedIssue[];
  readonly comuni: Set<string>;
  readonly audiences: Set<string>;
}

class EntryReader {
  readonly issues: FeedIssue[] = [];
  /** Where note() writes: `issues`, or the services' own list while they are read. */
  private noted: FeedIssue[] = this.issues;
  skipped = 0;
  hidden = 0;
  private streamed?: ServiceBatchState;

  constructor(private readonly today: string) {}

  beginServices(): void {
    this.streamed = { read: 0, index: 0, hasHours: false, seen: new Set(), current: [], issues: [], comuni: new Set(), audiences: new Set() };
  }

  addServices(entries: readonly unknown[]): void {
    if (!this.streamed) this.beginServices();
    const state = this.streamed!;
    // One path array for every entry: note() spells it out at once, nothing keeps it.
    const path: ['services', number] = ['services', 0];
    this.noted = state.issues;
    for (const entry of entries) {
      path[1] = state.index++;
      const service = this.entry(entry, path, state.seen, (e, p) => this.service(e, p));
      if (!service) continue;
      state.read++;
      if (!this.isCurrent(service)) continue;
      state.current.push(service);
      if (service.hours) state.hasHours = true;
      for (const a of service.audiences) state.audiences.add(a);
      for (const l of service.locations) {
        if (l.comune) state.comuni.add(l.comune);
        if (l.hours) state.hasHours = true;
      }
    }
    this.noted = this.issues;
  }

  read(raw: Json): ReadResult {
    const categories = this.list(raw, 'categories', (e, p) => this.category(e, p));
    const organizations = this.list(raw, 'organizations', (e, p) => this.organization(e, p));
    if (!this.streamed) {
      this.beginServices();
      const value = raw['services'];
      if (Array.isArray(value)) this.addServices(value);
      else if (value !== undefined) this.note('$.services', '"services" is not an array', true);
    }
    const { current: services, read, comuni, audiences } = this.streamed!;
    this.issues.push(...this.streamed!.issues);
    let hasHours = this.streamed!.hasHours;
    this.hidden = read - services.length;
    const accessPoints = this.list(raw, 'accessPoints', (e, p) => this.accessPoint(e, p));
    // Notices may name any service the feed has, also one outside its validity window.
    const known: KnownIds = { services: this.streamed!.seen, accessPoints: new Set(accessPoints.map((a) => a.id)) };
    const notices = this.list(raw, 'notices', (e, p) => this.notice(e, p, known));
    // Mutual aid (issue 19) is kept as it came: its rules are read by the board's own chunk.
    const mutualAid = raw['mutualAid'];
    if (mutualAid !== undefined && !Array.isArray(mutualAid)) this.note('$.mutualAid', '"mutualAid" is not an array', true);
    const thesaurus = this.thesaurus(raw['thesaurus']);
    const hoursCompiled = this.hoursCompiled(raw['hoursCompiled']);
    const patronDays = this.patronDays(raw['patronDays']);

    for (const a of accessPoints) {
      if (a.comune) comuni.add(a.comune);
      if (a.hours) hasHours = true;
    }
    if (notices.some((n) => n.kind === 'closure' && n.hours)) hasHours = true;
    const sort = (values: Set<string>) => [...values].sort((a, b) => a.localeCompare(b, 'it'));

    const feed: Feed = {
      version: 1,
      title: text(raw['title'], TEXT_LIMITS.short),
      updated: str(raw['updated'], TEXT_LIMITS.short),
      categories,
      organizations,
      services,
      accessPoints,
      notices,
      ...(Array.isArray(mutualAid) ? { mutualAid } : {}),
      ...(thesaurus.length ? { thesaurus } : {}),
      ...(hoursCompiled.size ? { hoursCompiled } : {}),
      ...(patronDays.length ? { patronDays } : {}),
      comuni: sort(comuni),
      audiences: sort(audiences),
      hasHours,
    };
    return { feed, issues: this.issues, skipped: this.skipped, hidden: this.hidden };
  }

  /** Reads one array of the feed; entries with a repeated id are dropped. */
  private list<T extends { id?: string }>(
    raw: Json,
    key: string,
    readEntry: (entry: Json, path: Path) => T | undefined,
  ): T[] {
    const value = raw[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.note(`$.${key}`, `"${key}" is not an array`, true);
      return [];
    }
    const out: T[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < value.length; i++) {
      const item = this.entry(value[i], [key, i], seen, readEntry);
      if (item) out.push(item);
    }
    return out;
  }

  /** One entry of an array: an object, read, with an id not seen before in that array. */
  private entry<T extends { id?: string }>(
    entry: unknown,
    path: Path,
    seen: Set<string>,
    readEntry: (entry: Json, path: Path) => T | undefined,
  ): T | undefined {
    if (!isObject(entry)) return void this.note(path, 'entry is not an object', true);
    const item = readEntry(entry, path);
    if (!item) return undefined;
    if (item.id !== undefined) {
      if (seen.has(item.id)) return void this.note(path, `repeated id "${item.id}"`, true);
      seen.add(item.id);
    }
    return item;
  }

  private note(path: Path | string, reason: string, dropped: boolean): void {
    this.noted.push({ path: typeof path === 'string' ? path : spell(path), reason, dropped });
    if (dropped) this.skipped++;
  }

  /** id and name are required everywhere (CONTRACT §4). */
  private identity(e: Json, path: Path): { id: string; name: LocalizedText } | undefined {
    const id = typeof e['id'] === 'number' ? String(e['id']) : str(e['id'], TEXT_LIMITS.short);
    if (!id) return void this.note(path, 'missing "id"', true);
    const name = text(e['name'], TEXT_LIMITS.name);
    if (!name) return void this.note(path, `missing "name" (id "${id}")`, true);
    return { id, name };
  }

  private category(e: Json, path: Path): Category | undefined {
    const base = this.identity(e, path);
    if (!base) return undefined;
    const color = str(e['color'], 32);
    return { ...base, ...(color && /^#[0-9a-f]{3,8}$/i.test(color) ? { color } : {}) };
  }

  private organization(e: Json, path: Path): Organization | undefined {
    const base = this.identity(e, path);
    if (!base) return undefined;
    const kinds: OrganizationKind[] = ['public', 'third-sector', 'other'];
    const kind = kinds.includes(e['kind'] as OrganizationKind) ? (e['kind'] as OrganizationKind) : 'other';
    return { ...base, kind, ...this.website(e, path) };
  }

  private service(e: Json, path: Path): Service | undefined {
    const base = this.identity(e, path);
    if (!base) return undefined;
    const locations: ServiceLocation[] = [];
    if (Array.isArray(e['locations'])) {
      e['locations'].forEach((l, i) => {
        if (!isObject(l)) return this.note([...path, 'locations', i], 'location is not an object', false);
        const location: Mutable<ServiceLocation> = {};
        put(location, 'name', text(l['name'], TEXT_LIMITS.short));
        put(location, 'address', str(l['address'], TEXT_LIMITS.short));
        put(location, 'comune', str(l['comune'], TEXT_LIMITS.short));
        put(location, 'position', this.position(l, path, i));
        put(location, 'hours', str(l['hours'], TEXT_LIMITS.short));
        put(location, 'hoursNote', text(l['hoursNote'], TEXT_LIMITS.short));
        locations.push(location);
      });
    }
    const service: Mutable<Service> = {
      type: 'service',
      id: base.id,
      name: base.name,
      categories: strings(e['categories']),
      audiences: strings(e['audiences']),
      keywords: strings(e['keywords']),
      locations,
    };
    put(service, 'description', this.description(e, path));
    put(service, 'organization', str(e['organization'], TEXT_LIMITS.short));
    put(service, 'hours', str(e['hours'], TEXT_LIMITS.short));
    put(service, 'hoursNote', text(e['hoursNote'], TEXT_LIMITS.short));
    this.contacts(service, e, path);
    // `verified` (an extension, issue 18): the day the publisher last checked the entry.
    for (const key of ['validFrom', 'validThrough', 'verified'] as const) {
      const value = date(e[key]);
      if (e[key] !== undefined && !value) this.note([...path, key], `${key} is not a date (YYYY-MM-DD); ignored`, false);
      put(service, key, value);
    }
    return service;
  }

  private accessPoint(e: Json, path: Path): AccessPoint | undefined {
    const base = this.identity(e, path);
    if (!base) return undefined;
    const point: Mutable<AccessPoint> = { type: 'access-point', id: base.id, name: base.name };
    put(point, 'description', this.description(e, path));
    put(point, 'address', str(e['address'], TEXT_LIMITS.short));
    put(point, 'comune', str(e['comune'], TEXT_LIMITS.short));
    put(point, 'position', this.position(e, path));
    put(point, 'hours', str(e['hours'], TEXT_LIMITS.short));
    put(point, 'hoursNote', text(e['hoursNote'], TEXT_LIMITS.short));
    this.contacts(point, e, path);
    return point;
  }

  /** Phone, email and website; a website that is not http(s) is removed. */
  private contacts(target: Mutable<Contacts>, e: Json, path: Path): void {
    put(target, 'phone', str(e['phone'], TEXT_LIMITS.short));
    // Several numbers (extension): objects with a number; anything else is left out.
    const phones = Array.isArray(e['phones'])
      ? e['phones'].slice(0, 10).flatMap((p) => {
          const number = isObject(p) ? str(p['number'], TEXT_LIMITS.short) : undefined;
          if (!number || !isObject(p)) return [];
          const description = text(p['description'], TEXT_LIMITS.short);
          return [description ? { number, description } : { number }];
        })
      : [];
    if (phones.length) target.phones = phones;
    put(target, 'email', str(e['email'], TEXT_LIMITS.short));
    put(target, 'website', this.website(e, path).website);
  }

  /**
   * A notice: `text` (or, in older feeds, `message` or `name`) is required, or at least a
   * title. Skipped with a reason: an unknown `kind`, dates the wrong way round (it would
   * never be shown), a closure whose every service and access point is unknown. Ids the
   * feed does not have, a link that is not http(s) and unreadable dates are removed.
   */
  private notice(e: Json, path: Path, known: KnownIds): Notice | undefined {
    const title = text(e['title'], TEXT_LIMITS.short);
    const body = text(e['text'] ?? e['message'] ?? e['name'], TEXT_LIMITS.description) ?? title;
    if (!body) return void this.note(path, 'notice without text', true);
    const kind = e['kind'] ?? 'news';
    if (!NOTICE_KINDS.includes(kind as NoticeKind)) {
      return void this.note(path, `unknown notice kind ${JSON.stringify(kind)} (news, closure, deadline or event)`, true);
    }
    const dates: Record<'date' | 'validFrom' | 'validThrough', string | undefined> = { date: undefined, validFrom: undefined, validThrough: undefined };
    for (const key of ['date', 'validFrom', 'validThrough'] as const) {
      dates[key] = date(e[key]);
      if (e[key] !== undefined && !dates[key]) this.note([...path, key], `${key} is not a date (YYYY-MM-DD); removed`, false);
    }
    if (dates.validFrom && dates.validThrough && dates.validFrom > dates.validThrough) {
      return void this.note(path, `validFrom ${dates.validFrom} is after validThrough ${dates.validThrough}`, true);
    }
    const services = this.references(e, path, 'services', known.services);
    const accessPoints = this.references(e, path, 'accessPoints', known.accessPoints);
    if (kind === 'closure' && services.named + accessPoints.named > 0 && !services.ids.length && !accessPoints.ids.length) {
      return void this.note(path, 'closure of services or access points the feed does not have', true);
    }
    const notice: Mutable<Notice> = {
      kind: kind as NoticeKind,
      text: body,
      services: services.ids,
      accessPoints: accessPoints.ids,
      categories: strings(e['categories']),
    };
    put(notice, 'id', typeof e['id'] === 'number' ? String(e['id']) : str(e['id'], TEXT_LIMITS.short));
    if (title && title !== body) put(notice, 'title', title);
    put(notice, 'date', dates.date);
    put(notice, 'validFrom', dates.validFrom);
    put(notice, 'validThrough', dates.validThrough);
    put(notice, 'organization', str(e['organization'], TEXT_LIMITS.short));
    put(notice, 'comune', str(e['comune'], TEXT_LIMITS.short));
    put(notice, 'hours', str(e['hours'], TEXT_LIMITS.short));
    if (e['link'] !== undefined) {
      const link = webHref(e['link']);
      if (!link) this.note([...path, 'link'], 'link is not an http(s) URL; removed', false);
      put(notice, 'link', link);
    }
    return notice;
  }

  /** The ids in `e[key]` that the feed has; the others are noted and removed. */
  private references(e: Json, path: Path, key: 'services' | 'accessPoints', known: ReadonlySet<string>): { ids: string[]; named: number } {
    const named = strings(e[key]);
    const ids = named.filter((id) => known.has(id));
    if (ids.length < named.length) {
      const unknown = named.filter((id) => !known.has(id)).map((id) => JSON.stringify(id)).join(', ');
      this.note([...path, key], `unknown ${key === 'services' ? 'service' : 'access point'} ids ${unknown}; removed`, false);
    }
    return { ids, named: named.length };
  }

  /**
   * The optional `hoursCompiled` (extension, docs/feed-format.md): an object from an
   * hours string to its compiled form. Each form is checked by the small evaluator when it
   * is loaded (a lazy chunk, like the evaluator); one that is not well made is ignored and
   * the string is read as written.
   */
  private hoursCompiled(value: unknown): Map<string, unknown> {
    const out = new Map<string, unknown>();
    if (value === undefined) return out;
    if (!isObject(value)) {
      this.note('$.hoursCompiled', '"hoursCompiled" is not an object; ignored', false);
      return out;
    }
    for (const [hours, form] of Object.entries(value)) out.set(hours, form);
    return out;
  }

  /**
   * The optional `patronDays` (extension): `{ "comune": "Lodi", "date": "01-19",
   * "name": "San Bassiano" }`, a public holiday in that comune only.
   */
  private patronDays(value: unknown): PatronDay[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.note('$.patronDays', '"patronDays" is not an array; ignored', false);
      return [];
    }
    const out: PatronDay[] = [];
    value.forEach((e, i) => {
      const m = isObject(e) && typeof e['date'] === 'string' ? /^(\d{2})-(\d{2})$/.exec(e['date']) : null;
      const comune = isObject(e) ? str(e['comune'], TEXT_LIMITS.short) : undefined;
      const month = m ? +m[1]! : 0;
      const day = m ? +m[2]! : 0;
      if (!comune || month < 1 || month > 12 || day < 1 || day > 31) {
        this.note(['patronDays', i], 'patron day needs "comune" and "date" as MM-DD; ignored', false);
        return;
      }
      const name = (isObject(e) && str(e['name'], TEXT_LIMITS.short)) || comune;
      out.push({ comune, month, day, name });
    });
    return out;
  }

  /**
   * The optional `thesaurus` (extension): entries with `words` and `means`, each a list
   * of short strings. A bad entry is skipped with a note; it never stops the feed.
   */
  private thesaurus(value: unknown): ThesaurusEntry[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.note('$.thesaurus', '"thesaurus" is not an array; ignored', false);
      return [];
    }
    const out: ThesaurusEntry[] = [];
    value.slice(0, THESAURUS_LIMIT).forEach((e, i) => {
      const words = isObject(e) ? strings(e['words']).slice(0, 50) : [];
      const means = isObject(e) ? strings(e['means']).slice(0, 50) : [];
      if (words.length && means.length) out.push({ words, means });
      else this.note(['thesaurus', i], 'thesaurus entry needs "words" and "means", lists of strings; ignored', false);
    });
    return out;
  }

  private description(e: Json, path: Path): LocalizedText | undefined {
    const raw = e['description'];
    const cut = text(raw, TEXT_LIMITS.description);
    const long = (v: unknown) => typeof v === 'string' && v.length > TEXT_LIMITS.description;
    if (cut && (long(raw) || (isObject(raw) && Object.values(raw).some(long)))) {
      this.note(path, `description cut to ${TEXT_LIMITS.description} characters`, false);
    }
    return cut;
  }

  private website(e: Json, path: Path): { website?: string } {
    if (e['website'] === undefined) return {};
    const href = webHref(e['website']);
    if (!href) this.note([...path, 'website'], 'website is not an http(s) URL; removed', false);
    return href ? { website: href } : {};
  }

  /**
   * Coordinates must be numbers in range; a wrong pair only loses the map position.
   * `location` is the index in `locations` when `e` is one (its path is built only for a note).
   */
  private position(e: Json, path: Path, location?: number): GeoPoint | undefined {
    const { lat, lon } = e;
    if (lat === undefined && lon === undefined) return undefined;
    const ok =
      typeof lat === 'number' && typeof lon === 'number' &&
      Number.isFinite(lat) && Number.isFinite(lon) &&
      lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
    if (!ok) {
      this.note(location === undefined ? path : [...path, 'locations', location], 'coordinates are not numbers within range; kept without a map position', false);
      return undefined;
    }
    return { lat, lon };
  }

  private isCurrent(s: Service): boolean {
    if (s.validFrom && s.validFrom > this.today) return false;
    if (s.validThrough && s.validThrough < this.today) return false;
    return true;
  }
}

function str(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  return trimmed.length > max ? `${trimmed.slice(0, max - 1)}…` : trimmed;
}

/** A string, or an object of language codes to strings (CONTRACT §4). */
function text(value: unknown, max: number): LocalizedText | undefined {
  if (typeof value === 'string') {
    const s = str(value, max);
    return s ? { it: s } : undefined;
  }
  if (!isObject(value)) return undefined;
  const out: Record<string, string> = {};
  for (const [lang, v] of Object.entries(value)) {
    const s = str(v, max);
    if (s && /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(lang)) out[lang] = s;
  }
  return Object.keys(out).length ? out : undefined;
}

function strings(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  // Most feeds are clean: keep their array when every item is a short, trimmed,
  // non-empty string and none repeats (one pass, no copy).
  let clean = true;
  for (let i = 0; clean && i < value.length; i++) clean = isCleanString(value[i]) && value.indexOf(value[i]) === i;
  if (clean) return value as string[];
  const out: string[] = [];
  for (const v of value) {
    const s = str(v, TEXT_LIMITS.short);
    if (s && !out.includes(s)) out.push(s);
  }
  return out;
}

function isCleanString(v: unknown): boolean {
  return typeof v === 'string' && v.length > 0 && v.length <= TEXT_LIMITS.short && v.trim() === v;
}

/**
 * A YYYY-MM-DD prefix of an ISO date that names a real day, or undefined: `2026-13-45`
 * is no date (compared as text it would lie in the future and hide a service for ever).
 */
function date(value: unknown): string | undefined {
  const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const real = new Date(Date.UTC(year, month - 1, day));
  return real.getUTCMonth() === month - 1 && real.getUTCDate() === day ? m[0] : undefined;
}

/** A JSON path kept as parts: `['services', 3]` is `$.services[3]`. */
type Path = readonly (string | number)[];

function spell(path: Path): string {
  return '$' + path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Sets a field only when it has a value, so optional properties stay absent. (Deleting
 * undefined fields afterwards was a third of the reading time on 50,000 services.)
 */
function put<T, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}
