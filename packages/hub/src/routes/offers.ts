import type { Context } from 'hono';
import { randomBytes } from 'node:crypto';
import { romeToday } from 'welfare-feed';
import { audit } from '../audit.js';
import { requireAdmin, requireUser, type SessionUser } from '../auth/sessions.js';
import type { Queryable } from '../db/db.js';
import type { HubApp, HubServices } from '../env.js';
import { conflict, HttpError, invalidData, notFound } from '../http/problem.js';
import { idParam, jsonBody } from '../http/request.js';
import { checkService, forOrganisation, type Envelope } from '../records/feed-check.js';
import { changeOffer, OFFER_COLUMNS, offerOut, saveDraft, saveVersion, staleCutoff, type OfferRow, type OfferState } from '../records/offers.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/** `If-Match: "7"` → 7; undefined when absent; 412-style garbage is a 400. */
function ifMatch(c: Context): number | undefined {
  const header = c.req.header('if-match');
  if (header === undefined) return undefined;
  const m = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header);
  if (!m) throw new HttpError(400, 'Richiesta non valida', 'If-Match deve essere la versione tra virgolette, per esempio "3".');
  return Number(m[1]);
}

export function offerRoutes(app: HubApp, s: HubServices): void {
  const who = (c: Context, user: SessionUser) => ({ user, address: c.get('address'), at: s.config.now() });
  const out = (row: OfferRow) => offerOut(row, s.config);

  /** The offer, when this user may see it (another organisation's is "not found"). */
  function visible<Row extends OfferRow>(row: Row | undefined, user: SessionUser): Row {
    if (!row || (user.role !== 'admin' && row.organisation_id !== user.organisationId)) throw notFound();
    return row;
  }

  /** The offer for update (inside a transaction), when this user may see it. */
  async function lockOffer(q: Queryable, user: SessionUser, id: string): Promise<OfferRow> {
    return visible((await q.query<OfferRow>('SELECT * FROM services WHERE id = $1 FOR UPDATE', [id])).rows[0], user);
  }

  /** The offer as it is now, without a lock. */
  async function readOffer(user: SessionUser, id: string): Promise<OfferRow> {
    return visible((await s.db.query<OfferRow>(`SELECT ${OFFER_COLUMNS} FROM services WHERE id = $1`, [id], { name: 'offer-read' })).rows[0], user);
  }

  /** changeOffer on a row read FOR UPDATE in the same transaction: it cannot have moved. */
  async function changeLocked(...args: Parameters<typeof changeOffer>): Promise<OfferRow> {
    const next = await changeOffer(...args);
    if (!next) throw new Error(`offer ${args[1].id} changed under its lock`);
    return next;
  }

  /** 409 with the current offer when the client's version is not the latest. */
  function sameVersion(row: OfferRow, expected: number | undefined) {
    if (expected !== undefined && expected !== row.version) {
      throw conflict(`Nel frattempo qualcun altro ha salvato questa offerta (versione ${row.version}). Ecco la versione attuale: riporta le tue modifiche su di essa.`, { current: out(row) });
    }
  }

  /** Refuses data the feed would refuse (same checks as `welfare-feed validate`). */
  async function checked(q: Queryable, data: Record<string, unknown>, known?: Envelope) {
    const result = await checkService(q, data, romeToday(s.config.now()), known);
    if (result.errors.length) throw invalidData('L\'offerta contiene errori da correggere prima di salvarla.', result.errors, { warnings: result.warnings });
    return result.warnings;
  }

  const respond = (c: Context, row: OfferRow, status: 200 | 201 = 200, warnings?: unknown[]) => {
    c.header('ETag', `"${row.version}"`);
    return c.json({ ...out(row), ...(warnings ? { warnings } : {}) }, status);
  };

  app.get('/api/offers', async (c) => {
    const user = requireUser(c);
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    const organisationId = user.role === 'admin' ? c.req.query('organisationId') : user.organisationId;
    if (organisationId) add('organisation_id = ?', organisationId);
    const state = c.req.query('state');
    if (state) add('state = ?', state);
    const q = c.req.query('q')?.trim().slice(0, 200);
    if (q) {
      params.push(`%${q.replace(/[\\%_]/g, '\\$&')}%`);
      const n = `$${params.length}`;
      where.push(`(id ILIKE ${n} OR data->>'name' ILIKE ${n} OR data->'name'->>'it' ILIKE ${n} OR data->'name'->>'en' ILIKE ${n})`);
    }
    const sql = `SELECT * FROM services ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY updated_at DESC, id`;
    const { rows } = await s.db.query<OfferRow>(sql, params);
    return c.json({ offers: rows.map(out) });
  });

  app.post('/api/offers', async (c) => {
    const user = requireUser(c);
    const body = await jsonBody<{ data: Record<string, unknown>; organisationId?: string }>(c, 'OfferCreate');
    const organisationId = user.role === 'admin' ? body.organisationId : user.organisationId;
    if (!organisationId) throw invalidData('Indica l\'ente a cui appartiene l\'offerta.', [{ path: 'organisationId', message: 'campo obbligatorio' }]);
    if (user.role !== 'admin' && body.organisationId && body.organisationId !== user.organisationId) throw notFound('L\'ente indicato non esiste, oppure non è il tuo.');
    const asked = typeof body.data['id'] === 'string' ? body.data['id'] : undefined;
    if (asked !== undefined && !ID.test(asked)) throw invalidData('Il codice dell\'offerta può contenere solo lettere, cifre e . _ : -', [{ path: 'data.id', message: 'codice non valido' }]);
    const id = asked ?? `svc-${randomBytes(6).toString('hex')}`;
    const at = s.config.now();
    const data = { ...body.data, id, organization: organisationId };
    const [row, warnings] = await s.db.transaction(async (tx) => {
      const org = (await tx.query<{ disabled: boolean }>('SELECT disabled FROM organisations WHERE id = $1', [organisationId])).rows[0];
      if (!org) throw invalidData('L\'ente indicato non esiste.', [{ path: 'organisationId', message: 'ente sconosciuto' }]);
      if ((await tx.query('SELECT 1 FROM services WHERE id = $1', [id])).rows.length) throw conflict(`Esiste già un'offerta con il codice «${id}».`);
      const warnings = await checked(tx, data);
      const inserted = await tx.query<OfferRow>(
        `INSERT INTO services (id, organisation_id, state, version, data, verified_at, created_at, updated_at, updated_by)
         VALUES ($1, $2, 'draft', 1, $3, $4, $4, $4, $5) RETURNING *`,
        [id, organisationId, JSON.stringify(data), at, user.id],
      );
      const row = inserted.rows[0]!;
      await saveVersion(tx, row, user.id, at);
      await audit(tx, { at, address: c.get('address'), actorId: user.id, action: 'offer-created', targetType: 'offer', targetId: id, detail: { organisationId } });
      return [row, warnings] as const;
    });
    return respond(c, row, 201, warnings);
  });

  app.get('/api/offers/:id', async (c) => {
    const user = requireUser(c);
    const row = await readOffer(user, idParam(c));
    return respond(c, row);
  });

  app.put('/api/offers/:id', async (c) => {
    const user = requireUser(c);
    const id = idParam(c);
    const expected = ifMatch(c);
    const body = await jsonBody<{ data: Record<string, unknown> }>(c, 'OfferUpdate');
    if (expected === undefined) throw new HttpError(428, 'Versione richiesta', 'Manca If-Match con la versione che hai modificato: ricarica l\'offerta e riprova.');
    // One round trip for an editor (the commonest request; 50 editors saving at once queue
    // behind each other): the data is checked first, against the envelope kept in memory,
    // then one statement writes the offer, its version and the audit line only if the offer
    // is still at the version the editor had, is theirs and is not archived. Anything else
    // (and any refused data) reads the offer to answer exactly as before: 404, then 409, then 422.
    // The office does not know the offer's organisation before reading it: one read first.
    const organisationId = user.role === 'admin' ? (await readOffer(user, id)).organisation_id : user.organisationId!;
    const data = { ...body.data, id, organization: organisationId };
    const result = await checkService(s.db, data, romeToday(s.config.now()), forOrganisation(await s.envelopes.get(s.db), organisationId));
    const explain = async () => {
      const row = await readOffer(user, id);
      sameVersion(row, expected);
      if (row.state === 'archived') throw conflict('L\'offerta è archiviata: ripristinala prima di modificarla.');
    };
    if (result.errors.length) {
      await explain();
      throw invalidData('L\'offerta contiene errori da correggere prima di salvarla.', result.errors, { warnings: result.warnings });
    }
    const next = await saveDraft(s.db, id, expected, user.role === 'admin' ? undefined : organisationId, data, who(c, user));
    if (!next) {
      await explain();
      // Saved by someone else between the check and the write (same version number read twice is impossible): 409 as for a stale If-Match.
      sameVersion(await readOffer(user, id), -1);
    }
    return respond(c, next!, 200, result.warnings);
  });

  /** A workflow step: checks the version when If-Match is given, applies `step` in a transaction. */
  function action(
    name: string,
    step: (tx: Queryable, row: OfferRow, user: SessionUser, c: Context) => Promise<OfferRow>,
    options: { admin?: boolean; publishes?: boolean } = {},
  ) {
    app.post(`/api/offers/:id/${name}`, async (c) => {
      const user = options.admin ? requireAdmin(c) : requireUser(c);
      const id = idParam(c);
      const expected = ifMatch(c);
      const row = await s.db.transaction(async (tx) => {
        const row = await lockOffer(tx, user, id);
        sameVersion(row, expected);
        return step(tx, row, user, c);
      });
      if (options.publishes) s.publisher.schedule();
      return respond(c, row);
    });
  }

  const wrongState = (row: OfferRow, what: string) =>
    conflict(`Non si può ${what} un'offerta nello stato «${STATE_NAMES[row.state]}».`, { current: out(row) });

  action(
    'submit',
    async (tx, row, user, c) => {
      if (row.state !== 'draft' && row.state !== 'returned') throw wrongState(row, 'inviare in revisione');
      await checked(tx, row.data);
      const org = (await tx.query<{ trusted: boolean }>('SELECT trusted FROM organisations WHERE id = $1', [row.organisation_id])).rows[0];
      // Trusted organisations publish without review.
      if (org?.trusted) return changeLocked(tx, row, { state: 'published', publishedData: row.data, note: null }, who(c, user), 'offer-published', { trusted: true });
      return changeLocked(tx, row, { state: 'submitted', note: null }, who(c, user), 'offer-submitted');
    },
    { publishes: true },
  );

  action(
    'approve',
    async (tx, row, user, c) => {
      if (row.state !== 'submitted') throw wrongState(row, 'approvare');
      await checked(tx, row.data);
      return changeLocked(tx, row, { state: 'published', publishedData: row.data, note: null }, who(c, user), 'offer-approved');
    },
    { admin: true, publishes: true },
  );

  app.post('/api/offers/:id/send-back', async (c) => {
    const user = requireAdmin(c);
    const id = idParam(c);
    const expected = ifMatch(c);
    const { note } = await jsonBody<{ note: string }>(c, 'SendBack');
    const row = await s.db.transaction(async (tx) => {
      const row = await lockOffer(tx, user, id);
      sameVersion(row, expected);
      if (row.state !== 'submitted') throw wrongState(row, 'rimandare indietro');
      return changeLocked(tx, row, { state: 'returned', note: note.trim() }, who(c, user), 'offer-sent-back', { note: note.trim() });
    });
    return respond(c, row);
  });

  app.post('/api/offers/:id/verify', async (c) => {
    const user = requireUser(c);
    const id = idParam(c);
    const row = await s.db.transaction(async (tx) => {
      const row = await lockOffer(tx, user, id);
      if (row.state === 'archived') throw wrongState(row, 'confermare');
      const at = s.config.now();
      // Verifying says "still true"; it changes no content, so the version stays.
      await tx.query('UPDATE services SET verified_at = $2 WHERE id = $1', [id, at]);
      await audit(tx, { at, address: c.get('address'), actorId: user.id, action: 'offer-verified', targetType: 'offer', targetId: id });
      return { ...row, verified_at: at };
    });
    return respond(c, row);
  });

  action(
    'archive',
    async (tx, row, user, c) => {
      if (row.state === 'archived') throw wrongState(row, 'archiviare');
      return changeLocked(tx, row, { state: 'archived', publishedData: null }, who(c, user), 'offer-archived');
    },
    { publishes: true },
  );

  app.post('/api/offers/:id/restore', async (c) => {
    const user = requireUser(c);
    const id = idParam(c);
    const expected = ifMatch(c);
    const { version } = await jsonBody<{ version: number }>(c, 'Restore');
    const row = await s.db.transaction(async (tx) => {
      const row = await lockOffer(tx, user, id);
      sameVersion(row, expected);
      const old = (await tx.query<{ data: Record<string, unknown> }>('SELECT data FROM service_versions WHERE service_id = $1 AND version = $2', [id, version])).rows[0];
      if (!old) throw notFound(`La versione ${version} di questa offerta non esiste.`);
      // The restored text becomes a new draft: it reaches the feed through the usual review.
      return changeLocked(tx, row, { state: 'draft', data: { ...old.data, id: row.id, organization: row.organisation_id } }, who(c, user), 'offer-restored', { from: version });
    });
    return respond(c, row);
  });

  app.get('/api/offers/:id/versions', async (c) => {
    const user = requireUser(c);
    const row = await readOffer(user, idParam(c));
    const { rows } = await s.db.query<{ version: number; saved_at: Date; saved_by: string | null; state: string; data: unknown; note: string | null }>(
      'SELECT version, saved_at, saved_by, state, data, note FROM service_versions WHERE service_id = $1 ORDER BY version DESC',
      [row.id],
    );
    return c.json({
      versions: rows.map((v) => ({ version: v.version, savedAt: new Date(v.saved_at).toISOString(), savedBy: v.saved_by, state: v.state, note: v.note, data: v.data })),
    });
  });

  app.get('/api/review-queue', async (c) => {
    requireAdmin(c);
    const { rows } = await s.db.query<OfferRow>(`SELECT * FROM services WHERE state = 'submitted' ORDER BY updated_at, id`);
    return c.json({ offers: rows.map(out) });
  });

  app.post('/api/review-queue/approve', async (c) => {
    const user = requireAdmin(c);
    const { ids } = await jsonBody<{ ids: string[] }>(c, 'BulkApprove');
    const rows = await s.db.transaction(async (tx) => {
      const done: OfferRow[] = [];
      // All or nothing: one offer that cannot be approved leaves every other as it was.
      for (const id of [...new Set(ids)]) {
        const row = await lockOffer(tx, user, id);
        if (row.state !== 'submitted') throw wrongState(row, 'approvare');
        await checked(tx, row.data);
        done.push(await changeLocked(tx, row, { state: 'published', publishedData: row.data, note: null }, who(c, user), 'offer-approved', { bulk: true }));
      }
      return done;
    });
    s.publisher.schedule();
    return c.json({ offers: rows.map(out) });
  });

  app.get('/api/stale', async (c) => {
    const user = requireUser(c);
    const params: unknown[] = [staleCutoff(s.config)];
    let sql = `SELECT * FROM services WHERE state <> 'archived' AND COALESCE(verified_at, created_at) < $1`;
    if (user.role !== 'admin') {
      params.push(user.organisationId);
      sql += ' AND organisation_id = $2';
    }
    const { rows } = await s.db.query<OfferRow>(`${sql} ORDER BY COALESCE(verified_at, created_at), id`, params);
    return c.json({ offers: rows.map(out) });
  });
}

const STATE_NAMES: Record<OfferState, string> = {
  draft: 'bozza',
  submitted: 'in revisione',
  published: 'pubblicata',
  returned: 'rimandata indietro',
  archived: 'archiviata',
};
