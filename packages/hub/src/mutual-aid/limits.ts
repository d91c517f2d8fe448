import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../db/db.js';

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
/** An attempt that take() counted, for release(). */
export interface Taken {
  scope: AidScope;
  key: string;
  at: Date;
}
const LONGEST = Math.max(...Object.values(AID_LIMITS).map((r) => r.windowMs));

/**
 * The limits and the form-token key, kept in the database (migration 007): a restart
 * forgets nothing (a form shown before it is still accepted after), and several hub
 * processes on one PostgreSQL share them. Addresses and contacts are stored only as an
 * HMAC with the key, for at most a day.
 */
export class AidLimits {
  private key?: Promise<Buffer>;

  constructor(private readonly db: Db) {}

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

  /**
   * One attempt in `scope` by `who`, counted at once if the limit allows it: `{ wait: 0,
   * taken }`; otherwise `{ wait }`, the milliseconds until one more would be allowed.
   *
   * The check and the count are one step: a transaction that first takes a lock on this
   * scope and person (an advisory lock, held until it commits), then counts and inserts.
   * With a check and a count apart, requests sent at the same moment all passed the check
   * before any was counted, and all got through (on PostgreSQL, whose pool runs them on
   * several connections, and on PGlite too, where their awaits interleave). On PGlite a
   * transaction also holds the only connection, so the lock changes nothing there.
   */
  async take(scope: AidScope, who: string, now: Date): Promise<{ wait: number; taken?: Taken }> {
    const rule = AID_LIMITS[scope];
    const key = await this.sign(`${scope}:${who}`);
    const result = await this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('mutual_aid_attempts'), hashtext($1))`, [key]);
      // A statement after the lock: under READ COMMITTED it sees what the holder before us committed.
      const { rows } = await tx.query<{ n: string | number; oldest: Date | string | null }>(
        `SELECT count(*) AS n, min(at) AS oldest FROM mutual_aid_attempts WHERE scope = $1 AND key = $2 AND at > $3`,
        [scope, key, new Date(now.getTime() - rule.windowMs)],
      );
      const row = rows[0];
      if (row && Number(row.n) >= rule.limit && row.oldest) {
        return { wait: Math.max(1, new Date(row.oldest).getTime() + rule.windowMs - now.getTime()) };
      }
      await tx.query(`INSERT INTO mutual_aid_attempts (scope, key, at) VALUES ($1, $2, $3)`, [scope, key, now]);
      return { wait: 0, taken: { scope, key, at: now } };
    });
    // Attempts older than every window are deleted on the way: after the transaction, so that
    // no row lock is waited for while holding the advisory lock (two requests would deadlock).
    if (result.taken) await this.db.query(`DELETE FROM mutual_aid_attempts WHERE at <= $1`, [new Date(now.getTime() - LONGEST)]);
    return result;
  }

  /** Gives back attempts counted by take(): the request they were for was refused for another reason. */
  async release(taken: readonly Taken[]): Promise<void> {
    for (const t of taken) {
      await this.db.query(
        `DELETE FROM mutual_aid_attempts WHERE ctid IN (SELECT ctid FROM mutual_aid_attempts WHERE scope = $1 AND key = $2 AND at = $3 LIMIT 1)`,
        [t.scope, t.key, t.at],
      );
    }
  }
}
