import { romeToday } from 'welfare-feed';
import { audit } from '../audit.js';
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
 * who and when, and a line in the audit log. Call inside a transaction, with the row
 * read FOR UPDATE.
 */
export async function changeOffer(
  tx: Queryable,
  row: OfferRow,
  change: OfferChange,
  who: { user: SessionUser; address: string; at: Date },
  action: string,
  detail?: Record<string, unknown>,
): Promise<OfferRow> {
  const next: OfferRow = {
    ...row,
    state: change.state ?? row.state,
    data: change.data ?? row.data,
    published_data: change.publishedData === undefined ? row.published_data : change.publishedData,
    note: change.note === undefined ? row.note : change.note,
    verified_at: change.verifiedAt ?? row.verified_at,
    version: row.version + 1,
    updated_at: who.at,
    updated_by: who.user.id,
  };
  await tx.query(
    `UPDATE services SET state = $2, data = $3, published_data = $4, note = $5, verified_at = $6, version = $7, updated_at = $8, updated_by = $9
      WHERE id = $1`,
    [row.id, next.state, JSON.stringify(next.data), next.published_data ? JSON.stringify(next.published_data) : null, next.note, next.verified_at, next.version, who.at, who.user.id],
  );
  await saveVersion(tx, next, who.user.id, who.at);
  await audit(tx, { at: who.at, address: who.address, actorId: who.user.id, action, targetType: 'offer', targetId: row.id, detail: { version: next.version, state: next.state, ...detail } });
  return next;
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
