import type { Lang } from '@welfare-elements/core';

export const listStrings = {
  it: {
    label: 'Elenco dei servizi',
    empty: 'Nessun servizio trovato',
    emptyHint: 'Provare con altre parole o togliere qualche filtro.',
    clearFilters: 'Azzera i filtri',
    more: (n: number) => `Mostra altri ${n}`,
    remaining: (n: number) => `(${n} non ancora mostrati)`,
    select: 'Mostra sulla mappa',
    selected: 'selezionato',
    organization: 'Ente',
    categories: 'Categorie',
    where: 'Dove',
  },
  en: {
    label: 'List of services',
    empty: 'No services found',
    emptyHint: 'Try other words or remove some filters.',
    clearFilters: 'Clear filters',
    more: (n: number) => `Show ${n} more`,
    remaining: (n: number) => `(${n} not shown yet)`,
    select: 'Show on the map',
    selected: 'selected',
    organization: 'Organisation',
    categories: 'Categories',
    where: 'Where',
  },
} satisfies Record<Lang, unknown>;
