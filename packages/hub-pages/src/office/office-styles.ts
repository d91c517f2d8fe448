import { css } from 'lit';

export const officeStyles = css`
  table {
    border-collapse: collapse;
    width: 100%;
    background: var(--_surface);
    margin-block-end: 1rem;
  }
  th,
  td {
    text-align: start;
    padding: 0.375rem 0.5rem;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
    overflow-wrap: anywhere;
  }
  .table-wrap {
    overflow-x: auto;
  }
  .card {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
    margin-block-end: 1rem;
  }
  .card h3 {
    margin: 0 0 0.25rem;
  }
  .meta {
    color: var(--_muted);
    margin: 0 0 0.5rem;
  }
  .link-box {
    font-family: ui-monospace, monospace;
    overflow-wrap: anywhere;
  }
  ul.people {
    padding-inline-start: 1.25rem;
  }
  ul.people li {
    margin-block-end: 0.5rem;
  }
`;

/** Copies text; false when the browser refuses (the text stays selectable on the page). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
