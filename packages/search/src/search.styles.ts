import { css } from 'lit';

export const searchStyles = css`
  :host {
    --_input-border: var(--welfare-search-input-border, 2px solid var(--_muted));
    --_input-bg: var(--welfare-search-input-background, var(--_surface));
    --_popup-bg: var(--welfare-search-suggestions-background, var(--_surface));
    --_active-bg: var(--welfare-search-active-background, var(--_surface-alt));
    --_gap: var(--welfare-search-gap, 0.75rem);
  }
  form {
    display: grid;
    gap: var(--_gap);
    margin: 0;
  }
  label,
  .label {
    font-weight: 600;
  }
  .search {
    display: grid;
    gap: 0.25rem;
  }
  .field {
    position: relative;
    display: flex;
    gap: 0.5rem;
    align-items: stretch;
  }
  .box {
    position: relative;
    flex: 1 1 auto;
    min-width: 0;
  }
  input[type='search'] {
    width: 100%;
    min-height: 2.75rem;
    margin: 0;
    padding: 0.5rem 2.75rem 0.5rem 0.75rem;
    border: var(--_input-border);
    border-radius: var(--_radius);
    background: var(--_input-bg);
    color: inherit;
    font: inherit;
    appearance: none;
  }
  input[type='search']::-webkit-search-cancel-button,
  input[type='search']::-webkit-search-decoration {
    appearance: none;
  }
  input::placeholder {
    color: var(--_muted);
    opacity: 1;
  }
  input[type='search']:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
  }
  .clear {
    position: absolute;
    inset-block: 0;
    inset-inline-end: 0;
    width: 2.75rem;
    display: grid;
    place-items: center;
    padding: 0;
    border: 0;
    background: transparent;
    color: var(--_muted);
    border-radius: var(--_radius);
  }
  .clear svg {
    width: 1.25rem;
    height: 1.25rem;
  }
  .clear:hover {
    color: var(--_text);
  }
  .submit {
    flex: none;
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .submit:hover {
    filter: brightness(0.9);
  }
  [role='listbox'] {
    position: absolute;
    z-index: var(--welfare-search-z-index, 10);
    inset-inline: 0;
    top: calc(100% + 2px);
    margin: 0;
    padding: 0.25rem 0;
    list-style: none;
    max-height: min(24rem, 60vh);
    overflow-y: auto;
    background: var(--_popup-bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 0.5rem 1rem rgb(0 0 0 / 0.15);
  }
  [role='listbox'][hidden] {
    display: none;
  }
  [role='option'] {
    display: flex;
    gap: 0.5rem;
    justify-content: space-between;
    align-items: baseline;
    padding: 0.5rem 0.75rem;
    min-height: 2.75rem;
    cursor: pointer;
    border-inline-start: 4px solid transparent;
  }
  [role='option']:hover,
  [role='option'][aria-selected='true'] {
    background: var(--_active-bg);
  }
  [role='option'][aria-selected='true'] {
    border-inline-start-color: var(--_primary);
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  .kind {
    flex: 0 1 auto;
    min-width: 0;
    text-align: end;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .did-you-mean {
    margin: 0;
  }
  /* The shared .link (core styles), bolder beside "Forse cercavi:". */
  .link {
    font-weight: 600;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem var(--_gap);
    align-items: end;
  }
  .filter {
    display: grid;
    gap: 0.25rem;
    flex: 1 1 11rem;
    min-width: 0;
  }
  select {
    width: 100%;
    min-height: 2.75rem;
    padding: 0.25rem 0.5rem;
    border: var(--_input-border);
    border-radius: var(--_radius);
    background: var(--_input-bg);
    color: inherit;
    font: inherit;
  }
  .check {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    min-height: 2.75rem;
    font-weight: 600;
    cursor: pointer;
  }
  .check input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: var(--_primary);
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem var(--_gap);
    align-items: center;
    justify-content: space-between;
  }
  .count {
    margin: 0;
    font-weight: 600;
  }
  .reset {
    padding: 0.25rem 0.5rem;
    min-height: 2.75rem;
    border: 0;
    background: transparent;
    color: var(--_primary);
    text-decoration: underline;
  }
`;
