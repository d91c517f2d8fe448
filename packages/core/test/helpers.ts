/**
 * Shared test helpers for every element package. Import with a relative path:
 * `import { ... } from '../../core/test/helpers.js'`.
 */
import { waitUntil as openWcWaitUntil } from '@open-wc/testing';
import { forgetFeeds, resetGroups, setClock } from '@welfare-elements/core';

let counter = 0;

/**
 * open-wc's waitUntil with a 5 s limit instead of 1 s: on a loaded CI machine a render a
 * person would still call prompt can take longer than 1 s, and a wait that ends early only
 * makes a test flaky (speed is measured by `npm run bench`, not here).
 */
export function waitUntil(
  predicate: () => unknown,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return openWcWaitUntil(predicate, message, { timeout: 5000, ...options });
}

/** A feed v1 object with `services` (and optional extra fields). */
export function makeFeed(services: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: 1,
    title: 'Test',
    categories: [
      { id: 'casa', name: { it: 'Casa', en: 'Housing' } },
      { id: 'cibo', name: { it: 'Cibo', en: 'Food' } },
      { id: 'lavoro', name: { it: 'Lavoro', en: 'Work' } },
    ],
    organizations: [
      { id: 'caritas', name: 'Caritas Lodigiana', kind: 'third-sector' },
      { id: 'comune-lodi', name: 'Comune di Lodi', kind: 'public' },
    ],
    services,
    accessPoints: [],
    ...extra,
  };
}

/** A service with sensible defaults. */
export function service(id: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    name: `Servizio ${id}`,
    organization: 'caritas',
    categories: ['casa'],
    locations: [{ address: 'Via Roma 1', comune: 'Lodi', lat: 45.3138, lon: 9.5018 }],
    ...fields,
  };
}

/**
 * A URL serving `feed` as JSON from a blob, unique per call so the page-wide
 * request cache never leaks between tests.
 */
export function feedBlobUrl(feed: unknown): string {
  return URL.createObjectURL(new Blob([JSON.stringify(feed)], { type: 'application/json' }));
}

/** The URL of a fixture file in packages/core/test/fixtures, made unique per call. */
export function fixtureUrl(name: string): string {
  return `/packages/core/test/fixtures/${name}?t=${++counter}`;
}

/** How many requests the test server had for a same-origin URL (path and query). */
export async function requestsMade(url: string): Promise<number> {
  const { pathname, search } = new URL(url, location.href);
  const response = await fetch(`/__hits?url=${encodeURIComponent(pathname + search)}`);
  return (await response.json()) as number;
}

/** A group name no other test uses. */
export function uniqueGroup(): string {
  return `test-group-${++counter}`;
}

interface Loadable {
  updateComplete: Promise<boolean>;
}
type Internals = { data: { store: { status: string; searching: boolean }; task: { status: number } } };

/** Waits until an element's feed has loaded or failed and it has rendered that state. */
export async function settled<T extends HTMLElement & Loadable>(el: T, timeout = 5000): Promise<T> {
  const { data } = el as unknown as Internals;
  // Task status 2 = COMPLETE, 3 = ERROR.
  await waitUntil(
    () => (data.store.status === 'ready' || data.store.status === 'error') && data.task.status >= 2 && !data.store.searching,
    'the element did not finish loading',
    { timeout },
  );
  await el.updateComplete;
  return el;
}

/** Lets the group's store settle after a filter change (a large index may be async). */
export async function afterChange<T extends HTMLElement & Loadable>(el: T): Promise<T> {
  const { data } = el as unknown as Internals;
  await waitUntil(() => !data.store.searching, 'the search did not finish');
  await el.updateComplete;
  return el;
}

/** Resets the page-wide caches and the clock between tests. */
export function resetAll(): void {
  forgetFeeds();
  resetGroups();
  setClock();
}

/** Every text and attribute payload used to check that feed text is never run as HTML. */
export const HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 1">';
