import type { FeedErrorCode } from '../feed/reader.js';
import { formatDistance } from '../geo/distance.js';
import { dictionary } from './dictionary.js';
import { plural } from './lang.js';

/** Strings every element needs: loading, errors, result counts. Element strings live beside each element. */
const it = {
  loading: 'Caricamento dei servizi…',
  noSource: 'Nessuna fonte dati: aggiungere l\'attributo src all\'elemento.',
  retry: 'Riprova',
  /** The other elements of a group whose feed failed: the first one shows the alert. */
  unavailable: 'I servizi non sono disponibili in questo momento.',
  /** A part of an element fetched on demand (a board, the map) did not arrive. */
  partUnavailable: 'Non è stato possibile scaricare questa parte della pagina. Controllare la connessione e riprovare.',
  searching: 'Ricerca in corso…',
  services: (n: number) => plural('it', n, 'servizio', 'servizi'),
  accessPoints: (n: number) => plural('it', n, 'punto di accesso', 'punti di accesso'),
  error: {
    network: 'Non è stato possibile scaricare l\'elenco dei servizi. Controllare la connessione e riprovare.',
    cors: 'L\'elenco dei servizi si trova su un altro sito, che non permette a questa pagina di leggerlo (un\'impostazione di quel server, detta CORS). Non dipende dalla vostra connessione: il problema va segnalato a chi gestisce il sito.',
    timeout: 'L\'elenco dei servizi non risponde. Riprovare tra qualche minuto.',
    http: 'L\'elenco dei servizi non è disponibile in questo momento.',
    json: 'L\'elenco dei servizi è danneggiato e non può essere letto.',
    version: 'L\'elenco dei servizi è in un formato non supportato da questa pagina.',
    format: 'L\'elenco dei servizi non è nel formato previsto.',
  } satisfies Record<FeedErrorCode, string>,
  phone: 'Telefono',
  email: 'Email',
  website: 'Sito web',
  hours: 'Orari',
  hoursWeek: 'Orari dei prossimi 7 giorni',
  directions: 'Indicazioni stradali',
  /** Filters that search and access points both offer. */
  comune: 'Comune',
  allComuni: 'Tutti i comuni',
  openNow: 'Aperto ora',
  opensInNewWindow: '(si apre in una nuova finestra)',
  /** How far from the person's position: "a 1,2 km". */
  distance: (km: number) => `a ${formatDistance(km, 'it')}`,
};

export type CommonStrings = typeof it;

/** Italian here; English in common-strings.en.ts, fetched only by pages in English (i18n/dictionary.ts). */
export const commonStrings = /*#__PURE__*/ dictionary(it, 'commonEn', () => import('./common-strings.en.js'));

