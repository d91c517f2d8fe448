import type { Context } from 'hono';
import type { HubServices } from '../env.js';

/** The address links in mails point at: the configured public address, or the request's. */
export function linkBase(c: Context, s: HubServices): string {
  return (s.config.publicUrl ?? new URL(c.req.url).origin).replace(/\/$/, '');
}
