/**
 * Unsaved changes kept in the browser (localStorage), so a reload, a closed tab or a
 * lost connection loses nothing. One entry per offer (or `new`); cleared once the hub
 * has the changes. Storage may be refused (private windows, full quota): the form then
 * works as before, only without this safety net.
 */
import type { OfferData } from '../shared/offer-data.js';

export interface LocalDraft {
  readonly data: OfferData;
  /** ISO time of the last change. */
  readonly savedAt: string;
  /** The hub's version the changes started from (for a conflict after a reload). */
  readonly baseVersion?: number | string;
}

const PREFIX = 'welfare-hub-draft:';

export function readDraft(key: string): LocalDraft | undefined {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (!raw) return undefined;
    const draft = JSON.parse(raw) as LocalDraft;
    return draft && typeof draft === 'object' && draft.data && typeof draft.data === 'object' ? draft : undefined;
  } catch {
    return undefined;
  }
}

export function writeDraft(key: string, draft: LocalDraft): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(draft));
  } catch {
    // Storage refused: nothing to keep it in.
  }
}

export function clearDraft(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // as above
  }
}
