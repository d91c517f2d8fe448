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
`;
