import type { Db } from './db.js';
import { migrate } from './migrate.js';

export interface OpenOptions {
  /** A PostgreSQL server; when missing, the embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite's data folder; undefined keeps the database in memory (tests). */
  dataDir?: string;
  /** PostgreSQL schema to work in (tests). */
  schema?: string;
  /** PGlite only: start from a copy of this snapshot (`db.snapshot()`) instead of an empty database. */
  template?: Blob;
  /**
   * PGlite only: run it in a worker thread (db/pglite-worker.ts), so that the database and the
   * hub's HTTP work use two cores. The server does; one-off commands and tests need not.
   */
  thread?: boolean;
  /**
   * PGlite only: checkpoint after this long without a statement, once something was written
   * (db/pglite.ts, idleCheckpoints). Default 30 s with a data folder, never in memory; 0: never.
   */
  checkpointIdleMs?: number;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
}

/** Opens the database the options point at and brings its schema up to date. */
export async function openDb(options: OpenOptions = {}): Promise<Db> {
  const db = options.databaseUrl
    ? await (await import('./pg.js')).openPg(options.databaseUrl, { schema: options.schema })
    : options.thread
      ? await (await import('./pglite-worker.js')).openPgliteThread(options.dataDir, { template: options.template, checkpointIdleMs: options.checkpointIdleMs })
      : await (await import('./pglite.js')).openPglite(options.dataDir, { template: options.template, checkpointIdleMs: options.checkpointIdleMs });
  if (options.migrate !== false) await migrate(db);
  return db;
}
