import type { NoticeKind } from '../feed/types.js';
import type { NoticeStrings } from './notice-words.js';

export const noticeWordsEn: NoticeStrings = {
  kinds: { news: 'News', closure: 'Closure', deadline: 'Deadline', event: 'Event' } satisfies Record<NoticeKind, string>,
  closed: 'Closed',
  reduced: 'Reduced hours',
  today: 'today',
  until: (day: string) => `until ${day}`,
  untilTomorrow: 'until tomorrow',
  from: (day: string) => `from ${day}`,
  fromTo: (from: string, to: string) => `from ${from} to ${to}`,
  deadline: (days: number, day: string) =>
    days === 0 ? 'Deadline today' : days === 1 ? 'Deadline tomorrow' : days <= 7 ? `Deadline in ${days} days, ${day}` : `Deadline ${day}`,
  on: (days: number, day: string) => (days === 0 ? 'Today' : days === 1 ? 'Tomorrow' : `On ${day}`),
  published: (day: string) => `Published on ${day}`,
};
