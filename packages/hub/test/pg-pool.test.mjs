/**
 * The PostgreSQL pool (src/db/pg.ts): idle connections are kept for minutes, not pg's 10 s
 * (a burst after a quiet spell no longer connects and prepares again), and a connection the
 * server ends (a restart, pg_terminate_backend) never ends the hub: an idle one is dropped
 * by the pool, one inside a transaction fails that transaction; the next request is answered.
 * The server tests run on the PostgreSQL pass (DATABASE_URL) and are skipped on PGlite.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { poolConfig, POOL_IDLE_MS } from '../dist/db/pg.js';
import { onServer } from './support/db.mjs';
import { hubFixture } from './support/hub.mjs';

const server = { skip: !onServer && 'DATABASE_URL not set', timeout: 60_000 };

test('the pool keeps an idle connection for minutes, with TCP keepalive, and at most 10 connections', () => {
  const config = poolConfig('postgres://hub@db.example/hub', { schema: 'hub_x' });
  assert.ok(config.idleTimeoutMillis >= 60_000, `idleTimeoutMillis ${config.idleTimeoutMillis}`);
  assert.equal(config.idleTimeoutMillis, POOL_IDLE_MS);
  assert.equal(config.max, 10);
  assert.equal(config.keepAlive, true);
  assert.equal(config.options, '-c search_path=hub_x');
  assert.equal(poolConfig('postgres://hub@db.example/hub', { max: 3 }).max, 3);
});

let fixture;
let killer;
/** What the hub wrote to console.error, and a way to wait for a line. */
const logged = [];
let heard = () => undefined;
const original = console.error;

before(async () => {
  if (!onServer) return;
  fixture = await hubFixture();
  killer = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await killer.connect();
  console.error = (...args) => {
    logged.push(args.join(' '));
    heard();
  };
});

after(async () => {
  console.error = original;
  await killer?.end();
  await fixture?.close();
});

/** Resolves once `n` lines of console.error say that the server ended a connection. */
function ended(n) {
  const count = () => logged.filter((l) => /^PostgreSQL: terminating connection due to administrator command/.test(l)).length;
  return new Promise((ok) => {
    heard = () => count() >= n && ok();
    heard();
  });
}

const terminate = (pids) => killer.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [pids]);

test('the server ends the hub\'s idle connections (as in a restart): the hub goes on and answers the next request', server, async () => {
  const f = await fixture.fresh();
  // Four connections open at once, then idle in the pool.
  const pids = new Set(
    (await Promise.all(Array.from({ length: 4 }, () => f.db.query('SELECT pg_backend_pid() AS pid, pg_sleep(0.05)')))).map((r) => r.rows[0].pid),
  );
  logged.length = 0;
  await terminate([...pids]);
  await ended(pids.size);
  const office = await f.client().login('ufficio@piano.example');
  assert.equal((await office.get('/api/mutual-aid/mediators')).status, 200);
});

test('the server ends a connection inside a transaction: that transaction fails, the hub does not, the next request is answered', server, async () => {
  const f = await fixture.fresh();
  logged.length = 0;
  await assert.rejects(
    f.db.transaction(async (tx) => {
      const [{ pid }] = (await tx.query('SELECT pg_backend_pid() AS pid')).rows;
      await terminate([pid]);
      // Between two statements: the connection is the transaction's, not the pool's.
      await ended(1);
      await tx.query('SELECT 1');
    }),
  );
  // The lost connection did not go back to the pool: every later statement works.
  for (let i = 0; i < 5; i++) assert.equal((await f.db.query('SELECT 1 AS one')).rows[0].one, 1);
  const office = await f.client().login('ufficio@piano.example');
  assert.equal((await office.get('/api/mutual-aid/mediators')).status, 200);
});
