import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeServicesCsv, type FeedService } from 'welfare-feed';
import type { Queryable } from '../db/db.js';
import { readStoredFeed } from '../publish/stored-feed.js';

/**
 * `welfare-hub export <folder>`: the feed citizens see now (`feed.json`, the last good
 * publication) and one spreadsheet per organisation (`organizzazioni/<id>.csv`, the CSV
 * template with every offer that is not archived, as the organisation last saved it), so an
 * organisation can take its data away or correct it in a spreadsheet and import it back.
 * Cells a spreadsheet would run as formulas (= + - @) are escaped by welfare-feed's writer.
 */
export interface ExportResult {
  /** Path of feed.json, or undefined when nothing was ever published. */
  feed?: string;
  /** One per organisation: path and number of services. */
  sheets: Array<{ organisationId: string; file: string; services: number }>;
}

export async function exportAll(db: Queryable, folder: string): Promise<ExportResult> {
  mkdirSync(join(folder, 'organizzazioni'), { recursive: true });
  const result: ExportResult = { sheets: [] };
  const current = await readStoredFeed(db);
  if (current) {
    result.feed = join(folder, 'feed.json');
    writeAtomically(result.feed, current.body);
  }
  const organisations = (await db.query<{ id: string }>('SELECT id FROM organisations ORDER BY id')).rows;
  const { rows } = await db.query<{ organisation_id: string; data: FeedService }>(
    `SELECT organisation_id, data FROM services WHERE state <> 'archived' ORDER BY organisation_id, id`,
  );
  const byOrganisation = new Map<string, FeedService[]>();
  for (const row of rows) {
    const list = byOrganisation.get(row.organisation_id) ?? [];
    list.push(typeof row.data === 'string' ? (JSON.parse(row.data) as FeedService) : row.data);
    byOrganisation.set(row.organisation_id, list);
  }
  const used = new Set<string>();
  for (const { id } of organisations) {
    const services = byOrganisation.get(id) ?? [];
    // Two ids that differ only in characters a file name cannot hold get a number each.
    let name = fileName(id);
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${fileName(id)}-${n}`;
    used.add(name.toLowerCase());
    const file = join(folder, 'organizzazioni', `${name}.csv`);
    writeAtomically(file, writeServicesCsv(services));
    result.sheets.push({ organisationId: id, file, services: services.length });
  }
  return result;
}

/** Organisation ids come from data: keep a file name that stays inside the folder on every system. */
export function fileName(id: string): string {
  const safe = id.normalize('NFKD').replace(/[^\w.-]+/g, '-').replace(/^[.-]+/, '').slice(0, 100);
  return safe || 'organizzazione';
}

/** Temporary file, then rename: a reader never sees half a file. */
export function writeAtomically(file: string, text: string | Buffer, mode?: number): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text, mode === undefined ? undefined : { mode });
  renameSync(temporary, file);
}
