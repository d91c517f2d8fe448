import { parse, protocol, type PGlite } from '@electric-sql/pglite';
import type { QueryResult } from './db.js';

const { serialize } = protocol;

/** One message buffer from several: PGlite runs every protocol message of a buffer in one call. */
function joined(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Named (prepared) statements on PGlite, for QueryOptions.name: the statements run most
 * often (an editor's read and save). PGlite's `query()` parses, describes and plans the
 * statement on every call and crosses into WebAssembly six times (parse, describe, bind,
 * describe, execute, sync); a statement prepared once per database is then only bound and
 * executed, in one crossing. Same locks as `query()` (no statement runs inside someone
 * else's open transaction), same durability (the data folder is synced after each one, as
 * `query()` does outside a transaction), same parsers for the rows.
 */
export function namedStatements(pglite: PGlite) {
  const prepared = new Map<string, { sql: string; paramTypes: number[] }>();

  async function prepare(name: string, sql: string) {
    const { messages } = await pglite.execProtocol(
      joined([serialize.parse({ name, text: sql }), serialize.describe({ type: 'S', name }), serialize.sync()]),
      { syncToFs: false },
    );
    const statement = { sql, paramTypes: parse.parseDescribeStatementResults(messages) };
    prepared.set(name, statement);
    return statement;
  }

  return function query<Row>(name: string, sql: string, params: unknown[]): Promise<QueryResult<Row>> {
    return pglite._runExclusiveTransaction(() =>
      pglite._runExclusiveQuery(async () => {
        const statement = prepared.get(name) ?? (await prepare(name, sql));
        if (statement.sql !== sql) throw new Error(`The statement "${name}" was prepared with another SQL text`);
        // As query() does: each value through the serializer of its parameter's type, else as text.
        const values = params.map((value, i) => {
          if (value === null || value === undefined) return null;
          const serializer = pglite.serializers[statement.paramTypes[i]!];
          return serializer ? serializer(value) : String(value);
        });
        const { messages } = await pglite.execProtocol(
          joined([serialize.bind({ statement: name, values }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync()]),
        );
        const [result] = parse.parseResults(messages, pglite.parsers);
        return { rows: (result?.rows ?? []) as Row[], rowCount: result?.affectedRows ?? 0 };
      }),
    );
  };
}
