import type { Lang } from '@welfare-elements/core';
import type { Offer } from '../api/client.js';

/** The state people read in the table: expired and "not verified for 6 months" first. */
export type ShownState = 'draft' | 'submitted' | 'published' | 'returned' | 'archived' | 'expired' | 'stale';

export const STATE_NAMES: Record<Lang, Record<ShownState, string>> = {
  it: {
    draft: 'bozza',
    submitted: 'in revisione',
    published: 'pubblicata',
    returned: 'da correggere',
    archived: 'archiviata',
    expired: 'scaduta',
    stale: 'da verificare',
  },
  en: {
    draft: 'draft',
    submitted: 'in review',
    published: 'published',
    returned: 'to correct',
    archived: 'archived',
    expired: 'expired',
    stale: 'to verify',
  },
};

export function shownState(offer: Offer): ShownState {
  if (offer.state === 'archived') return 'archived';
  if (offer.expired) return 'expired';
  if (offer.state === 'published' && offer.stale) return 'stale';
  return offer.state;
}

export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00` : iso);
  return Number.isNaN(date.getTime()) ? '—' : date.toLocaleDateString(lang === 'it' ? 'it-IT' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}
