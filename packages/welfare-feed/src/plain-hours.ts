/**
 * The opening hours most feeds write, recognised without the opening_hours library.
 *
 * Why: the library costs 1–3 ms per distinct string (its tokenizer builds a few hundred
 * regular expressions for every token), so a territory-sized feed with a few thousand
 * distinct strings spent most of `validate` there (docs/performance.md). A string in the
 * narrow, canonical form below is one the library reads without error or warning;
 * test/plain-hours.test.mjs checks that on every form the generator there can write and
 * on the realistic strings of the sameness test, so a library upgrade that starts warning
 * about one of them fails the tests instead of going unnoticed. Anything else (other
 * spacing, lower case, overlapping days, comments, months...) goes to the library as
 * before: nothing is left unchecked.
 *
 * The form: rules separated by "; ", each "<days> <times>" or "<days> off", optionally a
 * last "PH off" (or "<days>,PH off"); a single rule may leave out its days. Days are English two-letter
 * abbreviations, single or as a forward range ("Mo-Fr"), in week order with no two rules
 * naming the same day; times are zero-padded "HH:MM-HH:MM" inside one day, in order,
 * with a gap between one range and the next.
 */

const DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
const DAY = '(Mo|Tu|We|Th|Fr|Sa|Su)';
const DAY_ITEM = new RegExp(`^${DAY}(?:-${DAY})?$`);
const TIME = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/;
const RULE = /^(?:([A-Za-z,-]+) )?(off|[\d:,-]+)$/;

/** True when every range ends after it starts and starts after the previous one ends. */
function plainTimes(text: string): boolean {
  let last = -1;
  for (const range of text.split(',')) {
    const m = TIME.exec(range);
    if (!m) return false;
    const from = +m[1]! * 60 + +m[2]!;
    const to = +m[3]! * 60 + +m[4]!;
    if (!(from > last && to > from)) return false;
    last = to;
  }
  return true;
}

/** Adds the days of "Mo,We-Fr" to `seen`; false unless in week order and new. */
function plainDays(text: string, seen: Set<number>): boolean {
  let last = -1;
  for (const item of text.split(',')) {
    const m = DAY_ITEM.exec(item);
    if (!m) return false;
    const from = DAYS.indexOf(m[1]!);
    const to = m[2] === undefined ? from : DAYS.indexOf(m[2]);
    // "Mo-Mo" and a wrapping "Sa-Mo" are left to the library.
    if (m[2] !== undefined && to <= from) return false;
    if (from <= last) return false;
    for (let d = from; d <= to; d++) {
      if (seen.has(d)) return false;
      seen.add(d);
    }
    last = to;
  }
  return true;
}

/** True when `value` is in the plain form above, which opening_hours reads without a note. */
export function isPlainHours(value: string): boolean {
  if (value.length > 300) return false;
  const rules = value.split('; ');
  const last = rules[rules.length - 1]!;
  // The holidays: a last "PH off" rule, or PH added to the days of a last "off" rule.
  if (rules.length > 1 && last === 'PH off') rules.pop();
  else if (rules.length > 1 && last.endsWith(',PH off')) rules[rules.length - 1] = `${last.slice(0, -',PH off'.length)} off`;
  const seen = new Set<number>();
  for (const rule of rules) {
    const m = RULE.exec(rule);
    if (!m) return false;
    const [, days, times] = m;
    if (days === undefined) {
      // "09:00-12:00" alone means every day; next to other rules it would overlap them.
      if (rules.length > 1 || times === 'off') return false;
    } else if (!plainDays(days, seen)) return false;
    if (times !== 'off' && !plainTimes(times!)) return false;
  }
  return true;
}
