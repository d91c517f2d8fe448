import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { readStoredFeed } from './stored-feed.js';
import { defaultWindow, romeToday, validateFeed, withCompiledHours } from 'welfare-feed';
import { audit } from '../audit.js';
import type { HubConfig } from '../config.js';
import type { Db } from '../db/db.js';
import type { CompiledHours } from '@welfare-elements/core/hours/compiled.js';
import { buildFeed, type CachedService } from './build.js';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** The feed being served: the text and its gzip at once, brotli a moment later. */
export interface ServedFeed {
  body: Buffer;
  gzip: Buffer;
  /**
   * Compressed after the feed is already served (brotli takes about three times gzip's
   * time on a 3 MB feed): the approval → new feed time does not wait for it; a client that
   * prefers brotli in that moment waits for it (falls back to gzip if it failed).
   */
  br: Promise<Buffer | undefined>;
  etag: string;
  lastModified: Date;
}

export interface PublishResult {
  outcome: 'published' | 'unchanged' | 'refused';
  etag?: string;
  errors?: number;
}

const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url');

/** What the feed-wide checks still need of a service already found valid: its id, name and references. */
const stub = (s: Record<string, unknown>) => ({ id: s['id'], name: s['name'], organization: s['organization'], categories: s['categories'] });

/**
 * Content hash without `updated`, so republishing the same records changes nothing. The
 * services enter by their hashes (computed once per version), not re-serialised; the
 * window of the compiled hours enters too, so a new month republishes them.
 */
function contentTag(feed: Record<string, unknown>, serviceHashes: string[], window: string): string {
  const { updated: _updated, services: _services, ...rest } = feed;
  const hash = createHash('sha256').update(JSON.stringify(rest)).update(window);
  for (const h of serviceHashes) hash.update(h);
  return `"${hash.digest('hex').slice(0, 32)}"`;
}

/**
 * Builds, checks and publishes the feed. A new feed is validated with welfare-feed's
 * `validateFeed` (the code behind `welfare-feed validate`); an invalid one is refused and
 * recorded, and the last good one keeps being served. The good one is stored in the
 * database (`current_feed`) in the same transaction as its `publications` row, so a crash
 * at any point leaves the previous or the new feed, never half of one; the optional copy in
 * `publishDir` is written to a temporary file and renamed over the old one.
 */
export class Publisher {
  current: ServedFeed | undefined;
  private running: Promise<PublishResult> | undefined;
  private again = false;
  private lastRefused: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  /**
   * Services already found valid, by id → hash of their content. A service's own checks
   * depend only on its content, so an unchanged one goes to validateFeed as a stub with its
   * id, name and references (which are still checked against this feed's categories and
   * organisations); a 5,000-offer feed is not re-read whole for each approval.
   */
  private valid = new Map<string, string>();
  /** Published copies read from the database, by id (publish/build.ts reads only the changed ones). */
  private services = new Map<string, CachedService>();
  /** Compiled opening hours by string, for `hoursWindow` (a string is compiled once, not at every publication). */
  private hours = new Map<string, CompiledHours | null>();
  private hoursWindow = '';

  constructor(
    private readonly db: Db,
    private readonly config: HubConfig,
  ) {}

  /** Serves the last good feed from the database (at start, before anything else). */
  async load(): Promise<void> {
    const stored = await readStoredFeed(this.db);
    if (stored) {
      this.current = await prepare(stored.body, stored.gzip, stored.etag, stored.publishedAt);
      // The stored feed passed validation when it was published.
      const services = (JSON.parse(stored.body.toString('utf8')) as { services?: Record<string, unknown>[] }).services ?? [];
      this.valid = new Map(services.map((s) => [String(s['id']), hashOf(s)]));
    }
  }

