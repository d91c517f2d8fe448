import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createHub, type Hub, type HubOptions } from './app.js';
import { configure, type HubConfig } from './config.js';
import { openDb } from './db/open.js';

export interface StartOptions extends Partial<HubConfig>, HubOptions {
  port?: number;
  host?: string;
}

export interface RunningHub extends Hub {
  server: ServerType;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Opens the database, applies migrations and listens (port 0 = any free port). */
export async function startHub(options: StartOptions = {}): Promise<RunningHub> {
  const config = configure(options);
  // PGlite in a thread of its own: its WebAssembly and the HTTP work then use both cores.
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, thread: true });
  const hub = await createHub(db, config, options);
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: hub.app.fetch, port: options.port ?? 0, hostname: host }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  return {
    ...hub,
    server,
    port,
    url: `http://${host}:${port}`,
    async close() {
      hub.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await hub.publisher.idle();
      await db.close();
    },
  };
}
