import type { Queryable } from '../db/db.js';
import { isExpired } from '../records/offers.js';

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

export const DEFAULT_TITLE = { it: "Servizi dell'Ambito", en: 'Services of the district' };

/**
 * The feed v1 made of what is published now: approved offers (their approved copy, not
 * drafts being edited) of organisations not disabled and not past their validity, access
 * points not archived, published notices, the office's categories and settings.
 */
export async function buildFeed(q: Queryable, today: string, updated: string): Promise<BuiltFeed> {
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
  const services = (
    await q.query<{ published_data: Record<string, unknown> }>(
      `SELECT s.published_data FROM services s JOIN organisations o ON o.id = s.organisation_id
        WHERE s.published_data IS NOT NULL AND s.state <> 'archived' AND NOT o.disabled ORDER BY s.id`,
    )
  ).rows
    .map((r) => r.published_data)
    .filter((d) => !isExpired(d, today));
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
  return feed;
}
