import { createHash } from 'node:crypto';
import type { Queryable } from '../db/db.js';
import { isExpired } from '../records/offers.js';
import { expireMutualAid, mutualAidForFeed } from '../mutual-aid/store.js';

export interface BuiltFeed {
  version: 1;
  title: unknown;
  updated: string;
  categories: unknown[];
  organizations: unknown[];
  services: Record<string, unknown>[];
  accessPoints: unknown[];
  notices: unknown[];
  [extra: string]: unknown;
}

/** A published copy already read, with the hash of its content (computed once). */
export interface CachedService {
  /**
   * The row's `xmin` (the transaction that wrote this version of the row) and version:
   * any UPDATE of the row moves xmin, even one made behind the API's back.
   */
  key: string;
  data: Record<string, unknown>;
  hash: string;
}

const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url');

export const DEFAULT_TITLE = { it: "Servizi dell'Ambito", en: 'Services of the district' };

/**
 * The feed v1 made of what is published now: approved offers (their approved copy, not
 * drafts being edited) of organisations not disabled and not past their validity, access
 * points not archived, published notices, the office's categories and settings.
 */
export async function buildFeed(q: Queryable, today: string, updated: string, cache?: Map<string, CachedService>): Promise<BuiltFeed> {
  const settings = new Map((await q.query<{ key: string; value: unknown }>('SELECT key, value FROM settings')).rows.map((r) => [r.key, r.value]));
  // Archived categories leave the feed: archiving is refused while an offer still names one.
  const categories = (await q.query<{ data: unknown }>('SELECT data FROM categories WHERE NOT archived ORDER BY position, id')).rows.map((r) => r.data);
  // Each comune's patron saint day, a holiday there (feed extension `patronDays`).
  const patronDays = (
    await q.query<{ name: string; patron: string | null; patron_date: string }>('SELECT name, patron, patron_date FROM comuni WHERE NOT archived AND patron_date IS NOT NULL ORDER BY name')
  ).rows.map((k) => ({ comune: k.name, date: k.patron_date, ...(k.patron ? { name: k.patron } : {}) }));
  const organizations = (
    await q.query<{ id: string; name: string; kind: string; website: string | null }>('SELECT id, name, kind, website FROM organisations WHERE NOT disabled ORDER BY id')
  ).rows.map((o) => ({ id: o.id, name: o.name, kind: o.kind, ...(o.website ? { website: o.website } : {}) }));
  const services = (await publishedServices(q, cache ?? new Map())).filter((d) => !isExpired(d, today));
  const accessPoints = (await q.query<{ data: unknown }>('SELECT data FROM access_points WHERE NOT archived ORDER BY id')).rows.map((r) => r.data);
  const published = new Set(services.map((s) => s['id']));
  const notices = (
    await q.query<{ data: Record<string, unknown> }>(
      `SELECT n.data FROM notices n LEFT JOIN organisations o ON o.id = n.organisation_id
        WHERE n.state = 'published' AND (o.id IS NULL OR NOT o.disabled) ORDER BY n.id`,
    )
  ).rows
    .map((r) => r.data)
    // A notice keeps only the links to services still in the feed.
    .map((n) => (Array.isArray(n['services']) ? { ...n, services: n['services'].filter((id) => published.has(id)) } : n));
  const feed: BuiltFeed = {
    version: 1,
    title: settings.get('title') ?? DEFAULT_TITLE,
    updated,
    categories,
    organizations,
    services,
    accessPoints,
    notices,
  };
  if (settings.has('thesaurus')) feed['thesaurus'] = settings.get('thesaurus');
  if (patronDays.length) feed['patronDays'] = patronDays;
  // Mutual aid (issue 19): expired posts lose their personal data first; only public columns are read.
  await expireMutualAid(q, today, new Date(updated));
  const mutualAid = await mutualAidForFeed(q, today);
  if (mutualAid.length) feed['mutualAid'] = mutualAid;
  return feed;
}

/**
 * The published copies of the offers in the feed, in id order. Only ids and row versions
 * are read for all 5,000; the copies themselves (a few KB of JSON each, parsed on
 * the database's thread on PGlite) only for offers changed since the last publication,
 * so an approval no longer reads the whole catalogue again.
 */
async function publishedServices(q: Queryable, cache: Map<string, CachedService>): Promise<Record<string, unknown>[]> {
  const { rows } = await q.query<{ id: string; key: string }>(
    `SELECT s.id, s.xmin::text || ':' || s.version AS key FROM services s JOIN organisations o ON o.id = s.organisation_id
      WHERE s.published_data IS NOT NULL AND s.state <> 'archived' AND NOT o.disabled ORDER BY s.id`,
  );
  const missing = rows.filter((r) => cache.get(r.id)?.key !== r.key).map((r) => r.id);
  if (missing.length) {
    const fresh = await q.query<{ id: string; key: string; published_data: Record<string, unknown> | null }>(
      `SELECT id, xmin::text || ':' || version AS key, published_data FROM services WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
      [JSON.stringify(missing)],
    );
    for (const r of fresh.rows) if (r.published_data) cache.set(r.id, { key: r.key, data: r.published_data, hash: hashOf(r.published_data) });
  }
  const present = new Set(rows.map((r) => r.id));
  for (const id of cache.keys()) if (!present.has(id)) cache.delete(id);
  // An offer changed again between the two reads keeps its newer copy: the next publication (already scheduled by that change) sees it.
  return rows.flatMap((r) => {
    const entry = cache.get(r.id);
    return entry ? [entry.data] : [];
  });
}
