import { editDistance } from './csv.js';
import { inItaly, inRange, RANGE, readTerritory, type Axis, type Territory } from './geo.js';
import { normalize } from './ids.js';
import { checkHours } from './hours.js';
import { territoryPatronDays } from './patron-days.js';
import type { Reporter } from './issues.js';
import { child } from './paths.js';
import { isObject, type Json } from './types.js';
import { checkMutualAidPost } from '@welfare-elements/core/mutual-aid/post.js';

const LISTS = ['categories', 'organizations', 'services', 'accessPoints'] as const;
type ListKey = (typeof LISTS)[number];

/** Entries of one top-level list that are objects, with their JSON path. */
function entries(feed: Json, key: ListKey): Array<[Json, string]> {
  const list = feed[key];
  if (!Array.isArray(list)) return [];
  const out: Array<[Json, string]> = [];
  list.forEach((e, i) => {
    if (isObject(e)) out.push([e, child(`$.${key}`, i)]);
  });
  return out;
}

const idOf = (e: Json): string | undefined =>
  typeof e['id'] === 'string' || typeof e['id'] === 'number' ? String(e['id']) : undefined;

/**
 * The checks a JSON Schema cannot make: references, repeated ids, plausible
 * coordinates, readable opening hours and validity dates.
 */
export function checkContent(feed: unknown, r: Reporter, today: string): void {
  if (!isObject(feed)) return;
  const ids = Object.fromEntries(LISTS.map((k) => [k, checkIds(entries(feed, k), r)])) as Record<ListKey, Map<string, string>>;
  for (const [id, path] of ids.accessPoints) {
    const first = ids.services.get(id);
    if (first) r.warn('id_shared', { id, first }, { path: child(path, 'id') });
  }

  const territory = readTerritory(feed['territory']);
  checkPatronDays(feed, territory, r);
  for (const [s, path] of entries(feed, 'services')) {
    const org = s['organization'];
    if (typeof org === 'string' && !ids.organizations.has(org)) {
      r.error('unknown_organization', { id: org, ...knownCodes(org, ids.organizations) }, { path: child(path, 'organization') });
    }
    const categories = s['categories'];
    if (Array.isArray(categories)) {
      categories.forEach((c, i) => {
        if (typeof c === 'string' && !ids.categories.has(c)) {
          r.error('unknown_category', { id: c, ...knownCodes(c, ids.categories) }, { path: child(child(path, 'categories'), i) });
        }
      });
    }
    checkHoursField(s, path, r);
    const locations = s['locations'];
    if (Array.isArray(locations)) {
      locations.forEach((l, i) => {
        if (!isObject(l)) return;
        checkCoordinates(l, child(child(path, 'locations'), i), r, territory);
        checkHoursField(l, child(child(path, 'locations'), i), r);
      });
    }
    checkValidity(s, path, r, today);
  }

  for (const [a, path] of entries(feed, 'accessPoints')) {
    checkCoordinates(a, path, r, territory);
    checkHoursField(a, path, r);
  }

  const notices = Array.isArray(feed['notices']) ? feed['notices'] : [];
  notices.forEach((n, i) => {
    if (isObject(n)) checkNotice(n, child('$.notices', i), ids, r, today);
  });
  checkMutualAid(feed['mutualAid'], ids.organizations, r, today);
}

/**
 * The mutual-aid posts (issue 19), by the same rules the elements and the hub use
 * (core's mutual-aid/post.ts): what fails them is not shown, so it is an error here.
 */
function checkMutualAid(value: unknown, organizations: Map<string, string>, r: Reporter, today: string): void {
  if (!Array.isArray(value)) return;
  const seen = new Map<string, string>();
  value.forEach((e, i) => {
    const path = child('$.mutualAid', i);
    const checked = checkMutualAidPost(e);
    if ('reason' in checked) {
      r.error(checked.code === 'contact' ? 'mutual_aid_contact' : 'mutual_aid_invalid', { reason: checked.reason }, { path });
      return;
    }
    const { post } = checked;
    const first = seen.get(post.id);
    if (first) r.error('duplicate_id', { id: post.id, first }, { path: child(path, 'id') });
    seen.set(post.id, path);
    if (!organizations.has(post.mediator)) r.error('mutual_aid_unknown_mediator', { id: post.mediator }, { path: child(path, 'mediator') });
    if (post.expires < today) r.warn('mutual_aid_expired', { date: post.expires }, { path: child(path, 'expires') });
  });
}

