/**
 * The marker elements, built as DOM (never from HTML strings): real <button>s, so they
 * are focusable, reachable with Tab and activated with Enter and Space, each with an
 * accessible name. Leaflet receives them as `L.divIcon({ html: element })`.
 */
const SVG = 'http://www.w3.org/2000/svg';

function svg(tag: string, attributes: Record<string, string>): SVGElement {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
  return node;
}

function icon(viewBox: string, ...children: SVGElement[]): SVGElement {
  const root = svg('svg', { viewBox, 'aria-hidden': 'true', focusable: 'false' });
  root.append(...children);
  return root;
}

function button(className: string, part: string, label: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.setAttribute('part', part);
  // setAttribute stores text: feed names never become markup. No `title` with the same
  // text: screen readers would read it again as the description.
  b.setAttribute('aria-label', label);
  return b;
}

/** Size of the service pin and where its tip is. */
export const PIN = { width: 28, height: 40 } as const;

/** A service: a pin in the colour of its first category. */
export function serviceMarker(label: string, color: string): HTMLButtonElement {
  const b = button('marker', 'marker', label);
  b.style.setProperty('--_marker', color);
  b.append(pinIcon());
  return b;
}

/** The pin's picture (also the small map's places in a service's full view, where it is no button). */
export function pinIcon(): SVGElement {
  return icon(
    '0 0 28 40',
    svg('path', {
      class: 'pin',
      d: 'M14 1.5C7.1 1.5 1.5 7.1 1.5 14c0 9.6 12.5 24 12.5 24s12.5-14.4 12.5-24C26.5 7.1 20.9 1.5 14 1.5z',
    }),
    svg('circle', { class: 'dot', cx: '14', cy: '14', r: '5' }),
  );
}

/** An access point: a rounded square with an "i", distinct from service pins. */
export const ACCESS_POINT = { size: 30 } as const;

/** The "i" of access points, in a 30 × 30 box. */
const glyph = () => [
  svg('circle', { class: 'glyph', cx: '15', cy: '9', r: '2.4' }),
  svg('rect', { class: 'glyph', x: '12.8', y: '13', width: '4.4', height: '11', rx: '1.2' }),
];

export function accessPointMarker(label: string): HTMLButtonElement {
  const b = button('marker access-point', 'marker access-point', label);
  b.append(
    icon(
      '0 0 30 30',
      svg('rect', { class: 'square', x: '1.5', y: '1.5', width: '27', height: '27', rx: '6' }),
      ...glyph(),
    ),
  );
  return b;
}

/** Diameter of a cluster by how many services it holds. */
export function clusterSize(count: number): number {
  return count < 10 ? 34 : count < 100 ? 40 : count < 1000 ? 48 : 56;
}

/**
 * A cluster: a circle with the count (a rounded square for access points only); its
 * accessible name says what it holds and where. `withAccessPoint` adds the "i" badge of a
 * cluster that holds services and an access point.
 */
export function clusterMarker(
  shortCount: string,
  label: string,
  kind: 'service' | 'access-point',
  withAccessPoint = false,
): HTMLButtonElement {
  const b = button(`cluster ${kind}`, kind === 'service' ? 'cluster' : 'cluster access-point-cluster', label);
  const text = document.createElement('span');
  text.setAttribute('aria-hidden', 'true');
  text.textContent = shortCount;
  b.append(text);
  if (withAccessPoint) b.append(badge());
  return b;
}

/** The small "i" square on a cluster that holds an access point. */
export function badge(): HTMLElement {
  const i = document.createElement('span');
  i.className = 'badge';
  i.setAttribute('part', 'cluster-badge');
  i.setAttribute('aria-hidden', 'true');
  // Drawn, not written: a letter would be visible text missing from the cluster's name.
  i.append(icon('0 0 30 30', ...glyph()));
  return i;
}

/** The person's position: a dot, not interactive. */
export function originMarker(label: string): HTMLElement {
  const dot = document.createElement('span');
  dot.className = 'origin';
  dot.setAttribute('part', 'origin');
  dot.setAttribute('role', 'img');
  dot.setAttribute('aria-label', label);
  return dot;
}

/** "12", "340", "1,2k" / "1.2k": short counts that fit in a circle. */
export function shortCount(count: number, lang: string): string {
  if (count < 1000) return String(count);
  const k = count / 1000;
  return `${k.toLocaleString(lang === 'en' ? 'en-GB' : 'it-IT', { maximumFractionDigits: k < 10 ? 1 : 0 })}k`;
}
