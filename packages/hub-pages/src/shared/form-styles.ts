import { css } from 'lit';

/**
 * Form styles shared by the hub's pages: large targets (44 px), labels above fields,
 * messages under them, a visible focus ring. Colours are the library tokens, so the
 * pages look like the citizens' elements (Bootstrap Italia blue by default).
 */
export const formStyles = css`
  :host {
    --_primary: var(--welfare-color-primary, #0066cc);
    --_on-primary: var(--welfare-color-on-primary, #ffffff);
    --_text: var(--welfare-color-text, #1a1a1a);
    --_muted: var(--welfare-color-muted, #5c6f82);
    --_surface: var(--welfare-color-surface, #ffffff);
    --_surface-alt: var(--welfare-color-surface-alt, #f5f7fa);
    --_border: var(--welfare-color-border, #8a8d90);
    --_danger: var(--welfare-color-danger, #a0001b);
    --_hint: var(--welfare-color-hint, #7a4a00);
    --_success: var(--welfare-color-success, #00663a);
    --_focus: var(--welfare-color-focus, #b34700);
    --_radius: var(--welfare-radius, 4px);
    display: block;
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--welfare-font-family, inherit);
    line-height: 1.5;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [hidden] {
    display: none !important;
  }
  h2,
  h3,
  h4 {
    line-height: 1.25;
    margin: 0 0 0.5rem;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0 0 1rem;
    padding: 0.75rem 1rem 1rem;
    min-width: 0;
  }
  legend {
    font-weight: 700;
    padding: 0 0.25rem;
  }
  /* A phone: nested boxes keep their borders but not their width-eating padding. */
  @media (max-width: 40rem) {
    fieldset {
      padding: 0.5rem 0.625rem 0.75rem;
    }
    fieldset fieldset {
      padding-inline: 0.5rem;
      margin-inline: -0.25rem;
    }
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    margin-block-end: 1rem;
  }
  label,
  .label {
    font-weight: 600;
  }
  .help {
    color: var(--_muted);
    font-size: 0.9375rem;
  }
  input:not([type='checkbox']):not([type='radio']),
  select,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem 0.625rem;
    min-height: 2.75rem;
    width: 100%;
    max-width: 40rem;
  }
  textarea {
    min-height: 8rem;
    resize: vertical;
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    flex: none;
    accent-color: var(--_primary);
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2.75rem;
    font-weight: 400;
    cursor: pointer;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger) !important;
    border-width: 2px !important;
  }
  .message {
    margin: 0;
    font-size: 0.9375rem;
  }
  .message.error {
    color: var(--_danger);
    font-weight: 600;
  }
  .message.hint {
    color: var(--_hint);
  }
  .message.error::before {
    content: '⚠ ';
  }
  button,
  .button {
    font: inherit;
    font-weight: 600;
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    border-radius: var(--_radius);
    border: 2px solid var(--_primary);
    background: var(--_surface);
    color: var(--_primary);
    cursor: pointer;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.375rem;
  }
  button.primary,
  .button.primary {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  button.danger {
    border-color: var(--_danger);
    color: var(--_danger);
  }
  button.link {
    border: none;
    background: none;
    padding: 0.25rem;
    text-decoration: underline;
    min-height: 2.75rem;
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .notice {
    border-inline-start: 4px solid var(--_primary);
    background: var(--_surface-alt);
    padding: 0.75rem 1rem;
    margin: 0 0 1rem;
  }
  .notice.error {
    border-color: var(--_danger);
  }
  .notice.success {
    border-color: var(--_success);
  }
  .notice > :first-child {
    margin-top: 0;
  }
  .notice > :last-child {
    margin-bottom: 0;
  }
`;
