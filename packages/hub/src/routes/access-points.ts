import type { Context } from 'hono';
import { randomBytes } from 'node:crypto';
import { romeToday } from 'welfare-feed';
import { audit } from '../audit.js';
import { requireAdmin, type SessionUser } from '../auth/sessions.js';
import type { Queryable } from '../db/db.js';
import type { HubApp, HubServices } from '../env.js';
import { conflict, HttpError, invalidData, notFound } from '../http/problem.js';
import { idParam, jsonBody } from '../http/request.js';
import { checkAccessPoint } from '../records/feed-check.js';

interface AccessPointRow {
  id: string;
  version: number;
  data: Record<string, unknown>;
  archived: boolean;
  updated_at: Date;
  updated_by: string | null;
}

const out = (r: AccessPointRow) => ({ id: r.id, version: r.version, archived: r.archived, data: r.data, updatedAt: new Date(r.updated_at).toISOString(), updatedBy: r.updated_by });
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/** Access points are the office's own: only admins see or change them here; saved = published. */
export function accessPointRoutes(app: HubApp, s: HubServices): void {
  async function checked(q: Queryable, data: Record<string, unknown>) {
    const result = await checkAccessPoint(q, data, romeToday(s.config.now()));
    if (result.errors.length) throw invalidData('Il punto di accesso contiene errori da correggere.', result.errors, { warnings: result.warnings });
    return result.warnings;
  }

  async function save(tx: Queryable, row: AccessPointRow, user: SessionUser, c: Context, action: string) {
    const at = s.config.now();
    await tx.query('UPDATE access_points SET version = $2, data = $3, archived = $4, updated_at = $5, updated_by = $6 WHERE id = $1', [row.id, row.version, JSON.stringify(row.data), row.archived, at, user.id]);
    await tx.query('INSERT INTO access_point_versions (access_point_id, version, data, archived, saved_at, saved_by) VALUES ($1, $2, $3, $4, $5, $6)', [row.id, row.version, JSON.stringify(row.data), row.archived, at, user.id]);
    await audit(tx, { at, address: c.get('address'), actorId: user.id, action, targetType: 'access-point', targetId: row.id, detail: { version: row.version } });
    return { ...row, updated_at: at, updated_by: user.id };
  }

  async function lock(q: Queryable, id: string) {
    const row = (await q.query<AccessPointRow>('SELECT * FROM access_points WHERE id = $1 FOR UPDATE', [id])).rows[0];
    if (!row) throw notFound();
    return row;
  }

  const respond = (c: Context, row: AccessPointRow, status: 200 | 201 = 200) => {
    c.header('ETag', `"${row.version}"`);
    return c.json(out(row), status);
  };

  app.get('/api/access-points', async (c) => {
    requireAdmin(c);
    const { rows } = await s.db.query<AccessPointRow>('SELECT * FROM access_points ORDER BY id');
    return c.json({ accessPoints: rows.map(out) });
  });

  app.get('/api/access-points/:id', async (c) => {
    requireAdmin(c);
    return respond(c, await lock(s.db, idParam(c)));
  });

  app.post('/api/access-points', async (c) => {
    const user = requireAdmin(c);
    const { data } = await jsonBody<{ data: Record<string, unknown> }>(c, 'AccessPointWrite');
    const asked = typeof data['id'] === 'string' ? data['id'] : undefined;
    if (asked !== undefined && !ID.test(asked)) throw invalidData('Codice non valido.', [{ path: 'data.id', message: 'codice non valido' }]);
    const id = asked ?? `ap-${randomBytes(6).toString('hex')}`;
    const row = await s.db.transaction(async (tx) => {
      if ((await tx.query('SELECT 1 FROM access_points WHERE id = $1', [id])).rows.length) throw conflict(`Esiste già un punto di accesso con il codice «${id}».`);
      await checked(tx, { ...data, id });
      await tx.query('INSERT INTO access_points (id, version, data) VALUES ($1, 1, $2)', [id, JSON.stringify({ ...data, id })]);
      return save(tx, { id, version: 1, data: { ...data, id }, archived: false, updated_at: new Date(), updated_by: null }, user, c, 'access-point-created');
    });
    s.publisher.schedule();
    return respond(c, row, 201);
  });

  app.put('/api/access-points/:id', async (c) => {
    const user = requireAdmin(c);
    const id = idParam(c);
    const header = c.req.header('if-match');
    const { data } = await jsonBody<{ data: Record<string, unknown> }>(c, 'AccessPointWrite');
    const expected = header === undefined ? undefined : Number(/^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header)?.[1] ?? NaN);
    if (expected === undefined) throw new HttpError(428, 'Versione richiesta', 'Manca If-Match con la versione che hai modificato.');
    const row = await s.db.transaction(async (tx) => {
      const row = await lock(tx, id);
      if (row.version !== expected) throw conflict(`Nel frattempo qualcun altro ha salvato questo punto di accesso (versione ${row.version}).`, { current: out(row) });
      await checked(tx, { ...data, id });
      return save(tx, { ...row, data: { ...data, id }, version: row.version + 1 }, user, c, 'access-point-saved');
    });
    s.publisher.schedule();
    return respond(c, row);
  });

  app.post('/api/access-points/:id/archive', async (c) => {
    const user = requireAdmin(c);
    const id = idParam(c);
    const row = await s.db.transaction(async (tx) => {
      const row = await lock(tx, id);
      if (row.archived) throw conflict('Il punto di accesso è già archiviato.');
      return save(tx, { ...row, archived: true, version: row.version + 1 }, user, c, 'access-point-archived');
    });
    s.publisher.schedule();
    return respond(c, row);
  });
}
