/**
 * The controls both maps use (the big map and the small one in a service's full view),
 * built as DOM in Leaflet's control corners: Leaflet's Control and Control.Zoom classes
 * cost about 0.6 KB gzip on every page with a map for two buttons and a line of text.
 * The markup and classes are Leaflet's, so they look as before (Leaflet's stylesheet).
 */
import type * as L from 'leaflet';
import { ownEvents } from './own-events.js';
import type { EngineStrings } from './engine.strings.js';
import type { TileOptions } from './map-types.js';

/** One of the corners Leaflet makes for its controls (they go with the map on remove()). */
function corner(map: L.Map, vertical: 'top' | 'bottom', horizontal: 'left' | 'right'): HTMLElement {
  return map.getContainer().querySelector<HTMLElement>(`.leaflet-control-container .leaflet-${vertical}.leaflet-${horizontal}`)!;
}

/** The credit line (bottom right), as DOM: the text is the page author's, never markup. */
export function addCredit(map: L.Map, tiles: TileOptions): HTMLElement {
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
  corner(map, 'bottom', 'right').prepend(node);
  return node;
}

export interface ZoomButtons {
  /** Names the buttons in the element's language. */
  relabel(t: EngineStrings): void;
}

/**
 * The zoom buttons (top left), as Leaflet's Control.Zoom made them: links with the
 * button role, a sign hidden from screen readers, Shift for three steps, disabled (class
 * and aria-disabled) at the map's last zoom levels; a pointer click gives the keyboard
 * back to the map. Space presses them too, as it presses any button.
 */
export function addZoomButtons(map: L.Map, t: EngineStrings): ZoomButtons {
  const bar = document.createElement('div');
  bar.className = 'leaflet-control-zoom leaflet-bar leaflet-control';
  const button = (which: 'in' | 'out', sign: string) => {
    const a = bar.appendChild(document.createElement('a'));
    a.className = `leaflet-control-zoom-${which}`;
    a.href = '#';
    a.setAttribute('role', 'button');
    const s = a.appendChild(document.createElement('span'));
    s.setAttribute('aria-hidden', 'true');
    s.textContent = sign;
    // The map must not take these clicks (a click on the map closes its popup).
    ownEvents(a);
    a.addEventListener('click', (e) => {
      e.preventDefault();
      const steps = map.options.zoomDelta! * (e.shiftKey ? 3 : 1);
      if (which === 'in' && map.getZoom() < map.getMaxZoom()) map.zoomIn(steps);
      if (which === 'out' && map.getZoom() > map.getMinZoom()) map.zoomOut(steps);
      if (e.screenX > 0 && e.screenY > 0) map.getContainer().focus();
    });
    a.addEventListener('keydown', (e) => {
      if (e.key !== ' ') return;
      e.preventDefault();
      a.click();
    });
    return a;
  };
  const zoomIn = button('in', '+');
  const zoomOut = button('out', '\u2212');
  const update = () => {
    for (const [a, limit] of [
      [zoomIn, map.getMaxZoom()],
      [zoomOut, map.getMinZoom()],
    ] as const) {
      const disabled = map.getZoom() === limit;
      a.classList.toggle('leaflet-disabled', disabled);
      a.setAttribute('aria-disabled', String(disabled));
    }
  };
  update();
  map.on('zoomend zoomlevelschange', update);
  corner(map, 'top', 'left').append(bar);
  const buttons = {
    relabel(t: EngineStrings) {
      for (const [a, label] of [
        [zoomIn, t.zoomIn],
        [zoomOut, t.zoomOut],
      ] as const) {
        a.setAttribute('aria-label', label);
        a.title = label;
      }
    },
  };
  buttons.relabel(t);
  return buttons;
}
