import type { FeedErrorCode } from '../feed/reader.js';
import { formatDistance } from '../geo/distance.js';
import { type Lang, plural } from './lang.js';

/** Strings every element needs: loading, errors, result counts. Element strings live beside each element. */
export const commonStrings = {
  it: {
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
    opensInNewWindow: '(si apre in una nuova finestra)',
    /** How far from the person's position: "a 1,2 km". */
    distance: (km: number) => `a ${formatDistance(km, 'it')}`,
  },
  en: {
    loading: 'Loading services…',
    noSource: 'No data source: add the src attribute to the element.',
    retry: 'Try again',
    unavailable: 'The services are not available right now.',
    partUnavailable: 'This part of the page could not be downloaded. Check the connection and try again.',
    searching: 'Searching…',
    services: (n: number) => plural('en', n, 'service', 'services'),
    accessPoints: (n: number) => plural('en', n, 'access point', 'access points'),
    error: {
      network: 'The list of services could not be downloaded. Check the connection and try again.',
      cors: 'The list of services is on another website, which does not allow this page to read it (a setting of that server, called CORS). It is not your connection: please tell the people who run this website.',
      timeout: 'The list of services is not answering. Please try again in a few minutes.',
      http: 'The list of services is not available right now.',
      json: 'The list of services is damaged and cannot be read.',
      version: 'The list of services is in a format this page does not support.',
      format: 'The list of services is not in the expected format.',
    } satisfies Record<FeedErrorCode, string>,
    phone: 'Phone',
    email: 'Email',
    website: 'Website',
    hours: 'Opening hours',
    hoursWeek: 'Opening hours for the next 7 days',
    directions: 'Directions',
    opensInNewWindow: '(opens in a new window)',
    distance: (km: number) => `${formatDistance(km, 'en')} away`,
  },
} satisfies Record<Lang, unknown>;

export type CommonStrings = (typeof commonStrings)['it'];
