import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createHub, type Hub, type HubOptions } from './app.js';
import { configure, type HubConfig } from './config.js';
import { openDb } from './db/open.js';
import { warmUp, warmUpHttp, type WarmUpOptions } from './ops/warm-up.js';

export interface StartOptions extends Partial<HubConfig>, HubOptions {
  port?: number;
  host?: string;
  /**
   * Rehearse this many saves before listening (ops/warm-up.ts), within `budgetMs`;
   * default 400 saves in at most 4 s, `{ saves: 0 }` to skip it. Env HUB_WARM_UP_SAVES overrides the number.
   */
  warmUp?: Partial<WarmUpOptions>;
}

export interface RunningHub extends Hub {
  server: ServerType;
  port: number;
  url: string;
  /** The saves rehearsed before listening and the requests after (ops/warm-up.ts), and how long they took. */
  warmedUp: { saves: number; requests: number; ms: number };
  close(): Promise<void>;
}

/** Opens the database, applies migrations and listens (port 0 = any free port). */
export async function startHub(options: StartOptions = {}): Promise<RunningHub> {
  const config = configure(options);
  // PGlite in a thread of its own: its WebAssembly and the HTTP work then use both cores.
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, thread: true });
  const hub = await createHub(db, config, options);
  const warming = performance.now();
  // A rehearsal only saves time: one that fails is said and the hub starts all the same.
  const rehearsed = <T>(step: Promise<T>, none: T) =>
    step.catch((error: unknown) => {
      console.error('welfare-hub: warm-up skipped:', error instanceof Error ? error.message : error);
      return none;
    });
  const saves = await rehearsed(
    warmUp(db, hub.envelopes, config, {
      saves: Number(process.env.HUB_WARM_UP_SAVES ?? options.warmUp?.saves ?? 400),
      budgetMs: options.warmUp?.budgetMs ?? 4_000,
    }),
    0,
  );
  const warmedUp = { saves, requests: 0, ms: performance.now() - warming };
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: hub.app.fetch, port: options.port ?? 0, hostname: host }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  // Only when the saves were rehearsed too (a hub with offers to serve), and within the same budget.
  if (warmedUp.saves) {
    const httpStarted = performance.now();
    // Over loopback even when the hub listens on every interface.
    const own = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : host.includes(':') ? `[${host}]` : host;
    warmedUp.requests = await rehearsed(warmUpHttp(`http://${own}:${port}`, Number(process.env.HUB_WARM_UP_REQUESTS ?? 1_000), options.warmUp?.budgetMs ?? 4_000), 0);
    warmedUp.ms += performance.now() - httpStarted;
  }
  return {
    ...hub,
    server,
    port,
    url,
    warmedUp,
    async close() {
      hub.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await hub.publisher.idle();
      await db.close();
    },
  };
}
