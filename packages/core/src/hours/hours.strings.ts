import { dictionary } from '../i18n/dictionary.js';

/** A moment described for people: its day in words and its time. */
export interface When {
  /** Today (words for the day are then often left out). */
  readonly today: boolean;
  /** "oggi", "domani", "lunedì", "lunedì 7 gennaio" (Italian); "today", "Monday", ... */
  readonly day: string;
  /** "9:00" (24-hour clock, as Italian signs write it). */
  readonly time: string;
  readonly hour: number;
  /** The end of the day (00:00 of the next one), said "a mezzanotte". */
  readonly midnight: boolean;
}

/** Italian elides the article before "1": "all'1:00", "dall'1:00". */
const alle = (w: When) => (w.hour === 1 ? `all'${w.time}` : `alle ${w.time}`);
const dalle = (w: When) => (w.hour === 1 ? `dall'${w.time}` : `dalle ${w.time}`);

/** Opening-hours wording, Italian and English. */
const it = {
  alwaysOpen: 'Aperto 24 ore su 24',
  closed: 'Chiuso',
  closedHoliday: 'Chiuso per festività',
  unknown: 'Orari da verificare',
  today: 'oggi',
  tomorrow: 'domani',
  /** "chiude alle 12:00", "chiude domani alle 12:00", "chiude a mezzanotte". */
  closes: (w: When) => `chiude ${w.today ? '' : `${w.day} `}${w.midnight ? 'a mezzanotte' : alle(w)}`,
  /** "apre oggi alle 15:00", "apre lunedì alle 9:00". */
  opens: (w: When) => `apre ${w.day} ${alle(w)}`,
  /** Then "unknown": "lunedì dalle 9:00: su appuntamento". */
  thenUnknown: (w: When, comment?: string) => `${w.today ? '' : `${w.day} `}${dalle(w)}: ${comment ?? 'orari da verificare'}`,
  dayLabel: (date: string, today: boolean, holiday: boolean) =>
    `${date}${today ? ' (oggi)' : ''}${holiday ? ', festivo' : ''}`,
  allDay: 'aperto tutto il giorno',
  toConfirm: 'da verificare',
  closedDay: 'chiuso',
};

export type HoursStrings = typeof it;

/** Italian here; English in hours.strings.en.ts, fetched only by pages in English (i18n/dictionary.ts). */
export const hoursStrings = /*#__PURE__*/ dictionary(it, 'hoursEn', () => import('./hours.strings.en.js'));

