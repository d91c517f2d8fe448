import type { Word } from './messages.js';
import { str, type Json } from './types.js';

/** Why an HSDS schedule cannot become opening hours: a message word and its value. */
export interface ScheduleProblem {
  reason: Extract<Word, `schedule:${string}`>;
  value?: string;
}

export interface Interval {
  /** 0 = Monday … 6 = Sunday. */
  day: number;
  open: string;
  close: string;
}

export interface ScheduleRead {
  intervals?: Interval[];
  /** First and last day the schedule applies (YYYY-MM-DD), when it says. */
  validFrom?: string;
  validTo?: string;
  problem?: ScheduleProblem;
  /** Last valid day, when it is already past. */
  expired?: string;
  /** A time zone other than Italy's, ignored. */
  zone?: string;
}

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const OSM_DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
const ITALIAN_ZONES = new Set(['+01:00', '+02:00', '+0100', '+0200', '+01', '+02']);

/** "09:00", "9:00:00", "09:00+01:00" → "09:00" and its zone. */
function readTime(value: unknown): { time: string; zone: string } | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(.*)$/.exec(str(value) ?? '');
  if (!m || Number(m[1]) > 24 || Number(m[2]) > 59) return undefined;
  return { time: `${m[1]!.padStart(2, '0')}:${m[2]}`, zone: m[3]!.trim() };
}

/** Reads one HSDS 3.0 schedule (RFC 5545-like weekly rule) into weekly intervals. */
export function readSchedule(s: Json, today: string): ScheduleRead {
  const validity: Pick<ScheduleRead, 'validFrom' | 'validTo'> = {};
  for (const key of ['valid_to', 'until']) {
    const end = str(s[key])?.slice(0, 10);
    if (end && /^\d{4}-\d{2}-\d{2}$/.test(end)) {
      if (end < today) return { expired: end };
      validity.validTo ??= end;
    }
  }
  for (const key of ['valid_from', 'dtstart']) {
    const start = str(s[key])?.slice(0, 10);
    if (start && /^\d{4}-\d{2}-\d{2}$/.test(start)) validity.validFrom ??= start;
  }
  const freq = (str(s['freq']) ?? 'WEEKLY').toUpperCase();
  if (freq !== 'WEEKLY' && freq !== 'DAILY') return { problem: { reason: 'schedule:freq', value: freq } };
  const interval = Number(s['interval'] ?? 1);
  if (interval !== 1) return { problem: { reason: 'schedule:interval', value: String(s['interval']) } };
  for (const key of ['byweekno', 'bymonthday', 'byyearday', 'count']) {
    if (str(s[key])) return { problem: { reason: 'schedule:rule', value: key } };
  }
  const days: number[] = [];
  const byday = str(s['byday']);
  if (freq === 'DAILY' && !byday) days.push(0, 1, 2, 3, 4, 5, 6);
  for (const token of byday ? byday.split(',').map((d) => d.trim().toUpperCase()) : []) {
    const day = DAYS.indexOf(token as (typeof DAYS)[number]);
    if (day < 0) return { problem: { reason: 'schedule:byday', value: token } };
    days.push(day);
  }
  if (days.length === 0) return { problem: { reason: 'schedule:days' } };
  const opens = readTime(s['opens_at']);
  const closes = readTime(s['closes_at']);
  if (!opens || !closes) return { problem: { reason: 'schedule:times' } };
  const zone = [opens.zone, closes.zone].find((z) => z && !ITALIAN_ZONES.has(z));
  const close = closes.time === '00:00' ? '24:00' : closes.time;
  return { intervals: days.map((day) => ({ day, open: opens.time, close })), ...validity, ...(zone ? { zone } : {}) };
}

/** Weekly intervals that apply over one period (no dates: always). */
export interface Period {
  validFrom?: string;
  validTo?: string;
  intervals: Interval[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** 2027-04-01 → "2027 Apr 01", the OSM opening_hours date form. */
function osmDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y} ${MONTHS[Number(m) - 1]} ${d}`;
}

/** The far end of an open period: OSM date ranges need an end. */
const OPEN_END = '2099-12-31';

/**
 * Schedules valid over different periods (winter and summer hours) as one value, never
 * merged: the weekly hours valid now first, then each period as a date range that
 * overrides them ("2027 Apr 01-2027 Sep 30 Mo-Fr 08:00-13:00; 2027 Apr 01-2027 Sep 30
 * Sa,Su off"), closing the days that period does not open.
 */
export function periodsToOpeningHours(periods: readonly Period[], today: string): string | undefined {
  const always = periods.filter((p) => !p.validFrom && !p.validTo).flatMap((p) => p.intervals);
  const dated = new Map<string, Interval[]>();
  for (const p of periods) {
    if (!p.validFrom && !p.validTo) continue;
    const key = `${p.validFrom ?? today}|${p.validTo ?? OPEN_END}`; // no start: from today
    dated.set(key, [...(dated.get(key) ?? []), ...p.intervals]);
  }
  // One period already begun and nothing else: it applies now, with no other hours to mix up.
  const begun = periods.every((p) => !p.validFrom || p.validFrom <= today);
  if (dated.size === 0 || (always.length === 0 && dated.size === 1 && begun)) {
    return toOpeningHours([...always, ...[...dated.values()].flat()]);
  }
  const rules: string[] = [];
  const base = toOpeningHours(always);
  if (base) rules.push(base);
  const ordered = [...dated].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [key, intervals] of ordered) {
    const [from, to] = key.split('|') as [string, string];
    const range = `${osmDate(from)}-${osmDate(to)}`;
    const week = toOpeningHours(intervals);
    if (week) rules.push(...week.split('; ').map((rule) => `${range} ${rule}`));
    const closed = [0, 1, 2, 3, 4, 5, 6].filter((day) => !intervals.some((i) => i.day === day));
    if (closed.length) rules.push(`${range} ${daySpec(closed)} off`);
  }
  return rules.length ? rules.join('; ') : undefined;
}

/** "Mo-Fr 09:00-12:30; Sa 09:00-12:00": days with the same hours share one rule. */
export function toOpeningHours(intervals: readonly Interval[]): string | undefined {
  const perDay = OSM_DAYS.map((_, day) =>
    [...new Set(intervals.filter((i) => i.day === day).map((i) => `${i.open}-${i.close}`))].sort().join(','),
  );
  const groups = new Map<string, number[]>();
  perDay.forEach((times, day) => {
    if (times) groups.set(times, [...(groups.get(times) ?? []), day]);
  });
  const rules = [...groups].map(([times, days]) => `${daySpec(days)} ${times}`);
  return rules.length ? rules.join('; ') : undefined;
}

/** [0,1,2,3,4] → "Mo-Fr"; [0,2,4] → "Mo,We,Fr"; runs of three or more become ranges. */
function daySpec(days: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${OSM_DAYS[days[i]!]}-${OSM_DAYS[days[j]!]}`);
    else for (let k = i; k <= j; k++) parts.push(OSM_DAYS[days[k]!]!);
    i = j + 1;
  }
  return parts.join(',');
}
