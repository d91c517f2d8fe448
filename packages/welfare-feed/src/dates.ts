/**
 * Reads a date as people type it in a spreadsheet: 31/12/2026, 31-12-2026, 31.12.26 or
 * 2026-12-31. Returns YYYY-MM-DD, undefined for an empty cell, or null when unreadable.
 */
export function parseDate(raw: string | undefined): string | undefined | null {
  const text = (raw ?? '').trim();
  if (!text) return undefined;
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const it = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (it) [d, m, y] = [Number(it[1]), Number(it[2]), Number(it[3])];
  else return null;
  if (y < 100) y += 2000;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}