  /**
   * Asks for a publication soon. Requests while one runs are folded into one more run
   * after it, so a burst of approvals costs two builds, and the last approval is always in.
   */
  schedule(): Promise<PublishResult> {
    if (this.running) {
      // The running loop checks `again` after each build, so its promise ends after this change is in.
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        let result: PublishResult;
        do {
          this.again = false;
          result = await this.publish().catch((error: unknown) => {
            console.error('welfare-hub: publishing failed:', error);
            return { outcome: 'refused' } as PublishResult;
          });
        } while (this.again);
        return result;
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /** Resolves when no publication is running or waiting (tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Republishes every `minutes` so that offers past their validity leave by themselves. */
  startTimer(minutes = 10): void {
    this.timer = setInterval(() => void this.schedule(), minutes * 60_000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async publish(): Promise<PublishResult> {
    const now = this.config.now();
    const updated = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const built = await buildFeed(this.db, romeToday(now), updated, this.services);
    const hashes = built.services.map((s) => this.services.get(String(s['id']))?.hash ?? hashOf(s));
    const window = defaultWindow(now);
    const windowKey = `${window.from}/${window.to}`;
    const etag = contentTag(built, hashes, windowKey);
    if (etag === this.current?.etag) return { outcome: 'unchanged', etag };
    const services = built.services.map((s, i) => (this.valid.get(String(s['id'])) === hashes[i] ? stub(s) : s));
    const result = validateFeed({ ...built, services }, { lang: 'it', today: romeToday(now) });
    if (!result.ok) {
      if (this.lastRefused !== etag) {
        this.lastRefused = etag;
        const problems = result.issues.filter((i) => i.severity === 'error').slice(0, 50).map((i) => ({ path: i.path ?? '', message: i.message }));
        await this.db.transaction(async (tx) => {
          const { rows } = await tx.query<{ id: number }>(
            `INSERT INTO publications (at, ok, etag, services, notices, access_points, errors, problems, reason) VALUES ($1, false, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
            [now, etag, built.services.length, built.notices.length, built.accessPoints.length, result.errors, JSON.stringify(problems), 'Il nuovo feed non supera la validazione: resta pubblicato il precedente.'],
          );
          await audit(tx, { at: now, action: 'publication-refused', targetType: 'publication', targetId: String(rows[0]!.id), detail: { errors: result.errors } });
        });
        console.error(`welfare-hub: new feed refused (${result.errors} errors); the last good feed stays.`);
      }
      return { outcome: 'refused', etag, errors: result.errors };
    }
    // Opening hours compiled for phones (hoursCompiled), as `welfare-feed build` does; the cache is per window.
    if (windowKey !== this.hoursWindow) {
      this.hours = new Map();
      this.hoursWindow = windowKey;
    }
    const feed = withCompiledHours(built as never, { ...window, cache: this.hours }).feed as unknown as typeof built;
    const body = Buffer.from(JSON.stringify(feed));
    // Compressed once, here: the database keeps these bytes (a tenth of the text), /feed.json serves them.
    const compressed = await gzipAsync(body, { level: 6 });
    await this.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: number }>(
        `INSERT INTO publications (at, ok, etag, services, notices, access_points, errors) VALUES ($1, true, $2, $3, $4, $5, 0) RETURNING id`,
        [now, etag, feed.services.length, feed.notices.length, feed.accessPoints.length],
      );
      const id = rows[0]!.id;
      await tx.query(
        // The bytes go as base64 text, decoded by the database: PGlite writes a bytea parameter as
        // hex one byte at a time in JavaScript (Array.from, map, join), a third of a publication's
        // CPU for a 5,000-offer feed's 0.4 MB of gzip; Buffer's base64 is native.
        `INSERT INTO current_feed (only_row, publication_id, body, body_gzip, etag, published_at) VALUES (true, $1, NULL, decode($2::text, 'base64'), $3, $4)
         ON CONFLICT (only_row) DO UPDATE SET publication_id = EXCLUDED.publication_id, body = NULL, body_gzip = EXCLUDED.body_gzip, etag = EXCLUDED.etag, published_at = EXCLUDED.published_at`,
        [id, compressed.toString('base64'), etag, now],
      );
      await audit(tx, { at: now, action: 'publication', targetType: 'publication', targetId: String(id), detail: { services: feed.services.length, notices: feed.notices.length } });
    });
    if (this.config.publishDir) await writeAtomically(this.config.publishDir, 'feed.json', body);
    this.current = await prepare(body, compressed, etag, now);
    this.valid = new Map(feed.services.map((s, i) => [String(s['id']), hashes[i]!]));
    this.lastRefused = undefined;
    return { outcome: 'published', etag };
  }
}

async function prepare(raw: Buffer, gz: Buffer | undefined, etag: string, lastModified: Date): Promise<ServedFeed> {
  const br = brotliAsync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }).catch((error: unknown) => {
    console.error('welfare-hub: brotli failed, the feed is served as gzip:', error);
    return undefined;
  });
  return { body: raw, gzip: gz ?? (await gzipAsync(raw, { level: 6 })), br, etag, lastModified };
}

/** Writes `name` in `dir` through a temporary file and a rename: readers see the old or the new file, never part of one. */
export async function writeAtomically(dir: string, name: string, text: string | Buffer): Promise<void> {
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, join(dir, name));
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
