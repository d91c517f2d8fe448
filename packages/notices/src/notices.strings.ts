import { dictionary, plural } from '@welfare-elements/core';

const it = {
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
};

export type NoticesBoardStrings = typeof it;

/** Italian here; English in notices.strings.en.ts, fetched only by pages in English (i18n/dictionary.ts). */
export const noticesBoardStrings = /*#__PURE__*/ dictionary(it, 'noticesBoardEn', () => import('./notices.strings.en.js'));
