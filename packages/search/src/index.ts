export { WelfareSearch } from './welfare-search.js';
export { suggestions, type Suggestion, type SuggestionKind } from './suggestions.js';
export { audienceName } from './search.strings.js';
