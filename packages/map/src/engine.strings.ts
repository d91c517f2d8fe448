import { dictionary, plural } from '@welfare-elements/core';

/** "26 servizi", "26 servizi e 1 punto di accesso", "2 punti di accesso". */
function whatIt(services: number, accessPoints: number): string {
  const s = services ? plural('it', services, 'servizio', 'servizi') : '';
  const a = accessPoints ? plural('it', accessPoints, 'punto di accesso', 'punti di accesso') : '';
  return s && a ? `${s} e ${a}` : s || a;
}

/** Texts drawn inside the map (markers, controls, popups, legend): loaded with the engine. */
const it = {
  /** A cluster's name: what it holds and where ("26 servizi, zona Lodi"). */
  cluster: (services: number, accessPoints: number, area?: string) =>
    `${whatIt(services, accessPoints)}${area ? `, zona ${area}` : ''}`,
  accessPoint: 'Punto di accesso',
  stack: (services: number, accessPoints: number) => `${whatIt(services, accessPoints)} in questo punto`,
  zoomIn: 'Ingrandisci la mappa',
  zoomOut: 'Riduci la mappa',
  closePopup: 'Chiudi le informazioni',
  yourPosition: 'La tua posizione',
  legend: 'Legenda della mappa',
  legendService: 'Servizio',
  legendCluster: 'Gruppo di servizi vicini',
  legendAccessPoint: 'Punto di accesso',
  legendMixed: 'Gruppo con un punto di accesso',
  legendOrigin: 'La tua posizione',
  categories: 'Colori delle categorie',
  details: 'Scheda completa',
  saved: 'Nella mia selezione',
};

export type EngineStrings = typeof it;

/** Italian here; English in engine.strings.en.ts, fetched only by pages in English (i18n/dictionary.ts). */
export const engineStrings = /*#__PURE__*/ dictionary(it, 'engineEn', () => import('./engine.strings.en.js'));

