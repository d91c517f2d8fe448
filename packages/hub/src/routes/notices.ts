import type { Context } from 'hono';
import { randomBytes } from 'node:crypto';
import { romeToday } from 'welfare-feed';
import { audit } from '../audit.js';
import { requireAdmin, requireUser, type SessionUser } from '../auth/sessions.js';
import type { Queryable } from '../db/db.js';
import type { HubApp, HubServices } from '../env.js';
import { conflict, HttpError, invalidData, notFound } from '../http/problem.js';
import { idParam, jsonBody } from '../http/request.js';
import { checkNotice } from '../records/feed-check.js';

interface NoticeRow {
  id: string;
  organisation_id: string | null;
  state: 'draft' | 'published' | 'archived';
  version: number;
  data: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
  updated_by: string | null;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

const noticeOut = (r: NoticeRow) => ({
  id: r.id,
  organisationId: r.organisation_id,
  state: r.state,
  version: r.version,
  data: r.data,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
  updatedBy: r.updated_by,
});

function ifMatch(c: Context): number | undefined {
  const header = c.req.header('if-match');
  if (header === undefined) return undefined;
  const m = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header);
  if (!m) throw new HttpError(400, 'Richiesta non valida', 'If-Match deve essere la versione tra virgolette, per esempio "3".');
  return Number(m[1]);
}

/**
 * Notices (closures, news) of the feed. The office's are published when saved, and so are
 * those of trusted organisations; an editor of another organisation saves a draft that the
 * office publishes (`/approve`). An editor may link only its own organisation's services.
 */
