import Papa from 'papaparse';
import { parseDate } from './dates.js';
import { unescapeCell } from './formula.js';
import { parseCoordinate, inRange, RANGE, type Axis } from './geo.js';
import { normalize } from './ids.js';
import type { Reporter, Where } from './issues.js';
import { compact, type FeedLocation, type FeedService } from './types.js';

/** The columns of the spreadsheet template (examples/templates/servizi-modello.csv). */
export const COLUMNS = [
  'id', 'nome', 'descrizione', 'organizzazione', 'categorie', 'destinatari', 'parole_chiave',
  'sede', 'indirizzo', 'comune', 'lat', 'lon', 'orari', 'telefono', 'email', 'sito',
  'valido_dal', 'valido_al',
] as const;
export type Column = (typeof COLUMNS)[number];

/** Other headers people write for the same column (compared after normalising). */
const ALIASES: Readonly<Record<string, Column>> = {
  'nome servizio': 'nome', servizio: 'nome', ente: 'organizzazione', organizzazione: 'organizzazione',
  categoria: 'categorie', 'parole chiave': 'parole_chiave', 'nome sede': 'sede', via: 'indirizzo',
  citta: 'comune', latitudine: 'lat', longitudine: 'lon', lng: 'lon', orario: 'orari',
  'orari di apertura': 'orari', tel: 'telefono', 'e mail': 'email', mail: 'email', 'sito web': 'sito',
  web: 'sito', url: 'sito', 'valido da': 'valido_dal', 'valido fino al': 'valido_al', scadenza: 'valido_al',
};

/** One service read from a spreadsheet row; organisation and categories are still as typed. */
export interface CsvEntry {
  line: number;
  service: FeedService;
}

export interface CsvResult {
  entries: CsvEntry[];
  /** Data rows read (not counting the header and empty rows). */
  rows: number;
  skipped: number;
}

/** Several values in one cell are separated by "|" or ",". */
export function splitList(cell: string | undefined): string[] {
  return (cell ?? '').split(/[|,]/).map((v) => v.trim()).filter(Boolean);
}

/** Edit distance (insert, delete, replace, swap two neighbours): "descrizone" → "descrizione" is 1. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The template column a header was probably meant to be: within 2 edits of a column or
 * of a variant (1 edit for short names, so "lat" and "lon" are not confused).
 */
export function closestColumn(header: string): Column | undefined {
  const key = normalize(header).replace(/ /g, '_');
  if (!key) return undefined;
  let best: { column: Column; distance: number } | undefined;
  const candidates: Array<[string, Column]> = [
    ...COLUMNS.map((c) => [c, c] as [string, Column]),
    ...Object.entries(ALIASES).map(([k, c]) => [k.replace(/ /g, '_'), c] as [string, Column]),
  ];
  for (const [name, column] of candidates) {
    const limit = Math.min(name.length, key.length) <= 4 ? 1 : 2;
    const distance = editDistance(key, name);
    if (distance <= limit && (!best || distance < best.distance)) best = { column, distance };
  }
  return best?.column;
}

function columnFor(header: string): Column | undefined {
  const key = normalize(header);
  const underscored = key.replace(/ /g, '_');
  if ((COLUMNS as readonly string[]).includes(underscored)) return underscored as Column;
  return ALIASES[key];
}

type Cells = Partial<Record<Column, string>>;

/**
 * Reads a services spreadsheet saved as CSV: UTF-8 with or without BOM, separated by
 * ";" (Excel in Italian), "," or tabs, with quoted cells that may span lines.
 */
export function readServicesCsv(text: string, file: string, r: Reporter): CsvResult {
  const body = text.replace(/^\uFEFF/, '');
  // `line` is the row number the spreadsheet shows: a cell spanning several lines is one row.
  const rows: Array<{ cells: string[]; line: number }> = [];
  let line = 0;
  const delimiter = guessDelimiter(body);
  Papa.parse<string[]>(body, {
    delimiter,
    skipEmptyLines: false,
    step: (result) => {
      line++;
      for (const e of result.errors) {
        if (e.code !== 'UndetectableDelimiter') r.error('csv_parse', { line, detail: e.message }, { file, line });
      }
      rows.push({ cells: result.data, line });
    },
  });
  const result: CsvResult = { entries: [], rows: 0, skipped: 0 };
  const header = rows.shift();
  if (!header) return result;
  const columns = header.cells.map((h) => {
    const column = columnFor(h);
    if (column || !h.trim()) return column;
    const close = closestColumn(h);
    // A near miss is a typo whose data would be lost: stop rather than drop it.
    if (close) r.error('csv_misspelt_column', { column: h.trim(), suggestion: close }, { file, line: header.line });
    else r.warn('csv_unknown_column', { column: h.trim(), known: COLUMNS.join(', ') }, { file, line: header.line });
    return undefined;
  });
  const width = lastFilled(header.cells);
  if (!columns.includes('nome')) {
    r.error('csv_no_name_column', {}, { file, line: header.line });
    return result;
  }
  const byId = new Map<string, CsvEntry>();
  for (const row of rows) {
    const cells: Cells = {};
    /** Columns whose cell was marked as text with a leading ' (an exported sheet): not a pasted formula. */
    const marked = new Set<Column>();
    columns.forEach((c, i) => {
      // An exported sheet (writeServicesCsv) marks formula-like cells with a leading ': read the value.
      const raw = row.cells[i]?.replace(/\r\n?/g, '\n').trim() ?? '';
      const v = unescapeCell(raw);
      if (c && v) cells[c] = v;
      if (c && v !== raw) marked.add(c);
    });
    const filled = lastFilled(row.cells);
    if (filled === 0) continue;
    result.rows++;
    const where = { file, line: row.line };
    if (filled > width) {
      // Usually a separator typed inside an unquoted cell: every later column has moved.
      const separator = delimiter === '\t' ? 'tab' : delimiter;
      r.error('csv_too_many_cells', { line: row.line, cells: filled, columns: width, separator }, where);
      result.skipped++;
      continue;
    }
    noteFormulas(cells, marked, where, r);
    const previous = cells.id ? byId.get(cells.id) : undefined;
    const location = readLocation(cells, where, r);
    if (previous && location) {
      (previous.service.locations ??= []).push(location);
      r.info('csv_extra_location', { line: row.line, id: cells.id }, where);
      continue;
    }
    if (!cells.nome) {
      r.error('csv_missing_name', { line: row.line }, where);
      result.skipped++;
      continue;
    }
    const entry = { line: row.line, service: readService(cells, location, where, r) };
    if (cells.id && !previous) byId.set(cells.id, entry);
    result.entries.push(entry);
  }
  return result;
}

