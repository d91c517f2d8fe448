import { formatNumber, type Lang } from '@welfare-elements/core';

export const categoriesStrings = {
  it: {
    label: 'Categorie di servizi',
    all: 'Tutte',
    foldLabel: 'Categorie',
    chosen: (n: number) => `${n} scelte`,
    services: (n: number) => (n === 1 ? 'servizio' : 'servizi'),
    /** The tile's accessible name: "Casa, 7 servizi" (not "Casa , (7 servizi )"). */
    tileName: (name: string, n: number) => `${name}, ${formatNumber(n, 'it')} ${n === 1 ? 'servizio' : 'servizi'}`,
    found: (n: number) => (n === 0 ? 'Nessun servizio trovato' : n === 1 ? '1 servizio trovato' : `${formatNumber(n, 'it')} servizi trovati`),
  },
  en: {
    label: 'Service categories',
    all: 'All',
    foldLabel: 'Categories',
    chosen: (n: number) => `${n} chosen`,
    services: (n: number) => (n === 1 ? 'service' : 'services'),
    tileName: (name: string, n: number) => `${name}, ${formatNumber(n, 'en')} ${n === 1 ? 'service' : 'services'}`,
    found: (n: number) => (n === 0 ? 'No services found' : n === 1 ? '1 service found' : `${formatNumber(n, 'en')} services found`),
  },
} satisfies Record<Lang, unknown>;
