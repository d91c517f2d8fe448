import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { HubConfig } from '../config.js';
import type { Queryable } from '../db/db.js';
import { forbidden, HttpError, unauthorized } from '../http/problem.js';
import { changesState } from '../http/security.js';

export type Role = 'admin' | 'editor';

/** The person behind a request, as the routes see them. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
  csrfToken: string;
  sessionHash: string;
}

export const token = (bytes = 32) => randomBytes(bytes).toString('base64url');
/** Only hashes of session ids and one-time tokens are stored. */
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** `__Host-` (only over HTTPS, with Secure and Path=/) binds the cookie to this exact host. */
export const cookieName = (config: HubConfig) => (config.secureCookies ? '__Host-welfare-hub' : 'welfare-hub');

export async function createSession(q: Queryable, userId: string, address: string, now: Date): Promise<{ id: string; csrfToken: string }> {
  const id = token();
  const csrfToken = token();
  await q.query('INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, address) VALUES ($1, $2, $3, $4, $4, $5)', [
    sha256(id),
    userId,
    csrfToken,
    now,
    address,
  ]);
  return { id, csrfToken };
}

export function setSessionCookie(c: Context, config: HubConfig, id: string): void {
  setCookie(c, cookieName(config), id, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: config.secureCookies,
    path: '/',
    maxAge: config.sessionAbsoluteMinutes * 60,
  });
}

export function clearSessionCookie(c: Context, config: HubConfig): void {
  deleteCookie(c, cookieName(config), { path: '/', secure: config.secureCookies, httpOnly: true, sameSite: 'Lax' });
}

interface SessionRow {
  id_hash: string;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  user_id: string;
  email: string;
  name: string;
  role: Role;
  organisation_id: string | null;
  user_disabled: boolean;
  organisation_disabled: boolean | null;
}

/**
 * Sessions read in the last few seconds, so that an editor's GET and PUT of a save do not
 * each pay the session's three-table read (on PGlite a round trip is about half a
 * millisecond of the one thread everyone queues on). Safe because:
 * - the hub empties it after every request that may change accounts (everything that
 *   changes state except the content routes: see `SESSION_NEUTRAL` in app.ts), so logout,
 *   disabling a person or an organisation and role changes take effect at once here;
 * - a read that began before such a change does not store its (old) row (`generation`);
 * - entries live `ttlMs` (5 s) of the hub's clock: the delay with which a change made by
 *   ANOTHER process (a second hub on the same PostgreSQL, `welfare-hub` commands) is seen;
 * - the idle and absolute limits are still checked on every request against the clock.
 */
export class SessionCache {
  private entries = new Map<string, { row: SessionRow; at: number }>();
  private generation = 0;
  /** Sessions asked for while a read is under way: the next read fetches them together. */
  private waiting = new Map<string, Deferred>();
  /** The read under way, with the generation it began in. */
  private reading: { hashes: Map<string, Deferred>; generation: number } | undefined;

  constructor(
    private readonly ttlMs = 5_000,
    private readonly max = 10_000,
  ) {}

  get(hash: string, now: number): SessionRow | undefined {
    const entry = this.entries.get(hash);
    if (entry && now - entry.at >= 0 && now - entry.at < this.ttlMs) return entry.row;
    if (entry) this.entries.delete(hash);
    return undefined;
  }

  /**
   * The session's row from the database, read together with the others asked for meanwhile:
   * one statement at a time, and whoever asks while it runs waits for the next one, which reads
   * them all. 50 editors whose entries expire in the same second (they saved together) cost
   * one or two reads, not 50 (on PGlite, about half a millisecond each of the one thread
   * everyone queues on). Alone, a request waits for no one.
   */
  load(hash: string, now: () => number, read: (hashes: string[]) => Promise<SessionRow[]>): Promise<SessionRow | undefined> {
    const current = this.reading?.generation === this.generation ? this.reading.hashes.get(hash) : undefined;
    if (current) return current.promise;
    let wait = this.waiting.get(hash);
    if (!wait) {
      wait = deferred();
      this.waiting.set(hash, wait);
    }
    if (!this.reading) void this.readWaiting(now, read);
    return wait.promise;
  }

