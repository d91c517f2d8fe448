import type { Hono } from 'hono';
import type { SessionUser } from './auth/sessions.js';
import type { Throttle } from './auth/throttle.js';
import type { HubConfig } from './config.js';
import type { Db } from './db/db.js';
import type { Mailer } from './mail/mailer.js';
import type { Publisher } from './publish/publisher.js';

/** Per-request values set by the hub's middleware. */
export interface HubEnv {
  Variables: {
    user: SessionUser | undefined;
    /** The client's address (for throttling and the audit log). */
    address: string;
  };
}

export type HubApp = Hono<HubEnv>;

/** What the routes share. */
export interface HubServices {
  db: Db;
  config: HubConfig;
  publisher: Publisher;
  throttles: { account: Throttle; address: Throttle };
  /** Sends mail; undefined when the hub has no SMTP server (`--smtp`): check before use. */
  mailer?: Mailer;
}
