import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { Queryable } from '../db/db.js';

const gunzipAsync = promisify(gunzip);

/** The current_feed row: the text (feeds stored before migration 006) or its gzip bytes, as base64. */
interface StoredFeedRow {
  body: string | null;
  body_gzip_base64: string | null;
  etag: string;
  published_at: Date;
}

/** The last good feed as stored, or undefined before the first publication. */
export async function readStoredFeed(q: Queryable): Promise<{ body: Buffer; gzip?: Buffer; etag: string; publishedAt: Date } | undefined> {
  // As base64 text (encode() in the database, Buffer's native decoder here): PGlite reads a bytea
  // column as hex one pair of digits at a time in JavaScript.
  const row = (await q.query<StoredFeedRow>(`SELECT body, encode(body_gzip, 'base64') AS body_gzip_base64, etag, published_at FROM current_feed`)).rows[0];
  if (!row) return undefined;
  const gzip = row.body_gzip_base64 ? Buffer.from(row.body_gzip_base64, 'base64') : undefined;
  const body = gzip ? await gunzipAsync(gzip) : Buffer.from(row.body ?? '');
  return { body, gzip, etag: row.etag, publishedAt: new Date(row.published_at) };
}
