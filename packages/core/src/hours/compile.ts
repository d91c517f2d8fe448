/**
 * Compiles opening hours at publishing time (Node: the feed tool, the hub). Each string is
 * evaluated day by day with the full opening_hours library, and what it says is written
 * in the compact form the browser reads with a few KB (compiled.ts): weekly patterns,
 * the days from which each applies, public holidays, and the days that follow neither.
 * The result is checked against the library for every day of the window; a string whose
 * evaluation the form cannot hold (a comment on a closed day, ...) is not compiled, and
 * the browser then reads the string itself. Not imported by the elements.
 */
import OpeningHours from 'opening_hours';
import { type CompiledHours, compiledPlanner } from './compiled.js';
import { nationalHolidays } from './holidays.js';
import { dateOf, type DayPlan, formatDay, type Interval, onHoliday, parseDay, weekday } from './plan.js';

/** Lodi, Lombardy: the library's Italian public holidays (the national ones). */
const NOMINATIM = { lat: 45.31, lon: 9.5, address: { country_code: 'it', state: 'Lombardia' } };
const OPTIONS = { tag_key: 'opening_hours', mode: 0, map_value: false, warnings_severity: 4, locale: 'en' };

export interface CompileOptions {
  /** First day of the window, YYYY-MM-DD (default: 1 January of the current year). */
  readonly from?: string;
  /** Last day of the window, YYYY-MM-DD (default: 31 December of the next year). */
  readonly to?: string;
}

/** The default window: from 1 January of `now`'s year to 31 December of the next year. */
export function compileWindow(now: Date = new Date()): { from: string; to: string } {
  const y = now.getUTCFullYear();
  return { from: `${y}-01-01`, to: `${y + 1}-12-31` };
}

const key = (intervals: readonly Interval[]) => JSON.stringify(intervals);

/**
 * The library's answer for every day of the window, in one walk of its iterator (one
 * call per day would take a quarter of a second per string): each day's open intervals
 * in minutes, and the comment of a day that is closed at noon.
 */
function libraryDays(oh: OpeningHours, first: number, last: number): Map<number, DayPlan> {
  const [y0, m0, d0] = dateOf(first);
  const [y1, m1, d1] = dateOf(last + 1);
  const end = new Date(y1, m1 - 1, d1);
  const it = oh.getIterator(new Date(y0, m0 - 1, d0));
  /** [start, open, unknown, comment]: the state from `start` to the next segment's start. */
  const segments: [Date, boolean, boolean, string | undefined][] = [];
  do {
    segments.push([it.getDate(), it.getState(), it.getUnknown(), it.getComment() || undefined]);
  } while (it.advance(end) && it.getDate().getTime() < end.getTime());
  const out = new Map<number, DayPlan>();
  let s = 0;
  for (let day = first; day <= last; day++) {
    const [y, m, d] = dateOf(day);
    const start = new Date(y, m - 1, d).getTime();
    const stop = new Date(y, m - 1, d + 1).getTime();
    const noon = new Date(y, m - 1, d, 12).getTime();
    const minute = (t: number) => (t >= stop ? 1440 : t <= start ? 0 : Math.round((t - start) / 60_000));
    while (s + 1 < segments.length && segments[s + 1]![0].getTime() <= start) s++;
    const intervals: Interval[] = [];
    let comment: string | undefined;
    for (let i = s; i < segments.length && segments[i]![0].getTime() < stop; i++) {
      const [from, open, unknown, note] = segments[i]!;
      const to = i + 1 < segments.length ? segments[i + 1]![0].getTime() : end.getTime();
      if (from.getTime() <= noon && noon < to && !open && !unknown) comment = note;
      if (!open && !unknown) continue;
      const a = minute(from.getTime());
      const b = minute(to);
      if (a >= b) continue;
      intervals.push(note ? [a, b, unknown ? 1 : 0, note] : unknown ? [a, b, 1] : [a, b]);
    }
    out.set(day, { intervals, holiday: false, ...(!intervals.length && comment ? { comment } : {}) });
  }
  return out;
}

/** Drops the holiday's name where the library adds it as comment (the browser adds it back). */
function withoutName(plan: DayPlan, name: string): DayPlan {
  const intervals = plan.intervals.map(([a, b, u, c]): Interval => {
    if (c !== undefined && c !== name) return [a, b, u ?? 0, c];
    return u ? [a, b, 1] : [a, b];
  });
  return { intervals, holiday: false, ...(plan.comment && plan.comment !== name ? { comment: plan.comment } : {}) };
}

const samePlan = (a: DayPlan, b: DayPlan) => key(a.intervals) === key(b.intervals) && (a.comment ?? '') === (b.comment ?? '');

/**
 * The compiled form of an opening_hours string, or undefined when the library cannot
 * read it or the form cannot hold what it says.
 */
export function compileHours(hours: string, options: CompileOptions = {}): CompiledHours | undefined {
  const window = { ...compileWindow(), ...options };
  const actual = libraryTimeline(hours, window);
  return actual && compileTimeline(actual, window);
}

/**
 * The library's answer for every day of the window (day number → the day's intervals),
 * or undefined when it cannot read the string. The sameness test compares with it.
 */
export function libraryTimeline(hours: string, options: CompileOptions = {}): Map<number, DayPlan> | undefined {
  const window = { ...compileWindow(), ...options };
  const first = parseDay(window.from);
  const last = parseDay(window.to);
  if (!(first <= last)) return undefined;
  try {
    return libraryDays(new OpeningHours(hours, NOMINATIM as never, OPTIONS as never), first, last);
  } catch {
    return undefined;
  }
}

