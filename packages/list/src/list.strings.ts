import { dictionary } from '@welfare-elements/core';

const it = {
  label: 'Elenco dei servizi',
  empty: 'Nessun servizio trovato',
  emptyFor: (q: string) => `Nessun servizio trovato per «${q}»`,
  emptyHint: 'Provare con altre parole o togliere qualche filtro.',
  didYouMean: 'Forse cercavi:',
  closestTopic: "L'argomento più vicino:",
  askInPerson: 'Non hai trovato? Chiedi a un punto di accesso:',
  clearFilters: 'Azzera i filtri',
  more: (n: number) => `Mostra altri ${n}`,
  remaining: (n: number) => `(${n} non ancora mostrati)`,
  select: 'Mostra sulla mappa',
  selected: 'selezionato',
  categories: 'Categorie',
  where: 'Dove',
  details: 'Scheda completa',
  saved: 'Nella mia selezione',
  selection: 'La mia selezione',
};

export type ListStrings = typeof it;

/** Italian here; English in list.strings.en.ts, fetched only by pages in English (i18n/dictionary.ts). */
export const listStrings = /*#__PURE__*/ dictionary(it, 'listEn', () => import('./list.strings.en.js'));
