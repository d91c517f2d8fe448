import { css } from 'lit';

/**
 * The result cards that <welfare-list> and <welfare-access-points> share: the list, a
 * card, the selected card, the name as a button, the count and the empty state. Each
 * element maps its own custom properties onto `--_gap`, `--_card-bg`, `--_card-border`
 * and `--_selected`, so a theme can style one without the other.
 */
export const cardStyles = css`
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
    font-weight: 600;
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
  /* "a 1,2 km": how far from the person's position, once it is known. */
  .distance {
    margin: 0 0 0.25rem;
    color: var(--_muted);
    font-weight: 600;
  }
  .label {
    font-weight: 600;
  }
  .host {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  /* On paper: two services a row, separated by a rule, never cut across pages. */
  @media print {
    ul.items {
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 0 1.5rem;
      font-size: 0.875rem;
    }
    li.item,
    li.item.selected {
      break-inside: avoid;
      margin: 0 0 0.5rem;
      padding: 0 0 0.5rem;
      border: 0;
      border-bottom: 1px solid #767676;
      border-radius: 0;
      box-shadow: none;
      background: none;
    }
    .name {
      font-size: 1rem;
    }
    .name button {
      color: inherit;
      text-decoration: none;
    }
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
