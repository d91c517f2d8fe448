/** welfare-hub: the publishing hub's server (accounts, offers workflow, feed publishing). */
export type { Db, Queryable, QueryResult } from './db/db.js';
export { openDb, type OpenOptions } from './db/open.js';
export { migrate, readMigrations, MIGRATIONS_DIR, type Migration } from './db/migrate.js';
export { configure, DEFAULT_CONFIG, type HubConfig } from './config.js';
export { createHub, type Hub, type HubContext } from './app.js';
export { startHub, type RunningHub, type StartOptions } from './server.js';
