/** Helpers for the map tests: internals are reached only to read what a person sees. */
import { type GeoAnswer, stubGeolocation as stubGeo } from '../../core/test/geolocation.js';
import { waitUntil } from '../../core/test/helpers.js';
import type { WelfareMap } from '@welfare-elements/map';
import type * as L from 'leaflet';

export function shadow(el: HTMLElement): ShadowRoot {
  return el.shadowRoot!;
}

/** Marker and cluster buttons currently on the map. */
export function markers(el: WelfareMap): HTMLButtonElement[] {
  return [...shadow(el).querySelectorAll<HTMLButtonElement>('.leaflet-marker-icon button')];
}

export function serviceMarkers(el: WelfareMap): HTMLButtonElement[] {
  return [...shadow(el).querySelectorAll<HTMLButtonElement>('button[part="marker"]')];
}

export function clusters(el: WelfareMap): HTMLButtonElement[] {
  return [...shadow(el).querySelectorAll<HTMLButtonElement>('button[part~="cluster"]')];
}

export function labels(buttons: HTMLElement[]): string[] {
  return buttons.map((b) => b.getAttribute('aria-label') ?? '').sort();
}

/** The Leaflet map (to read its view, as a person sees it). */
export function leafletMap(el: WelfareMap): L.Map {
  return (el as unknown as { leaflet: { view?: { map: L.Map } } }).leaflet.view!.map;
}

export async function mapReady(el: WelfareMap): Promise<void> {
  // The map loads its engine when it nears the viewport (IntersectionObserver): a fixture
  // that puts it below a list must bring it into view, as a person scrolling would. WebKit
  // once timed out here in a full run with the map off screen.
  el.scrollIntoView({ block: 'nearest' });
  // The first map of a run waits for the Leaflet chunk, which the test server compiles on
  // first request: allow more than the default 5 s for it on a slow engine or a busy machine.
  await waitUntil(() => (el as unknown as { leaflet: { view?: unknown } }).leaflet.view, 'the map was not created', { timeout: 20_000 });
}

/** Waits until the map shows `count` markers and clusters (any, when omitted). */
export async function markersShown(el: WelfareMap, count?: number): Promise<HTMLButtonElement[]> {
  await waitUntil(
    () => (count === undefined ? markers(el).length > 0 : markers(el).length === count),
    `expected ${count ?? 'some'} markers, saw ${markers(el).length}`,
  );
  return markers(el);
}

export function popup(el: WelfareMap): HTMLElement | null {
  return shadow(el).querySelector('.leaflet-popup .popup');
}

export async function popupShown(el: WelfareMap): Promise<HTMLElement> {
  await waitUntil(() => popup(el), 'no popup opened', { timeout: 3000 });
  return popup(el)!;
}

/** Every resource the page fetched that was not on loopback (or a blob/data URL). */
export function outsideRequests(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((name) => {
      const url = new URL(name);
      return !['blob:', 'data:'].includes(url.protocol) && !['localhost', '127.0.0.1'].includes(url.hostname);
    });
}

/** Replaces navigator.geolocation for one test (core/test/geolocation.ts); returns a restore function. */
export function stubGeolocation(answer: GeoAnswer): () => void {
  return stubGeo(answer).restore;
}

/**
 * Hit-tests what a person sees: for every marker, cluster and the person's position whose
 * centre is inside the map, the element at that centre (`shadowRoot.elementFromPoint`) must
 * be that marker or inside it, else something covers it and a click would reach the other.
 * Returns the names checked and the problems found.
 */
export function hitTest(el: WelfareMap): { checked: string[]; covered: string[] } {
  const root = shadow(el);
  const view = root.querySelector('.map')!.getBoundingClientRect();
  const checked: string[] = [];
  const covered: string[] = [];
  for (const target of root.querySelectorAll<HTMLElement>('.leaflet-marker-icon button, .leaflet-marker-icon .origin')) {
    const r = target.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    // Centres on the map's edge are half cut off, those under the controls need a pan: not judged.
    if (x < view.left + 2 || x > view.right - 2 || y < view.top + 2 || y > view.bottom - 2) continue;
    const name = target.getAttribute('aria-label') ?? '?';
    const hit = root.elementFromPoint(x, y);
    if (hit?.closest('.leaflet-control')) continue;
    checked.push(name);
    if (hit && (hit === target || target.contains(hit))) continue;
    const by = hit?.closest('button, .origin, .leaflet-control')?.getAttribute('aria-label') ?? hit?.className.toString() ?? 'nothing';
    covered.push(`"${name}" is covered by "${by}"`);
  }
  return { checked, covered };
}

/** Waits for the markers to stop changing (the view is drawn in slices). */
export async function markersSettled(el: WelfareMap): Promise<void> {
  let last: string | undefined;
  let same = 0;
  await waitUntil(() => {
    const now = markers(el).map((b) => b.getAttribute('aria-label')).join('|');
    same = now === last ? same + 1 : 0;
    last = now;
    return same >= 3;
  }, 'the markers kept changing');
}
