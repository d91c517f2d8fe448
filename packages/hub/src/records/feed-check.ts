import { romeToday, validateFeed, type Issue } from 'welfare-feed';
import type { Queryable } from '../db/db.js';
import type { FieldError } from '../http/problem.js';

/** What the shared feed validation says about one record, as field errors under `data`. */
export interface RecordCheck {
  errors: FieldError[];
  warnings: FieldError[];
}

const asField = (issue: Issue, prefix: string): FieldError => ({
  path: `data${(issue.path ?? '').slice(prefix.length)}`,
  message: issue.message,
});

/** The office's categories (archived ones are no longer offered) and the organisations, as the feed envelope the checks need. */
async function envelope(q: Queryable) {
  const categories = (await q.query<{ data: Record<string, unknown> }>('SELECT data FROM categories WHERE NOT archived ORDER BY position, id')).rows.map((r) => r.data);
  const organizations = (await q.query<{ id: string; name: string; kind: string }>('SELECT id, name, kind FROM organisations')).rows.map((o) => ({ id: o.id, name: o.name, kind: o.kind }));
  return { categories, organizations };
}

function split(issues: Issue[], prefix: string): RecordCheck {
  const mine = issues.filter((i) => i.path === prefix || i.path?.startsWith(`${prefix}.`) || i.path?.startsWith(`${prefix}[`));
  return {
    errors: mine.filter((i) => i.severity === 'error').map((i) => asField(i, prefix)),
    warnings: mine.filter((i) => i.severity === 'warning').map((i) => asField(i, prefix)),
  };
}

/**
 * Checks a service (an offer's `data`) with welfare-feed's own validation, the code behind
 * `welfare-feed validate`, inside a feed made of the office's categories and organisations.
 */
export async function checkService(q: Queryable, data: unknown, today: string = romeToday()): Promise<RecordCheck> {
  const feed = { version: 1, ...(await envelope(q)), services: [data], accessPoints: [], notices: [] };
  return split(validateFeed(feed, { lang: 'it', today }).issues, '$.services[0]');
}

/** Checks a notice against the published services and access points it may name. */
export async function checkNotice(q: Queryable, data: unknown, today: string = romeToday()): Promise<RecordCheck> {
  const services = (await q.query<{ id: string }>(`SELECT id FROM services WHERE published_data IS NOT NULL OR state <> 'archived'`)).rows.map((r) => ({ id: r.id, name: r.id }));
  const accessPoints = (await q.query<{ id: string }>('SELECT id FROM access_points WHERE NOT archived')).rows.map((r) => ({ id: r.id, name: r.id }));
  const feed = { version: 1, ...(await envelope(q)), services, accessPoints, notices: [data] };
  return split(validateFeed(feed, { lang: 'it', today }).issues, '$.notices[0]');
}

/** Checks an access point. */
export async function checkAccessPoint(q: Queryable, data: unknown, today: string = romeToday()): Promise<RecordCheck> {
  const feed = { version: 1, ...(await envelope(q)), services: [], accessPoints: [data], notices: [] };
  return split(validateFeed(feed, { lang: 'it', today }).issues, '$.accessPoints[0]');
}
