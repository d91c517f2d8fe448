/**
 * Opening hours in words without the evaluator: "Mo-Fr 09:00-12:30,14:00-17:00; PH off"
 * becomes "lun–ven 9:00–12:30 e 14:00–17:00, chiuso nei festivi". The raw syntax is
 * never shown to people (issue 11), and the evaluator (opening_hours, ~110 KB) is a lazy
 * chunk; this small reader covers what feeds write most (weekdays, day ranges, times,
 * `PH off`, `off`, `24/7`, rules joined by `;` or added with `,`). Anything else (dates,
 * months, comments, `Mo[1]`, `sunrise`, `||` ...) gives `undefined`: the caller then
 * shows a neutral text, and the evaluator's seven days in words once it is loaded.
 */
import type { Lang } from '../i18n/lang.js';
import { hoursWordsStrings } from './words.strings.js';

const DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
const DAY = '(?:Mo|Tu|We|Th|Fr|Sa|Su)';
const DAY_ITEM = `(?:${DAY}(?:-${DAY})?|PH)`;
const TIME = '\\d{1,2}:\\d{2}-\\d{1,2}:\\d{2}';
const RULE = new RegExp(`^(?:(${DAY_ITEM}(?:,${DAY_ITEM})*)\\s+)?(${TIME}(?:\\s*,\\s*${TIME})*|off|closed)$`);
/** A `,` that starts an additional rule: after a time or `off`, before a day. */
const ADDITIONAL = new RegExp(`(?<=\\d|off|closed)\\s*,\\s*(?=${DAY_ITEM}\\b)`);

/** Minutes since midnight, from and to (to may be 24:00 or past midnight's wrap). */
type Range = readonly [number, number];
/** undefined: the day is not named (closed); []: named closed; else its ranges. */
type Day = readonly Range[] | undefined;

export interface HoursWordsOptions {
  /** Full day names and "dalle … alle …", for screen readers (default false). */
  readonly long?: boolean;
}

function parseTimes(text: string): Range[] | undefined {
  const out: Range[] = [];
  for (const t of text.split(/\s*,\s*/)) {
    const [a, b] = t.split('-') as [string, string];
    const minutes = (s: string) => {
      const [h, m] = s.split(':').map(Number) as [number, number];
      return h <= 24 && m < 60 && !(h === 24 && m > 0) ? h * 60 + m : NaN;
    };
    const from = minutes(a);
    const to = minutes(b);
    if (Number.isNaN(from) || Number.isNaN(to) || from === to) return undefined;
    out.push([from, to]);
  }
  return out;
}

/** The weekday indexes (0 = Monday) and whether PH is named, of `Mo-Fr,PH`; all days when empty. */
function parseDays(text: string | undefined): { days: number[]; ph: boolean } {
  if (!text) return { days: [0, 1, 2, 3, 4, 5, 6], ph: false };
  const days: number[] = [];
  let ph = false;
  for (const item of text.split(',')) {
    if (item === 'PH') {
      ph = true;
      continue;
    }
    const [a, b = a] = item.split('-').map((d) => DAYS.indexOf(d)) as [number, number?];
    // Mo-Fr, or a range across the week's end: Sa-Mo.
    for (let d = a; ; d = (d + 1) % 7) {
      if (!days.includes(d)) days.push(d);
      if (d === b) break;
    }
  }
  return { days, ph };
}

/** "9:00", "12:30", "24:00". */
const clock = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;

/** "lun, mer e ven", "lun–ven", "mar e gio" (weekday indexes in order). */
function dayList(days: number[], lang: Lang, long: boolean): string {
  const t = hoursWordsStrings[lang];
  if (days.length === 7) return t.everyDay;
  const names = long ? t.long : t.short;
  const parts: string[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j]! + 1) j++;
    // Three days or more in a row read as a range; two stay a list.
    if (j - i >= 2) {
      parts.push(t.run(names[days[i]!]!, names[days[j]!]!, long));
    } else {
      for (let k = i; k <= j; k++) parts.push(names[days[k]!]!);
    }
    i = j + 1;
  }
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')}${t.and}${parts.at(-1)}`;
}

function rangeList(ranges: readonly Range[], lang: Lang, long: boolean): string {
  const t = hoursWordsStrings[lang];
  return ranges.map(([a, b]) => t.range(clock(a), clock(b), long)).join(t.and);
}

/** The words, or a RangeError on a rule this reader does not cover. */
function toWords(hours: string, lang: Lang, long: boolean): string | undefined {
  const t = hoursWordsStrings[lang];
  const text = hours.trim().replace(/\s+/g, ' ');
  if (text === '24/7') return t.always;
  const week: Day[] = new Array<Day>(7).fill(undefined);
  let holidays: Day;
  let any = false;
  for (const normal of text.split(/\s*;\s*/)) {
    if (!normal) continue;
    normal.split(ADDITIONAL).forEach((rule, index) => {
      const additional = index > 0;
      const m = RULE.exec(rule);
      if (!m) throw new RangeError(rule);
      const off = m[2] === 'off' || m[2] === 'closed';
      if (off && additional) throw new RangeError(rule);
      const ranges = off ? [] : parseTimes(m[2]!);
      if (!ranges) throw new RangeError(rule);
      const { days, ph } = parseDays(m[1]);
      // A rule after `;` replaces what earlier rules said about its days; one after `,` adds.
      const apply = (before: Day): Day => (additional ? [...(before ?? []), ...ranges] : ranges);
      for (const d of days) week[d] = apply(week[d]);
      if (ph) holidays = apply(holidays);
      any = true;
    });
  }
  if (!any) return undefined;
  // Days with the same hours, in the order of the week.
  const groups = new Map<string, { days: number[]; ranges: readonly Range[] }>();
  week.forEach((ranges, d) => {
    if (!ranges?.length) return;
    const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
    const key = sorted.map((r) => r.join('-')).join(',');
    const group = groups.get(key);
    if (group) group.days.push(d);
    else groups.set(key, { days: [d], ranges: sorted });
  });
  const parts = [...groups.values()].map((g) => `${dayList(g.days, lang, long)} ${rangeList(g.ranges, lang, long)}`);
  let out = parts.join('; ');
  if (holidays && !holidays.length) out += out ? `, ${t.holidaysClosed}` : t.holidaysClosed;
  else if (holidays?.length) out += `${out ? '; ' : ''}${t.holidays} ${rangeList(holidays, lang, long)}`;
  return out || undefined;
}

/**
 * Opening hours in words ("lun–ven 9:00–12:30 e 14:00–17:00, chiuso nei festivi"), or
 * undefined when the string uses syntax this reader does not cover.
 */
export function hoursInWords(hours: string, lang: Lang, options: HoursWordsOptions = {}): string | undefined {
  try {
    return toWords(hours, lang, options.long ?? false);
  } catch {
    return undefined;
  }
}
