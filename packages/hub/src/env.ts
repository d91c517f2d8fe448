import type { Hono } from 'hono';
import type { SessionUser } from './auth/sessions.js';
import type { LoginThrottle } from './auth/login-throttle.js';
import type { HubConfig } from './config.js';
import type { Db } from './db/db.js';
import type { Mailer } from './mail/mailer.js';
import type { Publisher } from './publish/publisher.js';
import type { EnvelopeCache } from './records/feed-check.js';

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
  /** Login throttling per account and per address, in the database (auth/login-throttle.ts). */
  throttle: LoginThrottle;
  /** The categories and organisations a save is checked against, kept a few seconds (records/feed-check.ts). */
  envelopes: EnvelopeCache;
  /** Sends mail; undefined when the hub has no SMTP server (`--smtp`): check before use. */
  mailer?: Mailer;
}
