import type { Db, Queryable } from '../db/db.js';
import { applyMigration, createMigrationsTable, readMigrations, RENUMBERED, type Migration } from '../db/migrate.js';

/**
 * Backup and restore of everything the hub keeps: organisations, users (with their password
 * hashes), invitations, every record and each of its saved versions, categories, territory,
 * settings, the audit log and the publications with the last good feed. Sessions are left
 * out on purpose: a restored hub asks everyone to log in again.
 *
 * The file is one JSON document, table by table, each row as PostgreSQL's own `to_jsonb`
 * writes it (timestamps with microseconds and time zone, jsonb as JSON), read back with
 * `jsonb_populate_recordset`: nothing passes through JavaScript types, so a restore gives
 * back the same values on PGlite and on a PostgreSQL server, and a backup taken on one can
 * be restored on the other. Tables are found in the catalogue, not listed here, so a table
 * added by a later migration is saved too.
 */
export const BACKUP_FORMAT = 'welfare-hub-backup';

/** Tables whose rows are not worth keeping (live logins, abuse counters and their key) or are the schema itself. */
const SKIPPED = new Set(['migrations', 'sessions', 'login_attempts', 'mutual_aid_attempts', 'mutual_aid_keys']);

export interface Backup {
  format: typeof BACKUP_FORMAT;
  /** The last migration applied when the backup was taken. */
  schemaVersion: number;
  createdAt: string;
  /** Table name → its rows, in an order where every row's references come before it. */
  tables: Record<string, unknown[]>;
}

/** Reads everything in one transaction, so the backup is one consistent moment. */
export async function backup(db: Db): Promise<Backup> {
  return db.transaction(async (tx) => {
    // REPEATABLE READ: every table seen at the same instant, even with the hub running.
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ').catch(() => undefined);
    const tables: Record<string, unknown[]> = {};
    for (const table of await tablesInOrder(tx)) {
      const { rows } = await tx.query<{ r: unknown }>(`SELECT to_jsonb(t.*) AS r FROM ${quote(table)} AS t ORDER BY 1`);
      tables[table] = rows.map((row) => parsed(row.r));
    }
    return { format: BACKUP_FORMAT, schemaVersion: await schemaVersion(tx), createdAt: new Date().toISOString(), tables };
  });
}

export class RestoreError extends Error {}

/**
 * Restores a backup into an empty, migrated database (a hub's new data folder or a new
 * PostgreSQL database), all in one transaction: either everything is back or nothing is.
 * Refuses a database that already holds data, and a backup from a newer hub.
 *
 * A backup from an older schema is upgraded as the hub upgrades its own data: the empty
 * tables are rebuilt as they were at the backup's schema version, the rows go in, then the
 * later migrations run over them (migration 002, for one, turns the `audiences` setting
 * into the audiences table; restoring such a backup straight into the new tables lost them).
 */
export async function restore(db: Db, data: unknown, migrations: Migration[] = readMigrations()): Promise<Record<string, number>> {
  const b = checkBackup(data);
  return db.transaction(async (tx) => {
    const current = await schemaVersion(tx);
    if (b.schemaVersion > current) {
      throw new RestoreError(`Il backup viene da una versione più recente del hub (schema ${b.schemaVersion}, questo è ${current}): aggiornare prima il hub.`);
    }
    for (const table of await tablesInOrder(tx)) {
      const { rows } = await tx.query(`SELECT 1 FROM ${quote(table)} LIMIT 1`);
      if (rows.length) throw new RestoreError(`Il database non è vuoto (tabella ${table}): il ripristino va fatto in un database nuovo.`);
    }
    const later = migrations.filter((m) => m.version > b.schemaVersion);
    if (later.length) await schemaAt(tx, migrations.filter((m) => m.version <= b.schemaVersion));
    const order = await tablesInOrder(tx);
    const unknown = Object.keys(b.tables).filter((t) => !order.includes(t));
    if (unknown.length) throw new RestoreError(`Il backup contiene tabelle che questo hub non conosce: ${unknown.join(', ')}.`);
    const counts: Record<string, number> = {};
    for (const table of order) {
      const rows = b.tables[table] ?? [];
      counts[table] = rows.length;
      if (!rows.length) continue;
      await insertRows(tx, table, rows);
    }
    for (const m of later) await applyMigration(tx, m);
    return counts;
  });
}

