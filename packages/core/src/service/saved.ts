/**
 * "La mia selezione" in the browser (issue 18): the ids a person saved, in localStorage
 * under one key per feed (localStorage itself is per site), so two feeds on one site keep
 * two selections. Nothing leaves the browser except through the selection's link.
 * Storage can be missing or full (private windows, a quota, a policy): the selection
 * then lasts until the page is left.
 */
const PREFIX = 'welfare-elements:selezione:';
const memory = new Map<string, string[]>();

export function readSaved(feed: string): string[] {
  try {
    const raw = localStorage.getItem(PREFIX + feed);
    const ids: unknown = raw ? JSON.parse(raw) : [];
    if (Array.isArray(ids)) return ids.filter((id): id is string => typeof id === 'string');
  } catch {
    // no storage, or a value that is not ours
  }
  return memory.get(feed) ?? [];
}

export function writeSaved(feed: string, ids: readonly string[]): void {
  memory.set(feed, [...ids]);
  try {
    if (ids.length) localStorage.setItem(PREFIX + feed, JSON.stringify(ids));
    else localStorage.removeItem(PREFIX + feed);
  } catch {
    // kept in memory for this page
  }
}
