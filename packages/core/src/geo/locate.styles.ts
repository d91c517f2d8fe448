import { css } from 'lit';

/**
 * Why "Vicino a me" failed (geo/locate.ts), drawn the same in the map and the access
 * points: a red bar and red text, so it reads as a problem and not as a passing note.
 */
export const locateStyles = css`
  .locate-problem {
    padding: 0.5rem 0.75rem;
    border-left: 4px solid var(--_danger);
    color: var(--_danger);
    background: var(--_surface);
  }
`;