  private async readWaiting(now: () => number, read: (hashes: string[]) => Promise<SessionRow[]>): Promise<void> {
    while (this.waiting.size) {
      const hashes = this.waiting;
      this.waiting = new Map();
      const generation = this.generation;
      this.reading = { hashes, generation };
      try {
        const rows = new Map((await read([...hashes.keys()])).map((row) => [row.id_hash, row]));
        for (const [hash, wait] of hashes) {
          const row = rows.get(hash);
          // A clear() while reading: these rows may predate the change, for these requests only.
          if (row && generation === this.generation) this.set(hash, row, now());
          wait.resolve(row);
        }
      } catch (error) {
        for (const wait of hashes.values()) wait.reject(error);
      } finally {
        this.reading = undefined;
      }
    }
  }

  private set(hash: string, row: SessionRow, now: number): void {
    if (this.entries.size >= this.max) this.entries.clear();
    this.entries.set(hash, { row, at: now });
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}

interface Deferred {
  promise: Promise<SessionRow | undefined>;
  resolve(row: SessionRow | undefined): void;
  reject(error: unknown): void;
}

function deferred(): Deferred {
  let resolve!: Deferred['resolve'];
  let reject!: Deferred['reject'];
  const promise = new Promise<SessionRow | undefined>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

/** Several sessions with their users and organisations; the hashes are hex, so a comma separates them safely. */
async function readSessions(q: Queryable, hashes: string[]): Promise<SessionRow[]> {
  const { rows } = await q.query<SessionRow>(
    `SELECT s.id_hash, s.csrf_token, s.created_at, s.last_seen_at, u.id AS user_id, u.email, u.name, u.role,
            u.organisation_id, u.disabled AS user_disabled, o.disabled AS organisation_disabled
       FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN organisations o ON o.id = u.organisation_id
      WHERE s.id_hash = ANY (string_to_array($1::text, ','))`,
    [hashes.join(',')],
    { name: 'sessions-read' },
  );
  return rows;
}

/**
 * The session the cookie names, when it is still good: not past the idle or absolute limit,
 * its user and organisation not disabled. A session past a limit is deleted.
 */
export async function readSession(c: Context, q: Queryable, config: HubConfig, cache?: SessionCache): Promise<SessionUser | undefined> {
  const id = getCookie(c, cookieName(config));
  if (!id || id.length > 100) return undefined;
  const hash = sha256(id);
  let row = cache?.get(hash, config.now().getTime());
  if (!row) {
    row = cache
      ? await cache.load(hash, () => config.now().getTime(), (hashes) => readSessions(q, hashes))
      : (await readSessions(q, [hash]))[0];
  }
  if (!row) return undefined;
  const now = config.now().getTime();
  const idle = now - new Date(row.last_seen_at).getTime() > config.sessionIdleMinutes * 60_000;
  const old = now - new Date(row.created_at).getTime() > config.sessionAbsoluteMinutes * 60_000;
  const disabled = row.user_disabled || (row.role === 'editor' && row.organisation_disabled === true);
  if (idle || old || disabled) {
    cache?.clear();
    await q.query('DELETE FROM sessions WHERE id_hash = $1', [row.id_hash]);
    return undefined;
  }
  // One write a minute at most: enough for the idle limit, cheap under load.
  if (now - new Date(row.last_seen_at).getTime() > 60_000) {
    await q.query('UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1', [row.id_hash, config.now()]);
    row.last_seen_at = config.now();
  }
  return {
    id: row.user_id,
    email: row.email,
    name: row.name,
    role: row.role,
    organisationId: row.organisation_id,
    csrfToken: row.csrf_token,
    sessionHash: row.id_hash,
  };
}

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * The signed-in user, or 401. On a request that changes state the session's CSRF token
 * must come back in `X-CSRF-Token`: a page of another site can make the browser send the
 * cookie, but cannot read the token.
 */
export function requireUser(c: Context): SessionUser {
  const user = c.get('user') as SessionUser | undefined;
  if (!user) throw unauthorized();
  if (changesState(c.req.method)) {
    const sent = c.req.header('x-csrf-token');
    if (!sent || !same(sent, user.csrfToken)) {
      throw new HttpError(403, 'Operazione non permessa', 'Manca il codice di sicurezza della sessione (X-CSRF-Token): ricarica la pagina e riprova.');
    }
  }
  return user;
}

export function requireAdmin(c: Context): SessionUser {
  const user = requireUser(c);
  if (user.role !== 'admin') throw forbidden('Solo l\'Ufficio di Piano può fare questa operazione.');
  return user;
}

/** What GET /api/session and the login answer. */
export const sessionBody = (user: Omit<SessionUser, 'sessionHash' | 'csrfToken'>, csrfToken: string) => ({
  user: { id: user.id, email: user.email, name: user.name, role: user.role, organisationId: user.organisationId },
  csrfToken,
});
