/**
 * The compile step of opening hours (issue 14): every distinct `hours` string of a feed is
 * evaluated with the full opening_hours library and its compact form written to the feed
 * as `hoursCompiled` (docs/feed-format.md), so that a citizen's phone reads the hours with
 * a few KB instead of downloading the library. The strings stay as they are, for people
 * and other tools. Used by `build`, `from-hsds` and `compile`; the publishing hub calls it
 * too.
 */
import { compileFeedHours } from '@welfare-elements/core/hours/compile.js';
import type { Feed } from './types.js';

/** The window (`from`, `to`) and, for a caller compiling again and again, a per-string `cache`. */
export type CompileOptions = NonNullable<Parameters<typeof compileFeedHours>[1]>;

/** The default window: from the first day of this month to the last of the same month next year. */
export function defaultWindow(now: Date = new Date()): { from: string; to: string } {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const last = new Date(Date.UTC(y + 1, m + 1, 0));
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${y}-${pad(m + 1)}-01`, to: `${last.getUTCFullYear()}-${pad(last.getUTCMonth() + 1)}-${pad(last.getUTCDate())}` };
}

export interface CompiledFeed {
  /** The feed with `hoursCompiled` (last, after the entries, so streams read services first). */
  readonly feed: Feed;
  /** How many distinct strings were compiled. */
  readonly compiled: number;
  /** Strings that were not compiled (unreadable, or beyond what the form holds): browsers read them as written. */
  readonly skipped: readonly string[];
}

/** Adds (or replaces) `hoursCompiled` in a feed. A feed without hours is returned as it is. */
export function withCompiledHours(feed: Feed, options: CompileOptions = {}): CompiledFeed {
  const { hoursCompiled: _old, ...rest } = feed as Feed & { hoursCompiled?: unknown };
  const { table, skipped } = compileFeedHours(rest, { ...defaultWindow(), ...options });
  const compiled = Object.keys(table).length;
  return { feed: compiled ? ({ ...rest, hoursCompiled: table } as Feed) : (rest as Feed), compiled, skipped };
}
