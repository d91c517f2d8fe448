/**
 * Compiled opening hours (feed field `hoursCompiled`, docs/feed-format.md): what the feed
 * tool worked out with the full opening_hours library, in a form a few hundred bytes of
 * code can read. Weekly patterns, the days from which each applies, what public holidays
 * do, and the days that follow none of these, for a window of dates; outside the window
 * the string itself is read again.
 */
import { type DayPlan, type Interval, onHoliday, parseDay, type Planner, weekday } from './plan.js';

/** One string's compiled form, as written in the feed (JSON). */
export interface CompiledHours {
  /** First and last day covered, YYYY-MM-DD in Europe/Rome, both included. */
  readonly from: string;
  readonly to: string;
  /** Weekly patterns: seven days, Monday first, each a list of intervals. */
  readonly weeks: readonly (readonly (readonly Interval[])[])[];
  /** `[first day, pattern index]`: the pattern in force from that day until the next entry. */
  readonly periods: readonly (readonly [string, number])[];
  /** Public holidays' intervals (`[]`: closed); absent: holidays are like other days. */
  readonly ph?: readonly Interval[];
  /** Days that follow neither their pattern nor `ph`: YYYY-MM-DD → intervals. */
  readonly days?: Readonly<Record<string, readonly Interval[]>>;
}

const isInterval = (v: unknown): v is Interval =>
  Array.isArray(v) &&
  v.length >= 2 && v.length <= 4 &&
  Number.isInteger(v[0]) && Number.isInteger(v[1]) && v[0] >= 0 && v[1] <= 1440 && v[0] < v[1] &&
  (v[2] === undefined || v[2] === 0 || v[2] === 1) &&
  (v[3] === undefined || typeof v[3] === 'string');
const isDay = (v: unknown): v is Interval[] => Array.isArray(v) && v.every(isInterval);

/** The compiled form if `value` is one (feed text is untrusted), else undefined. */
export function readCompiled(value: unknown): CompiledHours | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const c = value as Record<string, unknown>;
  const weeks = c['weeks'];
  const periods = c['periods'];
  if (!Number.isFinite(parseDay(String(c['from']))) || !Number.isFinite(parseDay(String(c['to'])))) return undefined;
  if (!Array.isArray(weeks) || !weeks.every((w) => Array.isArray(w) && w.length === 7 && w.every(isDay))) return undefined;
  if (
    !Array.isArray(periods) || !periods.length ||
    !periods.every((p) => Array.isArray(p) && Number.isFinite(parseDay(String(p[0]))) && Number.isInteger(p[1]) && p[1] >= 0 && p[1] < weeks.length)
  ) {
    return undefined;
  }
  if (c['ph'] !== undefined && !isDay(c['ph'])) return undefined;
  const days = c['days'];
  if (days !== undefined && (typeof days !== 'object' || days === null || !Object.entries(days).every(([k, v]) => Number.isFinite(parseDay(k)) && isDay(v)))) {
    return undefined;
  }
  return value as CompiledHours;
}

/** Reads a compiled form day by day. */
export function compiledPlanner(c: CompiledHours): Planner {
  const from = parseDay(c.from);
  const to = parseDay(c.to);
  const starts = c.periods.map(([day]) => parseDay(day));
  const days = new Map(Object.entries(c.days ?? {}).map(([k, v]) => [parseDay(k), v]));
  return (day, holiday): DayPlan | undefined => {
    if (day < from || day > to) return undefined;
    const own = days.get(day);
    if (own) return { intervals: own, holiday: false };
    if (holiday !== undefined && c.ph) return onHoliday(c.ph, holiday);
    let p = 0;
    while (p + 1 < starts.length && starts[p + 1]! <= day) p++;
    return { intervals: c.weeks[c.periods[p]![1]]![weekday(day)]!, holiday: false };
  };
}
