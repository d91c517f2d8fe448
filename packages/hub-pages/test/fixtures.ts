import type { Territory } from '../src/shared/offer-data.js';

/** A small territory: four comuni of the Lodi area (real centres), three categories. */
export const TERRITORY: Territory = {
  comuni: [
    { id: 'lodi', name: 'Lodi', lat: 45.3138, lon: 9.5018 },
    { id: 'codogno', name: 'Codogno', lat: 45.16, lon: 9.705 },
    { id: 'casalpusterlengo', name: 'Casalpusterlengo', lat: 45.178, lon: 9.65 },
    { id: 'santangelo', name: "Sant'Angelo Lodigiano", lat: 45.237, lon: 9.407 },
  ],
  categories: [
    { id: 'cibo', name: { it: 'Cibo', en: 'Food' } },
    { id: 'casa', name: { it: 'Casa', en: 'Housing' } },
    { id: 'lavoro', name: { it: 'Lavoro', en: 'Work' } },
  ],
  audiences: ['famiglie', 'anziani', 'stranieri'],
};

export const GOOD_OFFER = {
  id: 'emporio',
  name: 'Emporio solidale',
  description: 'Spesa gratuita per famiglie in difficoltà. Si accede con la tessera del centro di ascolto.',
  categories: ['cibo'],
  audiences: ['famiglie'],
  locations: [{ address: 'Via Roma 1', comune: 'Lodi', lat: 45.314, lon: 9.502, hours: 'Mo-Fr 09:00-12:00; PH off' }],
  phone: '0371 123456',
};
