import { Hono } from 'hono';
import type { HubConfig } from './config.js';
import type { Db } from './db/db.js';

/** What every route handler can reach. */
export interface HubContext {
  db: Db;
  config: HubConfig;
}

export interface Hub extends HubContext {
  /** The HTTP application: `app.fetch` for a server, `app.request()` in tests. */
  app: Hono;
}

/** Builds the hub's HTTP application on an open, migrated database. */
export function createHub(db: Db, config: HubConfig): Hub {
  const app = new Hono();
  app.get('/api/health', async (c) => {
    await db.query('SELECT 1');
    return c.json({ ok: true, database: db.kind });
  });
  return { app, db, config };
}
