/**
 * Opening hours in plain words, Italian and English: the state now and the next change
 * ("Aperto ora, chiude alle 12:00"), and the next seven days. Static and small: it uses
 * the evaluator only once it is loaded, and falls back to the string as written.
 */
import { now } from '../clock.js';
import { commonStrings } from '../i18n/common-strings.js';
import type { Lang } from '../i18n/lang.js';
import type { HoursState } from './engine.js';
import { hoursStrings, type When } from './hours.strings.js';
import { hoursWordsStrings } from './words.strings.js';
import { hoursEngine, hoursLibraryPending } from './index.js';
import { dayDiff, romeWallClock } from './rome.js';

/**
 * `pending`: the evaluator is not loaded yet; `invalid`: the string cannot be read.
 * In both cases show the string as written.
 */
export type HoursStatus = 'open' | 'closed' | 'unknown' | 'pending' | 'invalid';

export interface HoursSummary {
  readonly status: HoursStatus;
  /** The sentence to show: the state and the next change, or the string as written. */
  readonly text: string;
  /** The string as written in the feed. */
  readonly hours: string;
  readonly state?: HoursState;
}

export interface HoursDayText {
  /** "venerdì 25 dicembre (oggi), festivo" */
  readonly label: string;
  /** "dalle 9:00 alle 12:30 e dalle 14:00 alle 17:00", "chiuso (Natale di Gesù)" */
  readonly text: string;
  readonly today: boolean;
  readonly open: boolean;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Formats the local fields of a wall-clock Date, whatever the page's time zone. */
function formatDay(lang: Lang, wall: Date, withDate: boolean): string {
  const key = `${lang}/${withDate}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'it' ? 'it-IT' : 'en-GB', {
      timeZone: 'UTC',
      weekday: 'long',
      ...(withDate ? { day: 'numeric', month: 'long' } : {}),
    });
    dateFormats.set(key, f);
  }
  return f.format(Date.UTC(wall.getFullYear(), wall.getMonth(), wall.getDate()));
}

/** "9:00", "12:30"; the end of a day is "24:00". */
function clock(wall: Date, endOfDay = false): string {
  const h = endOfDay && wall.getHours() === 0 && wall.getMinutes() === 0 ? 24 : wall.getHours();
  return `${h}:${String(wall.getMinutes()).padStart(2, '0')}`;
}

function when(lang: Lang, today: Date, at: Date, asEnd = false): When {
  const t = hoursStrings[lang];
  // A change at 00:00 that ends something is "midnight" of the day before.
  const midnight = asEnd && at.getHours() === 0 && at.getMinutes() === 0;
  const ref = midnight ? new Date(at.getFullYear(), at.getMonth(), at.getDate() - 1, 12) : at;
  const days = dayDiff(today, ref);
  const day =
    days === 0 ? t.today : days === 1 ? t.tomorrow : formatDay(lang, ref, days > 6 || days < 0);
  return { today: days === 0, day, time: clock(at), hour: at.getHours(), midnight };
}

/** The sentence for a state: "Chiuso, apre lunedì alle 9:00". */
export function stateText(state: HoursState, lang: Lang): string {
  const t = hoursStrings[lang];
  const note = (comment?: string) => (comment ? ` (${comment})` : '');
  const { at, next } = state;
  if (state.unknown) return `${t.unknown}${note(state.comment)}`;
  if (state.open) {
    if (!next) return `${t.alwaysOpen}${note(state.comment)}`;
    const w = when(lang, at, next, !state.nextUnknown);
    return state.nextUnknown
      ? `${commonStrings[lang].openNow}${note(state.comment)}; ${t.thenUnknown(w, state.nextComment)}`
      : `${commonStrings[lang].openNow}, ${t.closes(w)}${note(state.comment)}`;
  }
  const head = `${state.holiday ? t.closedHoliday : t.closed}${note(state.comment)}`;
  if (!next) return head;
  const w = when(lang, at, next);
  return state.nextUnknown ? `${head}; ${t.thenUnknown(w, state.nextComment)}` : `${head}, ${t.opens(w)}`;
}

/** The state now (or at `at`) of an opening_hours string, in words. */
export function describeHours(hours: string, lang: Lang, at: Date = now(), comune?: string): HoursSummary {
  const engine = hoursEngine();
  if (!engine) return { status: 'pending', text: hours, hours };
  const state = engine.state(hours, at, comune);
  if (!state) return { status: hoursLibraryPending() ? 'pending' : 'invalid', text: hours, hours };
  const status = state.unknown ? 'unknown' : state.open ? 'open' : 'closed';
  return { status, text: stateText(state, lang), hours, state };
}

/** The next seven days in words; undefined until the evaluator is loaded, or when unreadable. */
export function describeWeek(hours: string, lang: Lang, at: Date = now(), comune?: string): HoursDayText[] | undefined {
  const week = hoursEngine()?.week(hours, at, 7, comune);
  if (!week) return undefined;
  const t = hoursStrings[lang];
  // An interval in full words ("dalle 9:00 alle 12:30"), as the hours in words say it.
  const words = hoursWordsStrings[lang];
  const today = romeWallClock(at);
  return week.map((d) => {
    const isToday = dayDiff(today, d.day) === 0;
    const note = (comment?: string) => (comment ? ` (${comment})` : '');
    const allDay =
      d.intervals.length === 1 && !d.intervals[0]!.unknown &&
      clock(d.intervals[0]!.from) === '0:00' && clock(d.intervals[0]!.to, true) === '24:00';
    const text = !d.intervals.length
      ? `${t.closedDay}${note(d.comment)}`
      : allDay
        ? `${t.allDay}${note(d.intervals[0]!.comment)}`
        : d.intervals
            .map((i) => `${words.range(clock(i.from), clock(i.to, true), true)}${i.comment ? note(i.comment) : i.unknown ? ` (${t.toConfirm})` : ''}`)
            .join(words.and);
    return { label: t.dayLabel(formatDay(lang, d.day, true), isToday, d.holiday), text, today: isToday, open: d.intervals.length > 0 };
  });
}
