/**
 * The worker thread that owns the embedded PGlite for db/pglite-worker.ts: it opens the
 * database exactly as the hub's own thread would (openPglite: the folder lock, named
 * statements, PGlite's queue) and runs what the hub's thread asks, one message each.
 * A transaction stays open here, holding PGlite's queue, until the hub's thread says how it
 * ends: nothing else runs inside it, as with PGlite in the same thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Queryable } from './db.js';
import { openPglite } from './pglite.js';
import type { Reply, Request, ThreadOptions } from './pglite-messages.js';
import { errorData } from './pglite-messages.js';

const port = parentPort!;
const options = workerData as ThreadOptions;

/** The reason a transaction's promise is rejected when the hub's thread asks for a rollback. */
const ROLLBACK = Symbol('rollback');

const open = new Map<number, { tx: Queryable; end(commit: boolean): void; done: Promise<unknown> }>();

async function answer(request: Request): Promise<Reply['result']> {
  switch (request.op) {
    case 'query': {
      const target = request.tx === undefined ? db : open.get(request.tx)?.tx;
      if (!target) throw new Error('Transaction is closed');
      return target.query(request.sql, request.params, request.options);
    }
    case 'exec':
      return db.exec(request.sql);
    case 'begin': {
      let inside!: () => void;
      const begun = new Promise<void>((ok) => (inside = ok));
      const done = db.transaction(
        (tx) =>
          new Promise((ok, fail) => {
            open.set(request.id, { tx, end: (commit) => (commit ? ok(undefined) : fail(ROLLBACK)), done });
            inside();
          }),
      );
      // Its outcome is awaited by 'end'; until then a failure is not an unhandled rejection.
      done.catch(() => undefined);
      await Promise.race([begun, done]);
      return request.id;
    }
    case 'end': {
      const entry = open.get(request.tx);
      if (!entry) throw new Error('Transaction is closed');
      open.delete(request.tx);
      entry.end(request.commit);
      try {
        await entry.done;
      } catch (error) {
        if (error !== ROLLBACK) throw error;
      }
      return undefined;
    }
    case 'snapshot': {
      const blob = await db.snapshot!();
      return blob.arrayBuffer();
    }
    case 'close':
      return db.close();
  }
}

let db: Awaited<ReturnType<typeof openPglite>>;
try {
  db = await openPglite(options.dataDir, {
    ...(options.template ? { template: new Blob([options.template]) } : {}),
    checkpointIdleMs: options.checkpointIdleMs,
  });
  port.postMessage({ id: 0 } satisfies Reply);
} catch (error) {
  port.postMessage({ id: 0, error: errorData(error) } satisfies Reply);
}

port.on('message', (request: Request) => {
  answer(request).then(
    (result) => {
      const transfer = result instanceof ArrayBuffer ? [result] : [];
      port.postMessage({ id: request.id, result } satisfies Reply, transfer);
    },
    (error: unknown) => port.postMessage({ id: request.id, error: errorData(error) } satisfies Reply),
  );
});
