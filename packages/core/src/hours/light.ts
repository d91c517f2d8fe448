/**
 * The small opening-hours evaluator (a few KB, its own lazy chunk): open now, the next
 * change and the days ahead, from a string's compiled form (`hoursCompiled` in the feed,
 * compiled.ts) or, for the common strings, from the string itself (rules.ts, a chunk of
 * its own that index.ts fetches only for a string without a compiled form covering the
 * year ahead: a feed the feed tool or the hub built has one for every string). Public
 * holidays are computed here (holidays.ts), with each comune's patron day when the feed
 * declares it. A string neither can read is answered by the full library (engine.ts),
 * which index.ts fetches only then.
 */
import { now } from '../clock.js';
import { type CompiledHours, compiledPlanner, readCompiled } from './compiled.js';
import type { HoursDay, HoursEngine, HoursInterval, HoursState } from './engine.js';
import { holidayName, type PatronDay } from './holidays.js';
import { dateOf, type DayPlan, dayNumber, type Interval, parseDay, type Planner } from './plan.js';
import { romeWallClock } from './rome.js';

/** How far ahead to look for the next change (as the library does). */
const HORIZON_DAYS = 366;

/** The reader of common strings (rules.ts's rulesPlanner): a planner, or null when it cannot read the string. */
export type StringReader = (hours: string) => Planner | null;

/** Fetches the reader of common strings (its own chunk; the small evaluator is loaded before it). */
export const loadReader = (): Promise<StringReader> => import('./rules.js').then((m) => m.rulesPlanner);

export interface LightEngine extends HoursEngine {
  /** True when this evaluator can read the string (compiled or common), without the library. */
  handles(hours: string): boolean;
  /**
   * True when the string has no compiled form for the whole year ahead, so that its states
   * need the reader of common strings (or the library); false once the reader is added.
   */
  needsReader(hours: string): boolean;
  /** Adds the reader of common strings (loadReader()). */
  addReader(read: StringReader): void;
  /** Adds a feed's compiled forms (string → compiled form, as read from the feed: checked here, bad ones ignored). */
  addCompiled(table: ReadonlyMap<string, unknown>): void;
  /** Adds a feed's patron days (one per comune). */
  addPatronDays(days: readonly PatronDay[]): void;
}

/** A day's state at a minute: open, unknown (maybe open) or closed, and the comment. */
function at(plan: DayPlan, minute: number): { open: boolean; unknown: boolean; comment?: string } {
  const i = plan.intervals.find(([a, b]) => a <= minute && minute < b);
  const comment = i ? i[3] : plan.comment;
  return { open: !!i && !i[2], unknown: i?.[2] === 1, ...(comment ? { comment } : {}) };
}

/** A wall-clock Date (local fields) of a day number and a minute of that day. */
const wall = (day: number, minute: number) => {
  const [y, m, d] = dateOf(day);
  return new Date(y, m - 1, d, 0, minute);
};

