import { formatNumber } from '@welfare-elements/core';
import type { SuggestionKind } from './suggestions.js';
import type { SearchStrings } from './search.strings.js';

export const searchEn: SearchStrings = {
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
  several: (n: number) => `${n} chosen`,
  found: (n: number) => (n === 0 ? 'No services found' : n === 1 ? '1 service found' : `${formatNumber(n, 'en')} services found`),
  withCount: (name: string, n: number) => `${name} (${formatNumber(n, 'en')})`,
};
