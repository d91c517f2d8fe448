import { css } from 'lit';

export const listStyles = css`
  :host {
    --_gap: var(--welfare-list-gap, 0.75rem);
    --_card-bg: var(--welfare-list-card-background, var(--_surface));
    --_card-border: var(--welfare-list-card-border, 1px solid var(--_border));
    --_selected: var(--welfare-list-selected-color, var(--_primary));
  }
  .org {
    margin: 0 0 0.5rem;
    color: var(--_muted);
  }
  .description {
    margin: 0 0 0.5rem;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    list-style: none;
    margin: 0 0 0.5rem;
    padding: 0;
  }
  .chips li {
    padding: 0 0.5rem;
    border-radius: 999px;
    background: var(--_surface-alt);
    border: 1px solid var(--_border);
    font-size: 0.875rem;
  }
  .places,
  .contacts {
    list-style: none;
    margin: 0 0 0.25rem;
    padding: 0;
  }
  .hours {
    margin: 0 0 0.25rem;
  }
  .ask {
    margin-top: var(--_gap);
  }
  .ask > ul {
    margin: 0;
    padding-left: 1.25rem;
  }
  .nowrap {
    white-space: nowrap;
  }
  .ap-name {
    font-weight: 600;
  }
  .ask .contacts {
    margin: 0;
    padding: 0;
  }
  .more {
    margin-top: var(--_gap);
  }
  .card-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.5rem;
    margin: 0.5rem 0 0;
    font-weight: 600;
  }
  .card-actions > * {
    display: inline-flex;
    gap: 0.5rem;
    align-items: center;
    /* Room for a finger on touch screens, 24 px elsewhere. */
    min-height: var(--_target, 1.5rem);
  }
  @media (pointer: coarse) {
    :host {
      --_target: 2.75rem;
    }
  }
  .card-actions input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
  }
  .selection-bar {
    margin: 0 0 var(--_gap);
  }
  @media print {
    [part~='open'],
    .selection-bar {
      display: none !important;
    }
  }
`;
