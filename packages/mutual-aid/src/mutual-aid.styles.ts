import { css } from 'lit';

export const mutualAidStyles = css`
  :host {
    --_gap: var(--welfare-mutual-aid-gap, 0.75rem);
    --_card-bg: var(--welfare-mutual-aid-card-background, var(--_surface));
    --_card-border: var(--welfare-mutual-aid-card-border, 1px solid var(--_border));
    /* #00663d on white: 7.1:1. */
    --_offer: var(--welfare-mutual-aid-offer-color, #00663d);
    --_request: var(--welfare-mutual-aid-request-color, var(--_primary));
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    margin: 0 0 var(--_gap);
    padding: 0;
    border: 0;
  }
  .filters label {
    display: grid;
    gap: 0.25rem;
    flex: 1 1 11rem;
    font-weight: 600;
  }
  select {
    font: inherit;
    min-height: 2.75rem;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-weight: 400;
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
    border-inline-start: 4px solid var(--_request);
    border-radius: var(--_radius);
  }
  .offro article {
    border-inline-start-color: var(--_offer);
  }
  .title {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.5rem;
    align-items: baseline;
    margin: 0 0 0.5rem;
    font-size: 1.125rem;
    font-weight: 600;
    line-height: 1.3;
  }
  .kind {
    padding: 0 0.4rem;
    border-radius: var(--_radius);
    font-size: 0.875rem;
    text-transform: uppercase;
    letter-spacing: 0.03em;
    color: var(--_on-primary);
    background: var(--_request);
  }
  .offro .kind {
    background: var(--_offer);
  }
  p {
    margin: 0 0 0.5rem;
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.5rem;
    margin: 0 0 0.5rem;
  }
  .facts div {
    display: flex;
    gap: 0.35rem;
  }
  dt {
    font-weight: 600;
  }
  dt::after {
    content: ':';
  }
  dd {
    margin: 0;
  }
  .published {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .footer {
    margin-top: var(--_gap);
  }
  /* A link people follow on a phone: a 44 px target. */
  .answer {
    margin: 0.25rem 0 0;
  }
  .answer a {
    display: inline-flex;
    align-items: center;
    min-height: 2.75rem;
    color: var(--_primary);
    font-weight: 600;
  }
  .button {
    display: inline-block;
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_primary);
    font-weight: 600;
    text-decoration: none;
  }
  .button:hover {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .empty {
    padding: var(--_space);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .empty p:last-child {
    margin: 0;
  }
`;
