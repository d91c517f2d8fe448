/**
 * The database the hub's tests run on: the embedded PGlite in memory, or, when
 * DATABASE_URL is set (CI starts a PostgreSQL), that server, in a schema of its own for
 * this test file so that files running side by side never see each other's rows.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb, readMigrations } from '../../dist/index.js';

export const onServer = Boolean(process.env.DATABASE_URL);

/**
 * A new PGlite database costs 5–10 s of CPU (initdb in WebAssembly, then the migrations);
 * a copy of one already migrated (PGlite's dumpDataDir/loadDataDir) about 1.5 s. The copy
 * is made once per machine and kept in the temporary folder under a name that changes
 * with the migrations and the PGlite version, so a new migration makes a new one; test
 * files (separate processes) that start together may each make it, and the last rename wins.
 */
async function migratedTemplate() {
  const entry = fileURLToPath(import.meta.resolve('@electric-sql/pglite'));
  const pglite = readFileSync(join(entry.slice(0, entry.lastIndexOf('/dist/')), 'package.json'), 'utf8');
  const key = createHash('sha256').update(pglite);
  for (const m of readMigrations()) key.update(m.name).update(m.sql);
  const file = join(tmpdir(), `welfare-hub-test-db-${key.digest('hex').slice(0, 16)}.tar`);
  if (!existsSync(file)) {
    const db = await openDb({});
    const tar = Buffer.from(await (await db.snapshot()).arrayBuffer());
    await db.close();
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, tar);
    renameSync(temp, file);
  }
  return new Blob([readFileSync(file)]);
}

/**
 * A fresh, migrated database. `close()` also drops the test schema on the server.
 * On PGlite it is a copy of the migrated template unless `{ template: false }` or
 * `{ migrate: false }` (the migration tests start from nothing).
 */
export async function testDb({ template = true, ...options } = {}) {
  const schema = onServer ? `hub_test_${randomBytes(6).toString('hex')}` : undefined;
  const copy = !onServer && template && options.migrate !== false ? { template: await migratedTemplate() } : {};
  const db = await openDb({ databaseUrl: process.env.DATABASE_URL || undefined, schema, ...copy, ...options });
  const close = db.close;
  db.close = async () => {
    if (schema) await db.query(`DROP SCHEMA ${schema} CASCADE`);
    await close();
  };
  db.schema = schema;
  return db;
}

/** Empties every table but `migrations` (between tests sharing one database). */
export async function emptyDb(db) {
  const { rows } = await db.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'migrations'`,
  );
  if (rows.length) await db.query(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
}
