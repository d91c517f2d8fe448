import type { Service } from '../feed/types.js';

/** What a person (or a preset attribute) has chosen in one group. */
export interface Filters {
  readonly query: string;
  /** Services in any of these categories. */
  readonly categories: readonly string[];
  /** Services for any of these audiences. */
  readonly audiences: readonly string[];
  /** One municipality, or '' for all. */
  readonly comune: string;
  /** Only services whose hours say they are open now. */
  readonly openNow: boolean;
}

export const NO_FILTERS: Filters = { query: '', categories: [], audiences: [], comune: '', openNow: false };

/** A filter that can be left out when counting, for facet counts (tiles, chips). */
export type Facet = 'categories' | 'audiences' | 'comune';

export function sameFilters(a: Filters, b: Filters): boolean {
  return (
    a.query === b.query && a.comune === b.comune && a.openNow === b.openNow &&
    a.categories.join('\n') === b.categories.join('\n') && a.audiences.join('\n') === b.audiences.join('\n')
  );
}

export const inAnyCategory = (s: Service, ids: readonly string[]) => ids.some((id) => s.categories.includes(id));
export const forAnyAudience = (s: Service, ids: readonly string[]) => ids.some((id) => s.audiences.includes(id));
export const inComune = (s: Service, comune: string) => s.locations.some((l) => l.comune === comune);

/** Every hours string that applies to a service: its own and its locations'. */
export function serviceHours(s: Service): string[] {
  const out = s.hours ? [s.hours] : [];
  for (const l of s.locations) if (l.hours && !out.includes(l.hours)) out.push(l.hours);
  return out;
}
