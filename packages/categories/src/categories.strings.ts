import { dictionary, formatNumber } from '@welfare-elements/core';

const it = {
  label: 'Categorie di servizi',
  all: 'Tutte',
  foldLabel: 'Categorie',
  chosen: (n: number) => `${n} scelte`,
  services: (n: number): string => (n === 1 ? 'servizio' : 'servizi'),
  /** The tile's accessible name: "Casa, 7 servizi" (not "Casa , (7 servizi )"). */
  tileName: (name: string, n: number) => `${name}, ${formatNumber(n, 'it')} ${n === 1 ? 'servizio' : 'servizi'}`,
  found: (n: number) => (n === 0 ? 'Nessun servizio trovato' : n === 1 ? '1 servizio trovato' : `${formatNumber(n, 'it')} servizi trovati`),
};

export type CategoriesStrings = typeof it;

/** Italian here; English in categories.strings.en.ts, fetched only by pages in English (i18n/dictionary.ts). */
export const categoriesStrings = /*#__PURE__*/ dictionary(it, 'categoriesEn', () => import('./categories.strings.en.js'));
