import { inItaly, inRange, RANGE, type Axis } from './geo.js';
import { checkHours } from './hours.js';
import type { Reporter } from './issues.js';
import { child } from './paths.js';
import { isObject, type Json } from './types.js';

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

  for (const [s, path] of entries(feed, 'services')) {
    const org = s['organization'];
    if (typeof org === 'string' && !ids.organizations.has(org)) {
      r.error('unknown_organization', { id: org }, { path: child(path, 'organization') });
    }
    const categories = s['categories'];
    if (Array.isArray(categories)) {
      categories.forEach((c, i) => {
        if (typeof c === 'string' && !ids.categories.has(c)) r.error('unknown_category', { id: c }, { path: child(child(path, 'categories'), i) });
      });
    }
    checkHoursField(s, path, r);
    const locations = s['locations'];
    if (Array.isArray(locations)) {
      locations.forEach((l, i) => {
        if (!isObject(l)) return;
        checkCoordinates(l, child(child(path, 'locations'), i), r);
        checkHoursField(l, child(child(path, 'locations'), i), r);
      });
    }
    checkValidity(s, path, r, today);
  }

  for (const [a, path] of entries(feed, 'accessPoints')) {
    checkCoordinates(a, path, r);
    checkHoursField(a, path, r);
  }

  const notices = Array.isArray(feed['notices']) ? feed['notices'] : [];
  notices.forEach((n, i) => {
    if (isObject(n)) checkNotice(n, child('$.notices', i), ids, r, today);
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
      if (typeof id === 'string' && !known.has(id)) r.error(code, { id }, { path: child(child(path, key), i) });
    });
  }
  const org = n['organization'];
  if (typeof org === 'string' && !ids.organizations.has(org)) r.error('unknown_organization', { id: org }, { path: child(path, 'organization') });
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

export function checkCoordinates(e: Json, path: string, r: Reporter): void {
  const present = (['lat', 'lon'] as const).filter((axis) => e[axis] !== undefined && e[axis] !== null);
  if (present.length === 0) return;
  let valid = true;
  for (const axis of present) valid = checkAxis(axis, e[axis], child(path, axis), r) && valid;
  if (present.length === 1) {
    r.warn('coord_half', {}, { path });
  } else if (valid && !inItaly(e['lat'] as number, e['lon'] as number)) {
    r.warn('coord_outside_italy', { lat: e['lat'] as number, lon: e['lon'] as number }, { path });
  }
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
  const result = checkHours(value);
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
