import { css } from 'lit';

/**
 * The element's own styles: toolbar, messages and the map's box. What is drawn inside the
 * map (markers, popups, controls) is styled by engine.styles.ts, loaded with Leaflet.
 */
export const mapStyles = css`
  :host {
    --_height: var(--welfare-map-height, 28rem);
    --_map-bg: var(--welfare-map-background, #e9eef2);
    --_map-border: var(--welfare-map-border, 1px solid var(--_border));
    --_cluster: var(--welfare-map-cluster-color, var(--_primary));
    --_ap: var(--welfare-map-access-point-color, #1e5b3c);
    --_selected: var(--welfare-map-selected-color, var(--_text));
    --_origin: var(--welfare-map-origin-color, #d1008f);
    /* Leaflet's z-indexes (up to 1000) stay inside the element. */
    isolation: isolate;
    position: relative;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    justify-content: space-between;
    margin-bottom: 0.5rem;
  }
  .status {
    flex: 1 1 16rem;
  }
  .status .state {
    padding: 0;
  }
  .count {
    margin: 0;
    font-weight: 600;
  }
  .count .missing,
  .count .empty {
    font-weight: normal;
    color: var(--_muted);
  }
  .count .empty {
    display: block;
  }
  .near-me {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
  }
  .near-me svg {
    width: 1.25em;
    height: 1.25em;
    flex: none;
  }
  .near-me[aria-pressed='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .near-me[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .geo {
    margin: 0 0 0.5rem;
  }
  .error {
    margin-bottom: 0.5rem;
  }
  .skip {
    position: absolute;
    z-index: 2000;
    padding: 0.5rem 1rem;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_primary);
    font-weight: 600;
    clip-path: inset(50%);
    width: 1px;
    height: 1px;
    overflow: hidden;
    white-space: nowrap;
  }
  .skip:focus {
    clip-path: none;
    width: auto;
    height: auto;
  }
  .map-wrap {
    position: relative;
  }
  .map {
    height: var(--_height);
    min-height: 12rem;
    border: var(--_map-border);
    border-radius: var(--_radius);
    background: var(--_map-bg);
  }
  .map.leaflet-container {
    font: inherit;
    font-size: 1rem;
    line-height: 1.5;
    background: var(--_map-bg);
  }
  .map:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .hint {
    position: absolute;
    top: 0.5rem;
    left: 3.5rem;
    right: 0.5rem;
    z-index: 1100;
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-radius: var(--_radius);
    background: rgb(26 26 26 / 0.88);
    color: #fff;
    font-size: 0.875rem;
    pointer-events: none;
    /* visually hidden until the map has keyboard focus; always read as its description */
    clip-path: inset(50%);
    opacity: 0;
  }
  .map:focus-visible + .hint {
    clip-path: none;
    opacity: 1;
  }
  .after {
    outline: none;
  }
`;
