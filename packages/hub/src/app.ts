import { Hono } from 'hono';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSession, SessionCache } from './auth/sessions.js';
import { LoginThrottle } from './auth/login-throttle.js';
import type { HubConfig } from './config.js';
import type { Db } from './db/db.js';
import type { HubEnv, HubServices } from './env.js';
import { HttpError, notFound, onError, problemResponse } from './http/problem.js';
import { limitBody } from './http/body-limit.js';
import { clientAddress } from './http/request.js';
import { aidCors, changesState, sameOrigin, securityHeaders } from './http/security.js';
import { createMailer } from './mail/mailer.js';
import { EnvelopeCache } from './records/feed-check.js';
import { tileSetting, type TileSetting } from './http/tiles.js';
import { Publisher } from './publish/publisher.js';
import { mutualAidRoutes } from './mutual-aid/routes.js';
import { accessPointRoutes } from './routes/access-points.js';
import { accountRoutes } from './routes/accounts.js';
import { feedRoutes } from './routes/feed.js';
import { noticeRoutes } from './routes/notices.js';
import { offerRoutes } from './routes/offers.js';
import { vocabularyRoutes } from './routes/vocabulary.js';
import { officeRoutes } from './routes/office.js';
import { sessionRoutes } from './routes/session.js';

/** Requests larger than this are refused before being read (an offer is a few KB). */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Requests that change content only, never a person, a session or an organisation: after
 * them the session cache is kept. Every other request that changes state empties it, so a
 * route added later is safe by default.
 */
export const SESSION_NEUTRAL = /^\/api\/(?:offers|notices|access-points|review-queue)(?:\/|$)/;

const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' };
const attribute = (value: string) => value.replace(/[&"<>]/g, (ch) => ATTRIBUTE_ESCAPES[ch]!);

/** index.html with `tiles` and `tiles-credit` on its <welfare-hub-app> set to the hub's setting. */
export function withTiles(page: string, tiles: TileSetting): string {
  return page.replace(/<welfare-hub-app\b[^>]*>/, (tag) => {
    const bare = tag.replace(/\s(?:tiles|tiles-credit)="[^"]*"/g, '');
    const set = ` tiles="${attribute(tiles.template)}"${tiles.credit ? ` tiles-credit="${attribute(tiles.credit)}"` : ''}`;
    return `${bare.slice(0, -1)}${set}>`;
  });
}

/** The editor pages (packages/hub-pages/dist), served under /gestione/ when built. */
export const PAGES_DIR = fileURLToPath(new URL('../../hub-pages/dist/', import.meta.url));

export interface Hub extends HubServices {
  /** The HTTP application: `app.fetch` for a server, `app.request()` in tests. */
  app: Hono<HubEnv>;
  /** Stops the timers (the database is the caller's to close). */
  stop(): void;
}

export interface HubOptions {
  /** Take the client address from X-Forwarded-For (only behind a proxy you run). */
  trustProxy?: boolean;
  /** Where the editor pages are; default packages/hub-pages/dist when present. */
  pagesDir?: string;
  /** Start the periodic republication (default true; tests turn it off). */
  timer?: boolean;
}

/**
 * Builds the hub on an open, migrated database: loads the last good feed, then publishes
 * once (a crash may have left approved records not yet in the feed).
 */
export async function createHub(db: Db, config: HubConfig, options: HubOptions = {}): Promise<Hub> {
  const publisher = new Publisher(db, config);
  const services: HubServices = {
    db,
    config,
    publisher,
    // Per account: 5 failures in 15 minutes; per address (a shared office NAT): 30.
    throttle: new LoginThrottle({ account: { limit: 5, windowMs: 15 * 60_000 }, address: { limit: 30, windowMs: 15 * 60_000 } }),
    envelopes: new EnvelopeCache(),
    mailer: config.smtpUrl ? createMailer({ url: config.smtpUrl, from: config.mailFrom }) : undefined,
  };
  const tiles = tileSetting(config.tiles, config.tilesCredit);
  const sessions = new SessionCache();
  const app = new Hono<HubEnv>();
  app.onError(onError);
  app.notFound((c) => (c.req.path.startsWith('/api/') ? problemResponse(notFound('Questo indirizzo non esiste.')) : c.text('Pagina non trovata', 404)));
  app.use('*', securityHeaders(config.secureCookies, tiles.source));
  app.use('/api/public/mutual-aid/*', aidCors(config.aidOrigins));
  app.use('/api/*', sameOrigin(config.publicUrl, config.aidOrigins));
  app.use('/api/*', limitBody(MAX_BODY_BYTES));
  app.use('/api/*', async (c, next) => {
    if (/%00/.test(c.req.url)) throw new HttpError(400, 'Richiesta non valida', 'L\'indirizzo contiene un carattere non ammesso.');
    c.set('address', clientAddress(c, options.trustProxy ?? false));
    c.set('user', await readSession(c, db, config, sessions));
    try {
      await next();
    } finally {
      if (changesState(c.req.method) && !SESSION_NEUTRAL.test(c.req.path)) {
        sessions.clear();
        services.envelopes.clear();
      }
    }
  });

  app.get('/api/health', async (c) => {
    await db.query('SELECT 1');
    return c.json({ ok: true, database: db.kind });
  });
  sessionRoutes(app, services);
  accountRoutes(app, services);
  offerRoutes(app, services);
  noticeRoutes(app, services);
  accessPointRoutes(app, services);
  officeRoutes(app, services);
  vocabularyRoutes(app, services);
  mutualAidRoutes(app, services);
  feedRoutes(app, services);

  const pages = options.pagesDir ?? PAGES_DIR;
  if (existsSync(pages)) {
    const { serveStatic } = await import('@hono/node-server/serve-static');
    app.get('/gestione', (c) => c.redirect('/gestione/'));
    // The one page gets this hub's tiles and credit on <welfare-hub-app>, for every map it draws.
    for (const path of ['/gestione/', '/gestione/index.html', '/gestione/invito.html', '/gestione/password.html']) {
      app.get(path, async (c) => c.html(withTiles(await readFile(join(pages, 'index.html'), 'utf8'), tiles), 200, { 'Cache-Control': 'no-cache' }));
    }
    // One page for everything: the one-time links (invito.html, password.html, as mails and
    // copies already carry them) get the same index.html, which reads its mode from the address.
    app.use('/gestione/*', serveStatic({ root: pages, rewriteRequestPath: (p) => p.replace(/^\/gestione/, '').replace(/^\/(?:invito|password)\.html$/, '/index.html') }));
  }

  await publisher.load();
  await publisher.schedule();
  if (options.timer !== false) publisher.startTimer();
  return {
    ...services,
    app,
    stop: () => {
      publisher.stop();
      services.mailer?.close();
    },
  };
}
