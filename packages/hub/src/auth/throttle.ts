/**
 * Login throttling, per account and per address: after `limit` failures within `windowMs`,
 * further attempts are refused until the oldest failure leaves the window. Kept in memory:
 * one hub process (a restart forgets, which only ever lets a legitimate user in sooner).
 */
export class Throttle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Milliseconds until `key` may try again, or 0. */
  wait(key: string, now: number): number {
    const recent = this.recent(key, now);
    return recent.length >= this.limit ? recent[0]! + this.windowMs - now : 0;
  }

  fail(key: string, now: number): void {
    const recent = this.recent(key, now);
    recent.push(now);
    this.failures.set(key, recent);
    if (this.failures.size > 100_000) this.prune(now);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
  }

  private prune(now: number): void {
    for (const key of this.failures.keys()) if (!this.recent(key, now).length) this.failures.delete(key);
  }
}
