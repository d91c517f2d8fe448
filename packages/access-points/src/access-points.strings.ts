import type { Lang } from '@welfare-elements/core';

export const accessPointsStrings = {
  it: {
    label: 'Punti di accesso',
    comune: 'Comune',
    allComuni: 'Tutti i comuni',
    nearMe: 'Vicino a me',
    locating: 'Ricerca della posizione…',
    locateFailed: 'Non è stato possibile conoscere la posizione: i punti di accesso restano in ordine di comune.',
    nearestFirst: ', dal più vicino',
    located: 'Posizione trovata: i punti di accesso sono ordinati dal più vicino.',
    directions: 'Indicazioni stradali',
    directionsTo: (name: string) => `per ${name}`,
    empty: 'Nessun punto di accesso in questo elenco.',
    emptyIn: (comune: string) => `Nessun punto di accesso a ${comune}.`,
    showAll: 'Mostra tutti i comuni',
  },
  en: {
    label: 'Access points',
    comune: 'Municipality',
    allComuni: 'All municipalities',
    nearMe: 'Near me',
    locating: 'Finding your position…',
    locateFailed: 'Your position could not be found: access points stay in order of municipality.',
    nearestFirst: ', nearest first',
    located: 'Position found: access points are ordered from the nearest.',
    directions: 'Directions',
    directionsTo: (name: string) => `to ${name}`,
    empty: 'No access points in this list.',
    emptyIn: (comune: string) => `No access points in ${comune}.`,
    showAll: 'Show all municipalities',
  },
} satisfies Record<Lang, unknown>;
