/** What the hub's thread and PGlite's worker thread (db/pglite-worker.ts, db/pglite-thread.ts) send each other. */
import type { QueryOptions, QueryResult } from './db.js';

export interface ThreadOptions {
  dataDir?: string;
  /** A snapshot to start from (openDb's `template`), as bytes: a Blob does not cross threads everywhere. */
  template?: ArrayBuffer;
  /** openPglite's `checkpointIdleMs`. */
  checkpointIdleMs?: number;
}

export type Request = { id: number } & (
  | { op: 'query'; sql: string; params: unknown[]; options?: QueryOptions; tx?: number }
  | { op: 'exec'; sql: string }
  | { op: 'begin' }
  | { op: 'end'; tx: number; commit: boolean }
  | { op: 'snapshot' }
  | { op: 'close' }
);

/** `id` 0 answers the opening of the database. */
export interface Reply {
  id: number;
  result?: QueryResult<unknown> | number | ArrayBuffer | void;
  error?: ErrorData;
}

/** An error as plain data: a structured clone keeps an Error's message but drops PostgreSQL's `code`, `detail`, ... */
export type ErrorData = Record<string, string | number | boolean | undefined> & { message: string };

export function errorData(error: unknown): ErrorData {
  if (!(error instanceof Error)) return { message: String(error) };
  const data: ErrorData = { message: error.message, name: error.name, stack: error.stack };
  for (const [key, value] of Object.entries(error)) {
    if (['string', 'number', 'boolean'].includes(typeof value)) data[key] = value as string | number | boolean;
  }
  return data;
}

/** The error again, on the other side, with the same message, name and fields. */
export function fromErrorData(data: ErrorData): Error {
  return Object.assign(new Error(data.message), data);
}