const hasText = (v: unknown) =>
  (typeof v === 'string' && !!v.trim()) || (isObject(v) && Object.values(v).some((t) => typeof t === 'string' && !!t.trim()));

/** What the board needs of a notice: text, dates in order, ids the feed has, an http(s) link. */
function checkNotice(n: Json, path: string, ids: Record<ListKey, Map<string, string>>, r: Reporter, today: string): void {
  if (!hasText(n['text']) && !hasText(n['title']) && !hasText(n['message']) && !hasText(n['name'])) r.error('notice_no_text', {}, { path });
  const refs = [
    ['services', ids.services, 'notice_unknown_service'],
    ['accessPoints', ids.accessPoints, 'notice_unknown_access_point'],
    ['categories', ids.categories, 'unknown_category'],
  ] as const;
  for (const [key, known, code] of refs) {
    const list = n[key];
    if (!Array.isArray(list)) continue;
    list.forEach((id, i) => {
      if (typeof id === 'string' && !known.has(id)) r.error(code, { id, ...knownCodes(id, known) }, { path: child(child(path, key), i) });
    });
  }
  const org = n['organization'];
  if (typeof org === 'string' && !ids.organizations.has(org)) {
    r.error('unknown_organization', { id: org, ...knownCodes(org, ids.organizations) }, { path: child(path, 'organization') });
  }
  const link = n['link'];
  if (link !== undefined && (typeof link !== 'string' || !/^https?:\/\/\S+$/i.test(link.trim()))) {
    r.error('notice_link', { value: JSON.stringify(link) }, { path: child(path, 'link') });
  }
  if (typeof n['hours'] === 'string' && n['kind'] !== 'closure') r.warn('notice_hours_ignored', {}, { path: child(path, 'hours') });
  else checkHoursField(n, path, r);
  const from = typeof n['validFrom'] === 'string' && DATE.test(n['validFrom']) ? n['validFrom'] : undefined;
  const through = typeof n['validThrough'] === 'string' && DATE.test(n['validThrough']) ? n['validThrough'] : undefined;
  if (from && through && from > through) r.error('notice_dates_reversed', { from, through }, { path: child(path, 'validFrom') });
  else if (through && through < today) r.warn('notice_expired', { date: through }, { path: child(path, 'validThrough') });
}

/** Returns id → path of its first use; reports every later use. */
function checkIds(list: Array<[Json, string]>, r: Reporter): Map<string, string> {
  const seen = new Map<string, string>();
  for (const [e, path] of list) {
    const id = idOf(e);
    if (id === undefined) continue;
    const first = seen.get(id);
    if (first) r.error('duplicate_id', { id, first }, { path: child(path, 'id') });
    else seen.set(id, path);
  }
  return seen;
}

/** How many valid codes an "unknown code" message lists before "and N more". */
const LISTED_CODES = 12;

/** The valid codes (a few, and how many more), and the closest one when it looks like a typo. */
function knownCodes(code: string, known: ReadonlyMap<string, string>): { known: string; more: number; suggestion?: string } {
  const all = [...known.keys()];
  const key = normalize(code);
  let suggestion: string | undefined;
  let best = 3;
  for (const id of all) {
    const distance = editDistance(key, normalize(id));
    if (distance < best && distance <= Math.max(1, Math.floor(id.length / 3))) [best, suggestion] = [distance, id];
  }
  return { known: all.slice(0, LISTED_CODES).join(', '), more: Math.max(0, all.length - LISTED_CODES), ...(suggestion ? { suggestion } : {}) };
}

