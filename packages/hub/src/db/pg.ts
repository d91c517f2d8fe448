import pg from 'pg';
import type { Db, Queryable, QueryOptions, QueryResult } from './db.js';

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
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    // Every connection of the pool works in the chosen schema.
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection dropped by the server must not crash the process.
  pool.on('error', (error) => console.error('PostgreSQL:', error.message));
  const plain = wrap(pool);
  return {
    kind: 'pg',
    query: plain.query,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}
