/**
 * The map's legend, under the map: what each shape and colour means. Built with lit
 * templates (category names from the feed are text) into an element the component
 * renders empty, so lit's own rendering of the component never touches it.
 */
import { cssProps, pick } from '@welfare-elements/core';
import { html, nothing, render, svg } from 'lit';
import { categoryColor } from './colors.js';
import type { EngineStrings } from './engine.strings.js';
import type { PlaceSet } from './places.js';
import type { PopupContext } from './popup.js';

export interface LegendState {
  readonly services: PlaceSet;
  readonly accessPoints: boolean;
  readonly origin: boolean;
}

/** The "i" of access points (as markers.ts draws it). */
const glyph = html`<svg viewBox="0 0 30 30" aria-hidden="true" focusable="false">
  ${svg`<circle class="glyph" cx="15" cy="9" r="2.4"></circle><rect class="glyph" x="12.8" y="13" width="4.4" height="11" rx="1.2"></rect>`}
</svg>`;

const pin = (color?: string) =>
  html`<svg class="swatch" viewBox="0 0 28 40" aria-hidden="true" focusable="false">
    ${svg`<path class="pin" ${cssProps({ fill: color })}
      d="M14 1.5C7.1 1.5 1.5 7.1 1.5 14c0 9.6 12.5 24 12.5 24s12.5-14.4 12.5-24C26.5 7.1 20.9 1.5 14 1.5z"></path>
      <circle class="dot" cx="14" cy="14" r="5"></circle>`}
  </svg>`;

/** Renders the legend for `state` into `into`. */
export function renderLegend(into: HTMLElement, state: LegendState, ctx: PopupContext, t: EngineStrings): void {
  const { store, lang } = ctx;
  const feed = store.feed;
  const used = state.services.firstCategories();
  const categories = (feed?.categories ?? [])
    .map((c, i) => ({ c, color: categoryColor(store.category(c.id) ?? c, i) }))
    .filter(({ c }) => used.has(c.id));
  render(
    html`<div class="legend-box">
      <ul class="legend-items" aria-label=${t.legend}>
        <li>${pin()}<span>${t.legendService}</span></li>
        <li><span class="swatch cluster service" aria-hidden="true"><span>12</span></span><span>${t.legendCluster}</span></li>
        ${state.accessPoints
          ? html`<li>
                <span class="swatch cluster access-point" aria-hidden="true">${glyph}</span
                ><span>${t.legendAccessPoint}</span>
              </li>
              <li>
                <span class="swatch cluster service" aria-hidden="true"><span>12</span><span class="badge">${glyph}</span></span
                ><span>${t.legendMixed}</span>
              </li>`
          : nothing}
        ${state.origin ? html`<li><span class="swatch origin" aria-hidden="true"></span><span>${t.legendOrigin}</span></li>` : nothing}
      </ul>
      ${categories.length > 1
        ? html`<ul class="legend-items legend-categories" aria-label=${t.categories}>
            ${categories.map(({ c, color }) => html`<li>${pin(color)}<span>${pick(c.name, lang)}</span></li>`)}
          </ul>`
        : nothing}
    </div>`,
    into,
  );
}
