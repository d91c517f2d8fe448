import { dictionary } from '../i18n/dictionary.js';

/** The words of `hoursInWords()`: short for the eye, long for screen readers. */
const it = {
  short: ['lun', 'mar', 'mer', 'gio', 'ven', 'sab', 'dom'],
  long: ['lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica'],
  everyDay: 'tutti i giorni',
  always: 'sempre aperto, 24 ore su 24',
  /** "lun–ven" / "da lunedì a venerdì". */
  run: (from: string, to: string, long: boolean) => (long ? `da ${from} a ${to}` : `${from}–${to}`),
  /** "9:00–12:30" / "dalle 9:00 alle 12:30" ("dall'1:00", "all'1:00"). */
  range: (from: string, to: string, long: boolean) =>
    long
      ? `${from.startsWith('1:') ? "dall'" : 'dalle '}${from} ${to.startsWith('1:') ? "all'" : 'alle '}${to}`
      : `${from}–${to}`,
  and: ' e ',
  holidaysClosed: 'chiuso nei festivi',
  holidays: 'festivi',
  /** Shown when a string cannot be put in words: the raw syntax is never shown. */
  askTheService: 'chiedere al servizio',
};

export type HoursWordsStrings = typeof it;

/** Italian here; English in words.strings.en.ts, fetched only by pages in English (i18n/dictionary.ts). */
export const hoursWordsStrings = /*#__PURE__*/ dictionary(it, 'hoursWordsEn', () => import('./words.strings.en.js'));
