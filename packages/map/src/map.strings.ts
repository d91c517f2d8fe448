import { dictionary, formatNumber, plural } from '@welfare-elements/core';

const it = {
  label: 'Mappa dei servizi',
  instructions:
    'Con le frecce si sposta la mappa, con i tasti più e meno si ingrandisce o si riduce. ' +
    'Con Tab si passa da un servizio all’altro; Invio apre le informazioni o ingrandisce un gruppo. ' +
    'Esc chiude le informazioni. Gli stessi servizi sono anche nell’elenco.',
  onMap: (n: number) => (n === 0 ? 'Nessun servizio sulla mappa' : `${plural('it', n, 'servizio', 'servizi')} sulla mappa`),
  withoutPosition: (n: number) => `${formatNumber(n, 'it')} senza indirizzo sulla mappa`,
  empty: 'Nessun servizio trovato con questi filtri.',
  nearMe: 'Vicino a me',
  /** After "Vicino a me" (its other sentences are core's, geo/locate.strings.ts). */
  located: 'Posizione trovata: i servizi sono ordinati dal più vicino.',
  cleared: 'Posizione tolta: i servizi sono in ordine alfabetico.',
  unavailable: 'Non è stato possibile caricare la mappa. Gli stessi servizi sono nell’elenco.',
  skip: 'Salta la mappa',
};

export type MapStrings = typeof it;

/** Italian here; English in map.strings.en.ts, fetched only by pages in English (i18n/dictionary.ts). */
export const mapStrings = /*#__PURE__*/ dictionary(it, 'mapEn', () => import('./map.strings.en.js'));
