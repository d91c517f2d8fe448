import type { When } from './hours.strings.js';
import type { HoursStrings } from './hours.strings.js';

export const hoursEn: HoursStrings = {
  alwaysOpen: 'Open 24 hours a day',
  closed: 'Closed',
  closedHoliday: 'Closed for the public holiday',
  unknown: 'Hours to be confirmed',
  today: 'today',
  tomorrow: 'tomorrow',
  closes: (w: When) => `closes ${w.today ? '' : `${w.day} `}${w.midnight ? 'at midnight' : `at ${w.time}`}`,
  opens: (w: When) => `opens ${w.day} at ${w.time}`,
  thenUnknown: (w: When, comment?: string) => `from ${w.today ? '' : `${w.day} `}${w.time}: ${comment ?? 'hours to be confirmed'}`,
  dayLabel: (date: string, today: boolean, holiday: boolean) =>
    `${date}${today ? ' (today)' : ''}${holiday ? ', public holiday' : ''}`,
  allDay: 'open all day',
  toConfirm: 'to be confirmed',
  closedDay: 'closed',
};
