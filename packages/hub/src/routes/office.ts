import { requireAdmin, requireUser } from '../auth/sessions.js';
import type { HubApp, HubServices } from '../env.js';

/** Reference data for the forms, and the office's views of what happened. */
export function officeRoutes(app: HubApp, s: HubServices): void {
  app.get('/api/territory', async (c) => {
    requireUser(c);
    // Only what is not archived: the form offers these for new choices.
    const comuni = (await s.db.query<{ id: string; name: string; lat: number | null; lon: number | null; patron: string | null; patron_date: string | null }>('SELECT * FROM comuni WHERE NOT archived ORDER BY name')).rows;
    const categories = (await s.db.query<{ data: unknown }>('SELECT data FROM categories WHERE NOT archived ORDER BY position, id')).rows.map((r) => r.data);
    // An audience without its own name goes out as its id: the pages name it (audienceName).
    const audiences = (await s.db.query<{ data: { id: string; name?: unknown } }>('SELECT data FROM audiences WHERE NOT archived ORDER BY position, id')).rows.map((r) => (r.data.name ? r.data : r.data.id));
    return c.json({
      comuni: comuni.map((k) => ({ id: k.id, name: k.name, lat: k.lat, lon: k.lon, ...(k.patron ? { patron: k.patron } : {}), ...(k.patron_date ? { patronDate: k.patron_date } : {}) })),
      categories,
      audiences,
    });
  });

  app.get('/api/audit', async (c) => {
    requireAdmin(c);
    const limit = Math.min(Math.max(Number(c.req.query('limit')) || 200, 1), 1000);
    const before = Number(c.req.query('before')) || undefined;
    const { rows } = await s.db.query<{ id: number; at: Date; actor_id: string | null; address: string | null; action: string; target_type: string | null; target_id: string | null; detail: unknown }>(
      `SELECT * FROM audit_log ${before ? 'WHERE id < $2' : ''} ORDER BY id DESC LIMIT $1`,
      before ? [limit, before] : [limit],
    );
    return c.json({
      entries: rows.map((r) => ({ id: r.id, at: new Date(r.at).toISOString(), actorId: r.actor_id, address: r.address, action: r.action, targetType: r.target_type, targetId: r.target_id, detail: r.detail })),
    });
  });

  app.get('/api/publications', async (c) => {
    requireAdmin(c);
    const { rows } = await s.db.query<{ id: number; at: Date; ok: boolean; etag: string | null; services: number; notices: number; access_points: number; errors: number; problems: unknown; reason: string | null }>(
      'SELECT * FROM publications ORDER BY id DESC LIMIT 200',
    );
    return c.json({
      publications: rows.map((r) => ({ id: r.id, at: new Date(r.at).toISOString(), ok: r.ok, etag: r.etag, services: r.services, notices: r.notices, accessPoints: r.access_points, errors: r.errors, problems: r.problems ?? [], reason: r.reason })),
    });
  });
}
