import type { Lang } from '../i18n/lang.js';

/** The words of `hoursInWords()`: short for the eye, long for screen readers. */
export const hoursWordsStrings = {
  it: {
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
  },
  en: {
    short: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    long: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    everyDay: 'every day',
    always: 'always open, 24 hours a day',
    run: (from: string, to: string, long: boolean) => (long ? `${from} to ${to}` : `${from}–${to}`),
    range: (from: string, to: string, long: boolean) => (long ? `${from} to ${to}` : `${from}–${to}`),
    and: ' and ',
    holidaysClosed: 'closed on public holidays',
    holidays: 'public holidays',
    askTheService: 'ask the service',
  },
} satisfies Record<Lang, unknown>;
