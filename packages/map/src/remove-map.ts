import type * as L from 'leaflet';

/**
 * Removes a Leaflet map, also in the middle of a zoom animation. Leaflet ends a zoom with
 * a 250 ms timer (its workaround for WebKit's missing `transitionend`) that reads the
 * map's panes; after `remove()` they are gone and the timer throws ("el._leaflet_pos" of
 * undefined) into the host page. The timer does nothing once `_animatingZoom` is false.
 * Seen in WebKit when a form re-rendered its place picker mid-zoom (CI, 2026-12-02).
 */
export function removeMap(map: L.Map): void {
  (map as unknown as { _animatingZoom?: boolean })._animatingZoom = false;
  map.remove();
}
