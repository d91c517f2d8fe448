import { css } from 'lit';

export const categoriesStyles = css`
  :host {
    --_gap: var(--welfare-categories-gap, 0.75rem);
    --_tile-bg: var(--welfare-categories-tile-background, var(--_surface));
    --_tile-border: var(--welfare-categories-tile-border, 1px solid var(--_border));
    --_pressed-bg: var(--welfare-categories-pressed-background, var(--_primary));
    --_pressed-color: var(--welfare-categories-pressed-color, var(--_on-primary));
    --_icon-size: var(--welfare-categories-icon-size, 2.75rem);
    /* The board picks 1 to 4 columns by its own width, wherever the page puts it. */
    container-type: inline-size;
  }
  /* The fold: shown on a narrow element (fold="auto") or always (fold="always"). */
  .fold {
    display: none;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    width: 100%;
    min-height: 2.75rem;
    margin: 0;
    padding: 0.5rem 0.75rem;
    text-align: start;
    color: var(--_text);
    background: var(--_tile-bg);
    border: var(--_tile-border);
    border-inline-start: 4px solid var(--_primary);
    border-radius: var(--_radius);
  }
  .fold-label {
    font-weight: 600;
  }
  .chevron {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
    transition: transform 0.15s;
  }
  .fold[aria-expanded='true'] .chevron {
    transform: rotate(180deg);
  }
  :host([fold='always']) .fold {
    display: flex;
  }
  :host([fold='always']) .tiles:not(.unfolded) {
    display: none;
  }
  @container (max-width: 27.99rem) {
    :host([fold='auto']) .fold {
      display: flex;
    }
    :host([fold='auto']) .tiles:not(.unfolded) {
      display: none;
    }
  }
  .fold[aria-expanded='true'] {
    margin-bottom: var(--_gap);
  }
  .tiles {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  @container (min-width: 28rem) {
    .tiles {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }
  @container (min-width: 42rem) {
    .tiles {
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }
  }
  @container (min-width: 56rem) {
    .tiles {
      grid-template-columns: repeat(4, minmax(0, 1fr));
    }
  }
  .tiles li {
    display: flex;
    min-width: 0;
  }
  .tile {
    --_accent: var(--_category-color, var(--_primary));
    position: relative;
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    grid-template-areas: 'icon name' 'icon count';
    grid-template-rows: auto auto;
    align-content: center;
    align-items: center;
    column-gap: 0.75rem;
    width: 100%;
    min-height: 4.5rem;
    margin: 0;
    padding: 0.75rem;
    text-align: start;
    /* Long Italian words wrap between syllables, not at any letter. */
    overflow-wrap: break-word;
    hyphens: auto;
    color: var(--_text);
    background: var(--_tile-bg);
    border: var(--_tile-border);
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
  }
  .tile:hover {
    background: var(--_surface-alt);
  }
  .tile[aria-pressed='true'] {
    color: var(--_pressed-color);
    background: var(--_pressed-bg);
    border-color: var(--_pressed-bg);
  }
  .badge {
    grid-area: icon;
    position: relative;
    display: grid;
    place-items: center;
    width: var(--_icon-size);
    height: var(--_icon-size);
    border-radius: 50%;
    color: var(--_accent);
    background: var(--_surface-alt);
    background: color-mix(in srgb, var(--_accent) 12%, var(--_surface));
  }
  .tile[aria-pressed='true'] .badge {
    color: var(--_pressed-bg);
    background: var(--_pressed-color);
  }
  .icon {
    width: 60%;
    height: 60%;
  }
  .name {
    grid-area: name;
    font-weight: 600;
    line-height: 1.25;
  }
  .count {
    grid-area: count;
    font-size: 0.875rem;
    color: var(--_muted);
    white-space: nowrap;
  }
  .tile[aria-pressed='true'] .count {
    color: inherit;
  }
  /* A chosen tile shows a tick on its badge, not only a colour (WCAG 1.4.1). */
  .check {
    position: absolute;
    inset-inline-end: -0.25rem;
    bottom: -0.25rem;
    width: 1.25rem;
    height: 1.25rem;
    padding: 0.125rem;
    border-radius: 50%;
    color: var(--_pressed-color);
    background: var(--_pressed-bg);
    outline: 2px solid var(--_pressed-color);
    display: none;
  }
  .tile[aria-pressed='true'] .check {
    display: block;
  }
  .all {
    --_accent: var(--_primary);
  }

  /* The compact layout for sidebars: a row of chips that wraps. */
  :host([layout='chips']) .tiles {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  :host([layout='chips']) .tile {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    width: auto;
    min-height: 2.75rem;
    padding: 0.25rem 0.75rem 0.25rem 0.375rem;
    border: var(--_tile-border);
    border-radius: 999px;
  }
  :host([layout='chips']) .tile[aria-pressed='true'] {
    border-color: var(--_pressed-bg);
  }
  :host([layout='chips']) .badge {
    --_icon-size: 2rem;
  }
  :host([layout='chips']) .check {
    width: 0.875rem;
    height: 0.875rem;
    padding: 0;
    inset-inline-end: -0.125rem;
    bottom: -0.125rem;
  }
  :host([layout='chips']) .name {
    font-weight: 600;
  }
  :host([layout='chips']) .count {
    font-size: 0.875rem;
  }
  /* In a chip the number says it all on screen; screen readers still hear "servizi". */
  :host([layout='chips']) .unit {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0, 0, 0, 0);
    white-space: nowrap;
  }
  :host([layout='chips']) .count::before {
    content: '(';
  }
  :host([layout='chips']) .count::after {
    content: ')';
  }
`;
