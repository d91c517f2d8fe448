import { buildFeed, countBySeverity, type BuildSource, type Feed, type Issue, type Lang } from 'welfare-feed';
import type { Db, Queryable } from '../db/db.js';

/**
 * `welfare-hub import`: brings a feed v1 JSON, a JSON fragment or the organisations'
 * spreadsheet (CSV template) into the hub's database. The files are read and checked by
 * welfare-feed's own `buildFeed` (the same reading and validation as `welfare-feed build`),
 * with the hub's current categories and organisations as the base, so a sheet may name an
 * organisation or a category by its name as well as by its code.
 *
 * Every record keeps its history: a service already in the hub gets a new version (the
 * earlier ones stay and can be restored), an unchanged one is left alone. Nothing is written
 * when there are errors (unless `force`), and everything is written in one transaction.
 */
export interface ImportOptions {
  /** The organisation the sheet belongs to: services without one get it; others are refused. */
  organisationId?: string;
  /** `published` (default: the office brings in what it already publishes) or `draft`. */
  state?: 'published' | 'draft';
  /** Write even with errors (entries that could not be read stay out), as `welfare-feed build --force`. */
  force?: boolean;
  /** Who imports (a user id) for versions and the audit log; null for the command line. */
  actorId?: string | null;
  lang?: Lang;
  /** YYYY-MM-DD for the expiry checks. */
  today?: string;
}

/** A problem found: welfare-feed's issues, plus the hub's own (code `hub_*`). */
export type ImportIssue = Omit<Issue, 'code'> & { code: string };

export interface ImportCounts {
  organisations: number;
  categories: number;
  services: { added: number; updated: number; unchanged: number };
  accessPoints: number;
  notices: number;
}

export interface ImportResult {
  written: boolean;
  errors: number;
  warnings: number;
  issues: ImportIssue[];
  counts: ImportCounts;
}

/** The base the files are read against: what the hub already has. */
async function baseSource(db: Queryable): Promise<BuildSource> {
  const categories = (await db.query<{ data: unknown }>('SELECT data FROM categories ORDER BY position, id')).rows.map((r) => r.data);
  const organizations = (
    await db.query<{ id: string; name: string; kind: string; website: string | null }>('SELECT id, name, kind, website FROM organisations ORDER BY id')
  ).rows.map((o) => ({ id: o.id, name: o.name, kind: o.kind, ...(o.website ? { website: o.website } : {}) }));
  return { file: '(hub)', text: JSON.stringify({ categories, organizations }) };
}

export async function importFeed(db: Db, sources: readonly BuildSource[], options: ImportOptions = {}): Promise<ImportResult> {
  const lang = options.lang ?? 'it';
  const built = buildFeed([await baseSource(db), ...sources], { lang, ...(options.today ? { today: options.today } : {}) });
  const issues: ImportIssue[] = [...built.issues];
  const feed = built.feed;
  assignOrganisation(feed, options.organisationId, issues, lang);
  await keepOwners(db, feed, issues, lang);
  const { errors, warnings } = countBySeverity(issues as Issue[]);
  const counts: ImportCounts = { organisations: 0, categories: 0, services: { added: 0, updated: 0, unchanged: 0 }, accessPoints: 0, notices: 0 };
  if (errors > 0 && !options.force) return { written: false, errors, warnings, issues, counts };
  // Only services whose organisation exists (with --force, the others stay out as reported).
  const known = new Set(feed.organizations.map((o) => o.id));
  const writable = feed.services.filter((s) => typeof s.organization === 'string' && known.has(s.organization));
  await db.transaction(async (tx) => {
    const state = options.state ?? 'published';
    const actor = options.actorId ?? null;
    counts.categories = await saveCategories(tx, feed);
    counts.organisations = await saveOrganisations(tx, feed);
    for (const service of writable) {
      const outcome = await saveService(tx, service as unknown as Json & { id: string; organization: string }, state, actor);
      counts.services[outcome]++;
    }
    counts.accessPoints = await saveAccessPoints(tx, feed, actor);
    counts.notices = await saveNotices(tx, feed, actor, state);
    await saveSettings(tx, feed);
    await tx.query(
      `INSERT INTO audit_log (actor_id, action, target_type, detail) VALUES ($1, 'import', 'feed', $2::jsonb)`,
      [actor, JSON.stringify({ files: sources.map((s) => s.file), state, ...counts })],
    );
  });
  return { written: true, errors, warnings, issues, counts };
}

