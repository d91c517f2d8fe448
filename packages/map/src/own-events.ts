/**
 * Keeps the map's handlers out of a control or the popup: a press there does not drag the
 * map, a double click does not zoom it, a click does not close the popup, the wheel
 * scrolls the popup and not the map. Leaflet's DomEvent.disableClickPropagation does
 * this for its own controls, but reaching it through `L.DomEvent` ships the whole
 * DomEvent object (and `L.DomUtil` the whole DomUtil object) with the map.
 */
const MAP_EVENTS = ['click', 'dblclick', 'mousedown', 'touchstart', 'pointerdown', 'contextmenu'];

/** `wheel`: the wheel too (the popup scrolls; over the zoom buttons it zooms the map). */
export function ownEvents(el: HTMLElement, wheel = false): void {
  for (const type of wheel ? [...MAP_EVENTS, 'wheel'] : MAP_EVENTS) el.addEventListener(type, (e) => e.stopPropagation(), { passive: true });
}
