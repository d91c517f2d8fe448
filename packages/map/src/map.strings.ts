import { formatNumber, type Lang, plural } from '@welfare-elements/core';

export const mapStrings = {
  it: {
    label: 'Mappa dei servizi',
    instructions:
      'Con le frecce si sposta la mappa, con i tasti più e meno si ingrandisce o si riduce. ' +
      'Con Tab si passa da un servizio all’altro; Invio apre le informazioni o ingrandisce un gruppo. ' +
      'Esc chiude le informazioni. Gli stessi servizi sono anche nell’elenco.',
    onMap: (n: number) => (n === 0 ? 'Nessun servizio sulla mappa' : `${plural('it', n, 'servizio', 'servizi')} sulla mappa`),
    withoutPosition: (n: number) => `${formatNumber(n, 'it')} senza indirizzo sulla mappa`,
    empty: 'Nessun servizio trovato con questi filtri.',
    nearMe: 'Vicino a me',
    locating: 'Ricerca della posizione in corso…',
    located: 'Posizione trovata: i servizi sono ordinati dal più vicino.',
    cleared: 'Posizione tolta: i servizi sono in ordine alfabetico.',
    geo: {
      denied:
        'Non è stato possibile usare la posizione: il permesso è stato negato. Per attivarlo, cambiare le impostazioni del browser per questo sito, oppure cercare per comune.',
      unavailable: 'La posizione non è disponibile in questo momento. Riprovare più tardi, oppure cercare per comune.',
      timeout: 'La ricerca della posizione ha richiesto troppo tempo. Riprovare, oppure cercare per comune.',
      unsupported: 'Questo browser non può indicare la posizione. Cercare per comune.',
    },
    unavailable: 'Non è stato possibile caricare la mappa. Gli stessi servizi sono nell’elenco.',
    skip: 'Salta la mappa',
  },
  en: {
    label: 'Map of services',
    instructions:
      'Use the arrow keys to move the map and the plus and minus keys to zoom in or out. ' +
      'Tab moves from one service to the next; Enter opens its details or zooms into a group. ' +
      'Escape closes the details. The same services are also in the list.',
    onMap: (n: number) => (n === 0 ? 'No services on the map' : `${plural('en', n, 'service', 'services')} on the map`),
    withoutPosition: (n: number) => `${formatNumber(n, 'en')} without an address on the map`,
    empty: 'No services match these filters.',
    nearMe: 'Near me',
    locating: 'Finding your position…',
    located: 'Position found: services are ordered from the nearest.',
    cleared: 'Position removed: services are in alphabetical order.',
    geo: {
      denied:
        'Your position could not be used: permission was denied. To allow it, change this site’s settings in your browser, or search by municipality.',
      unavailable: 'Your position is not available right now. Try again later, or search by municipality.',
      timeout: 'Finding your position took too long. Try again, or search by municipality.',
      unsupported: 'This browser cannot tell your position. Search by municipality instead.',
    },
    unavailable: 'The map could not be loaded. The same services are in the list.',
    skip: 'Skip the map',
  },
} satisfies Record<Lang, unknown>;

export type MapStrings = (typeof mapStrings)['it'];
export type GeoProblem = keyof MapStrings['geo'];