type Json = Record<string, unknown>;

/** A sheet sent by one organisation: its rows belong to it, and to no other. */
function assignOrganisation(feed: Feed, organisationId: string | undefined, issues: ImportIssue[], lang: Lang): void {
  feed.services.forEach((service, i) => {
    const path = `$.services[${i}]`;
    if (organisationId && !service.organization) service.organization = organisationId;
    else if (organisationId && service.organization !== organisationId) {
      issues.push({
        severity: 'error',
        code: 'hub_other_organisation',
        path,
        message: lang === 'en'
          ? `The service "${service.id}" belongs to "${service.organization}", not to "${organisationId}": it is left out.`
          : `Il servizio «${service.id}» è di «${service.organization}», non di «${organisationId}»: resta fuori.`,
      });
      delete service.organization;
    }
    if (!service.organization) {
      issues.push({
        severity: 'error',
        code: 'hub_no_organisation',
        path,
        message: lang === 'en'
          ? `The service "${service.id}" names no organisation: say whose it is (the "organizzazione" column, or --organisation).`
          : `Il servizio «${service.id}» non dice di quale organizzazione è: compilare la colonna «organizzazione» o usare --organisation.`,
      });
    }
  });
}

/** A service already in the hub stays with its organisation: an import cannot move it to another. */
async function keepOwners(db: Queryable, feed: Feed, issues: ImportIssue[], lang: Lang): Promise<void> {
  const ids = JSON.stringify(feed.services.map((s) => s.id));
  const { rows } = await db.query<{ id: string; organisation_id: string }>(
    'SELECT id, organisation_id FROM services WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))',
    [ids],
  );
  const owners = new Map(rows.map((r) => [r.id, r.organisation_id]));
  feed.services.forEach((service, i) => {
    const owner = owners.get(service.id);
    if (!owner || !service.organization || owner === service.organization) return;
    issues.push({
      severity: 'error',
      code: 'hub_owner_differs',
      path: `$.services[${i}]`,
      message: lang === 'en'
        ? `The service "${service.id}" is already in the hub as a service of "${owner}": an import cannot move it to "${service.organization}". It is left out.`
        : `Il servizio «${service.id}» è già nel hub come servizio di «${owner}»: un'importazione non può passarlo a «${service.organization}». Resta fuori.`,
    });
    delete service.organization;
  });
}

async function saveCategories(tx: Queryable, feed: Feed): Promise<number> {
  let n = 0;
  for (const [position, category] of feed.categories.entries()) {
    const { rowCount } = await tx.query(
      `INSERT INTO categories (id, position, data) VALUES ($1, $2, $3::jsonb) ON CONFLICT (id) DO NOTHING`,
      [category.id, position, JSON.stringify(category)],
    );
    n += rowCount;
  }
  return n;
}

/** New organisations only: one already in the hub keeps its name, kind and settings. */
async function saveOrganisations(tx: Queryable, feed: Feed): Promise<number> {
  let n = 0;
  for (const o of feed.organizations) {
    const name = typeof o.name === 'string' ? o.name : (o.name['it'] ?? Object.values(o.name)[0] ?? o.id);
    const kind = o.kind === 'public' || o.kind === 'third-sector' ? o.kind : 'other';
    const { rowCount } = await tx.query(
      `INSERT INTO organisations (id, name, kind, website) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING`,
      [o.id, name, kind, o.website ?? null],
    );
    n += rowCount;
  }
  return n;
}

