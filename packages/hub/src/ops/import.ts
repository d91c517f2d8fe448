import { buildFeed, type BuildSource, type Feed, type Issue, type Lang } from 'welfare-feed';
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
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.filter((i) => i.severity === 'warning').length;
  const counts: ImportCounts = { organisations: 0, categories: 0, services: { added: 0, updated: 0, unchanged: 0 }, accessPoints: 0, notices: 0 };
  if (errors > 0 && !options.force) return { written: false, errors, warnings, issues, counts };
  // Only services whose organisation exists (with --force, the others stay out as reported).
  const known = new Set(feed.organizations.map((o) => o.id));
  const writable = feed.services.filter((s) => typeof s.organization === 'string' && known.has(s.organization));
  const fromJson = jsonServiceIds(sources);
  await db.transaction(async (tx) => {
    const state = options.state ?? 'published';
    const actor = options.actorId ?? null;
    counts.categories = await saveCategories(tx, feed);
    counts.organisations = await saveOrganisations(tx, feed);
    for (const service of writable) {
      const row = service as unknown as Json & { id: string; organization: string };
      const outcome = await saveService(tx, row, state, actor, !fromJson.has(service.id));
      counts.services[outcome]++;
    }
    counts.accessPoints = await saveAccessPoints(tx, feed, actor);
    counts.notices = await saveNotices(tx, feed, actor, state);
    await saveSettings(tx, { ...feedFields(sources), ...(feed.title !== undefined ? { title: feed.title } : {}) });
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
  for (const service of feed.services) {
    if (organisationId && !service.organization) service.organization = organisationId;
    if (organisationId && service.organization !== organisationId) {
      issues.push({
        severity: 'error',
        code: 'hub_other_organisation',
        message: lang === 'en'
          ? `The service "${service.id}" belongs to "${service.organization}", not to "${organisationId}": it is left out.`
          : `Il servizio «${service.id}» è di «${service.organization}», non di «${organisationId}»: resta fuori.`,
      });
      delete service.organization;
    } else if (!service.organization) {
      issues.push({
        severity: 'error',
        code: 'hub_no_organisation',
        message: lang === 'en'
          ? `The service "${service.id}" names no organisation: say whose it is (the "organizzazione" column, or --organisation).`
          : `Il servizio «${service.id}» non dice di quale organizzazione è: compilare la colonna «organizzazione» o usare --organisation.`,
      });
    }
  }
}

/** A service already in the hub stays with its organisation: an import cannot move it to another. */
async function keepOwners(db: Queryable, feed: Feed, issues: ImportIssue[], lang: Lang): Promise<void> {
  const ids = JSON.stringify(feed.services.map((s) => s.id));
  const { rows } = await db.query<{ id: string; organisation_id: string }>(
    'SELECT id, organisation_id FROM services WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))',
    [ids],
  );
  const owners = new Map(rows.map((r) => [r.id, r.organisation_id]));
  feed.services.forEach((service) => {
    const owner = owners.get(service.id);
    if (!owner || !service.organization || owner === service.organization) return;
    issues.push({
      severity: 'error',
      code: 'hub_owner_differs',
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
  fromSheet: boolean,
): Promise<'added' | 'updated' | 'unchanged'> {
  const current = (await tx.query<{ data: unknown }>('SELECT data FROM services WHERE id = $1 FOR UPDATE', [service.id])).rows[0];
  const merged = fromSheet && current ? mergeSheetRow(parsed(current.data), service) : service;
  const data = JSON.stringify(merged);
  const { rows } = await tx.query<{ version: number; organisation_id: string; same: boolean; state: string }>(
    `SELECT version, organisation_id, state, (data = $2::jsonb AND (state = $3 OR $3 = 'draft')) AS same FROM services WHERE id = $1`,
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

/** What a row of the spreadsheet template can say about a service (csv.ts COLUMNS). */
const SHEET_FIELDS = new Set(['id', 'name', 'description', 'organization', 'categories', 'audiences', 'keywords', 'locations', 'hours', 'phone', 'email', 'website', 'validFrom', 'validThrough']);

/**
 * A service read from a sheet, over the one in the hub: the sheet says everything its columns
 * can say (an empty cell clears a field), and the rest stays as it was: fields the template
 * has no column for, the service's own hours when its places have theirs, and translations
 * of a text whose Italian did not change. So exporting a sheet and importing it back changes
 * nothing, and correcting a phone number in it does not lose the English description.
 */
export function mergeSheetRow(current: Json, row: Json): Json {
  const merged: Json = { ...row };
  for (const [key, value] of Object.entries(current)) {
    if (!SHEET_FIELDS.has(key)) merged[key] = value;
  }
  const hasPlaces = Array.isArray(row['locations']) && row['locations'].length > 0;
  if (hasPlaces && current['hours'] !== undefined && row['hours'] === undefined) merged['hours'] = current['hours'];
  for (const key of ['name', 'description']) {
    const before = current[key];
    if (isText(before) && typeof before !== 'string' && italian(before) === row[key]) merged[key] = before;
  }
  const places = row['locations'];
  const oldPlaces = current['locations'];
  if (Array.isArray(places) && Array.isArray(oldPlaces)) {
    merged['locations'] = places.map((place: Json, i) => {
      const old = oldPlaces[i] as Json | undefined;
      if (!old || typeof old !== 'object') return place;
      const out: Json = { ...place };
      for (const [key, value] of Object.entries(old)) if (!['name', 'address', 'comune', 'lat', 'lon', 'hours'].includes(key)) out[key] = value;
      if (isText(old['name']) && typeof old['name'] !== 'string' && italian(old['name']) === place['name']) out['name'] = old['name'];
      return out;
    });
  }
  return merged;
}

const isText = (v: unknown): v is string | Record<string, string> => typeof v === 'string' || (typeof v === 'object' && v !== null && !Array.isArray(v));
const italian = (t: Record<string, string>): string | undefined => t['it'] ?? Object.values(t)[0];
const parsed = (v: unknown): Json => (typeof v === 'string' ? (JSON.parse(v) as Json) : (v as Json));

/** A JSON file's text (JSON is UTF-8; sheets are decoded by welfare-feed, which guesses their encoding). */
const textOf = (source: BuildSource): string => source.text ?? new TextDecoder().decode(source.bytes ?? new Uint8Array());

/** Ids of the services given in JSON files: those are taken whole, as the file says. */
function jsonServiceIds(sources: readonly BuildSource[]): Set<string> {
  const ids = new Set<string>();
  for (const source of sources) {
    if (!/\.json$/i.test(source.file)) continue;
    try {
      const value = JSON.parse(textOf(source).replace(/^\uFEFF/, '')) as unknown;
      const list = Array.isArray(value) ? value : (value as Json | null)?.['services'];
      if (Array.isArray(list)) for (const s of list) if (s && typeof (s as Json)['id'] === 'string') ids.add((s as Json)['id'] as string);
    } catch {
      // buildFeed has already reported the file as unreadable.
    }
  }
  return ids;
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

const FEED_LISTS = new Set(['version', 'updated', 'categories', 'organizations', 'services', 'accessPoints', 'notices']);

/**
 * The feed's own fields (thesaurus, demo, ...: all but its lists) from the JSON files, the
 * later file winning; buildFeed keeps only the title, so they are read here.
 */
function feedFields(sources: readonly BuildSource[]): Json {
  const fields: Json = {};
  for (const source of sources) {
    if (!/\.json$/i.test(source.file)) continue;
    try {
      const value = JSON.parse(textOf(source).replace(/^\uFEFF/, '')) as unknown;
      if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
      for (const [key, v] of Object.entries(value)) if (!FEED_LISTS.has(key) && v !== undefined) fields[key] = v;
    } catch {
      // Reported by buildFeed.
    }
  }
  return fields;
}

/** The feed's own fields (title, thesaurus, demo...) become the office's settings. */
async function saveSettings(tx: Queryable, fields: Json): Promise<void> {
  for (const [key, value] of Object.entries(fields)) {
    await tx.query(
      `INSERT INTO settings (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
      [key, JSON.stringify(value)],
    );
  }
}
