import type { ListStrings } from './list.strings.js';

export const listEn: ListStrings = {
  label: 'List of services',
  empty: 'No services found',
  emptyFor: (q: string) => `No services found for “${q}”`,
  emptyHint: 'Try other words or remove some filters.',
  didYouMean: 'Did you mean:',
  closestTopic: 'The closest topic:',
  askInPerson: 'Not found? Ask at an access point:',
  clearFilters: 'Clear filters',
  more: (n: number) => `Show ${n} more`,
  remaining: (n: number) => `(${n} not shown yet)`,
  select: 'Show on the map',
  selected: 'selected',
  categories: 'Categories',
  where: 'Where',
  details: 'Full details',
  saved: 'In my selection',
  selection: 'My selection',
};
