import { css } from 'lit';

/**
 * What is drawn inside the map: markers, clusters, the person's position, popups and
 * Leaflet's controls. Loaded with the engine and adopted after Leaflet's own stylesheet,
 * so these rules override it; the tokens (--_primary, ...) come from the host's styles.
 */
export const engineStyles = css`
  /* ---- markers: real buttons inside Leaflet's marker panes ---- */
  .wm-icon {
    background: none;
    border: 0;
  }
  .marker,
  .cluster {
    all: unset;
    box-sizing: border-box;
    display: block;
    width: 100%;
    height: 100%;
    cursor: pointer;
  }
  .marker:focus-visible,
  .cluster:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    border-radius: 4px;
  }
  .marker svg {
    display: block;
    width: 100%;
    height: 100%;
    overflow: visible;
    filter: drop-shadow(0 1px 1px rgb(0 0 0 / 0.45));
  }
  .marker .pin {
    fill: var(--_marker, var(--_primary));
    stroke: #fff;
    stroke-width: 2;
  }
  .marker .dot {
    fill: #fff;
  }
  .marker .square {
    fill: var(--_ap);
    stroke: #fff;
    stroke-width: 2;
  }
  .marker .glyph {
    fill: #fff;
  }
  .marker.selected svg {
    transform: scale(1.3);
    transform-origin: 50% 100%;
  }
  .marker.access-point.selected svg {
    transform-origin: 50% 50%;
  }
  .marker.selected .pin,
  .marker.selected .square {
    stroke: var(--_selected);
    stroke-width: 3;
  }
  .cluster {
    display: grid;
    place-items: center;
    border-radius: 50%;
    border: 3px solid #fff;
    background: var(--_cluster);
    color: #fff;
    font-weight: 700;
    font-size: 0.875rem;
    line-height: 1;
    box-shadow: 0 0 0 4px color-mix(in srgb, var(--_cluster) 35%, transparent), 0 1px 3px rgb(0 0 0 / 0.4);
  }
  .cluster.access-point {
    background: var(--_ap);
    border-radius: 8px;
    box-shadow: 0 0 0 4px color-mix(in srgb, var(--_ap) 35%, transparent), 0 1px 3px rgb(0 0 0 / 0.4);
  }
  .cluster {
    position: relative;
  }
  /* A cluster that holds an access point: a small "i" square outside its top-right rim,
     clear of the count (nearer in, it hid part of a "3" or a "26"). */
  .cluster .badge {
    position: absolute;
    top: -12px;
    right: -14px;
    width: 16px;
    height: 16px;
    display: grid;
    place-items: center;
    border-radius: 4px;
    border: 2px solid #fff;
    background: var(--_ap);
    box-sizing: content-box;
  }
  .badge svg {
    display: block;
    width: 100%;
    height: 100%;
  }
  .badge .glyph,
  .legend .glyph {
    fill: #fff;
  }
  .origin {
    /* Leaflet makes non-interactive markers transparent to the pointer; the dot is drawn
       where it covers no marker, so it may take the pointer (and say what it is). */
    pointer-events: auto;
    display: block;
    width: 100%;
    height: 100%;
    border-radius: 50%;
    border: 3px solid #fff;
    background: var(--_origin);
    box-shadow: 0 0 0 2px var(--_origin), 0 1px 4px rgb(0 0 0 / 0.5);
  }
  /* The accuracy circle (accuracy.ts): a thin ring over a light fill, as L.circle drew it. */
  .wm-accuracy {
    position: absolute;
    box-sizing: border-box;
    border: 1px solid var(--_origin);
    border-radius: 50%;
  }
  .wm-accuracy::before {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: 50%;
    background: var(--_origin);
    opacity: 0.12;
  }
  /* Grows or shrinks with the zoom animation, in step with the markers' move. */
  .leaflet-zoom-anim .wm-accuracy {
    transition: transform 0.25s cubic-bezier(0, 0, 0.25, 1);
  }

  /* ---- popups ---- */
  .leaflet-popup-content-wrapper {
    border-radius: var(--_radius);
  }
  .leaflet-popup-content {
    margin: 0.75rem 1.25rem 0.75rem 0.875rem;
    font-size: 1rem;
    line-height: 1.45;
  }
  .leaflet-popup-content p {
    margin: 0 0 0.35rem;
  }
  .leaflet-container a {
    color: var(--_primary);
  }
  .leaflet-container a.leaflet-popup-close-button {
    width: 2rem;
    height: 2rem;
    font-size: 1.5rem;
    line-height: 2rem;
    color: var(--_muted);
  }
  .leaflet-container a.leaflet-popup-close-button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  .popup {
    outline: none;
  }
  .popup:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 4px;
  }
  .popup-name {
    margin: 0 0 0.25rem;
    font-weight: 700;
    font-size: 1.0625rem;
    line-height: 1.3;
  }
  .popup-kind,
  .popup-org,
  .popup-distance {
    color: var(--_muted);
  }
  .popup .label {
    font-weight: 600;
  }
  .popup .contacts {
    list-style: none;
    margin: 0 0 0.35rem;
    padding: 0;
  }
  .popup .host {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .popup-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    align-items: center;
  }
  .popup-actions a {
    font-weight: 600;
  }
  .popup .save {
    display: inline-flex;
    gap: 0.4rem;
    align-items: center;
    min-height: 1.5rem;
    cursor: pointer;
  }
  .popup .save input {
    width: 1.125rem;
    height: 1.125rem;
    margin: 0;
  }
  .stack {
    list-style: none;
    margin: 0.25rem 0 0;
    padding: 0;
    display: grid;
    gap: 0.25rem;
  }
  .stack-item {
    all: unset;
    cursor: pointer;
    color: var(--_primary);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .stack-item:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  /* .leaflet-bar as well: Leaflet's own touch rule (.leaflet-touch .leaflet-bar a, 30 px)
     otherwise wins on phones, where a finger needs the larger button most. */
  .leaflet-control-zoom.leaflet-bar a {
    width: 2.25rem;
    height: 2.25rem;
    line-height: 2.25rem;
    color: var(--_text);
  }
  .leaflet-control-zoom a:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    position: relative;
    z-index: 1;
  }
  .leaflet-control-attribution {
    font-size: 0.75rem;
    color: var(--_text);
  }
  .leaflet-container .leaflet-control-attribution a {
    color: var(--_primary);
  }
  /* ---- the legend, under the map ---- */
  .legend-box {
    margin-top: 0.5rem;
    font-size: var(--welfare-map-legend-font-size, 0.875rem);
    color: var(--_text);
  }
  .legend-items {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
  }
  .legend-items + .legend-items {
    margin-top: 0.25rem;
  }
  .legend-items li {
    display: flex;
    align-items: center;
    gap: 0.4rem;
  }
  .legend .swatch {
    flex: none;
  }
  .legend svg.swatch {
    width: 14px;
    height: 20px;
  }
  .legend .pin {
    fill: var(--_primary);
    stroke: #fff;
    stroke-width: 2;
  }
  .legend .dot {
    fill: #fff;
  }
  .legend span.swatch.cluster {
    all: unset;
    position: relative;
    /* room for the ring (box-shadow) at the legend's left edge */
    margin-inline-start: 2px;
    box-sizing: border-box;
    display: grid;
    place-items: center;
    width: 24px;
    height: 24px;
    border-radius: 50%;
    border: 2px solid #fff;
    background: var(--_cluster);
    color: #fff;
    font-size: 0.6875rem;
    font-weight: 700;
    box-shadow: 0 0 0 2px color-mix(in srgb, var(--_cluster) 35%, transparent);
  }
  .legend span.swatch.access-point {
    background: var(--_ap);
    border-radius: 6px;
    box-shadow: none;
  }
  .legend span.swatch svg {
    width: 100%;
    height: 100%;
  }
  .legend .swatch .badge {
    top: -9px;
    right: -11px;
    width: 11px;
    height: 11px;
    border-width: 1px;
  }
  .legend span.swatch.origin {
    width: 14px;
    height: 14px;
    border-width: 2px;
    box-sizing: border-box;
  }
  @media (prefers-reduced-motion: reduce) {
    .marker.selected svg {
      transition: none;
    }
  }
`;