export function checkCoordinates(e: Json, path: string, r: Reporter, territory?: Territory): void {
  const present = (['lat', 'lon'] as const).filter((axis) => e[axis] !== undefined && e[axis] !== null);
  if (territory?.comuni && typeof e['comune'] === 'string' && e['comune'].trim() && !territory.comuni.has(normalize(e['comune']))) {
    r.warn('comune_outside_territory', { comune: e['comune'], known: [...territory.comuni.values()].join(', ') }, { path: child(path, 'comune') });
  }
  if (present.length === 0) return;
  let valid = true;
  for (const axis of present) valid = checkAxis(axis, e[axis], child(path, axis), r) && valid;
  if (present.length === 1) {
    r.warn('coord_half', {}, { path });
    return;
  }
  if (!valid) return;
  const lat = e['lat'] as number;
  const lon = e['lon'] as number;
  const inside = territory?.area ? (la: number, lo: number) => territory.contains(la, lo) : inItaly;
  if (inside(lat, lon)) return;
  // Swapped axes are the commonest slip: the map would zoom out to the Horn of Africa.
  if (inside(lon, lat)) r.error('coord_swapped', { lat, lon }, { path });
  else if (territory?.area) r.error('coord_outside_territory', { lat, lon, area: territory.describe }, { path });
  else r.warn('coord_outside_italy', { lat, lon }, { path });
}

function checkAxis(axis: Axis, value: unknown, path: string, r: Reporter): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    r.error('coord_not_number', { axis, value: JSON.stringify(value) }, { path });
    return false;
  }
  if (!inRange(axis, value)) {
    const [min, max] = RANGE[axis];
    r.error('coord_range', { axis, value, min, max }, { path });
    return false;
  }
  return true;
}

function checkHoursField(e: Json, path: string, r: Reporter): void {
  const value = e['hours'];
  if (typeof value !== 'string' || !value.trim()) return;
  const result = checkHours(value, r.lang);
  const where = { path: child(path, 'hours') };
  if (result.error !== undefined) r.error('hours_invalid', { value }, where, result.error);
  else if (result.warnings.length) r.warn('hours_warning', { value }, where, result.warnings.join('\n'));
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkValidity(s: Json, path: string, r: Reporter, today: string): void {
  const from = typeof s['validFrom'] === 'string' && DATE.test(s['validFrom']) ? s['validFrom'] : undefined;
  const through = typeof s['validThrough'] === 'string' && DATE.test(s['validThrough']) ? s['validThrough'] : undefined;
  if (from && through && from > through) {
    r.error('validity_reversed', { from, through }, { path: child(path, 'validFrom') });
  } else if (through && through < today) {
    r.warn('service_expired', { date: through }, { path: child(path, 'validThrough') });
  }
}

/**
 * `patronDays` next to the patrons written on the territory's comuni: a comune the
 * territory does not list is probably misspelt (its places would never close that day),
 * and two different dates for one comune cannot both be right.
 */
function checkPatronDays(feed: Json, territory: Territory | undefined, r: Reporter): void {
  const onTerritory = new Map(territoryPatronDays(feed['territory']).map(({ entry, index }) => [normalize(entry.comune), { entry, index }]));
  const list = Array.isArray(feed['patronDays']) ? feed['patronDays'] : [];
  list.forEach((p, i) => {
    if (!isObject(p) || typeof p['comune'] !== 'string' || !p['comune'].trim()) return;
    const path = child('$.patronDays', i);
    const key = normalize(p['comune']);
    if (territory?.comuni && !territory.comuni.has(key)) {
      r.warn('patron_outside_territory', { comune: p['comune'], known: [...territory.comuni.values()].join(', ') }, { path: child(path, 'comune') });
    }
    const other = onTerritory.get(key);
    if (other && typeof p['date'] === 'string' && other.entry.date !== p['date']) {
      const where = child(child(child('$.territory.comuni', other.index), 'patron'), 'date');
      r.error('patron_conflict', { comune: p['comune'], date: p['date'], other: other.entry.date, where }, { path: child(path, 'date') });
    }
  });
}
