/**
 * The database the hub's tests run on: the embedded PGlite in memory, or, when
 * DATABASE_URL is set (CI starts a PostgreSQL), that server, in a schema of its own for
 * this test file so that files running side by side never see each other's rows.
 */
import { randomBytes } from 'node:crypto';
import { openDb } from '../../dist/index.js';

export const onServer = Boolean(process.env.DATABASE_URL);

/** A fresh, migrated database. `close()` also drops the test schema on the server. */
export async function testDb(options = {}) {
  const schema = onServer ? `hub_test_${randomBytes(6).toString('hex')}` : undefined;
  const db = await openDb({ databaseUrl: process.env.DATABASE_URL || undefined, schema, ...options });
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
