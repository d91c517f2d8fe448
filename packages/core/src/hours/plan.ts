/**
 * What the small evaluator knows about one day: its open intervals. Both the compiled
 * form (compiled.ts) and the reader of common strings (rules.ts) answer in this shape,
 * and light.ts turns it into "open now, next change, the week".
 */

/**
 * `[from, to, unknown?, comment?]`: minutes since midnight (0–1440, `to` after `from`);
 * `unknown` 1 when the place may be open (a comment rule, `unknown`), 0 or absent when open.
 */
export type Interval = readonly [number, number, (0 | 1)?, string?];

export interface DayPlan {
  readonly intervals: readonly Interval[];
  /** Why the day is closed (a holiday's name), when nothing is open. */
  readonly comment?: string;
  /** The public-holiday rule (`PH …`) applied to this day. */
  readonly holiday: boolean;
}

/**
 * The plan of a day, given as a day number (days since 1970-01-01) and the name of the
 * public holiday that falls on it, if any; undefined when this source cannot say (a day
 * outside the compiled window).
 */
export type Planner = (day: number, holiday: string | undefined) => DayPlan | undefined;

/** Days since 1970-01-01 of a calendar date (month 1–12). */
export const dayNumber = (year: number, month: number, day: number): number => Date.UTC(year, month - 1, day) / 86_400_000;

/** The calendar date of a day number: [year, month 1–12, day]. */
export function dateOf(n: number): [number, number, number] {
  const d = new Date(n * 86_400_000);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export const weekday = (n: number): number => (((n + 3) % 7) + 7) % 7;

/** "2026-01-19" → day number; NaN when not a date. */
export function parseDay(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? dayNumber(+m[1]!, +m[2]!, +m[3]!) : NaN;
}

/** Day number → "2026-01-19". */
export function formatDay(n: number): string {
  const [y, m, d] = dateOf(n);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A day's intervals as the public-holiday rule gives them: the holiday's name as comment. */
export function onHoliday(intervals: readonly Interval[], name: string): DayPlan {
  return intervals.length
    ? { intervals: intervals.map(([a, b, u, c]) => [a, b, u ?? 0, c ?? name] as Interval), holiday: true }
    : { intervals, comment: name, holiday: true };
}
