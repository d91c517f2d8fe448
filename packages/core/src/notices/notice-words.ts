/**
 * Notice dates in words, Italian and English: "Chiuso fino al 6 gennaio", "Scade tra 3
 * giorni, il 4 dicembre", "Dal 12 al 14 dicembre". Used by the board and by every
 * element that shows a closure badge, so the wording is the same everywhere.
 */
import { dictionary } from '../i18n/dictionary.js';
import type { Lang } from '../i18n/lang.js';
import type { Notice, NoticeKind } from '../feed/types.js';
import { type Closure, noticePhase } from './notices.js';

const MS_PER_DAY = 86_400_000;
const utc = (date: string) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));

/** Whole days from `from` to `to` (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / MS_PER_DAY);
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** "6 gennaio", "1º gennaio", "6 January"; with the year when it is far from today. */
export function dayName(date: string, lang: Lang, today: string): string {
  const year = Math.abs(daysBetween(today, date)) > 180;
  const key = `${lang}${year}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'it' ? 'it-IT' : 'en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', ...(year ? { year: 'numeric' } : {}) });
    formats.set(key, f);
  }
  const text = f.format(utc(date));
  return lang === 'it' ? text.replace(/^1 /, '1º ') : text;
}

/** Italian articles before a day: "al 6", "all'8", "all'11"; "il 6", "l'8". */
const elides = (day: string) => /^(8|11)\b/.test(day);
const al = (prep: 'a' | 'da', day: string) => (elides(day) ? `${prep}ll'${day}` : `${prep}l ${day}`);
const il = (day: string) => (elides(day) ? `l'${day}` : `il ${day}`);

const it = {
  kinds: { news: 'Notizia', closure: 'Chiusura', deadline: 'Scadenza', event: 'Evento' } satisfies Record<NoticeKind, string>,
  closed: 'Chiuso',
  reduced: 'Orari ridotti',
  today: 'oggi',
  until: (day: string) => `fino ${al('a', day)}`,
  untilTomorrow: 'fino a domani',
  from: (day: string) => `${al('da', day)}`,
  fromTo: (from: string, to: string) => `${al('da', from)} ${al('a', to)}`,
  deadline: (days: number, day: string) =>
    days === 0 ? 'Scade oggi' : days === 1 ? 'Scade domani' : days <= 7 ? `Scade tra ${days} giorni, ${il(day)}` : `Scade ${il(day)}`,
  on: (days: number, day: string) => (days === 0 ? 'Oggi' : days === 1 ? 'Domani' : cap(il(day))),
  published: (day: string) => `Pubblicato ${il(day)}`,
};

export type NoticeStrings = typeof it;

/** Italian here; English in notice-words.en.ts, fetched only by pages in English (i18n/dictionary.ts). */
export const noticeStrings = /*#__PURE__*/ dictionary(it, 'noticeWordsEn', () => import('./notice-words.en.js'));

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "fino al 6 gennaio", "oggi", "fino a domani"; '' without an end. */
function untilWords(until: string | undefined, lang: Lang, today: string): string {
  if (!until) return '';
  const t = noticeStrings[lang];
  const days = daysBetween(today, until);
  return days === 0 ? t.today : days === 1 ? t.untilTomorrow : t.until(dayName(until, lang, today));
}

/** The badge of a closure in force: "Chiuso fino al 6 gennaio", "Orari ridotti fino a domani". */
export function closureWords(closure: Closure, lang: Lang, today: string): string {
  const t = noticeStrings[lang];
  const head = closure.hours ? t.reduced : t.closed;
  const until = untilWords(closure.until, lang, today);
  return until ? `${head} ${until}` : head;
}

/**
 * When a notice applies, in words, or '' when nothing needs saying (news without dates).
 * Closures: "Chiuso fino al 6 gennaio", later ones "Chiuso dal 24 dicembre al 6 gennaio";
 * deadlines: "Scade tra 3 giorni, il 4 dicembre"; events: "Domani", "Dal 12 al 14 dicembre".
 */
export function noticeWhen(n: Notice, lang: Lang, today: string): string {
  const t = noticeStrings[lang];
  const day = (d: string) => dayName(d, lang, today);
  const phase = noticePhase(n, today);
  const { validFrom: from, validThrough: to } = n;
  // "dal 12 al 14 dicembre": the month (and year) once when both ends share it.
  const start = (from: string, to: string) => (from.slice(0, 7) === to.slice(0, 7) ? day(from).replace(/ .*/, '') : day(from));
  const period = () =>
    phase === 'upcoming' && from
      ? to ? t.fromTo(start(from, to), day(to)) : t.from(day(from))
      : untilWords(to, lang, today);
  switch (n.kind) {
    case 'closure': {
      const head = n.hours ? t.reduced : t.closed;
      const words = period();
      return words ? `${head} ${words}` : head;
    }
    case 'deadline': {
      if (!to) return phase === 'upcoming' && from ? cap(t.from(day(from))) : '';
      const deadline = t.deadline(daysBetween(today, to), day(to));
      return phase === 'upcoming' && from ? `${cap(t.from(day(from)))}; ${deadline.charAt(0).toLowerCase()}${deadline.slice(1)}` : deadline;
    }
    case 'event': {
      if (from && (!to || to === from)) return phase === 'upcoming' || from === today ? t.on(daysBetween(today, from), day(from)) : '';
      return cap(period());
    }
    default:
      return phase === 'upcoming' && from ? cap(t.from(day(from))) : '';
  }
}
