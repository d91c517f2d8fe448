import { css } from 'lit';

export const accessPointsStyles = css`
  :host {
    --_gap: var(--welfare-access-points-gap, 0.75rem);
    --_min: var(--welfare-access-points-min-width, 18rem);
    --_card-bg: var(--welfare-access-points-card-background, var(--_surface));
    --_card-border: var(--welfare-access-points-card-border, 1px solid var(--_border));
    --_selected: var(--welfare-access-points-selected-color, var(--_primary));
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_gap);
    margin: 0 0 var(--_gap);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  label {
    font-weight: 600;
  }
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    min-height: 2.75rem;
    min-width: 12rem;
    max-width: 100%;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
  }
  .open-now {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2.75rem;
    cursor: pointer;
  }
  .open-now input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: var(--_primary);
  }
  .locate {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
  }
  .locate[aria-pressed='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .locate[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }
  .notice {
    margin: 0;
    color: var(--_muted);
  }
  .notice:not(:empty) {
    margin-bottom: var(--_gap);
  }
  ul.cards {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_min)), 1fr));
  }
  ul.compact {
    gap: 0;
  }
  ul.compact li.item {
    padding: 0.5rem 0.75rem;
    border-radius: 0;
  }
  ul.compact li.item + li.item {
    border-top: none;
  }
  ul.compact .name {
    font-size: 1rem;
    margin: 0;
  }
  .description,
  .address,
  .directions {
    margin: 0 0 0.5rem;
  }
  ul.compact .address,
  ul.compact .hours,
  ul.compact .directions,
  ul.compact .distance {
    margin: 0;
  }
  .contacts {
    list-style: none;
    margin: 0 0 0.5rem;
    padding: 0;
  }
  ul.compact .contacts {
    margin: 0;
  }
  a {
    display: inline-block;
    min-height: 1.5rem;
  }
`;
