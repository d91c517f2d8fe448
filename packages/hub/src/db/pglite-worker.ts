import { Worker } from 'node:worker_threads';
import type { Db, Queryable, QueryResult } from './db.js';
import type { PgliteOptions } from './pglite.js';
import { fromErrorData, type Reply, type Request, type ThreadOptions } from './pglite-messages.js';

type Ask = Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/**
 * The embedded PGlite in a worker thread of its own (db/pglite-thread.ts), for the server:
 * PGlite's WebAssembly runs on one core while the hub's thread answers HTTP on the other,
 * instead of the two taking turns on one thread. The same Db as openPglite (same
 * statements, same transactions: a transaction holds PGlite's queue in the worker until
 * this thread ends it, same durability), at the cost of copying each statement's
 * parameters and rows between the threads.
 */
export async function openPgliteThread(dataDir?: string, options: PgliteOptions = {}): Promise<Db> {
  const workerData: ThreadOptions = {
    dataDir,
    template: options.template ? await options.template.arrayBuffer() : undefined,
    checkpointIdleMs: options.checkpointIdleMs,
  };
  const worker = new Worker(new URL('./pglite-thread.js', import.meta.url), { workerData });
  const waiting = new Map<number, { ok(result: unknown): void; fail(error: Error): void }>();
  let next = 1;
  let stopped: Error | undefined;

  const opened = new Promise<void>((ok, fail) => waiting.set(0, { ok: () => ok(), fail }));
  worker.on('message', (reply: Reply) => {
    const entry = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.error) entry?.fail(fromErrorData(reply.error));
    else entry?.ok(reply.result);
  });
  const failAll = (error: Error) => {
    stopped = error;
    for (const entry of waiting.values()) entry.fail(error);
    waiting.clear();
  };
  // An uncaught error in PGlite's thread ends the process, as it would with PGlite in this thread:
  // a hub whose database is gone must stop (and be restarted), not answer 500 to everything.
  worker.on('error', (error) => {
    failAll(error);
    throw error;
  });
  worker.on('exit', (code) => failAll(new Error(`PGlite's thread stopped (${code})`)));

  function ask<T>(request: Ask): Promise<T> {
    if (stopped) return Promise.reject(stopped);
    return new Promise<T>((ok, fail) => {
      const id = next++;
      waiting.set(id, { ok: ok as (result: unknown) => void, fail });
      worker.postMessage({ ...request, id });
    });
  }

  try {
    await opened;
  } catch (error) {
    await worker.terminate();
    throw error;
  }

  const queryable = (tx?: number): Queryable => ({
    query: <Row>(sql: string, params: unknown[] = [], options?: Parameters<Queryable['query']>[2]) =>
      ask<QueryResult<Row>>({ op: 'query', sql, params, options, tx }),
  });

  return {
    kind: 'pglite',
    ...queryable(),
    async transaction(fn) {
      const tx = await ask<number>({ op: 'begin' });
      let result;
      try {
        result = await fn(queryable(tx));
      } catch (error) {
        await ask({ op: 'end', tx, commit: false });
        throw error;
      }
      await ask({ op: 'end', tx, commit: true });
      return result;
    },
    exec: (sql) => ask({ op: 'exec', sql }),
    snapshot: async () => new Blob([await ask<ArrayBuffer>({ op: 'snapshot' })]),
    async close() {
      await ask({ op: 'close' });
      await worker.terminate();
    },
  };
}
