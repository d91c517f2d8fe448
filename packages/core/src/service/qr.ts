/**
 * The QR code of a link, generated in the browser with uqr (no request leaves the page).
 * Its own chunk: fetched only when a person prints or shares. Drawn as one SVG path
 * built from the module matrix, never from an SVG string (Trusted Types, CSP).
 */
import { encode } from 'uqr';

export interface QrPath {
  /** Modules per side, quiet zone included. */
  readonly size: number;
  /** One `M x y h1 v1 h-1 z` square per dark module. */
  readonly d: string;
}

export function qrPath(text: string): QrPath {
  // Level M survives a crease or a smudge on paper; the quiet zone is the standard four modules.
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  let d = '';
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return { size, d };
}
