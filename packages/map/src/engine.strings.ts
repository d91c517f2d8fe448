import { formatNumber, type Lang, plural } from '@welfare-elements/core';

/** Texts drawn inside the map (markers, controls, popups): loaded with the engine. */
export const engineStrings = {
  it: {
    cluster: (n: number) => `Gruppo di ${plural('it', n, 'servizio', 'servizi')}`,
    accessPointCluster: (n: number) => `Gruppo di ${plural('it', n, 'punto di accesso', 'punti di accesso')}`,
    accessPoint: 'Punto di accesso',
    stack: (n: number) => `${plural('it', n, 'servizio', 'servizi')} in questo punto`,
    zoomIn: 'Ingrandisci la mappa',
    zoomOut: 'Riduci la mappa',
    closePopup: 'Chiudi le informazioni',
    yourPosition: 'La tua posizione',
    distance: (km: number) =>
      km < 1 ? `A ${formatNumber(Math.round(km * 1000), 'it')} m` : `A ${km.toLocaleString('it-IT', { maximumFractionDigits: 1 })} km`,
  },
  en: {
    cluster: (n: number) => `Group of ${plural('en', n, 'service', 'services')}`,
    accessPointCluster: (n: number) => `Group of ${plural('en', n, 'access point', 'access points')}`,
    accessPoint: 'Access point',
    stack: (n: number) => `${plural('en', n, 'service', 'services')} at this place`,
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    closePopup: 'Close the details',
    yourPosition: 'Your position',
    distance: (km: number) =>
      km < 1 ? `${formatNumber(Math.round(km * 1000), 'en')} m away` : `${km.toLocaleString('en-GB', { maximumFractionDigits: 1 })} km away`,
  },
} satisfies Record<Lang, unknown>;

export type EngineStrings = (typeof engineStrings)['it'];
