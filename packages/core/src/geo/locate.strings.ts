import { dictionary } from '../i18n/dictionary.js';

/**
 * What "Vicino a me" says while it works and when it fails, shared by the map and the
 * access points (geo/locate.ts). Each failure says what the person can do next. What a
 * found position changes is the element's own sentence ("i servizi sono ordinati…").
 */
const it = {
  locating: 'Ricerca della posizione in corso…',
  problem: {
    denied:
      'Non è stato possibile usare la posizione: il permesso è stato negato. Per attivarlo, cambiare le impostazioni del browser per questo sito, oppure cercare per comune.',
    unavailable: 'La posizione non è disponibile in questo momento. Riprovare più tardi, oppure cercare per comune.',
    timeout: 'La ricerca della posizione ha richiesto troppo tempo. Riprovare, oppure cercare per comune.',
    // Also an http page: the browsers give the position only to https pages.
    unsupported: 'Su questa pagina il browser non può indicare la posizione. Cercare per comune.',
  },
};

export type LocateStrings = typeof it;
export type LocateProblem = keyof LocateStrings['problem'];

/** Italian here; English in locate.strings.en.ts, fetched only by pages in English (i18n/dictionary.ts). */
export const locateStrings = /*#__PURE__*/ dictionary(it, 'locateEn', () => import('./locate.strings.en.js'));
