/**
 * Elements that only some pages use are registered on demand: their code (the element
 * and everything it needs) is a separate chunk, fetched the first time the tag appears
 * in the document, so every other page's first load does not carry it.
 *
 * The page is looked at once when the bundle runs and then watched (a MutationObserver
 * on the document for added nodes) until every lazy tag is defined; after that nothing
 * watches. Tags inside another element's shadow root are not seen: the bundle's own
 * elements never nest these, and a framework that does calls `loadElements()` or imports
 * the element's package.
 */
import { providePlaceMap } from '@welfare-elements/core';

// "Vicino a me" (core/geo/locate.ts) is a chunk of its own that the map and the access
// points share: asked for beside theirs, so it is not a second round trip after them.
const nearMe = () => import('@welfare-elements/core/geo/locate.js');

const LAZY: ReadonlyMap<string, () => Promise<unknown>> = new Map<string, () => Promise<unknown>>([
  // Issue 14: pages with search, categories and list fetch none of these three (the map
  // brings Leaflet later, when it nears the viewport).
  ['welfare-map', () => Promise.all([import('@welfare-elements/map'), nearMe()])],
  ['welfare-access-points', () => Promise.all([import('@welfare-elements/access-points'), nearMe()])],
  ['welfare-notices', () => import('@welfare-elements/notices')],
  // Issue 19: the mutual-aid board.
  ['welfare-mutual-aid', () => import('@welfare-elements/mutual-aid/welfare-mutual-aid.js')],
  // The posting form for a comune's own site: a chunk of its own, so a board-only page
  // does not carry it (nor the other way round).
  ['welfare-mutual-aid-form', () => import('@welfare-elements/mutual-aid/welfare-mutual-aid-form.js')],
]);

const waiting = new Set(LAZY.keys());
const loading = new Map<string, Promise<void>>();

function load(tag: string): Promise<void> {
  if (!waiting.delete(tag)) return loading.get(tag) ?? Promise.resolve();
  const done = LAZY.get(tag)!().then(
    () => undefined,
    (error: unknown) => {
      // A failed fetch (offline for a moment): try again when such a tag is added next time.
      waiting.add(tag);
      loading.delete(tag);
      console.warn(`[welfare-elements] could not load <${tag}>`, error);
    },
  );
  loading.set(tag, done);
  return done;
}

/**
 * Loads and registers the given on-demand elements (default: all of them) and resolves
 * when they are defined. For pages that create the tags where the bundle cannot see them
 * (inside their own shadow roots) or that need `customElements.get()` before any tag exists.
 */
export function loadElements(tags: Iterable<string> = LAZY.keys()): Promise<void> {
  return Promise.all([...tags].filter((tag) => LAZY.has(tag)).map(load)).then(() => undefined);
}

// Issue 18: a service's full view draws its small map with the map package's engine. On a
// page without <welfare-map> (a list-only snippet) nothing else would bring that engine, so
// the bundle offers it here: the map package (the chunk <welfare-map> is in, which also
// registers that tag) and its engine are fetched when a view with a located place opens;
// the same chunks as <welfare-map>'s, so a page never holds two copies of Leaflet.
providePlaceMap(async (container, request) => (await import('@welfare-elements/map')).drawPlaceMap(container, request));

function scan(root: ParentNode): void {
  for (const tag of waiting) if (root.querySelector(tag)) void load(tag);
}

if (typeof document !== 'undefined' && typeof customElements !== 'undefined') {
  // A tag defined already (another copy of the bundle, or the package imported) is left alone.
  for (const tag of LAZY.keys()) if (customElements.get(tag)) waiting.delete(tag);
  if (waiting.size) {
    scan(document);
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node.nodeType !== 1) continue;
          const element = node as Element;
          if (waiting.has(element.localName)) void load(element.localName);
          else if (element.firstElementChild) scan(element);
        }
      }
      if (!waiting.size) observer.disconnect();
    });
    if (waiting.size) observer.observe(document, { childList: true, subtree: true });
  }
}

