import { css } from 'lit';

export const listStyles = css`
  :host {
    --_gap: var(--welfare-list-gap, 0.75rem);
    --_card-bg: var(--welfare-list-card-background, var(--_surface));
    --_card-border: var(--welfare-list-card-border, 1px solid var(--_border));
    --_selected: var(--welfare-list-selected-color, var(--_primary));
  }
  .count {
    margin: 0 0 var(--_gap);
    font-weight: 600;
  }
  ul.items {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_gap);
  }
  li.item {
    position: relative;
    padding: var(--_space);
    background: var(--_card-bg);
    border: var(--_card-border);
    border-radius: var(--_radius);
  }
  li.item.selected {
    border-color: var(--_selected);
    box-shadow: inset 4px 0 0 var(--_selected);
  }
  .name {
    margin: 0 0 0.25rem;
    font-size: 1.125rem;
    line-height: 1.3;
  }
  .name button {
    all: unset;
    cursor: pointer;
    color: var(--_primary);
    text-decoration: underline;
    text-underline-offset: 0.15em;
    overflow-wrap: anywhere;
  }
  .name button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
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
  .label {
    font-weight: 600;
  }
  .hours {
    margin: 0 0 0.25rem;
  }
  .host {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .more {
    margin-top: var(--_gap);
  }
  .empty {
    padding: var(--_space);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .empty p {
    margin: 0 0 0.5rem;
  }
`;
