import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable, QueryResult } from './db.js';
import { lockFolder } from './lock.js';
import { namedStatements } from './pglite-named.js';

type PgliteLike = Pick<PGlite, 'query'>;

function wrap(target: PgliteLike): Queryable {
  return {
    async query<Row>(sql: string, params: unknown[] = []): Promise<QueryResult<Row>> {
      const result = await target.query<Row>(sql, params);
      return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
    },
  };
}

/** How long a data folder's PGlite waits without a statement, after a write, before its checkpoint. */
export const CHECKPOINT_IDLE_MS = 30_000;

export interface PgliteOptions {
  /** A snapshot to start from (`db.snapshot()`) instead of an empty database. */
  template?: Blob;
  /**
   * Checkpoint after this long without a statement, once something was written since the
   * last one (idleCheckpoints below). Default: CHECKPOINT_IDLE_MS with a data folder, never
   * in memory; 0 turns it off.
   */
  checkpointIdleMs?: number;
}

/**
 * PGlite runs PostgreSQL in single-user mode: no checkpointer process, so nothing
 * checkpoints by itself, and with max_wal_size at 1 GB the WAL grew until PostgreSQL had to
 * write a huge checkpoint in the middle of some request's statement, stalling the hub (and
 * a restart replayed all that WAL). So once the hub has been `idleMs` without a statement,
 * and the WAL moved since the last checkpoint, it runs CHECKPOINT: small, often, and when
 * nobody waits. It goes through PGlite's queue like any statement, so it never runs inside
 * a transaction nor beside another statement; a request arriving meanwhile waits for it.
 * Its own statements do not count as activity. A timer that never keeps the process alive.
 */
function idleCheckpoints(pglite: PGlite, idleMs: number) {
  const lsn = async () => (await pglite.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn')).rows[0]!.lsn;
  let last = 0;
  /** Statements and transactions under way (a long one is not quiet time). */
  let busy = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;
  /** Where the WAL stood after the last checkpoint (the checkpoint's own record included). */
  let done: string | undefined;
  const ready = lsn().then((at) => (done ??= at));

  const arm = (ms: number) => {
    if (timer || closed) return;
    timer = setTimeout(fire, ms);
    timer.unref();
  };
  function fire() {
    timer = undefined;
    const quiet = Date.now() - last;
    if (busy > 0) return arm(idleMs);
    if (quiet < idleMs) return arm(idleMs - quiet);
    running = (async () => {
      await ready;
      if ((await lsn()) === done) return; // nothing written since
      await pglite.exec('CHECKPOINT');
      done = await lsn();
    })()
      .catch((error: unknown) => console.error(`PGlite: checkpoint failed: ${(error as Error).message}`))
      .finally(() => (running = undefined));
  }

  return {
    ready,
    /** Runs a statement or a transaction of the hub's: the quiet time starts again after it. */
    async around<T>(work: () => Promise<T>): Promise<T> {
      busy++;
      last = Date.now();
      try {
        return await work();
      } finally {
        busy--;
        last = Date.now();
        arm(idleMs);
      }
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/**
 * The embedded PostgreSQL (WebAssembly): `dataDir` is a folder that keeps the data, or
 * undefined for a database in memory (tests). PGlite runs one statement at a time and
 * queues the others, and a transaction holds the queue until it ends, so nothing outside
 * it can see it half done. With a data folder it checkpoints when idle (idleCheckpoints).
 */
export async function openPglite(dataDir?: string, options: PgliteOptions = {}): Promise<Db> {
  // One process at a time in a data folder (db/lock.ts).
  const unlock = dataDir ? lockFolder(dataDir) : () => undefined;
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir, options.template ? { loadDataDir: options.template } : {});
  } catch (error) {
    unlock();
    throw error;
  }
  const plain = wrap(pglite);
  const named = namedStatements(pglite);
  const idleMs = options.checkpointIdleMs ?? (dataDir ? CHECKPOINT_IDLE_MS : 0);
  const checkpoints = idleMs > 0 ? idleCheckpoints(pglite, idleMs) : undefined;
  try {
    await checkpoints?.ready;
  } catch (error) {
    await pglite.close().catch(() => undefined);
    unlock();
    throw error;
  }
  const around = checkpoints ? <T>(work: () => Promise<T>) => checkpoints.around(work) : <T>(work: () => Promise<T>) => work();
  return {
    kind: 'pglite',
    // Named statements (QueryOptions.name) are prepared once; inside a transaction they run as plain ones.
    query: (sql, params, options) => around(() => (options?.name ? named(options.name, sql, params ?? []) : plain.query(sql, params))),
    transaction: (fn) => around(() => pglite.transaction((tx) => fn(wrap(tx)))),
    exec: (sql) => around(async () => void (await pglite.exec(sql))),
    snapshot: () => pglite.dumpDataDir('none'),
    close: async () => {
      await checkpoints?.close();
      await pglite.close();
      unlock();
    },
  };
}
