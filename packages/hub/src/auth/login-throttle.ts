import type { Db, Queryable } from '../db/db.js';

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

  /**
   * One login attempt for this account from this address, if both allow it: `0`, and the
   * attempt is counted at once as a failure (a good password then gives it back with
   * `succeeded`); otherwise the milliseconds until one more would be allowed (the longer
   * wait), and nothing is counted.
   *
   * The check and the count are one step, in a transaction that first takes a lock on the
   * account and one on the address (advisory locks, held until it commits; always the
   * account's first, so two attempts cannot wait for each other). With the check before the
   * password and the count after it, guesses sent at the same moment all passed the check
   * before any was counted: twelve at once were twelve guesses, not five.
   */
  async take(db: Db, account: string, address: string, now: Date): Promise<number> {
    const wait = await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('login_attempts'), hashtext($1))`, [`account:${account}`]);
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('login_attempts'), hashtext($1))`, [`address:${address}`]);
      // Statements after the locks: under READ COMMITTED they see what the holder before us committed.
      const { rows } = await tx.query<{ scope: ThrottleScope; n: string | number; oldest: Date | string }>(
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
      if (wait > 0) return wait;
      await tx.query(`INSERT INTO login_attempts (scope, key, at) VALUES ('account', $1, $3), ('address', $2, $3)`, [account, address, now]);
      return 0;
    });
    // Failures older than every window go, after the transaction, as in mutual-aid/limits.ts:
    // two attempts deleting the same old rows under their locks could wait for each other.
    if (wait === 0) {
      const longest = Math.max(this.rules.account.windowMs, this.rules.address.windowMs);
      await db.query('DELETE FROM login_attempts WHERE at <= $1', [new Date(now.getTime() - longest)]);
    }
    return wait;
  }

  /**
   * The attempt `take` counted was a good login: the account's failures are cleared (as
   * `reset`) and this attempt no longer counts against the address, which keeps its other failures.
   */
  async succeeded(q: Queryable, account: string, address: string, at: Date): Promise<void> {
    await this.reset(q, account);
    await q.query(
      `DELETE FROM login_attempts WHERE ctid = (SELECT ctid FROM login_attempts WHERE scope = 'address' AND key = $1 AND at = $2 LIMIT 1)`,
      [address, at],
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