/** The compiled form of a timeline (libraryTimeline), or undefined when the form cannot hold it. */
export function compileTimeline(actual: ReadonlyMap<number, DayPlan>, window: { from: string; to: string }): CompiledHours | undefined {
  const first = parseDay(window.from);
  const last = parseDay(window.to);
  const holidays = (day: number) => {
    const [y, m, d] = dateOf(day);
    return nationalHolidays(y).get(`${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  };

  // A closed day with a comment of its own (not a holiday's name) does not fit the form.
  for (const [day, plan] of actual) if (plan.comment && !holidays(day)) return undefined;
  const dayKey = (day: number) => key(actual.get(day)!.intervals);

  // Weekly patterns and the days from which each applies; one-off days become exceptions.
  const weeks: Interval[][][] = [];
  const weekIndex = new Map<string, number>();
  const periods: [string, number][] = [];
  const periodOf = new Map<number, Interval[][]>();
  const days: Record<string, Interval[]> = {};
  for (let start = first; start <= last; ) {
    const pattern: Interval[][] = [];
    for (let w = 0; w < 7; w++) {
      let day = start + ((w - weekday(start) + 7) % 7);
      while (day <= last && holidays(day)) day += 7;
      pattern[w] = day <= last ? [...actual.get(day)!.intervals] : [];
    }
    const patternKey = JSON.stringify(pattern);
    let index = weekIndex.get(patternKey);
    if (index === undefined) {
      index = weeks.push(pattern) - 1;
      weekIndex.set(patternKey, index);
    }
    periods.push([formatDay(start), index]);
    let day = start;
    for (; day <= last; day++) {
      periodOf.set(day, pattern);
      if (holidays(day) || dayKey(day) === key(pattern[weekday(day)]!)) continue;
      // The same weekday a week later follows the pattern again: a one-off day.
      let later = day + 7;
      while (later <= last && holidays(later)) later += 7;
      if (later > last || dayKey(later) === key(pattern[weekday(day)]!)) {
        days[formatDay(day)] = [...actual.get(day)!.intervals];
        continue;
      }
      periodOf.delete(day);
      break;
    }
    start = day;
  }

  // Public holidays. The library names the holiday in its comments where a `PH` rule
  // applied: `ph` is what most of those days share; any other holiday that does not follow
  // its pattern is a day of its own.
  const viaRule = new Map<number, DayPlan>();
  const counts = new Map<string, number>();
  for (let day = first; day <= last; day++) {
    const name = holidays(day);
    if (!name) continue;
    const stripped = withoutName(actual.get(day)!, name);
    if (stripped.comment || !samePlan(onHoliday(stripped.intervals, name), actual.get(day)!)) continue;
    viaRule.set(day, stripped);
    const k = key(stripped.intervals);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const ph = counts.size ? (JSON.parse([...counts].sort((a, b) => b[1] - a[1])[0]![0]) as Interval[]) : undefined;
  for (let day = first; day <= last; day++) {
    const name = holidays(day);
    if (!name) continue;
    const plan = actual.get(day)!;
    const fits = ph
      ? samePlan(onHoliday(ph, name), plan)
      : !plan.comment && dayKey(day) === key(periodOf.get(day)![weekday(day)]!);
    if (fits) continue;
    // A day of its own carries no comment for a closed day.
    if (plan.comment) return undefined;
    days[formatDay(day)] = [...plan.intervals];
  }

  const compiled: CompiledHours = {
    from: window.from,
    to: window.to,
    weeks,
    periods,
    ...(ph ? { ph } : {}),
    ...(Object.keys(days).length ? { days } : {}),
  };
  // Proof: the browser's reading of the form gives the library's answer on every day.
  const planner = compiledPlanner(compiled);
  for (let day = first; day <= last; day++) {
    const plan = planner(day, holidays(day));
    if (!plan || !samePlan(plan, actual.get(day)!)) return undefined;
  }
  return compiled;
}

/**
 * Compiles every distinct string of a feed: `hours` of services, their locations, access
 * points and closures. Returns the `hoursCompiled` table (string → compiled form) and the
 * strings that could not be compiled (the browser reads those itself).
 */
export function compileFeedHours(
  feed: unknown,
  options: CompileOptions & {
    /**
     * Results kept from earlier calls WITH THE SAME WINDOW, by string (`null`: not
     * compilable). A publisher that compiles the feed after every change passes one map
     * and pays only for strings it has not seen (the hub: 5,000 offers).
     */
    readonly cache?: Map<string, CompiledHours | null>;
  } = {},
): { table: Record<string, CompiledHours>; skipped: string[] } {
  const { cache, ...window } = options;
  const strings = new Set<string>();
  const take = (e: unknown) => {
    const h = (e as { hours?: unknown } | null)?.hours;
    if (typeof h === 'string' && h.trim()) strings.add(h);
  };
  const f = (feed ?? {}) as Record<string, unknown>;
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  for (const s of list(f['services'])) {
    take(s);
    for (const l of list((s as { locations?: unknown } | null)?.locations)) take(l);
  }
  for (const a of list(f['accessPoints'])) take(a);
  for (const n of list(f['notices'])) take(n);
  const table: Record<string, CompiledHours> = {};
  const skipped: string[] = [];
  for (const s of [...strings].sort()) {
    let c = cache?.get(s);
    if (c === undefined) {
      c = compileHours(s, window) ?? null;
      cache?.set(s, c);
    }
    if (c) table[s] = c;
    else skipped.push(s);
  }
  return { table, skipped };
}
