/**
 * The hours builder's model and the OpenStreetMap `opening_hours` string it writes.
 * People choose days and time ranges; they never type the syntax. A string that the
 * builder cannot read back (written by hand elsewhere) is kept as written and checked
 * by the evaluator instead.
 */

/** Weekday codes in OSM order, Monday first. */
export const DAY_CODES = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;

export interface TimeRange {
  /** "09:00" as an <input type="time"> gives it. */
  readonly from: string;
  readonly to: string;
}

/** One line of the builder: these days, these times. */
export interface HoursRow {
  /** Weekday indexes, 0 = Monday. */
  readonly days: readonly number[];
  readonly ranges: readonly TimeRange[];
}

export interface HoursModel {
  readonly rows: readonly HoursRow[];
  /** `PH off`: closed on public holidays. */
  readonly holidaysClosed: boolean;
  /** A note for people ("su appuntamento"): the feed's `hoursNote`, not part of the string. */
  readonly note: string;
}

export const EMPTY_HOURS: HoursModel = { rows: [], holidaysClosed: true, note: '' };

/** A problem with one row (index) or the whole model (row -1), as a message key. */
export interface HoursProblem {
  readonly row: number;
  readonly range?: number;
  readonly key: 'noDays' | 'noTimes' | 'timeMissing' | 'timeOrder' | 'overlap';
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutes(time: string): number | undefined {
  if (time === '24:00') return 1440;
  const m = TIME.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/** Everything that would make the string wrong or say something the person did not mean. */
export function hoursProblems(model: HoursModel): HoursProblem[] {
  const problems: HoursProblem[] = [];
  model.rows.forEach((row, r) => {
    if (!row.days.length) problems.push({ row: r, key: 'noDays' });
    if (!row.ranges.length) problems.push({ row: r, key: 'noTimes' });
    const spans: [number, number][] = [];
    row.ranges.forEach((range, i) => {
      const from = minutes(range.from);
      // "00:00" as an end means midnight: the day's end.
      const to = range.to === '00:00' ? 1440 : minutes(range.to);
      if (from === undefined || to === undefined) return problems.push({ row: r, range: i, key: 'timeMissing' });
      if (to <= from) return problems.push({ row: r, range: i, key: 'timeOrder' });
      if (spans.some(([a, b]) => from < b && a < to)) problems.push({ row: r, range: i, key: 'overlap' });
      spans.push([from, to]);
    });
  });
  return problems;
}

/** [0,1,2,3,4] → "Mo-Fr"; [0,2,4] → "Mo,We,Fr"; [5,6] → "Sa,Su". */
export function daysExpression(days: readonly number[]): string {
  const sorted = [...new Set(days)].filter((d) => d >= 0 && d < 7).sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${DAY_CODES[sorted[i]!]}-${DAY_CODES[sorted[j]!]}`);
    else for (let k = i; k <= j; k++) parts.push(DAY_CODES[sorted[k]!]!);
    i = j + 1;
  }
  return parts.join(',');
}

/**
 * The OSM string, or undefined while the model has problems (the builder never hands on
 * a string it knows to be wrong). Rows are additional rules (`, `), so two rows naming
 * the same day add their times instead of the second replacing the first. The note is
 * not part of the string: the feed carries it as `hoursNote` (words people read under
 * the hours), so the string stays one the small evaluator and the words reader cover.
 */
export function toOpeningHours(model: HoursModel): string | undefined {
  if (hoursProblems(model).length) return undefined;
  // No days at all: no hours (the holidays box says nothing on its own).
  if (!model.rows.length) return '';
  const rules = model.rows.map((row) => {
    const times = row.ranges.map((r) => `${r.from}-${r.to === '00:00' ? '24:00' : r.to}`).join(',');
    const days = row.days.length === 7 ? '' : `${daysExpression(row.days)} `;
    return `${days}${times}`;
  });
  return rules.join(', ') + (model.holidaysClosed ? '; PH off' : '');
}

const DAY = '(?:Mo|Tu|We|Th|Fr|Sa|Su)';
const DAY_ITEM = `${DAY}(?:-${DAY})?`;
const RANGE = '\\d{2}:\\d{2}-\\d{2}:\\d{2}';
const RULE = new RegExp(`^(?:(${DAY_ITEM}(?:,${DAY_ITEM})*)\\s+)?(${RANGE}(?:,${RANGE})*)(?:\\s+"([^"]*)")?$`);

function parseDays(text: string | undefined): number[] {
  if (!text) return [0, 1, 2, 3, 4, 5, 6];
  const out: number[] = [];
  for (const item of text.split(',')) {
    const [a, b = a] = item.split('-').map((d) => DAY_CODES.indexOf(d as (typeof DAY_CODES)[number]));
    for (let d = a!; ; d = (d + 1) % 7) {
      if (!out.includes(d)) out.push(d);
      if (d === b) break;
    }
  }
  return out.sort((x, y) => x - y);
}

/**
 * Reads back a string this builder writes (and the plain ones people write the same way:
 * `Mo-Fr 09:00-12:30,14:00-17:00; PH off`). Anything else gives undefined: the builder
 * then keeps the string as written, checked by the evaluator.
 */
export function fromOpeningHours(hours: string): HoursModel | undefined {
  let text = hours.trim();
  if (!text) return EMPTY_HOURS;
  let holidaysClosed = false;
  const ph = /;\s*PH\s+(?:off|closed)\s*$/;
  if (ph.test(text)) {
    holidaysClosed = true;
    text = text.replace(ph, '').trim();
  }
  const rows: HoursRow[] = [];
  let note: string | undefined;
  // Rules are joined by `, ` (additional) or `; ` (normal, the builder's rows never repeat a day).
  for (const rule of text.split(/\s*;\s*|,\s+(?=(?:Mo|Tu|We|Th|Fr|Sa|Su|\d))/)) {
    const m = RULE.exec(rule.trim());
    if (!m) return undefined;
    const ruleNote = m[3] ?? '';
    if (note !== undefined && ruleNote !== note) return undefined;
    note = ruleNote;
    const ranges = m[2]!.split(',').map((r) => {
      const [from, to] = r.split('-') as [string, string];
      return { from, to: to === '24:00' ? '00:00' : to };
    });
    rows.push({ days: parseDays(m[1]), ranges });
  }
  const model = { rows, holidaysClosed, note: note ?? '' };
  return hoursProblems(model).length ? undefined : model;
}
