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

/**
 * The embedded PostgreSQL (WebAssembly): `dataDir` is a folder that keeps the data, or
 * undefined for a database in memory (tests). PGlite runs one statement at a time and
 * queues the others, and a transaction holds the queue until it ends, so nothing outside
 * it can see it half done.
 */
export async function openPglite(dataDir?: string, options: { template?: Blob } = {}): Promise<Db> {
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
  return {
    kind: 'pglite',
    // Named statements (QueryOptions.name) are prepared once; inside a transaction they run as plain ones.
    query: (sql, params, options) => (options?.name ? named(options.name, sql, params ?? []) : plain.query(sql, params)),
    transaction: (fn) => pglite.transaction((tx) => fn(wrap(tx))),
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    snapshot: () => pglite.dumpDataDir('none'),
    close: async () => {
      await pglite.close();
      unlock();
    },
  };
}
