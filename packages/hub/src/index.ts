/** welfare-hub: the publishing hub's server (accounts, offers workflow, feed publishing). */
export type { Db, Queryable, QueryResult } from './db/db.js';
export { openDb, type OpenOptions } from './db/open.js';
export { migrate, readMigrations, MIGRATIONS_DIR, type Migration } from './db/migrate.js';
export { configure, DEFAULT_CONFIG, type HubConfig } from './config.js';
export { createHub, MAX_BODY_BYTES, type Hub, type HubOptions } from './app.js';
export type { HubServices } from './env.js';
export { Publisher, writeAtomically, type PublishResult, type ServedFeed } from './publish/publisher.js';
export { buildFeed } from './publish/build.js';
export { hashPassword, passwordProblem } from './auth/passwords.js';
export { audit } from './audit.js';
export { startHub, type RunningHub, type StartOptions } from './server.js';
export { backup, restore, RestoreError, BACKUP_FORMAT, tablesInOrder, type Backup } from './ops/backup.js';
export { importFeed, type ImportOptions, type ImportResult, type ImportIssue, type ImportCounts } from './ops/import.js';
export { exportAll, type ExportResult } from './ops/export.js';
export { seedDemo, isEmpty, type DemoAccount, type DemoOptions } from './ops/demo.js';
export { FolderBusy, lockFolder } from './db/lock.js';
export { createMailer, defaultFrom, type Mailer, type MailMessage, type MailerOptions } from './mail/mailer.js';
