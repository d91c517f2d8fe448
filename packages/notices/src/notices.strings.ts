import { type Lang, plural } from '@welfare-elements/core';

export const noticesBoardStrings = {
  it: {
    label: 'Avvisi',
    count: (n: number) => plural('it', n, 'avviso', 'avvisi'),
    countOf: (shown: number, total: number) => `${shown} avvisi su ${total}, i più recenti`,
    empty: 'Nessuna novità.',
    emptyHint: 'Qui compaiono notizie, chiusure temporanee, scadenze ed eventi.',
    concerns: 'Riguarda',
    more: 'Tutte le notizie',
    showAll: (n: number) => `Mostra tutti gli avvisi (${n})`,
    readMore: 'Maggiori informazioni',
    about: (title: string) => `su «${title}»`,
  },
  en: {
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
  },
} satisfies Record<Lang, unknown>;