export function noticeRoutes(app: HubApp, s: HubServices): void {
  async function lockNotice(q: Queryable, user: SessionUser, id: string): Promise<NoticeRow> {
    const row = (await q.query<NoticeRow>('SELECT * FROM notices WHERE id = $1 FOR UPDATE', [id])).rows[0];
    if (!row || (user.role !== 'admin' && row.organisation_id !== user.organisationId)) throw notFound();
    return row;
  }

  /** Editors may name only their own organisation's services; the feed checks do the rest. */
  async function checked(q: Queryable, user: SessionUser, data: Record<string, unknown>) {
    const services = Array.isArray(data['services']) ? data['services'].filter((x): x is string => typeof x === 'string') : [];
    if (user.role !== 'admin' && services.length) {
      const { rows } = await q.query<{ id: string }>('SELECT id FROM services WHERE id = ANY($1) AND organisation_id = $2', [services, user.organisationId]);
      const own = new Set(rows.map((r) => r.id));
      const foreign = services.map((id, i) => [id, i] as const).filter(([id]) => !own.has(id));
      if (foreign.length) throw invalidData('Un avviso può riguardare solo servizi del tuo ente.', foreign.map(([id, i]) => ({ path: `data.services[${i}]`, message: `servizio sconosciuto o di un altro ente: ${id}` })));
    }
    const result = await checkNotice(q, data, romeToday(s.config.now()));
    if (result.errors.length) throw invalidData('L\'avviso contiene errori da correggere prima di salvarlo.', result.errors, { warnings: result.warnings });
    return result.warnings;
  }

  async function publishesDirectly(q: Queryable, user: SessionUser): Promise<boolean> {
    if (user.role === 'admin') return true;
    const org = (await q.query<{ trusted: boolean }>('SELECT trusted FROM organisations WHERE id = $1', [user.organisationId])).rows[0];
    return org?.trusted === true;
  }

  async function save(tx: Queryable, row: NoticeRow, user: SessionUser, at: Date, action: string, address: string) {
    await tx.query('UPDATE notices SET state = $2, version = $3, data = $4, updated_at = $5, updated_by = $6 WHERE id = $1', [row.id, row.state, row.version, JSON.stringify(row.data), at, user.id]);
    await tx.query('INSERT INTO notice_versions (notice_id, version, state, data, saved_at, saved_by) VALUES ($1, $2, $3, $4, $5, $6)', [row.id, row.version, row.state, JSON.stringify(row.data), at, user.id]);
    await audit(tx, { at, address, actorId: user.id, action, targetType: 'notice', targetId: row.id, detail: { version: row.version, state: row.state } });
    return { ...row, updated_at: at, updated_by: user.id };
  }

  const respond = (c: Context, row: NoticeRow, status: 200 | 201 = 200, warnings?: unknown[]) => {
    c.header('ETag', `"${row.version}"`);
    return c.json({ ...noticeOut(row), ...(warnings ? { warnings } : {}) }, status);
  };

  app.get('/api/notices', async (c) => {
    const user = requireUser(c);
    const { rows } =
      user.role === 'admin'
        ? await s.db.query<NoticeRow>('SELECT * FROM notices ORDER BY updated_at DESC, id')
        : await s.db.query<NoticeRow>('SELECT * FROM notices WHERE organisation_id = $1 ORDER BY updated_at DESC, id', [user.organisationId]);
    return c.json({ notices: rows.map(noticeOut) });
  });

  app.post('/api/notices', async (c) => {
    const user = requireUser(c);
    const body = await jsonBody<{ data: Record<string, unknown>; organisationId?: string | null }>(c, 'NoticeCreate');
    const organisationId = user.role === 'admin' ? (body.organisationId ?? null) : user.organisationId;
    if (user.role !== 'admin' && body.organisationId && body.organisationId !== user.organisationId) throw notFound('L\'ente indicato non esiste, oppure non è il tuo.');
    const asked = typeof body.data['id'] === 'string' ? body.data['id'] : undefined;
    if (asked !== undefined && !ID.test(asked)) throw invalidData('Codice dell\'avviso non valido.', [{ path: 'data.id', message: 'codice non valido' }]);
    const id = asked ?? `avviso-${randomBytes(6).toString('hex')}`;
    const data: Record<string, unknown> = { ...body.data, id };
    if (organisationId) data['organization'] = organisationId;
    const at = s.config.now();
    const [row, warnings, published] = await s.db.transaction(async (tx) => {
      if (organisationId && !(await tx.query('SELECT 1 FROM organisations WHERE id = $1', [organisationId])).rows.length) {
        throw invalidData('L\'ente indicato non esiste.', [{ path: 'organisationId', message: 'ente sconosciuto' }]);
      }
      if ((await tx.query('SELECT 1 FROM notices WHERE id = $1', [id])).rows.length) throw conflict(`Esiste già un avviso con il codice «${id}».`);
      const warnings = await checked(tx, user, data);
      const published = await publishesDirectly(tx, user);
      await tx.query(`INSERT INTO notices (id, organisation_id, state, version, data, created_at, updated_at) VALUES ($1, $2, $3, 1, $4, $5, $5)`, [id, organisationId, published ? 'published' : 'draft', JSON.stringify(data), at]);
      const row: NoticeRow = { id, organisation_id: organisationId, state: published ? 'published' : 'draft', version: 1, data, created_at: at, updated_at: at, updated_by: user.id };
      return [await save(tx, row, user, at, 'notice-created', c.get('address')), warnings, published] as const;
    });
    if (published) s.publisher.schedule();
    return respond(c, row, 201, warnings);
  });

  app.get('/api/notices/:id', async (c) => respond(c, await lockNotice(s.db, requireUser(c), idParam(c))));

  app.put('/api/notices/:id', async (c) => {
    const user = requireUser(c);
    const id = idParam(c);
    const expected = ifMatch(c);
    const body = await jsonBody<{ data: Record<string, unknown> }>(c, 'NoticeUpdate');
    if (expected === undefined) throw new HttpError(428, 'Versione richiesta', 'Manca If-Match con la versione che hai modificato.');
    const [row, warnings] = await s.db.transaction(async (tx) => {
      const row = await lockNotice(tx, user, id);
      if (row.version !== expected) throw conflict(`Nel frattempo qualcun altro ha salvato questo avviso (versione ${row.version}).`, { current: noticeOut(row) });
      if (row.state === 'archived') throw conflict('L\'avviso è archiviato.');
      const data: Record<string, unknown> = { ...body.data, id: row.id };
      if (row.organisation_id) data['organization'] = row.organisation_id;
      const warnings = await checked(tx, user, data);
      const state = (await publishesDirectly(tx, user)) ? 'published' : 'draft';
      return [await save(tx, { ...row, data, state, version: row.version + 1 }, user, s.config.now(), 'notice-saved', c.get('address')), warnings] as const;
    });
    s.publisher.schedule();
    return respond(c, row, 200, warnings);
  });

  app.post('/api/notices/:id/approve', async (c) => {
    const user = requireAdmin(c);
    const id = idParam(c);
    const row = await s.db.transaction(async (tx) => {
      const row = await lockNotice(tx, user, id);
      if (row.state !== 'draft') throw conflict('Si può pubblicare solo un avviso in bozza.', { current: noticeOut(row) });
      await checked(tx, user, row.data);
      return save(tx, { ...row, state: 'published', version: row.version + 1 }, user, s.config.now(), 'notice-approved', c.get('address'));
    });
    s.publisher.schedule();
    return respond(c, row);
  });

  app.post('/api/notices/:id/archive', async (c) => {
    const user = requireUser(c);
    const id = idParam(c);
    const row = await s.db.transaction(async (tx) => {
      const row = await lockNotice(tx, user, id);
      if (row.state === 'archived') throw conflict('L\'avviso è già archiviato.', { current: noticeOut(row) });
      return save(tx, { ...row, state: 'archived', version: row.version + 1 }, user, s.config.now(), 'notice-archived', c.get('address'));
    });
    s.publisher.schedule();
    return respond(c, row);
  });
}
