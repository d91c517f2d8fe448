import { formatNumber, type Lang } from '@welfare-elements/core';
import type { SuggestionKind } from './suggestions.js';

export { audienceName } from '@welfare-elements/core';

export const searchStrings = {
  it: {
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
    comune: 'Comune',
    allComuni: 'Tutti i comuni',
    several: (n: number) => `${n} scelte`,
    openNow: 'Aperto ora',
    found: (n: number) => (n === 0 ? 'Nessun servizio trovato' : n === 1 ? '1 servizio trovato' : `${formatNumber(n, 'it')} servizi trovati`),
    withCount: (name: string, n: number) => `${name} (${formatNumber(n, 'it')})`,
  },
  en: {
    label: 'Search for a service',
    placeholder: 'e.g. food, rent',
    submit: 'Search',
    clear: 'Clear the text',
    reset: 'Clear search and filters',
    didYouMean: 'Did you mean:',
    suggestions: 'Suggestions',
    kind: { category: 'category', comune: 'municipality', keyword: 'keyword', service: 'service' } satisfies Record<SuggestionKind, string>,
    filters: 'Filters',
    category: 'Category',
    allCategories: 'All categories',
    audience: 'For whom',
    allAudiences: 'Everyone',
    comune: 'Municipality',
    allComuni: 'All municipalities',
    several: (n: number) => `${n} chosen`,
    openNow: 'Open now',
    found: (n: number) => (n === 0 ? 'No services found' : n === 1 ? '1 service found' : `${formatNumber(n, 'en')} services found`),
    withCount: (name: string, n: number) => `${name} (${formatNumber(n, 'en')})`,
  },
} satisfies Record<Lang, unknown>;
