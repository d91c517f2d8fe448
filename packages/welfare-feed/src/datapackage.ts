/**
 * HSDS 3.0 as Open Referral publishes it in tabular form: a Frictionless data package, a
 * `datapackage.json` listing one CSV file per table (services.csv, locations.csv ...).
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Papa from 'papaparse';
import type { RowPath } from './hsds-tables.js';
import { decodeText } from './text.js';
import { isObject, str, type Json } from './types.js';

export interface DataPackage {
  /** Table name → rows, each a record of column → cell text. */
  tables: Record<string, Json[]>;
  /** "services.csv:5": the file and row the spreadsheet shows, for messages. */
  rowPath: RowPath;
}

/** True for a datapackage.json, or a folder holding one. */
export function isDataPackage(path: string): boolean {
  try {
    if (statSync(path).isDirectory()) return statSync(join(path, 'datapackage.json')).isFile();
  } catch {
    return false;
  }
  return basename(path).toLowerCase() === 'datapackage.json';
}

/** Why a data package cannot be read; the CLI turns it into a message (from `cause`, Node's error, when there is one). */
export class DataPackageError extends Error {
  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Reads the package and each CSV resource (any encoding, header row first). Resources
 * are named by `name`, or by their file name without `.csv`.
 */
export function readDataPackage(path: string): DataPackage {
  const descriptor = statSync(path).isDirectory() ? join(path, 'datapackage.json') : path;
  const folder = dirname(descriptor);
  let pkg: unknown;
  try {
    pkg = JSON.parse(decodeText(readFileSync(descriptor)).text);
  } catch (e) {
    throw new DataPackageError(descriptor, e instanceof Error ? e.message : String(e), { cause: e });
  }
  const resources = isObject(pkg) && Array.isArray(pkg['resources']) ? pkg['resources'] : undefined;
  if (!resources) throw new DataPackageError(descriptor, '"resources" is missing');
  const tables: Record<string, Json[]> = {};
  const files = new Map<string, string>();
  for (const resource of resources) {
    if (!isObject(resource)) continue;
    const file = Array.isArray(resource['path']) ? str(resource['path'][0]) : str(resource['path']);
    if (!file || !/\.csv$/i.test(file)) continue;
    const name = str(resource['name']) ?? basename(file).replace(/\.csv$/i, '');
    let text: string;
    try {
      text = decodeText(readFileSync(join(folder, file))).text;
    } catch (e) {
      throw new DataPackageError(join(folder, file), e instanceof Error ? e.message : String(e), { cause: e });
    }
    const parsed = Papa.parse<Json>(text, { header: true, skipEmptyLines: 'greedy' });
    tables[name] = parsed.data;
    files.set(name, file);
  }
  // Row i of a table is spreadsheet row i + 2: the header is row 1.
  return { tables, rowPath: (table, i) => `${files.get(table) ?? table}:${i + 2}` };
}
