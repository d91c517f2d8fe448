import Papa from 'papaparse';
import { COLUMNS, type Column } from './csv.js';
import { escapeCell } from './formula.js';
import { textValue } from './ids.js';
import type { FeedLocation, FeedService } from './types.js';

export interface WriteCsvOptions {
  /** ";" by default, as Excel and LibreOffice in Italian save and open CSV. */
  delimiter?: ';' | ',';
}

/**
 * Writes services as the spreadsheet template (COLUMNS, same order), the inverse of
 * readServicesCsv: one row per service with its first place, one more row per further place
 * repeating only the id and the place's columns. UTF-8 with a BOM (so Excel reads the
 * accents), decimal commas and dd/mm/yyyy dates as in the template, lists joined by "|",
 * formula-like cells escaped. Texts in several languages keep the Italian one: the JSON
 * feed keeps everything, the sheet is for the organisation to read and edit.
 */
export function writeServicesCsv(services: readonly FeedService[], options: WriteCsvOptions = {}): string {
  const rows: string[][] = [];
  for (const service of services) {
    const places = service.locations?.length ? service.locations : [undefined];
    places.forEach((place, i) => {
      const cells = i === 0 ? serviceCells(service, place) : { id: service.id, ...placeCells(place, undefined) };
      rows.push(COLUMNS.map((c) => escapeCell(cells[c] ?? '')));
    });
  }
  // Cells are escaped above (Papa's own escapeFormulae misses multi-line cells).
  const body = Papa.unparse({ fields: [...COLUMNS], data: rows }, { delimiter: options.delimiter ?? ';', newline: '\r\n' });
  return `\uFEFF${body}\r\n`;
}

type Cells = Partial<Record<Column, string>>;

function serviceCells(s: FeedService, place: FeedLocation | undefined): Cells {
  return {
    id: s.id,
    nome: textValue(s.name),
    descrizione: textValue(s.description),
    organizzazione: s.organization,
    categorie: list(s.categories),
    destinatari: list(s.audiences),
    parole_chiave: list(s.keywords),
    ...placeCells(place, s.hours),
    telefono: s.phone,
    email: s.email,
    sito: s.website,
    valido_dal: italianDate(s.validFrom),
    valido_al: italianDate(s.validThrough),
  };
}

/** The place's columns; a service without places keeps its own hours in `orari`. */
function placeCells(place: FeedLocation | undefined, serviceHours: string | undefined): Cells {
  if (!place) return { orari: serviceHours };
  return {
    sede: place.name === undefined ? undefined : textValue(place.name),
    indirizzo: place.address,
    comune: place.comune,
    lat: decimalComma(place.lat),
    lon: decimalComma(place.lon),
    orari: place.hours ?? serviceHours,
  };
}

const list = (values: readonly string[] | undefined): string | undefined => values?.join('|');

const decimalComma = (n: number | undefined): string | undefined => (typeof n === 'number' && Number.isFinite(n) ? String(n).replace('.', ',') : undefined);

/** 2026-12-31 → 31/12/2026, as the template and an Italian spreadsheet write dates. */
function italianDate(iso: string | undefined): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
