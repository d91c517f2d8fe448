/** Spreadsheet formulas in CSV cells ("CSV injection"): what to escape on export, and undo on import. */

/**
 * A cell a spreadsheet would run as a formula: it begins with = + - @ (or a tab or carriage
 * return, which some spreadsheets skip before looking). Multi-line cells included: the
 * whole cell is one formula to Excel. OWASP "CSV injection".
 */
export const FORMULA_LIKE = /^[=+\-@\t\r]/;

/**
 * Makes a cell safe to open in a spreadsheet: a formula-like cell gets a leading `'`, which
 * spreadsheets read as "this is text". readServicesCsv takes it off again, so an exported
 * sheet imported back gives the same values ("+39 0371 000000" stays a phone number).
 */
export function escapeCell(value: string): string {
  return FORMULA_LIKE.test(value) ? `'${value}` : value;
}

/** The inverse of escapeCell, for cells read back: `'=1+1` → `=1+1`; other cells unchanged. */
export function unescapeCell(value: string): string {
  return value.startsWith("'") && FORMULA_LIKE.test(value.slice(1)) ? value.slice(1) : value;
}
