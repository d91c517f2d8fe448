/**
 * The hub's one way to the database: two calls, the same on PGlite (embedded, default) and on
 * a PostgreSQL server (`DATABASE_URL`). Everything above this layer writes plain PostgreSQL
 * with `$1` parameters, so the schema, migrations and queries are shared by both.
 */
export interface QueryResult<Row> {
  rows: Row[];
  /** Rows changed by INSERT/UPDATE/DELETE (0 for SELECT on PGlite). */
  rowCount: number;
}

export interface QueryOptions {
  /**
   * A name for a statement run very often (an editor's read and save): on a PostgreSQL
   * server each connection then parses and plans it once and reuses the plan (a prepared
   * statement), which halves the server's CPU for a save. The same name must always go with
   * the same SQL text. PGlite prepares it once too (db/pglite-named.ts), outside transactions.
   */
  name?: string;
}

/** Anything that runs a statement: the database itself or an open transaction. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult<Row>>;
}

export interface Db extends Queryable {
  /** Which adapter: tests and the start-up line say which database they ran on. */
  readonly kind: 'pglite' | 'pg';
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws
   * (the error is passed on). Every change of more than one row goes through here.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Several statements separated by `;` with no parameters (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
  /**
   * PGlite only: the whole data folder as a tar file, to open copies of this database
   * (`openDb({ template })`); tests migrate one database and copy it for each test.
   */
  snapshot?(): Promise<Blob>;
}

/**
 * Connections per hub process on a PostgreSQL server (db/pg.ts): PostgreSQL's default
 * max_connections (100) leaves room for several hubs and the tools. Here, not in pg.ts, so
 * that the warm-up can rehearse on every one of them without loading `pg` for PGlite.
 */
export const POOL_MAX = 10;
