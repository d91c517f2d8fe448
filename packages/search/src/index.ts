export { WelfareSearch } from './welfare-search.js';
// The suggestion rules themselves are a lazy chunk (see search.component.ts); the store's
// `lookAhead` gives integrators the same search-driven suggestions.
export type { Suggestion, SuggestionKind } from './suggestions.js';
export { audienceName } from './search.strings.js';