/** Adds a service or a new version of it; a service may not move to another organisation. */
async function saveService(
  tx: Queryable,
  service: Json & { id: string; organization: string },
  state: 'published' | 'draft',
  actor: string | null,
): Promise<'added' | 'updated' | 'unchanged'> {
  const data = JSON.stringify(service);
  const { rows } = await tx.query<{ version: number; organisation_id: string; same: boolean; state: string }>(
    `SELECT version, organisation_id, state, (data = $2::jsonb AND (state = $3 OR $3 = 'draft')) AS same FROM services WHERE id = $1 FOR UPDATE`,
    [service.id, data, state],
  );
  const existing = rows[0];
  if (existing?.same) return 'unchanged';
  const version = (existing?.version ?? 0) + 1;
  // A draft import leaves what the feed shows as it was; a published one replaces it.
  const publishedSql = state === 'published' ? '$3::jsonb' : existing ? 'published_data' : 'NULL';
  const nextState = state === 'draft' && existing?.state === 'published' ? 'draft' : state;
  if (existing) {
    await tx.query(
      `UPDATE services SET version = $2, data = $3::jsonb, published_data = ${publishedSql}, state = $4, updated_at = now(), updated_by = $5 WHERE id = $1`,
      [service.id, version, data, nextState, actor],
    );
  } else {
    await tx.query(
      `INSERT INTO services (id, organisation_id, state, version, data, published_data, updated_by)
       VALUES ($1, $2, $4, $3, $5::jsonb, ${state === 'published' ? '$5::jsonb' : 'NULL'}, $6)`,
      [service.id, service.organization, version, nextState, data, actor],
    );
  }
  await tx.query(
    `INSERT INTO service_versions (service_id, version, state, data, note, saved_by) VALUES ($1, $2, $3, $4::jsonb, 'import', $5)`,
    [service.id, version, nextState, data, actor],
  );
  return existing ? 'updated' : 'added';
}

/** Access points are the office's and published when saved: new version when changed. */
async function saveAccessPoints(tx: Queryable, feed: Feed, actor: string | null): Promise<number> {
  let n = 0;
  for (const point of feed.accessPoints) {
    const data = JSON.stringify(point);
    const { rows } = await tx.query<{ version: number; same: boolean }>(
      'SELECT version, data = $2::jsonb AS same FROM access_points WHERE id = $1 FOR UPDATE',
      [point.id, data],
    );
    if (rows[0]?.same) continue;
    const version = (rows[0]?.version ?? 0) + 1;
    await tx.query(
      `INSERT INTO access_points (id, version, data, updated_by) VALUES ($1, $2, $3::jsonb, $4)
       ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, data = EXCLUDED.data, archived = false, updated_at = now(), updated_by = EXCLUDED.updated_by`,
      [point.id, version, data, actor],
    );
    await tx.query(
      'INSERT INTO access_point_versions (access_point_id, version, data, saved_by) VALUES ($1, $2, $3::jsonb, $4)',
      [point.id, version, data, actor],
    );
    n++;
  }
  return n;
}

/** Notices with an id; one naming a known organisation is that organisation's, else the office's. */
async function saveNotices(tx: Queryable, feed: Feed, actor: string | null, state: 'published' | 'draft'): Promise<number> {
  const organisations = new Set((await tx.query<{ id: string }>('SELECT id FROM organisations')).rows.map((r) => r.id));
  let n = 0;
  for (const notice of feed.notices as Json[]) {
    const id = typeof notice['id'] === 'string' ? notice['id'] : undefined;
    if (!id) continue;
    const org = typeof notice['organization'] === 'string' && organisations.has(notice['organization']) ? notice['organization'] : null;
    const data = JSON.stringify(notice);
    const { rows } = await tx.query<{ version: number; same: boolean }>(
      'SELECT version, data = $2::jsonb AS same FROM notices WHERE id = $1 FOR UPDATE',
      [id, data],
    );
    if (rows[0]?.same) continue;
    const version = (rows[0]?.version ?? 0) + 1;
    await tx.query(
      `INSERT INTO notices (id, organisation_id, state, version, data, updated_by) VALUES ($1, $2, $3, $4, $5::jsonb, $6)
       ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, version = EXCLUDED.version, data = EXCLUDED.data, updated_at = now(), updated_by = EXCLUDED.updated_by`,
      [id, org, state, version, data, actor],
    );
    await tx.query(
      'INSERT INTO notice_versions (notice_id, version, state, data, saved_by) VALUES ($1, $2, $3, $4::jsonb, $5)',
      [id, version, state, data, actor],
    );
    n++;
  }
  return n;
}

/** The feed's own fields (title, thesaurus, demo...) become the office's settings. */
async function saveSettings(tx: Queryable, feed: Feed): Promise<void> {
  const lists = new Set(['version', 'updated', 'categories', 'organizations', 'services', 'accessPoints', 'notices']);
  for (const [key, value] of Object.entries(feed)) {
    if (lists.has(key) || value === undefined) continue;
    await tx.query(
      `INSERT INTO settings (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
      [key, JSON.stringify(value)],
    );
  }
}
