import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';

/**
 * Line icons for the category ids of the demo feed, drawn on a 24×24 grid with the
 * current colour. They are decoration (the tile's text names the category), so the
 * wrapper hides them from assistive technology. A Map, not an object: ids come from the
 * feed, and `constructor` or `__proto__` must not find Object's own members.
 */
const paths = new Map<string, SVGTemplateResult>(Object.entries({
  casa: svg`<path d="M3 11.5 12 4l9 7.5"/><path d="M5.5 9.5V20h13V9.5"/><path d="M10 20v-5.5h4V20"/>`,
  lavoro: svg`<rect x="3" y="7.5" width="18" height="12" rx="2"/><path d="M8.5 7.5V5.5a1.5 1.5 0 0 1 1.5-1.5h4a1.5 1.5 0 0 1 1.5 1.5v2"/><path d="M3 13h18"/>`,
  cibo: svg`<path d="M4 9h16l-1.5 10.5a1.5 1.5 0 0 1-1.5 1.5H7a1.5 1.5 0 0 1-1.5-1.5Z"/><path d="m8.5 9 3-6m4 6-3-6"/><path d="M9.5 13v4m5-4v4"/>`,
  cura: svg`<path d="M12 20s-7.5-4.5-7.5-10A4.2 4.2 0 0 1 12 7.5 4.2 4.2 0 0 1 19.5 10c0 5.5-7.5 10-7.5 10Z"/><path d="M12 11v4m-2-2h4"/>`,
  formazione: svg`<path d="M2.5 9 12 4.5 21.5 9 12 13.5Z"/><path d="M6.5 11v5c1.5 1.6 3.4 2.5 5.5 2.5s4-.9 5.5-2.5v-5"/><path d="M21.5 9v5.5"/>`,
  famiglia: svg`<circle cx="8" cy="6.5" r="2.5"/><circle cx="16.5" cy="9" r="2"/><path d="M3.5 20v-4.5A4.5 4.5 0 0 1 8 11a4.5 4.5 0 0 1 4.5 4.5V20"/><path d="M13.5 20v-3a3 3 0 0 1 6 0v3"/>`,
  anziani: svg`<circle cx="10" cy="5" r="2.5"/><path d="M10 9.5v5.5l-2.5 5.5M10 15l2.5 5.5"/><path d="M7 12.5 10 10l3 2.5"/><path d="M16.5 11v9.5M16.5 11a1.5 1.5 0 0 0-3 0"/>`,
  disabilita: svg`<circle cx="11" cy="4.5" r="2"/><path d="M11 7.5v6h5.5l2 5.5"/><path d="M8 10.5a5.5 5.5 0 1 0 7.6 6.9"/>`,
  stranieri: svg`<circle cx="12" cy="12" r="8.5"/><path d="M3.5 12h17"/><path d="M12 3.5c2.3 2.4 3.5 5.2 3.5 8.5s-1.2 6.1-3.5 8.5c-2.3-2.4-3.5-5.2-3.5-8.5S9.7 5.9 12 3.5Z"/>`,
  ascolto: svg`<path d="M4 5.5A1.5 1.5 0 0 1 5.5 4h13A1.5 1.5 0 0 1 20 5.5v9a1.5 1.5 0 0 1-1.5 1.5H10l-4.5 4v-4h0A1.5 1.5 0 0 1 4 14.5Z"/><path d="M8.5 9h7m-7 3h4.5"/>`,
}));

/** Any other category: a tag. */
const fallback = svg`<path d="M3.5 12.2V4.5a1 1 0 0 1 1-1h7.7a1 1 0 0 1 .7.3l7.8 7.8a1 1 0 0 1 0 1.4l-7.7 7.7a1 1 0 0 1-1.4 0l-7.8-7.8a1 1 0 0 1-.3-.7Z"/><circle cx="8" cy="8" r="1.5"/>`;

/** "All": four squares. */
const all = svg`<rect x="4" y="4" width="6.5" height="6.5" rx="1"/><rect x="13.5" y="4" width="6.5" height="6.5" rx="1"/><rect x="4" y="13.5" width="6.5" height="6.5" rx="1"/><rect x="13.5" y="13.5" width="6.5" height="6.5" rx="1"/>`;

/** The icon for a category id (`*` for "all"), or the generic one. */
export function categoryIcon(id: string): TemplateResult {
  const body = id === '*' ? all : (paths.get(id) ?? fallback);
  return html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;
}
