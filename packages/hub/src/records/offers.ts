import { romeToday } from 'welfare-feed';
import type { SessionUser } from '../auth/sessions.js';
import type { HubConfig } from '../config.js';
import type { Queryable } from '../db/db.js';

export type OfferState = 'draft' | 'submitted' | 'published' | 'returned' | 'archived';

export interface OfferRow {
  id: string;
  organisation_id: string;
  state: OfferState;
  version: number;
  data: Record<string, unknown>;
  published_data: Record<string, unknown> | null;
  note: string | null;
  verified_at: Date | null;
  created_at: Date;
  updated_at: Date;
  updated_by: string | null;
}

/**
 * The columns of an OfferRow, named rather than `*` in the statements prepared on the
 * server (QueryOptions.name): a column added later by a migration leaves their result as it
 * was, where `*` would make PostgreSQL refuse the prepared plan ("cached plan must not change
 * result type").
 */
export const OFFER_COLUMNS = 'id, organisation_id, state, version, data, published_data, note, verified_at, created_at, updated_at, updated_by';

/** OFFER_COLUMNS but `data`, which a save does not read back (saveDraft). */
const SAVED_COLUMNS = OFFER_COLUMNS.split(', ')
  .filter((column) => column !== 'data')
  .join(', ');

/** The date before which an offer's last verification makes it stale. */
export function staleCutoff(config: HubConfig): Date {
  const d = new Date(config.now());
  d.setMonth(d.getMonth() - config.staleMonths);
  return d;
}

/** Past its `validThrough` (Europe/Rome date): it leaves the feed by itself. */
export function isExpired(data: Record<string, unknown> | null, today: string): boolean {
  const through = data?.['validThrough'];
  return typeof through === 'string' && /^\d{4}-\d{2}-\d{2}/.test(through) && through.slice(0, 10) < today;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** An offer as the API shows it. */
export function offerOut(row: OfferRow, config: HubConfig) {
  const today = romeToday(config.now());
  const verified = new Date(row.verified_at ?? row.created_at);
  return {
    id: row.id,
    organisationId: row.organisation_id,
    state: row.state,
    expired: isExpired(row.published_data ?? row.data, today),
    stale: row.state !== 'archived' && verified < staleCutoff(config),
    version: row.version,
    data: row.data,
    publishedData: row.published_data,
    note: row.note,
    verifiedAt: iso(row.verified_at),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    updatedBy: row.updated_by,
  };
}
export type Offer = ReturnType<typeof offerOut>;

export interface OfferChange {
  state?: OfferState;
  data?: Record<string, unknown>;
  /** `null` takes the offer out of the feed; undefined leaves the published copy as it is. */
  publishedData?: Record<string, unknown> | null;
  note?: string | null;
  verifiedAt?: Date;
}

/**
 * Applies one change to an offer: a new version number, a row in service_versions with
 * who and when, and a line in the audit log, all in ONE statement (a statement is atomic
 * in PostgreSQL, so no explicit transaction is needed for it; on PGlite each round trip
 * costs about half a millisecond, and three of them were a third of a save).
 * The row is only changed when it is still at `row.version`: `undefined` means someone
 * changed it since it was read (the caller answers 409). Inside a transaction with the row
 * read FOR UPDATE that cannot happen; a save reads without a lock and relies on this guard.
 */
export async function changeOffer(
  q: Queryable,
  row: OfferRow,
  change: OfferChange,
  who: { user: SessionUser; address: string; at: Date },
  action: string,
  detail?: Record<string, unknown>,
): Promise<OfferRow | undefined> {
  const next: OfferRow = {
    ...row,
    state: change.state ?? row.state,
    data: change.data ?? row.data,
    published_data: change.publishedData === undefined ? row.published_data : change.publishedData,
    note: change.note === undefined ? row.note : change.note,
    version: row.version + 1,
    updated_at: who.at,
    updated_by: who.user.id,
  };
  const { rows } = await q.query<{ verified_at: Date | null }>(
    `WITH changed AS (
       UPDATE services SET state = $2, data = $3::jsonb, published_data = $4::jsonb, note = $5, verified_at = COALESCE($6, verified_at),
              version = $7, updated_at = $8, updated_by = $9
        WHERE id = $1 AND version = $10
        RETURNING id, version, state, data, note, verified_at
     ), saved AS (
       INSERT INTO service_versions (service_id, version, state, data, note, saved_at, saved_by)
       SELECT id, version, state, data, note, $8, $9 FROM changed
     ), logged AS (
       INSERT INTO audit_log (at, actor_id, address, action, target_type, target_id, detail)
       SELECT $8, $9, $11::text, $12::text, 'offer', id, $13::jsonb FROM changed
     )
     SELECT verified_at FROM changed`,
    [
      row.id,
      next.state,
      JSON.stringify(next.data),
      next.published_data ? JSON.stringify(next.published_data) : null,
      next.note,
      change.verifiedAt ?? null,
      next.version,
      who.at,
      who.user.id,
      row.version,
      who.address,
      action,
      JSON.stringify({ version: next.version, state: next.state, ...detail }),
    ],
  );
  if (!rows[0]) return undefined;
  // Verification changes no version (POST verify), so its date is the database's, not the read row's.
  return { ...next, verified_at: rows[0].verified_at };
}

/**
 * An editor's or the office's save, in ONE statement and without reading the offer first:
 * the row is changed only when it is at `expected`, belongs to `organisationId` (when given:
 * an editor's own organisation) and is not archived. A published, submitted or returned
 * offer becomes a draft (the published copy stays in the feed until the new one is
 * approved). The new version and the audit line are written by the same statement.
 * `undefined` when nothing matched: the caller reads the row to say why (404 or 409).
 */
export async function saveDraft(
  q: Queryable,
  id: string,
  expected: number,
  organisationId: string | undefined,
  data: Record<string, unknown>,
  who: { user: SessionUser; address: string; at: Date },
): Promise<OfferRow | undefined> {
  const { rows } = await q.query<Omit<OfferRow, 'data'>>(
    `WITH changed AS (
       UPDATE services SET data = $3::jsonb, version = version + 1, updated_at = $4, updated_by = $5,
              state = CASE WHEN state IN ('published', 'submitted', 'returned') THEN 'draft' ELSE state END
        WHERE id = $1 AND version = $2 AND state <> 'archived' AND ($6::text IS NULL OR organisation_id = $6::text)
        RETURNING ${OFFER_COLUMNS}
     ), saved AS (
       INSERT INTO service_versions (service_id, version, state, data, note, saved_at, saved_by)
       SELECT id, version, state, data, note, $4, $5 FROM changed
     ), logged AS (
       INSERT INTO audit_log (at, actor_id, address, action, target_type, target_id, detail)
       SELECT $4, $5, $7::text, 'offer-saved', 'offer', id, jsonb_build_object('version', version, 'state', state) FROM changed
     )
     SELECT ${SAVED_COLUMNS} FROM changed`,
    [id, expected, JSON.stringify(data), who.at, who.user.id, organisationId ?? null, who.address],
    { name: 'offer-save' },
  );
  // The offer's data is what was just written: not read back, so that PostgreSQL does not print
  // it, PGlite's thread parse and copy it, for every save (a tenth of a save's time there).
  return rows[0] && { ...rows[0], data };
}

export async function saveVersion(tx: Queryable, row: OfferRow, userId: string | null, at: Date): Promise<void> {
  await tx.query('INSERT INTO service_versions (service_id, version, state, data, note, saved_at, saved_by) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    row.id,
    row.version,
    row.state,
    JSON.stringify(row.data),
    row.note,
    at,
    userId,
  ]);
}
