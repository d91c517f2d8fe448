/**
 * "La mia selezione" in the browser (issue 18): the ids a person saved, in localStorage
 * under one key per feed (localStorage itself is per site), so two feeds on one site keep
 * two selections. Nothing leaves the browser except through the selection's link.
 * Storage can be missing or full (private windows, a quota, a policy): the selection
 * then lasts until the page is left (the group store keeps it).
 */
const PREFIX = 'welfare-elements:selezione:';

export function readSaved(feed: string): string[] {
  try {
    const raw = localStorage.getItem(PREFIX + feed);
    const ids: unknown = raw ? JSON.parse(raw) : [];
    if (Array.isArray(ids)) return ids.filter((id): id is string => typeof id === 'string');
  } catch {
    // no storage, or a value that is not ours
  }
  return [];
}

export function writeSaved(feed: string, ids: readonly string[]): void {
  try {
    if (ids.length) localStorage.setItem(PREFIX + feed, JSON.stringify(ids));
    else localStorage.removeItem(PREFIX + feed);
  } catch {
    // kept in memory for this page
  }
}

/**
 * Another tab changed a selection (the `storage` event fires in the other tabs of the
 * site, not in the one that wrote): `true` when it is this feed's (`key` null: cleared).
 */
export const isSavedKey = (key: string | null, feed: string): boolean => key === null || key === PREFIX + feed;
