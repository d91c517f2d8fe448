/** Leaflet controls both maps use (the big map and the small one in a service's full view). */
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import type { EngineStrings } from './engine.strings.js';
import type { TileOptions } from './map-types.js';

/** The credit line (bottom right), as DOM: the text is the page author's, never markup. */
export function creditControl(tiles: TileOptions): L.Control {
  const node = document.createElement('div');
  node.className = 'leaflet-control-attribution leaflet-control';
  node.setAttribute('part', 'attribution');
  const link = (text: string, href: string) => {
    const a = document.createElement('a');
    a.href = href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.textContent = text;
    return a;
  };
  node.append(link('Leaflet', 'https://leafletjs.com'));
  if (tiles.attribution) {
    const { text, href } = tiles.attribution;
    node.append(' | ', href ? link(text, href) : text);
  }
  const c = new L.Control({ position: 'bottomright' });
  c.onAdd = () => node;
  return c;
}

/** Names the zoom buttons in the element's language. */
export function labelZoom(zoom: L.Control.Zoom, t: EngineStrings): void {
  const set = (selector: string, label: string) => {
    const el = zoom.getContainer()?.querySelector(selector);
    el?.setAttribute('aria-label', label);
    el?.setAttribute('title', label);
  };
  set('.leaflet-control-zoom-in', t.zoomIn);
  set('.leaflet-control-zoom-out', t.zoomOut);
}
