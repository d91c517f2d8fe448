import { plural } from '@welfare-elements/core';
import type { NoticesBoardStrings } from './notices.strings.js';

export const noticesBoardEn: NoticesBoardStrings = {
  label: 'Notices',
  count: (n: number) => plural('en', n, 'notice', 'notices'),
  countOf: (shown: number, total: number) => `${shown} of ${total} notices, the newest`,
  empty: 'Nothing new.',
  emptyHint: 'News, temporary closures, deadlines and events appear here.',
  concerns: 'Concerns',
  more: 'All news',
  showAll: (n: number) => `Show all notices (${n})`,
  readMore: 'More information',
  about: (title: string) => `about "${title}"`,
};
