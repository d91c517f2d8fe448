import { GroupStore } from './group-store.js';

/**
 * Groups are found by name, not by DOM nesting: elements of one group sit apart on a
 * CMS page (a search box in the header, a map in the body).
 */
const groups = new Map<string, GroupStore>();

export function groupStore(name: string): GroupStore {
  let store = groups.get(name);
  if (!store) {
    store = new GroupStore(name);
    groups.set(name, store);
  }
  return store;
}

/** Forgets every group; for tests. */
export function resetGroups(): void {
  groups.clear();
}

/** Every group of the page (a link to a service waits for all of them before saying it is gone). */
export const allGroups = (): Iterable<GroupStore> => groups.values();
