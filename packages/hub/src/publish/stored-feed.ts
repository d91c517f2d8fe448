import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { Queryable } from '../db/db.js';

const gunzipAsync = promisify(gunzip);

/** The current_feed row: the text (feeds stored before migration 006) or its gzip bytes. */
export interface StoredFeedRow {
  body: string | null;
  body_gzip: Uint8Array | null;
  etag: string;
  published_at: Date;
}

/** pg gives a Buffer, PGlite a Uint8Array: a Buffer either way, without copying. */
export const asBuffer = (bytes: Uint8Array): Buffer => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

/** The last good feed as stored, or undefined before the first publication. */
export async function readStoredFeed(q: Queryable): Promise<{ body: Buffer; gzip?: Buffer; etag: string; publishedAt: Date } | undefined> {
  const row = (await q.query<StoredFeedRow>('SELECT body, body_gzip, etag, published_at FROM current_feed')).rows[0];
  if (!row) return undefined;
  const gzip = row.body_gzip ? asBuffer(row.body_gzip) : undefined;
  const body = gzip ? await gunzipAsync(gzip) : Buffer.from(row.body ?? '');
  return { body, gzip, etag: row.etag, publishedAt: new Date(row.published_at) };
}
