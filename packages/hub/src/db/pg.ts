import pg from 'pg';
import { POOL_MAX, type Db, type Queryable, type QueryOptions, type QueryResult } from './db.js';

export interface PgOptions {
  /** A schema to work in (created when missing): tests give each run its own. */
  schema?: string;
  /** Pool size; the default suits one hub process. */
  max?: number;
}

function wrap(target: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row>(sql: string, params: unknown[] = [], options: QueryOptions = {}): Promise<QueryResult<Row>> {
      const result = await (options.name ? target.query({ name: options.name, text: sql, values: params }) : target.query(sql, params));
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
    },
  };
}

/**
 * How long a pooled connection may stay unused before the pool closes it. pg's default is
 * 10 s: a burst of saves after a quiet spell then opened its connections again (TCP, the
 * server's backend process, authentication) and prepared its named statements again on
 * each, which the warm-up had done once at start. Five minutes keeps them across the
 * pauses of a working day's traffic and still gives them back to the server at night.
 */
export const POOL_IDLE_MS = 5 * 60_000;

export { POOL_MAX };

/** The options of the pool openPg makes (exported for the tests). */
export function poolConfig(connectionString: string, options: PgOptions = {}): pg.PoolConfig {
  return {
    connectionString,
    max: options.max ?? POOL_MAX,
    idleTimeoutMillis: POOL_IDLE_MS,
    // An idle connection through a NAT or a firewall that forgets quiet flows (some after
    // 5 minutes) would otherwise hang the next statement on it: TCP keepalive every minute.
    keepAlive: true,
    keepAliveInitialDelayMillis: 60_000,
    // Every connection of the pool works in the chosen schema.
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  };
}

/** A PostgreSQL server through a connection pool (`DATABASE_URL`). */
export async function openPg(connectionString: string, options: PgOptions = {}): Promise<Db> {
  const { schema } = options;
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Nome di schema non valido: ${schema}`);
  if (schema) {
    const setup = new pg.Client({ connectionString });
    await setup.connect();
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await setup.end();
    }
  }
  const pool = new pg.Pool(poolConfig(connectionString, options));
  // An idle connection dropped by the server (a restart, pg_terminate_backend, a proxy) must
  // not crash the process: the pool removes it and opens another when one is needed.
  pool.on('error', (error) => console.error('PostgreSQL:', error.message));
  const plain = wrap(pool);
  return {
    kind: 'pg',
    query: plain.query,
    async transaction(fn) {
      const client = await pool.connect();
      // While the transaction holds it, the connection is not the pool's: dropped by the
      // server then (even between two statements), pg emits 'error' on the client, and an
      // 'error' nobody listens to ends the process. The statement waiting on it fails
      // anyway; the connection is then thrown away instead of going back to the pool.
      let lost: Error | undefined;
      const onError = (error: Error) => {
        lost ??= error;
        console.error('PostgreSQL:', error.message);
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        if (!lost) await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release(lost);
        client.removeListener('error', onError);
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}
