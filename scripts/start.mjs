/**
 * `npm start` (after the build): the publishing hub on the embedded database (PGlite in
 * `.hub-data/`, or the PostgreSQL server in DATABASE_URL), and in front of it the
 * repository's files as scripts/serve.mjs serves them: the example pages, the bundle, the docs.
 *
 * First start: the demo feed (examples/data/servizi.json) goes into the hub as published,
 * with two demo accounts (the office's admin and an editor of one association) whose
 * passwords are kept in `.hub-data/account-demo.json` and printed at every start.
 *
 * The example pages ask for `data/servizi.json`: here that address is the hub's /feed.json
 * (the same response), so an offer approved in the hub shows on the example pages at once,
 * while the pages stay usable from any static server with the file itself.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import { portAdvice, staticFiles } from './serve.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 8000);
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = resolve(process.env.HUB_DATA_DIR ?? join(root, '.hub-data'));
const databaseUrl = process.env.DATABASE_URL || undefined;
/** The demo association: the one of examples/associazione.html. */
const DEMO_ORGANISATION = 'caritas-lodigiana';
const DEMO_FEED = join(root, 'examples/data/servizi.json');
const ACCOUNTS = join(dataDir, 'account-demo.json');

/** Paths the hub answers; everything else is a file of the repository. */
const hubPaths = /^\/(api\/|feed\.json$|gestione(\/|$))/;
const FEED_ALIAS = '/examples/data/servizi.json';

const hubModule = join(root, 'packages/hub/dist/index.js');
if (!existsSync(hubModule)) {
  console.error('Il hub non è ancora costruito: npm run build (npm start lo fa da sé).\nThe hub is not built yet: npm run build (npm start does it).');
  process.exit(1);
}
const { openDb, createHub, configure, seedDemo, isEmpty, FolderBusy } = await import(hubModule);

mkdirSync(dataDir, { recursive: true, mode: 0o700 });
let db;
try {
  db = await openDb({ databaseUrl, dataDir });
} catch (error) {
  // Another npm start (or a welfare-hub command) has the folder: say so, no stack trace.
  if (!(error instanceof FolderBusy)) throw error;
  console.error(error.message);
  process.exit(1);
}
let accounts = existsSync(ACCOUNTS) ? JSON.parse(readFileSync(ACCOUNTS, 'utf8')) : undefined;
if (await isEmpty(db)) {
  console.log('Primo avvio: carico i dati dimostrativi nel hub… / First start: loading the demo data…');
  accounts = await seedDemo(db, { feed: { file: DEMO_FEED, text: readFileSync(DEMO_FEED, 'utf8') }, organisationId: DEMO_ORGANISATION });
  writeFileSync(ACCOUNTS, `${JSON.stringify(accounts, null, 2)}\n`, { mode: 0o600 });
}
// The maps' tiles: OpenStreetMap's unless HUB_TILES says otherwise (a template, or none).
const hub = await createHub(db, configure({ databaseUrl, dataDir, tiles: process.env.HUB_TILES || undefined, tilesCredit: process.env.HUB_TILES_CREDIT || undefined }));
const toHub = getRequestListener(hub.app.fetch);
const toFiles = staticFiles();

const server = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  // Never the hub's own data folder or any other dot-folder of the repository.
  if (path.split('/').some((part) => part.startsWith('.') && part.length > 1) || path.includes('%2e') || path.includes('%2E')) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    return res.end('Not found');
  }
  if (path === FEED_ALIAS) {
    req.url = `/feed.json${(req.url ?? '').slice(path.length)}`;
    return toHub(req, res);
  }
  return hubPaths.test(path) ? toHub(req, res) : toFiles(req, res);
});

try {
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      ok();
    });
  });
} catch (error) {
  await shutDown();
  const advice = portAdvice(error, port);
  if (!advice) throw error;
  console.error(advice);
  process.exit(1);
}

const base = `http://${host}:${server.address().port}`;
console.log(`welfare-elements examples: ${base}/examples/`);
console.log(`welfare-hub: ${base}/gestione/ (database: ${db.kind === 'pg' ? 'PostgreSQL' : `PGlite in ${dataDir}`}); feed: ${base}/feed.json`);
for (const a of accounts ?? []) {
  const who = a.role === 'admin' ? "amministratore dell'ufficio / office admin" : `editor di / editor of ${a.organisationId}`;
  console.log(`  ${who}: ${a.email}  password: ${a.password}`);
}
if (accounts) console.log('  (account dimostrativi, solo per provare in locale / demo accounts, for local trials only)');

async function shutDown() {
  hub.stop();
  await hub.publisher.idle();
  await db.close();
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close();
    void shutDown().then(() => process.exit(0));
  });
}
