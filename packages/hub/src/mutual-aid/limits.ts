import { createHmac, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/db.js';

const HOUR = 60 * 60_000;

/**
 * The abuse limits of the public mutual-aid endpoints. Per address: 5 posts an hour (a
 * family shares one address, a bot tries many), 10 answers and 20 reports; per contact:
 * 3 posts and 5 answers a day (spaces and dots in a number do not make it another).
 */
export const AID_LIMITS = {
  'post-address': { limit: 5, windowMs: HOUR },
  'post-contact': { limit: 3, windowMs: 24 * HOUR },
  report: { limit: 20, windowMs: HOUR },
  'answer-address': { limit: 10, windowMs: HOUR },
  'answer-contact': { limit: 5, windowMs: 24 * HOUR },
  /** Mails to a mediator that something waits for them: one an hour at most (keyed by user). */
  'mediator-mail': { limit: 1, windowMs: HOUR },
} as const;
export type AidScope = keyof typeof AID_LIMITS;
const LONGEST = Math.max(...Object.values(AID_LIMITS).map((r) => r.windowMs));

/**
 * The limits and the form-token key, kept in the database (migration 007): a restart
 * forgets nothing (a form shown before it is still accepted after), and several hub
 * processes on one PostgreSQL share them. Addresses and contacts are stored only as an
 * HMAC with the key, for at most a day.
 */
export class AidLimits {
  private key?: Promise<Buffer>;

  constructor(private readonly db: Queryable) {}

  /** The hub's key, created on first use (two processes starting together agree on one). */
  secret(): Promise<Buffer> {
    this.key ??= (async () => {
      await this.db.query(`INSERT INTO mutual_aid_keys (name, value) VALUES ('form', $1) ON CONFLICT (name) DO NOTHING`, [randomBytes(32).toString('hex')]);
      const { rows } = await this.db.query<{ value: string }>(`SELECT value FROM mutual_aid_keys WHERE name = 'form'`);
      return Buffer.from(rows[0]!.value, 'hex');
    })().catch((error: unknown) => {
      this.key = undefined;
      throw error;
    });
    return this.key;
  }

  /** HMAC-SHA-256 with the hub's key, hex. */
  async sign(value: string): Promise<string> {
    return createHmac('sha256', await this.secret()).update(value).digest('hex');
  }

  /** Milliseconds until one more attempt in `scope` by `who` is allowed, or 0. */
  async wait(scope: AidScope, who: string, now: Date): Promise<number> {
    const rule = AID_LIMITS[scope];
    const { rows } = await this.db.query<{ n: string | number; oldest: Date | string | null }>(
      `SELECT count(*) AS n, min(at) AS oldest FROM mutual_aid_attempts WHERE scope = $1 AND key = $2 AND at > $3`,
      [scope, await this.sign(`${scope}:${who}`), new Date(now.getTime() - rule.windowMs)],
    );
    const row = rows[0];
    if (!row || Number(row.n) < rule.limit || !row.oldest) return 0;
    return Math.max(0, new Date(row.oldest).getTime() + rule.windowMs - now.getTime());
  }

  /** Counts one attempt; attempts older than every window are deleted on the way. */
  async record(scope: AidScope, who: string, now: Date): Promise<void> {
    await this.db.query(
      `WITH old AS (DELETE FROM mutual_aid_attempts WHERE at <= $4)
       INSERT INTO mutual_aid_attempts (scope, key, at) VALUES ($1, $2, $3)`,
      [scope, await this.sign(`${scope}:${who}`), now, new Date(now.getTime() - LONGEST)],
    );
  }
}
