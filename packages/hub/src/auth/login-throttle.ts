import type { Queryable } from '../db/db.js';

export type ThrottleScope = 'account' | 'address';

/** The rule of one scope: after `limit` failures within `windowMs`, wait until the oldest leaves the window. */
export interface ThrottleRule {
  limit: number;
  windowMs: number;
}

/**
 * Login throttling, per account and per address, kept in the database (`login_attempts`,
 * migration 005): a restart forgets nothing, and several hub processes on one PostgreSQL
 * count the same failures. After `limit` failures within `windowMs`, further attempts are
 * refused until the oldest failure leaves the window.
 */
export class LoginThrottle {
  constructor(private readonly rules: Record<ThrottleScope, ThrottleRule>) {}

  /** Milliseconds until this account and this address may try again (the longer wait), or 0. One query. */
  async wait(q: Queryable, account: string, address: string, now: Date): Promise<number> {
    const { rows } = await q.query<{ scope: ThrottleScope; n: string | number; oldest: Date | string }>(
      `SELECT scope, count(*) AS n, min(at) AS oldest FROM login_attempts
        WHERE ((scope = 'account' AND key = $1 AND at > $3) OR (scope = 'address' AND key = $2 AND at > $4))
        GROUP BY scope`,
      [account, address, this.since('account', now), this.since('address', now)],
    );
    let wait = 0;
    for (const row of rows) {
      const rule = this.rules[row.scope];
      if (Number(row.n) >= rule.limit) wait = Math.max(wait, new Date(row.oldest).getTime() + rule.windowMs - now.getTime());
    }
    return Math.max(0, wait);
  }

  /** One failure for the account and the address; failures older than every window go. */
  async fail(q: Queryable, account: string, address: string, now: Date): Promise<void> {
    const longest = Math.max(this.rules.account.windowMs, this.rules.address.windowMs);
    await q.query(
      `WITH old AS (DELETE FROM login_attempts WHERE at <= $4)
       INSERT INTO login_attempts (scope, key, at) VALUES ('account', $1, $3), ('address', $2, $3)`,
      [account, address, now, new Date(now.getTime() - longest)],
    );
  }

  /** A good login (or a new password) clears the account's failures; the address keeps its own. */
  async reset(q: Queryable, account: string): Promise<void> {
    await q.query(`DELETE FROM login_attempts WHERE scope = 'account' AND key = $1`, [account]);
  }

  private since(scope: ThrottleScope, now: Date): Date {
    return new Date(now.getTime() - this.rules[scope].windowMs);
  }
}
