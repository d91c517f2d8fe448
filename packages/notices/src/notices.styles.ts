import { css } from 'lit';

export const noticesStyles = css`
  :host {
    --_gap: var(--welfare-notices-gap, 0.75rem);
    --_card-bg: var(--welfare-notices-card-background, var(--_surface));
    --_card-border: var(--welfare-notices-card-border, 1px solid var(--_border));
    --_accent: var(--welfare-notices-accent-color, var(--_primary));
  }
  .count {
    margin: 0 0 var(--_gap);
    color: var(--_muted);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .items {
    display: grid;
    gap: var(--_gap);
  }
  article {
    padding: var(--_space);
    background: var(--_card-bg);
    border: var(--_card-border);
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
  }
  .closure article,
  .urgent article {
    border-inline-start-color: var(--_danger);
  }
  .title {
    margin: 0 0 0.25rem;
    font-size: 1.125rem;
    font-weight: 600;
    line-height: 1.3;
  }
  p {
    margin: 0 0 0.5rem;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: baseline;
  }
  .kind {
    padding: 0 0.4rem;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    font-size: 0.875rem;
    text-transform: uppercase;
    letter-spacing: 0.03em;
    color: var(--_muted);
  }
  .when {
    font-weight: 600;
  }
  .closure .when,
  .urgent .when {
    color: var(--_danger);
  }
  .concerns {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.5rem;
    align-items: baseline;
  }
  .concerns ul {
    display: contents;
  }
  .concerns button {
    all: unset;
    cursor: pointer;
    color: var(--_primary);
    text-decoration: underline;
    min-height: 1.5rem;
  }
  .concerns button[aria-pressed='true'] {
    font-weight: 600;
  }
  .concerns button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .published {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .footer {
    margin-top: var(--_gap);
  }
  .button {
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_primary);
    font-weight: 600;
  }
  .empty {
    padding: var(--_space);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .empty p:last-child {
    margin: 0;
    color: var(--_muted);
  }
`;
