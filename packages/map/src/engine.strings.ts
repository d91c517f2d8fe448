import { type Lang, plural } from '@welfare-elements/core';

/** "26 servizi", "26 servizi e 1 punto di accesso", "2 punti di accesso". */
function whatIt(services: number, accessPoints: number): string {
  const s = services ? plural('it', services, 'servizio', 'servizi') : '';
  const a = accessPoints ? plural('it', accessPoints, 'punto di accesso', 'punti di accesso') : '';
  return s && a ? `${s} e ${a}` : s || a;
}

function whatEn(services: number, accessPoints: number): string {
  const s = services ? plural('en', services, 'service', 'services') : '';
  const a = accessPoints ? plural('en', accessPoints, 'access point', 'access points') : '';
  return s && a ? `${s} and ${a}` : s || a;
}

/** Texts drawn inside the map (markers, controls, popups, legend): loaded with the engine. */
export const engineStrings = {
  it: {
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
  },
  en: {
    cluster: (services: number, accessPoints: number, area?: string) =>
      `${whatEn(services, accessPoints)}${area ? `, ${area} area` : ''}`,
    accessPoint: 'Access point',
    stack: (services: number, accessPoints: number) => `${whatEn(services, accessPoints)} at this place`,
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    closePopup: 'Close the details',
    yourPosition: 'Your position',
    legend: 'Map legend',
    legendService: 'Service',
    legendCluster: 'Group of nearby services',
    legendAccessPoint: 'Access point',
    legendMixed: 'Group with an access point',
    legendOrigin: 'Your position',
    categories: 'Category colours',
    details: 'Full details',
    saved: 'In my selection',
  },
} satisfies Record<Lang, unknown>;

export type EngineStrings = (typeof engineStrings)['it'];
