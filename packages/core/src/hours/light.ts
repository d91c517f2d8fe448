/**
 * The small opening-hours evaluator (a few KB, its own lazy chunk): open now, the next
 * change and the days ahead, from a string's compiled form (`hoursCompiled` in the feed,
 * compiled.ts) or, for the common strings, from the string itself (rules.ts). Public
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
import { rulesPlanner } from './rules.js';

/** How far ahead to look for the next change (as the library does). */
const HORIZON_DAYS = 366;

export interface LightEngine extends HoursEngine {
  /** True when this evaluator can read the string (compiled or common), without the library. */
  handles(hours: string): boolean;
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

export function createLightEngine(fallback: () => HoursEngine | undefined = () => undefined): LightEngine {
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
      const rules = rulesPlanner(hours);
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

  return {
    // A compiled form counts while it covers the coming week (a feed not rebuilt for a year
    // has an expired one: the string then needs the common reader or the library).
    handles: (hours) => {
      if (rulesPlanner(hours)) return true;
      const c = compiled.get(hours);
      const today = Math.floor(now().getTime() / 86_400_000);
      return !!c && parseDay(c.from) <= today && today + 7 <= parseDay(c.to);
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
