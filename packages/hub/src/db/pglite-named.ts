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
 * At most this many named statements go to PGlite in one call. Every statement of a call
 * is answered when the whole call ends, and the hub's thread has nothing to do meanwhile;
 * small groups keep both threads working (measured with 4, 8 and 16: docs/performance.md).
 */
export const MAX_GROUP = 8;

interface Waiting {
  name: string;
  sql: string;
  params: unknown[];
  ok(result: QueryResult<unknown>): void;
  fail(error: unknown): void;
}

/** A backend message as PGlite's parser gives it: `name` says which. */
type Message = { name: string };

/**
 * Named (prepared) statements on PGlite, for QueryOptions.name: the statements run most
 * often (an editor's read and save). PGlite's `query()` parses, describes and plans the
 * statement on every call and crosses into WebAssembly six times (parse, describe, bind,
 * describe, execute, sync); a statement prepared once per database is then only bound and
 * executed, in one crossing. Same locks as `query()` (no statement runs inside someone
 * else's open transaction), same durability (the data folder is synced after each call, as
 * `query()` does outside a transaction), same parsers for the rows.
 *
 * The named statements that arrive together (50 editors saving at once) are sent to PGlite
 * as one group of up to MAX_GROUP, in one call: each still has its own Sync, so each is its
 * own transaction, committed or failed alone exactly as if sent on its own (PostgreSQL skips
 * only to the next Sync after an error), but the group pays PGlite's fixed cost per call
 * (crossing into WebAssembly, its queue, reading the answer) once: about a quarter of a
 * save's time on PGlite's thread.
 */
export function namedStatements(pglite: PGlite) {
  const prepared = new Map<string, { sql: string; paramTypes: number[] }>();
  const waiting: Waiting[] = [];
  let scheduled = false;

  async function prepare(name: string, sql: string) {
    const { messages } = await pglite.execProtocol(
      joined([serialize.parse({ name, text: sql }), serialize.describe({ type: 'S', name }), serialize.sync()]),
      { syncToFs: false },
    );
    const statement = { sql, paramTypes: parse.parseDescribeStatementResults(messages) };
    prepared.set(name, statement);
    return statement;
  }

  /** Bind, describe, execute and Sync: one statement, its own transaction. */
  async function messagesFor(item: Waiting): Promise<Uint8Array[]> {
    const statement = prepared.get(item.name) ?? (await prepare(item.name, item.sql));
    if (statement.sql !== item.sql) throw new Error(`The statement "${item.name}" was prepared with another SQL text`);
    // As query() does: each value through the serializer of its parameter's type, else as text.
    const values = item.params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = pglite.serializers[statement.paramTypes[i]!];
      return serializer ? serializer(value) : String(value);
    });
    return [serialize.bind({ statement: item.name, values }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync()];
  }

  async function run(group: Waiting[]): Promise<void> {
    const sent: Waiting[] = [];
    const parts: Uint8Array[] = [];
    for (const item of group) {
      try {
        parts.push(...(await messagesFor(item)));
        sent.push(item);
      } catch (error) {
        item.fail(error);
      }
    }
    if (!sent.length) return;
    // Errors are answers here, each to its own statement: one failed save must not fail the others.
    const { messages } = await pglite.execProtocol(joined(parts), { throwOnError: false });
    let from = 0;
    let next = 0;
    (messages as Message[]).forEach((message, i) => {
      if (message.name !== 'readyForQuery') return;
      const own = messages.slice(from, i + 1);
      from = i + 1;
      const item = sent[next++];
      if (!item) return;
      const error = (own as Message[]).find((m) => m.name === 'error');
      if (error) return item.fail(error);
      const [result] = parse.parseResults(own, pglite.parsers);
      item.ok({ rows: result?.rows ?? [], rowCount: result?.affectedRows ?? 0 });
    });
    for (const item of sent.slice(next)) item.fail(new Error('PGlite gave no answer for this statement'));
  }

  /** The statements that have arrived, one group at a time, each group inside PGlite's queue like a query(). */
  function flush() {
    scheduled = false;
    const group = waiting.splice(0, MAX_GROUP);
    if (waiting.length) schedule();
    pglite
      ._runExclusiveTransaction(() => pglite._runExclusiveQuery(() => run(group)))
      .catch((error: unknown) => {
        for (const item of group) item.fail(error);
      });
  }

  /**
   * After the messages already here are read (setImmediate runs once the event loop has
   * taken in what arrived), not at once: a statement sent the moment it arrives would go
   * alone, and the next ones would wait for it instead of joining it.
   */
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  }

  return function query<Row>(name: string, sql: string, params: unknown[]): Promise<QueryResult<Row>> {
    return new Promise<QueryResult<Row>>((ok, fail) => {
      waiting.push({ name, sql, params, ok: ok as Waiting['ok'], fail });
      schedule();
    });
  };
}
