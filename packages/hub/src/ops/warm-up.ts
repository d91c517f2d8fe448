import { romeToday } from 'welfare-feed';
import type { SessionUser } from '../auth/sessions.js';
import type { HubConfig } from '../config.js';
import { POOL_MAX, type Db } from '../db/db.js';
import { checkService, forOrganisation, type EnvelopeCache } from '../records/feed-check.js';
import { saveDraft } from '../records/offers.js';

/** Thrown inside the warm-up's transactions so that each one is rolled back. */
const UNDO = Symbol('undo');
/**
 * Rehearsals under way at once: one per connection of the PostgreSQL pool, so that every
 * connection is open and has the save prepared before the first burst (with 8 of 10, the
 * first 50 editors saving at once waited for two connections to be opened and to prepare).
 */
const PARALLEL = POOL_MAX;

export interface WarmUpOptions {
  /** Saves to rehearse (0: none). */
  saves: number;
  /** Stop earlier when this much time has passed. */
  budgetMs: number;
}

/**
 * Rehearses an editor's save before the hub listens, so that the first people to save
 * after a start do not pay for the engine's warming up. A fresh process runs the save path
 * slowly for its first few hundred saves: V8 compiles the hot JavaScript (the feed checks)
 * and PGlite's WebAssembly (the executor, the heap and the write-ahead log) with its
 * optimising compiler only once they have run a while, and does so on the same two cores
 * the saves need. Measured with 50 editors saving at once on PGlite: the first bursts after
 * a start took 2 to 3 times as long as the same bursts a minute later (docs/performance.md).
 *
 * Each rehearsal checks a real offer with the feed checks and writes it with the save's own
 * statement inside a transaction that is then rolled back: no offer, version or audit line
 * changes (only the audit log's numbering skips the rolled-back ids, as PostgreSQL's
 * identity columns always may); then once more outside a transaction, the way a save runs, at
 * a version no offer has, which writes nothing. Returns how many saves were rehearsed.
 */
export async function warmUp(db: Db, envelopes: EnvelopeCache, config: HubConfig, options: WarmUpOptions): Promise<number> {
  if (options.saves <= 0) return 0;
  const started = performance.now();
  const offers = (
    await db.query<{ id: string; version: number; organisation_id: string; data: Record<string, unknown> }>(
      "SELECT id, version, organisation_id, data FROM services WHERE state <> 'archived' ORDER BY id LIMIT 50",
    )
  ).rows;
  if (!offers.length) return 0;
  const envelope = await envelopes.get(db);
  const today = romeToday(config.now());
  // Nobody's session: updated_by and saved_by may be null, and the transaction is undone anyway.
  const user = { id: null } as unknown as SessionUser;
  let done = 0;
  // Several at once: on PostgreSQL each rehearses on a connection of the pool of its own, which
  // then has the save prepared; on PGlite the feed checks (this thread) and the statements
  // (PGlite's thread) warm up side by side. Each its own offers: no one waits for another's row lock.
  const loops = Math.min(PARALLEL, offers.length);
  const rehearse = async (first: number) => {
    for (let k = first; done < options.saves && performance.now() - started < options.budgetMs; k += loops) {
      const offer = offers[k % offers.length]!;
      done++;
      await checkService(db, offer.data, today, forOrganisation(envelope, offer.organisation_id));
      try {
        await db.transaction(async (tx) => {
          await saveDraft(tx, offer.id, offer.version, offer.organisation_id, offer.data, { user, address: '127.0.0.1', at: config.now() });
          throw UNDO;
        });
      } catch (error) {
        if (error !== UNDO) throw error;
      }
      // And as a save runs outside a transaction (a named statement: on PGlite prepared once and
      // sent in groups, db/pglite-named.ts), at a version no offer has, so it matches and writes nothing.
      await saveDraft(db, offer.id, -1, offer.organisation_id, offer.data, { user, address: '127.0.0.1', at: config.now() });
    }
  };
  await Promise.all(Array.from({ length: loops }, (_, i) => rehearse(i)));
  return done;
}

/**
 * Rehearses the HTTP path once the hub listens, before its address is announced: `requests`
 * requests over this machine's loopback to the hub's own port, as an editor's browser sends
 * them (keep-alive connections, JSON body, cookie, CSRF header), without a valid session, so
 * every save is refused with 401 and nothing is read or written but the session lookup.
 * Node's HTTP parser, Hono's routing, the middlewares and the problem answers are then
 * compiled by the JIT before the first people arrive, instead of while 50 of them wait: in
 * the benchmark's first 30 bursts after a start, V8's compiler threads still spent about a
 * fifth of the hub's CPU optimising that path. Returns how many were answered.
 */
export async function warmUpHttp(url: string, requests: number, budgetMs: number): Promise<number> {
  if (requests <= 0) return 0;
  const { Agent, request } = await import('node:http');
  const agent = new Agent({ keepAlive: true, maxSockets: PARALLEL });
  const started = performance.now();
  const body = JSON.stringify({ data: { name: 'Prova', description: 'Prova del percorso di salvataggio, rifiutata senza sessione.' } });
  const origin = new URL(url).origin;
  const once = (i: number) =>
    new Promise<boolean>((ok) => {
      const save = i % 2 === 0;
      const outgoing = request(
        `${url}${save ? '/api/offers/prova-di-avvio' : '/api/session'}`,
        {
          agent,
          method: save ? 'PUT' : 'GET',
          headers: save
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), origin, cookie: 'welfare-hub=prova', 'x-csrf-token': 'prova', 'if-match': '"1"' }
            : { cookie: 'welfare-hub=prova' },
        },
        (answer) => {
          answer.resume();
          answer.on('end', () => ok(true));
          answer.on('error', () => ok(false));
        },
      );
      outgoing.on('error', () => ok(false));
      outgoing.end(save ? body : undefined);
    });
  let sent = 0;
  let answered = 0;
  const loop = async () => {
    while (sent < requests && performance.now() - started < budgetMs) {
      sent++;
      if (await once(sent)) answered++;
    }
  };
  try {
    await Promise.all(Array.from({ length: PARALLEL }, loop));
  } finally {
    agent.destroy();
  }
  return answered;
}
