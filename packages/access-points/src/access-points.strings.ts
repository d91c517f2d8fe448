import { dictionary } from '@welfare-elements/core';

const it = {
  label: 'Punti di accesso',
  nearMe: 'Vicino a me',
  nearestFirst: ', dal più vicino',
  located: 'Posizione trovata: i punti di accesso sono ordinati dal più vicino.',
  cleared: 'Posizione tolta: i punti di accesso sono in ordine di comune.',
  directionsTo: (name: string) => `per ${name}`,
  empty: 'Nessun punto di accesso in questo elenco.',
  emptyIn: (comune: string) => `Nessun punto di accesso a ${comune}.`,
  showAll: 'Mostra tutti i comuni',
  openNowCount: (n: number) => (n === 1 ? '1 punto di accesso aperto ora' : `${n} punti di accesso aperti ora`),
  checkingHours: 'Verifica degli orari…',
  emptyOpen: 'Nessun punto di accesso è aperto in questo momento.',
  emptyOpenIn: (comune: string) => `Nessun punto di accesso è aperto ora a ${comune}.`,
  showClosed: 'Mostra anche quelli chiusi',
};

export type AccessPointsStrings = typeof it;

/** Italian here; English in access-points.strings.en.ts, fetched only by pages in English (i18n/dictionary.ts). */
export const accessPointsStrings = /*#__PURE__*/ dictionary(it, 'accessPointsEn', () => import('./access-points.strings.en.js'));