/**
 * The (empty) database's tables dropped and made again by the migrations up to the
 * backup's: the shape the backup's rows were taken from. Inside the restore's transaction,
 * so a failure leaves the empty, fully migrated database as it was.
 */
async function schemaAt(tx: Queryable, migrations: Migration[]): Promise<void> {
  const { rows } = await tx.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`);
  for (const { name } of rows) await tx.query(`DROP TABLE IF EXISTS ${quote(name)} CASCADE`);
  await createMigrationsTable(tx);
  for (const m of migrations) await applyMigration(tx, m);
}

/** The rows go in as one JSON parameter; only the columns the backup has (older backups lack newer ones, which keep their defaults). */
async function insertRows(tx: Queryable, table: string, rows: unknown[]): Promise<void> {
  const columns = await columnsOf(tx, table);
  const present = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row as object)) present.add(key);
  const wanted = columns.filter((c) => present.has(c.name));
  const list = wanted.map((c) => quote(c.name)).join(', ');
  const overriding = wanted.some((c) => c.identity) ? ' OVERRIDING SYSTEM VALUE' : '';
  // In slices: one statement per few thousand rows keeps each parameter a reasonable size.
  for (let i = 0; i < rows.length; i += 2000) {
    const slice = JSON.stringify(rows.slice(i, i + 2000));
    await tx.query(`INSERT INTO ${quote(table)} (${list})${overriding} SELECT ${list} FROM jsonb_populate_recordset(NULL::${quote(table)}, $1::jsonb)`, [slice]);
  }
  // Identity columns continue after the highest restored value.
  for (const c of wanted.filter((col) => col.identity)) {
    await tx.query(`SELECT setval(pg_get_serial_sequence($1, $2), (SELECT coalesce(max(${quote(c.name)}), 0) + 1 FROM ${quote(table)}), false)`, [table, c.name]);
  }
}

function checkBackup(data: unknown): Backup {
  const b = data as Partial<Backup> | null;
  if (!b || typeof b !== 'object' || b.format !== BACKUP_FORMAT || typeof b.tables !== 'object' || b.tables === null) {
    throw new RestoreError('Il file non è un backup del hub (manca "format": "welfare-hub-backup").');
  }
  if (!Number.isInteger(b.schemaVersion)) throw new RestoreError('Il backup non dice la versione dello schema.');
  for (const [table, rows] of Object.entries(b.tables)) {
    if (!Array.isArray(rows) || rows.some((r) => typeof r !== 'object' || r === null || Array.isArray(r))) {
      throw new RestoreError(`Tabella ${table}: le righe devono essere oggetti.`);
    }
  }
  // A backup taken while four migrations had their issue's number reads as the new numbers.
  return { ...(b as Backup), schemaVersion: RENUMBERED.get(b.schemaVersion!) ?? b.schemaVersion! };
}

/** PGlite hands jsonb back parsed, pg too; a driver that gives text is read as JSON. */
const parsed = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

async function schemaVersion(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ v: number | null }>('SELECT max(version) AS v FROM migrations');
  return Number(rows[0]?.v ?? 0);
}

interface Column {
  name: string;
  identity: boolean;
}

async function columnsOf(q: Queryable, table: string): Promise<Column[]> {
  const { rows } = await q.query<{ name: string; identity: string }>(
    `SELECT column_name AS name, is_identity AS identity FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((r) => ({ name: r.name, identity: r.identity === 'YES' }));
}

/**
 * The hub's tables (but the skipped ones), each after the tables it references, so rows
 * can be inserted in this order and foreign keys hold at every step.
 */
export async function tablesInOrder(q: Queryable): Promise<string[]> {
  const tables = (
    await q.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`)
  ).rows
    .map((r) => r.name)
    .filter((t) => !SKIPPED.has(t));
  const { rows: links } = await q.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent
     FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid
     JOIN pg_class p ON p.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.contype = 'f' AND n.nspname = current_schema()`,
  );
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of links) if (child !== parent) parents.get(child)?.add(parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const next = tables.find((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p) || !parents.has(p)));
    if (!next) throw new Error('Riferimenti circolari fra le tabelle: il backup non sa in che ordine ripristinarle.');
    ordered.push(next);
    placed.add(next);
  }
  return ordered;
}
