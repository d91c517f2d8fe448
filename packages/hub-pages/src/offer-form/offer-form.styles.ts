import { css } from 'lit';

export const offerFormStyles = css`
  .options {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: 0 1rem;
  }
  .counter {
    font-size: 0.875rem;
    color: var(--_muted);
  }
  .place {
    background: var(--_surface-alt);
  }
  .summary {
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
    margin-block-end: 1rem;
  }
  .summary:focus {
    outline: 3px solid var(--_focus);
  }
  .summary ul {
    margin: 0.25rem 0 0;
    padding-inline-start: 1.25rem;
  }
  .summary button.link {
    min-height: 2rem;
    padding: 0;
    text-align: start;
  }
  .status {
    color: var(--_muted);
  }
  .preview-frame {
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
    background: #fff;
  }
  /* The map box's own height: a height on the element cut off its toolbar and legend, which
     then ran over the form's buttons below (seen at 375 px). */
  .preview-frame welfare-map {
    --welfare-map-height: 320px;
  }
  .bar {
    position: sticky;
    bottom: 0;
    background: var(--_surface);
    border-top: 1px solid var(--_border);
    padding: 0.75rem 0;
    z-index: 2000;
  }
  /* On a phone the bar would take a fifth of the screen: it stays at the form's end. */
  @media (max-width: 40rem) {
    .bar {
      position: static;
    }
  }
  .conflict {
    border: 2px solid var(--_hint);
    padding: 0.75rem 1rem;
    margin-block-end: 1rem;
    border-radius: var(--_radius);
  }
  .place-words {
    margin-top: 0;
  }
`;
