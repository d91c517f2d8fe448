import { css } from 'lit';

/**
 * Library tokens (first tier). Defaults look right on a Bootstrap Italia page; element
 * properties (second tier) default to these. The host resets inherited text styles a
 * CMS theme may set (text-align, letter-spacing, uppercase headings) but keeps its font.
 */
export const hostStyles = css`
  :host {
    --_primary: var(--welfare-color-primary, #0066cc);
    --_on-primary: var(--welfare-color-on-primary, #ffffff);
    --_text: var(--welfare-color-text, #1a1a1a);
    --_muted: var(--welfare-color-muted, #5c6f82);
    --_surface: var(--welfare-color-surface, #ffffff);
    --_surface-alt: var(--welfare-color-surface-alt, #f5f7fa);
    --_border: var(--welfare-color-border, #c5c7c9);
    --_danger: var(--welfare-color-danger, #a0001b);
    --_focus: var(--welfare-color-focus, #b34700);
    --_radius: var(--welfare-radius, 4px);
    --_space: var(--welfare-space, 1rem);
    display: block;
    box-sizing: border-box;
    /* Space of its own below each element, so on a page with no CSS framework a count
       does not run into the next element's tiles (issue 11). A page rule on the tag, or
       --welfare-space-after (0 to remove it), changes it. */
    margin-block-end: var(--welfare-space-after, 1.5rem);
    color: var(--_text);
    font-family: var(--welfare-font-family, inherit);
    font-size: var(--welfare-font-size, 1rem);
    line-height: 1.5;
  }
  /* Inherited text styles of a CMS theme reach the host (page rules beat :host), so
     the reset sits on the shadow tree's top nodes, which page rules cannot match. */
  :host > * {
    text-align: start;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-indent: 0;
    font-style: normal;
    white-space: normal;
    word-break: normal;
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  a {
    color: var(--_primary);
  }
  /* A button that reads as a link: "Forse cercavi", a closest topic (list and search). */
  .link {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_primary);
    text-decoration: underline;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0, 0, 0, 0);
    white-space: nowrap;
    border: 0;
  }
  .state {
    margin: 0;
    /* One line, with or without text: the group's quiet placeholders keep the same place. */
    min-height: calc(1.5em + 2 * var(--_space));
    padding: var(--_space);
    color: var(--_muted);
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }
  /* While the feed loads, each element keeps about the place it will take, so the page
     does not jump when the feed arrives (issue 11); --welfare-loading-height overrides.
     The same heights are in welfare-elements.css, for the moment before the script runs. */
  .state.loading {
    align-items: flex-start;
    min-height: var(--welfare-loading-height, var(--_loading-height, auto));
  }
  :host(welfare-list) {
    --_loading-height: 24rem;
  }
  :host(welfare-access-points) {
    --_loading-height: 16rem;
  }
  :host(welfare-notices),
  :host(welfare-mutual-aid) {
    --_loading-height: 12rem;
  }
  :host(welfare-categories) {
    --_loading-height: 15rem;
  }
  :host(welfare-categories[layout='chips']) {
    --_loading-height: 6rem;
  }
  .spinner {
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: welfare-spin 0.8s linear infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
  @keyframes welfare-spin {
    to {
      transform: rotate(1turn);
    }
  }
  /* Print (issue 11): paper gets the services as a plain list: name, organisation,
     address, hours, phone, email, website. Controls cannot be used on paper, so the search
     box, the category board and the map are left out (!important: it must beat a page's
     display rule on the host), and so are buttons, form fields, links that only make sense
     on screen, the category chips (the filter) and the descriptions (ten services fit on
     two A4 pages); web addresses are printed in full. */
  @media print {
    :host(welfare-search),
    :host(welfare-categories),
    :host(welfare-map) {
      display: none !important;
    }
    button:not([part~='name']),
    input,
    select,
    label,
    .spinner,
    [part~='directions'],
    [part~='hours-week'],
    .host {
      display: none !important;
    }
    /* Not !important, so a page can print them again with ::part(). */
    :host [part~='categories'],
    :host [part~='description'] {
      display: none;
    }
    a {
      color: inherit !important;
      text-decoration: none !important;
    }
    a[href^='http']::after {
      content: ' ' attr(href);
    }
    /* "Aperto ora" is true only when it is printed: paper keeps the hours themselves. */
    .hours-state:not(.closure) {
      display: none !important;
    }
    .hours p {
      display: inline;
    }
  }
  .error {
    padding: var(--_space);
    border: 1px solid var(--_danger);
    border-left-width: 4px;
    border-radius: var(--_radius);
    color: var(--_danger);
    background: var(--_surface);
  }
  .error p {
    margin: 0 0 0.5rem;
  }
  .button,
  .error button {
    padding: 0.5rem 1rem;
    min-height: 2.75rem;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_primary);
    font-weight: 600;
  }
  .button:hover,
  .error button:hover {
    background: var(--_primary);
    color: var(--_on-primary);
  }
`;
