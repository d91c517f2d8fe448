/**
 * The full opening-hours evaluator. This module is the only one in the elements that
 * imports opening_hours (large): it is reached through `loadHoursEngine()` (dynamic
 * import), so bundlers put it in its own chunk, fetched only when a feed has a string
 * that neither its compiled form nor the small reader (light.ts) covers.
 */
import OpeningHours from 'opening_hours';
import { romeWallClock, startOfDay } from './rome.js';

export { romeWallClock } from './rome.js';

/** Open or closed at a moment, and when that changes (Europe/Rome wall-clock time). */
export interface HoursState {
  readonly open: boolean;
  /** "unknown" in OSM syntax, or a comment-only rule: neither open nor closed is certain. */
  readonly unknown: boolean;
  /** The comment of the rule that applies now (from the feed, or a holiday's name). */
  readonly comment?: string;
  /** Closed all day for a public holiday, because the string says so (`PH off`). */
  readonly holiday: boolean;
  /**
   * Next change of open/closed/unknown as Rome wall-clock time (read its local fields),
   * or undefined when it never changes (24/7, or closed for good).
   */
  readonly next?: Date;
  readonly nextOpen?: boolean;
  readonly nextUnknown?: boolean;
  readonly nextComment?: string;
  /** The moment evaluated, as Rome wall-clock time. */
  readonly at: Date;
}

/** A stretch of one day when the place is open (or maybe open: `unknown`). */
export interface HoursInterval {
  /** Rome wall-clock time; `to` is the next midnight when it lasts until the day's end. */
  readonly from: Date;
  readonly to: Date;
  readonly unknown: boolean;
  readonly comment?: string;
}

/** One calendar day in Rome and its open intervals. */
export interface HoursDay {
  /** Midnight of the day, Rome wall-clock time. */
  readonly day: Date;
  readonly intervals: readonly HoursInterval[];
  /** An Italian public holiday. */
  readonly holiday: boolean;
  /** Why a day with no intervals is closed, when the string or the calendar says. */
  readonly comment?: string;
}

export interface HoursEngine {
  /**
   * undefined when the string cannot be read: show it as written. `comune`: where the
   * place is, so that its patron day counts as a holiday (the small evaluator only).
   */
  state(hours: string, at: Date, comune?: string): HoursState | undefined;
  /** The next `days` calendar days in Rome from the day of `at`; undefined when unreadable. */
  week(hours: string, at: Date, days?: number, comune?: string): readonly HoursDay[] | undefined;
  isValid(hours: string): boolean;
  /** The library's notes about a readable but loosely written string (English). */
  warnings(hours: string): string[];
}

/** Where the feeds live: Lodi, Lombardy, so `PH` means Italian public holidays. */
const NOMINATIM = { lat: 45.31, lon: 9.5, address: { country_code: 'it', state: 'Lombardia' } };
/** The same options the feed tool (welfare-feed) checks strings with. */
const OPTIONS = { tag_key: 'opening_hours', mode: 0, map_value: false, warnings_severity: 4, locale: 'en' };
/** How far ahead to look for the next change. */
const HORIZON_DAYS = 366;
const MAX_STEPS = 500;

interface Parsed {
  readonly oh: OpeningHours;
  minute?: number;
  state?: HoursState | undefined;
  weekKey?: string;
  week?: readonly HoursDay[] | undefined;
}

const warned = new Set<string>();

export function createHoursEngine(): HoursEngine {
  const parsed = new Map<string, Parsed | null>();

  const parse = (hours: string): Parsed | null => {
    let entry = parsed.get(hours);
    if (entry === undefined) {
      try {
        entry = { oh: new OpeningHours(hours, NOMINATIM as never, OPTIONS as never) };
      } catch (error) {
        entry = null;
        if (!warned.has(hours)) {
          warned.add(hours);
          console.warn(`[welfare-elements] opening hours not understood (people read "ask the service"): ${JSON.stringify(hours)}\n${String(error).trim()}`);
        }
      }
      parsed.set(hours, entry);
    }
    return entry;
  };

  const compute = (oh: OpeningHours, hours: string, local: Date): HoursState => {
    const it = oh.getIterator(local);
    const open = it.getState();
    const unknown = it.getUnknown();
    const comment = it.getComment() || undefined;
    const limit = startOfDay(local, HORIZON_DAYS);
    let next: Pick<HoursState, 'next' | 'nextOpen' | 'nextUnknown' | 'nextComment'> = {};
    // Comment-only changes are not changes for people: look for the next open/closed one.
    for (let step = 0; step < MAX_STEPS && it.advance(limit); step++) {
      if (it.getState() !== open || it.getUnknown() !== unknown) {
        const nextComment = it.getComment() || undefined;
        next = { next: it.getDate(), nextOpen: it.getState(), nextUnknown: it.getUnknown(), ...(nextComment ? { nextComment } : {}) };
        break;
      }
    }
    const holiday =
      !open && !unknown && /\bPH\b/.test(hours) && oh.getPublicHolidayContext(local).isHoliday &&
      oh.getOpenIntervals(startOfDay(local), startOfDay(local, 1)).length === 0;
    return { open, unknown, holiday, ...(comment ? { comment } : {}), ...next, at: local };
  };

  return {
    isValid: (hours) => parse(hours) !== null,

    warnings(hours) {
      try {
        return parse(hours)?.oh.getWarnings() ?? [];
      } catch {
        return [];
      }
    },

    state(hours, at) {
      const entry = parse(hours);
      if (!entry) return undefined;
      // Many services share a few strings (and a filter asks for all of them): one
      // evaluation per string per minute.
      const minute = Math.floor(at.getTime() / 60_000);
      if (entry.minute !== minute) {
        try {
          entry.state = compute(entry.oh, hours, romeWallClock(at));
        } catch {
          entry.state = undefined;
        }
        entry.minute = minute;
      }
      return entry.state;
    },

    week(hours, at, days = 7) {
      const entry = parse(hours);
      if (!entry) return undefined;
      const local = romeWallClock(at);
      const key = `${startOfDay(local).getTime()}/${days}`;
      if (entry.weekKey === key) return entry.week;
      let week: HoursDay[] | undefined;
      try {
        const { oh } = entry;
        const all = oh.getOpenIntervals(startOfDay(local), startOfDay(local, days));
        week = [];
        for (let i = 0; i < days; i++) {
          const d0 = startOfDay(local, i);
          const d1 = startOfDay(local, i + 1);
          const intervals: HoursInterval[] = all
            .filter(([from, to]) => from < d1 && to > d0)
            .map(([from, to, unknown, comment]) => ({
              from: from < d0 ? d0 : from,
              to: to > d1 ? d1 : to,
              unknown,
              ...(comment ? { comment } : {}),
            }));
          const noon = new Date(d0.getFullYear(), d0.getMonth(), d0.getDate(), 12);
          const comment = intervals.length ? undefined : oh.getComment(noon) || undefined;
          week.push({ day: d0, intervals, holiday: oh.getPublicHolidayContext(noon).isHoliday, ...(comment ? { comment } : {}) });
        }
      } catch {
        week = undefined;
      }
      entry.weekKey = key;
      entry.week = week;
      return week;
    },
  };
}
