import { dictionary, formatNumber } from '@welfare-elements/core';
import type { SuggestionKind } from './suggestions.js';

export { audienceName } from '@welfare-elements/core';

const it = {
  label: 'Cerca un servizio',
  placeholder: 'Es. spesa, affitto',
  submit: 'Cerca',
  clear: 'Cancella il testo',
  reset: 'Azzera ricerca e filtri',
  didYouMean: 'Forse cercavi:',
  suggestions: 'Suggerimenti',
  kind: { category: 'categoria', comune: 'comune', keyword: 'parola chiave', service: 'servizio' } satisfies Record<SuggestionKind, string>,
  filters: 'Filtri',
  category: 'Categoria',
  allCategories: 'Tutte le categorie',
  audience: 'Per chi',
  allAudiences: 'Tutte le persone',
  several: (n: number) => `${n} scelte`,
  found: (n: number) => (n === 0 ? 'Nessun servizio trovato' : n === 1 ? '1 servizio trovato' : `${formatNumber(n, 'it')} servizi trovati`),
  withCount: (name: string, n: number) => `${name} (${formatNumber(n, 'it')})`,
};

export type SearchStrings = typeof it;

/** Italian here; English in search.strings.en.ts, fetched only by pages in English (i18n/dictionary.ts). */
export const searchStrings = /*#__PURE__*/ dictionary(it, 'searchEn', () => import('./search.strings.en.js'));
