import type { HoursWordsStrings } from './words.strings.js';

export const hoursWordsEn: HoursWordsStrings = {
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
};