/** The separator used most in the header line: ";" (Excel in Italian), "," or tab. */
export function guessDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/)).replace(/"[^"]*"/g, '');
  const counts = [';', ',', '\t'].map((d) => [d, header.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/** How many cells up to the last one that is not blank (Excel pads rows with empty cells). */
function lastFilled(cells: readonly string[]): number {
  let n = cells.length;
  while (n > 0 && !cells[n - 1]?.trim()) n--;
  return n;
}

/**
 * Cells that a spreadsheet would run as a formula ("=HYPERLINK(...)", "@SUM", "+A1"):
 * kept as text, with a note, since someone may have pasted a formula instead of its result.
 * Phone numbers ("+39 0371 ...") and signed numbers are not formulas.
 */
const FORMULA = /^(?:[=@]|[+-](?![\d\s.,]*$)(?!\d[\d\s./-]*$))/;

function noteFormulas(cells: Cells, marked: ReadonlySet<Column>, where: Where, r: Reporter): void {
  for (const [column, value] of Object.entries(cells) as Array<[Column, string]>) {
    if (!marked.has(column) && FORMULA.test(value)) r.info('csv_formula', { line: where.line, column, value: value.slice(0, 60) }, where);
  }
}

function readService(cells: Cells, location: FeedLocation | undefined, where: Where, r: Reporter): FeedService {
  const service: FeedService = {
    id: cells.id ?? '',
    name: cells.nome ?? '',
    description: cells.descrizione,
    organization: cells.organizzazione,
    categories: splitList(cells.categorie),
    audiences: splitList(cells.destinatari),
    keywords: splitList(cells.parole_chiave),
    locations: location ? [location] : [],
    hours: location ? undefined : cells.orari,
    phone: cells.telefono,
    email: cells.email,
    website: webAddress(cells.sito),
    validFrom: readDate(cells, 'valido_dal', where, r),
    validThrough: readDate(cells, 'valido_al', where, r),
  };
  return compact(service);
}

/** A location when the row says where: name of the place, address, comune or coordinates. */
function readLocation(cells: Cells, where: Where, r: Reporter): FeedLocation | undefined {
  if (!cells.sede && !cells.indirizzo && !cells.comune && !cells.lat && !cells.lon) return undefined;
  return compact({
    name: cells.sede,
    address: cells.indirizzo,
    comune: cells.comune,
    ...readCoordinates(cells, where, r),
    hours: cells.orari,
  });
}

function readCoordinates(cells: Cells, where: Where, r: Reporter): { lat?: number; lon?: number } {
  const lat = readAxis('lat', cells.lat, where, r);
  const lon = readAxis('lon', cells.lon, where, r);
  if (lat === null || lon === null) return {};
  if ((lat === undefined) !== (lon === undefined)) {
    r.warn('csv_coord_half', { line: where.line }, where);
    return {};
  }
  return lat === undefined || lon === undefined ? {} : { lat, lon };
}

/** undefined: empty cell; null: reported as wrong. */
function readAxis(axis: Axis, raw: string | undefined, where: Where, r: Reporter): number | undefined | null {
  const value = parseCoordinate(raw);
  if (value === undefined) return undefined;
  if (Number.isNaN(value)) {
    r.error('csv_coord_unreadable', { line: where.line, axis, value: raw }, where);
    return null;
  }
  if (!inRange(axis, value)) {
    const [min, max] = RANGE[axis];
    r.error('csv_coord_range', { line: where.line, axis, value: raw, min, max }, where);
    return null;
  }
  return value;
}

function readDate(cells: Cells, column: 'valido_dal' | 'valido_al', where: Where, r: Reporter): string | undefined {
  const value = parseDate(cells[column]);
  if (value === null) {
    r.error('csv_date_invalid', { line: where.line, column, value: cells[column] }, where);
    return undefined;
  }
  return value;
}

/** "www.example.it" → "https://www.example.it"; full addresses are kept. */
function webAddress(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  return /^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `https://${raw}`;
}
