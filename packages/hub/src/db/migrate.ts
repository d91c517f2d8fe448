import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db, Queryable } from './db.js';

/** The folder of versioned SQL files, shipped beside dist/ in the package. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * On 2 December 2026 four migrations were numbered after their issue (019, 191, 192, 193,
 * 1919) instead of one after another; they are 003 to 007 now. A database or a backup made
 * in between recorded the old numbers: `migrate` and `restore` read them as the new ones.
 * The next migration is 008: one more than the last file, always (a test checks it).
 */
export const RENUMBERED: ReadonlyMap<number, number> = new Map([
  [19, 3],
  [191, 4],
  [192, 5],
  [193, 6],
  [1919, 7],
]);

/** `001_initial.sql` → version 1. Files are applied in version order, each exactly once. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d+_[\w-]+\.sql$/.test(f))
    .map((f) => ({ version: Number(f.split('_')[0]), name: f, sql: readFileSync(`${dir}/${f}`, 'utf8') }))
    .sort((a, b) => a.version - b.version);
}

/**
 * Applies the migrations not yet recorded in `migrations`, each in its own transaction
 * with its record, so a crash leaves either the whole step or none of it. Never edits an
 * applied file: an upgrade adds a new one, which is how data survive upgrades.
 */
export async function migrate(db: Db, migrations = readMigrations()): Promise<number[]> {
  await createMigrationsTable(db);
  let recorded = (await db.query<{ version: number }>('SELECT version FROM migrations')).rows.map((r) => r.version);
  if (recorded.some((v) => RENUMBERED.has(v))) {
    await db.transaction(async (tx) => {
      for (const [old, now] of RENUMBERED) {
        await tx.query('UPDATE migrations SET version = $2 WHERE version = $1 AND NOT EXISTS (SELECT 1 FROM migrations WHERE version = $2)', [old, now]);
      }
    });
    recorded = recorded.map((v) => RENUMBERED.get(v) ?? v);
  }
  const done = new Set(recorded);
  const applied: number[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    await db.transaction((tx) => applyMigration(tx, m));
    applied.push(m.version);
  }
  return applied;
}

export async function createMigrationsTable(q: Queryable): Promise<void> {
  await q.query(`CREATE TABLE IF NOT EXISTS migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
}

/** One migration and its record, on `q` (the caller's transaction). */
export async function applyMigration(q: Queryable, m: Migration): Promise<void> {
  // Statements one by one: the pg driver refuses several in one parameterised query.
  for (const statement of splitStatements(m.sql)) await q.query(statement);
  await q.query('INSERT INTO migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
}

/** Splits a migration on `;` at line ends; migrations keep to that form (no functions). */
export function splitStatements(sql: string): string[] {
  return sql
    .replace(/--[^\n]*/g, '')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}