export function createLightEngine(fallback: () => HoursEngine | undefined = () => undefined, reader?: StringReader): LightEngine {
  let read: StringReader = reader ?? (() => null);
  let hasReader = !!reader;
  const compiled = new Map<string, CompiledHours>();
  const patrons = new Map<string, PatronDay>();
  const planners = new Map<string, Planner[]>();

  /** The sources for a string: its compiled form first, then the common-string reader. */
  const sources = (hours: string): Planner[] => {
    let list = planners.get(hours);
    if (!list) {
      list = [];
      const c = compiled.get(hours);
      if (c) list.push(compiledPlanner(c));
      const rules = read(hours);
      if (rules) list.push(rules);
      planners.set(hours, list);
    }
    return list;
  };

  const plan = (list: Planner[], day: number, comune: string | undefined): DayPlan | undefined => {
    const [y, m, d] = dateOf(day);
    const holiday = holidayName(y, m, d, comune === undefined ? undefined : patrons.get(comune));
    for (const p of list) {
      const result = p(day, holiday);
      if (result) return result;
    }
    return undefined;
  };

  /** One evaluation per string, comune and minute: many services share a few strings. */
  const states = new Map<string, { minute: number; state: HoursState | undefined }>();

  const state = (hours: string, when: Date, comune?: string): HoursState | undefined => {
    const key = `${comune ?? ''}\u0000${hours}`;
    const minute = Math.floor(when.getTime() / 60_000);
    const cached = states.get(key);
    if (cached?.minute === minute) return cached.state;
    const list = sources(hours);
    const local = romeWallClock(when);
    const today = dayNumber(local.getFullYear(), local.getMonth() + 1, local.getDate());
    const first = list.length ? plan(list, today, comune) : undefined;
    // The library keeps its own cache (and may arrive later): its answers are not kept here.
    if (!first) return fallback()?.state(hours, when);
    const result = evaluate(list, first, local, today, comune);
    states.set(key, { minute, state: result });
    return result;
  };

  const evaluate = (list: Planner[], first: DayPlan, local: Date, today: number, comune?: string): HoursState => {
    const minute = local.getHours() * 60 + local.getMinutes();
    const now = at(first, minute);
    const holiday = !now.open && !now.unknown && first.holiday && !first.intervals.length;
    let next: Pick<HoursState, 'next' | 'nextOpen' | 'nextUnknown' | 'nextComment'> = {};
    // Comment-only changes are not changes for people: look for the next open/closed one.
    search: for (let day = today; day <= today + HORIZON_DAYS; day++) {
      const p = day === today ? first : plan(list, day, comune);
      if (!p) break;
      const bounds = [...new Set([0, ...p.intervals.flatMap(([a, b]) => [a, b])])].sort((a, b) => a - b);
      for (const b of bounds) {
        if ((day === today && b <= minute) || b >= 1440) continue;
        const s = at(p, b);
        if (s.open !== now.open || s.unknown !== now.unknown) {
          next = { next: wall(day, b), nextOpen: s.open, nextUnknown: s.unknown, ...(s.comment ? { nextComment: s.comment } : {}) };
          break search;
        }
      }
    }
    return { open: now.open, unknown: now.unknown, holiday, ...(now.comment ? { comment: now.comment } : {}), ...next, at: local };
  };

  const week = (hours: string, when: Date, days = 7, comune?: string): readonly HoursDay[] | undefined => {
    const list = sources(hours);
    const local = romeWallClock(when);
    const today = dayNumber(local.getFullYear(), local.getMonth() + 1, local.getDate());
    const out: HoursDay[] = [];
    for (let day = today; day < today + days; day++) {
      const p = list.length ? plan(list, day, comune) : undefined;
      if (!p) return fallback()?.week(hours, when, days);
      const [y, m, d] = dateOf(day);
      const intervals: HoursInterval[] = p.intervals.map(([a, b, u, c]: Interval) => ({
        from: wall(day, a),
        to: wall(day, b),
        unknown: u === 1,
        ...(c ? { comment: c } : {}),
      }));
      const holiday = holidayName(y, m, d, comune === undefined ? undefined : patrons.get(comune)) !== undefined;
      out.push({ day: wall(day, 0), intervals, holiday, ...(!intervals.length && p.comment ? { comment: p.comment } : {}) });
    }
    return out;
  };

  /** Whether the string's compiled form covers today and the `days` after it. */
  const covered = (hours: string, days: number) => {
    const c = compiled.get(hours);
    const today = Math.floor(now().getTime() / 86_400_000);
    return !!c && parseDay(c.from) <= today && today + days <= parseDay(c.to);
  };

  return {
    // A compiled form counts while it covers the coming week (a feed not rebuilt for a year
    // has an expired one: the string then needs the common reader or the library).
    handles: (hours) => !!read(hours) || covered(hours, 7),
    // The next change is looked for up to a year ahead: a compiled form that ends sooner
    // is completed by the reader, as before the reader had a chunk of its own.
    needsReader: (hours) => !hasReader && !covered(hours, HORIZON_DAYS),
    addReader(reader) {
      read = reader;
      hasReader = true;
      planners.clear();
      states.clear();
    },
    isValid: (hours) => sources(hours).length > 0 || (fallback()?.isValid(hours) ?? false),
    warnings: (hours) => (sources(hours).length ? [] : (fallback()?.warnings(hours) ?? [])),
    state,
    week,
    addCompiled(table) {
      for (const [hours, form] of table) {
        const c = readCompiled(form);
        if (!c) continue;
        compiled.set(hours, c);
        planners.delete(hours);
      }
      states.clear();
    },
    addPatronDays(list) {
      for (const p of list) patrons.set(p.comune, p);
      states.clear();
    },
  };
}
