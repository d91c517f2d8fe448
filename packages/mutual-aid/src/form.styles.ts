import { css } from 'lit';

/** The posting form: labels above fields, 44 px targets, hints and problems under them. */
export const mutualAidFormStyles = css`
  form,
  .confirmation {
    max-width: 40rem;
  }
  .field {
    margin: 0 0 1rem;
  }
  label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0 0 1rem;
  }
  legend {
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  .choice,
  .consent {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
    font-weight: 400;
    min-height: 2.75rem;
  }
  input:not([type]),
  textarea,
  select {
    box-sizing: border-box;
    width: 100%;
    font: inherit;
    padding: 0.5rem;
    min-height: 2.75rem;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  input[type='radio'],
  input[type='checkbox'] {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.2rem 0 0;
    flex: none;
  }
  [aria-invalid='true']:not([type='radio']):not([type='checkbox']) {
    border: 2px solid var(--_danger);
  }
  .hint {
    display: block;
    color: var(--_muted);
    font-size: 0.9375rem;
    margin-bottom: 0.25rem;
  }
  .problem,
  .failure,
  [part~='error'] {
    display: block;
    color: var(--_danger);
    font-weight: 600;
  }
  button {
    min-height: 2.75rem;
    padding: 0.5rem 1.25rem;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
  }
  button.secondary {
    background: var(--_surface);
    color: var(--_primary);
  }
  button:disabled {
    opacity: 0.6;
  }
  .trap {
    position: absolute;
    left: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  .confirmation {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_primary);
    border-radius: var(--_radius);
  }
  .confirmation a {
    overflow-wrap: anywhere;
  }
  .answered blockquote {
    margin: 0 0 1rem;
    padding: 0.5rem 1rem;
    border-inline-start: 4px solid var(--_primary);
    background: var(--_surface-alt);
  }
`;
