/**
 * Reads the opening_hours strings feeds write most, without the library: weekdays and
 * their ranges, time ranges, `off`/`closed`, `24/7`, public holidays (`PH`), months and
 * dates (`Jan-Mar`, `Dec 24`, `Jun 15-Sep 15`), rules joined by `;` (a later rule
 * replaces what earlier ones said about its days) or added with `,`. Anything else
 * (comments, `Mo[1]`, `sunrise`, years, weeks, times past midnight, `+`) gives null: the
 * full library is then fetched for that string. examples/test and the feed tool's
 * sameness test check that both say the same.
 */
import { dateOf, type DayPlan, type Interval, onHoliday, type Planner, weekday } from './plan.js';

const DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = `(?:${DAYS.join('|')})`;
const MONTH = `(?:${MONTHS.join('|')})`;
const DAY_ITEM = `(?:${DAY}(?:-${DAY})?|PH)`;
const DATE = `${MONTH}(?: \\d{1,2})?`;
const DATE_ITEM = `${DATE}(?:-(?:${DATE}|\\d{1,2}))?`;
const TIME = '\\d{1,2}:\\d{2}-\\d{1,2}:\\d{2}';
const RULE = new RegExp(
  `^(?:(${DATE_ITEM}(?:,${DATE_ITEM})*):? ?)?(?:(${DAY_ITEM}(?:,${DAY_ITEM})*) )?(${TIME}(?:,${TIME})*|off|closed)$`,
);
/** A `,` that starts an additional rule: after a time or `off`, before a day or a month. */
const ADDITIONAL = new RegExp(`(?<=\\d|off|closed),(?=(?:${DAY_ITEM}|${MONTH})\\b)`);

/** A month-day as month * 100 + day, so that ranges compare as numbers. */
type MonthDay = number;

interface Rule {
  /** Month-day ranges, both ends included (may wrap over the year's end); empty: every day. */
  readonly dates: readonly (readonly [MonthDay, MonthDay])[];
  /** Weekdays named (0 = Monday); undefined with `ph` false: every day. */
  readonly days: ReadonlySet<number> | undefined;
  readonly ph: boolean;
  readonly intervals: readonly Interval[];
  readonly additional: boolean;
}

function times(text: string): Interval[] | undefined {
  const out: Interval[] = [];
  for (const t of text.split(',')) {
    const [from, to] = t.split('-').map((s) => {
      const [h, m] = s.split(':').map(Number) as [number, number];
      return h <= 24 && m < 60 && !(h === 24 && m > 0) ? h * 60 + m : NaN;
    }) as [number, number];
    // Times past midnight (22:00-02:00) spill into the next day: left to the library.
    if (!(from < to)) return undefined;
    out.push([from, to]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

function dateRange(item: string): [MonthDay, MonthDay] | undefined {
  const [a, b] = item.split('-') as [string, string?];
  const [m1, d1] = a.split(' ') as [string, string?];
  const month1 = MONTHS.indexOf(m1) + 1;
  const day1 = d1 === undefined ? 1 : +d1;
  let month2 = month1;
  let day2 = d1 === undefined ? 31 : day1;
  if (b !== undefined) {
    if (/^\d+$/.test(b)) {
      if (d1 === undefined) return undefined;
      day2 = +b;
    } else {
      const [m2, d2] = b.split(' ') as [string, string?];
      month2 = MONTHS.indexOf(m2) + 1;
      if ((d1 === undefined) !== (d2 === undefined)) return undefined;
      day2 = d2 === undefined ? 31 : +d2;
    }
  }
  if (day1 < 1 || day1 > 31 || day2 < 1 || day2 > 31) return undefined;
  return [month1 * 100 + day1, month2 * 100 + day2];
}

function parseRule(text: string, additional: boolean): Rule | undefined {
  const m = RULE.exec(text);
  if (!m) return undefined;
  const dates: [MonthDay, MonthDay][] = [];
  for (const item of m[1]?.split(',') ?? []) {
    const range = dateRange(item);
    if (!range) return undefined;
    dates.push(range);
  }
  let days: Set<number> | undefined;
  let ph = false;
  for (const item of m[2]?.split(',') ?? []) {
    if (item === 'PH') {
      ph = true;
      continue;
    }
    days ??= new Set();
    const [a, b = a] = item.split('-').map((d) => DAYS.indexOf(d)) as [number, number?];
    for (let d = a; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === b) break;
    }
  }
  const off = m[3] === 'off' || m[3] === 'closed';
  if (off && additional) return undefined;
  const intervals = off ? [] : times(m[3]!);
  return intervals ? { dates, days: days ?? (ph ? new Set() : undefined), ph, intervals, additional } : undefined;
}

/** The rules of a string, or undefined when it uses syntax this reader does not cover. */
function parseRules(hours: string): Rule[] | undefined {
  const text = hours.trim().replace(/\s+/g, ' ').replace(/ ?, ?/g, ',').replace(/ ?- ?/g, '-');
  if (text === '24/7') return [{ dates: [], days: undefined, ph: false, intervals: [[0, 1440]], additional: false }];
  const rules: Rule[] = [];
  for (const normal of text.split(/ ?; ?/)) {
    if (!normal) continue;
    const parts = normal.split(ADDITIONAL);
    for (let i = 0; i < parts.length; i++) {
      const rule = parseRule(parts[i]!, i > 0);
      if (!rule) return undefined;
      rules.push(rule);
    }
  }
  return rules.length ? rules : undefined;
}

const inDates = (rule: Rule, md: MonthDay) =>
  !rule.dates.length || rule.dates.some(([a, b]) => (a <= b ? md >= a && md <= b : md >= a || md <= b));

/** A planner for a common string, or null when the string needs the full library. */
export function rulesPlanner(hours: string): Planner | null {
  const rules = parseRules(hours);
  if (!rules) return null;
  return (day, holiday): DayPlan => {
    const [, month, date] = dateOf(day);
    const md = month * 100 + date;
    const wd = weekday(day);
    let intervals: Interval[] = [];
    let byHoliday = false;
    for (const rule of rules) {
      if (!inDates(rule, md)) continue;
      const viaHoliday = rule.ph && holiday !== undefined;
      if (!viaHoliday && rule.days && !rule.days.has(wd)) continue;
      // A rule after `;` replaces what earlier rules said about the day; one after `,` adds.
      intervals = rule.additional ? [...intervals, ...rule.intervals].sort((a, b) => a[0] - b[0]) : [...rule.intervals];
      byHoliday = rule.additional ? byHoliday || viaHoliday : viaHoliday;
    }
    return byHoliday ? onHoliday(intervals, holiday!) : { intervals, holiday: false };
  };
}
