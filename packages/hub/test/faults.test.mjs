/**
 * Faults (issue 16): the hub is killed (SIGKILL: no clean-up, no last write) while it
 * publishes, then started again. Each time the database must be consistent (every offer's
 * version is its last saved version, the stored feed is whole and valid, the feed served is
 * the stored one), the last good feed is served at once, and nothing approved is lost: the
 * restarted hub publishes what was approved before the kill.
 * On a PGlite data folder, or on the PostgreSQL server when DATABASE_URL is set.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateFeed } from 'welfare-feed';
import { gunzipSync } from 'node:zlib';
import { openDb, importFeed, hashPassword } from '../dist/index.js';
import { testDb, onServer } from './support/db.mjs';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const demo = JSON.parse(readFileSync(new URL('../../../examples/data/servizi.json', import.meta.url), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'hub-faults-'));
const dataDir = join(work, 'data');
const publishDir = join(work, 'public');
const PASSWORD = 'una-password-di-prova-lunga';
/** Enough services that building and validating a feed takes a while: time to be killed in. */
const COPIES = 20;

let serverDb;
let env = { ...process.env, DATABASE_URL: '' };

/** Opens the database the hub uses here (the PGlite folder, or this file's schema on the server). */
async function open() {
  if (!onServer) return openDb({ dataDir });
  return openDb({ databaseUrl: process.env.DATABASE_URL, schema: serverDb.schema });
}

before(async () => {
  if (onServer) {
    serverDb = await testDb();
    const url = new URL(process.env.DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${serverDb.schema}`);
    env = { ...process.env, DATABASE_URL: url.toString() };
  }
  const db = await open();
  try {
    const services = [];
    // The first copy keeps the demo ids (the demo notices link to them).
    for (let i = 0; i < COPIES; i++) for (const s of demo.services) services.push({ ...s, id: i ? `${s.id}-${i}` : s.id });
    const imported = await importFeed(db, [{ file: 'demo.json', text: JSON.stringify({ ...demo, services }) }], { today: '2026-06-01' });
    assert.equal(imported.written, true, JSON.stringify(imported.issues.filter((i) => i.severity === 'error').slice(0, 3)));
    await db.query(`INSERT INTO users (id, email, name, role, password_hash) VALUES ('admin', 'ufficio@example.org', 'Ufficio', 'admin', $1)`, [await hashPassword(PASSWORD)]);
  } finally {
    await db.close();
  }
});
/** Hubs still running when a test fails: stopped at the end. */
const running = new Set();
after(async () => {
  for (const child of running) child.kill('SIGKILL');
  await serverDb?.close();
});

/** Starts `welfare-hub serve`; resolves once it listens. */
async function startHub() {
  // The hub's own messages (stderr) go to the test's output: a crash says why.
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--data', dataDir, '--publish-dir', publishDir], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let out = '';
  const url = await new Promise((ok, fail) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = /welfare-hub: (http:\/\/\S+)/.exec(out);
      if (m) ok(m[1]);
    });
    child.once('exit', (code, signal) => fail(new Error(`the hub stopped (${code ?? signal}):\n${out}`)));
  });
  return { child, url };
}

/**
 * GET /feed.json. A kept-alive connection the server closes just as a request goes out (it
 * is busy publishing) is retried, as browsers do; a hub that has stopped is a failure.
 */
async function getFeed(hub, round) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await (await fetch(`${hub.url}/feed.json`)).json();
    } catch (e) {
      const stopped = hub.child.exitCode ?? hub.child.signalCode;
      if (stopped !== null || attempt === 5) throw new Error(`round ${round}: the restarted hub does not answer (${e.cause?.message ?? e.message}); exit ${stopped ?? 'none'}`);
      await new Promise((ok) => setTimeout(ok, 200));
    }
  }
}

function kill(child) {
  return new Promise((ok) => {
    child.once('exit', ok);
    child.kill('SIGKILL');
  });
}

async function login(url) {
  const response = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'ufficio@example.org', password: PASSWORD }) });
  assert.equal(response.status, 200);
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = await response.json();
  return (path, init = {}) =>
    fetch(`${url}${path}`, { ...init, headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken, origin: url, ...init.headers } });
}

/** Edits, submits and approves one offer as the office; resolves when the approval is committed. */
async function approveChange(api, id, name) {
  const current = await api(`/api/offers/${id}`);
  assert.equal(current.status, 200);
  const offer = await current.json();
  const saved = await api(`/api/offers/${id}`, { method: 'PUT', headers: { 'if-match': `"${offer.version}"` }, body: JSON.stringify({ data: { ...offer.data, name } }) });
  assert.equal(saved.status, 200, await saved.clone().text());
  assert.equal((await api(`/api/offers/${id}/submit`, { method: 'POST', body: '{}' })).status, 200);
  const approved = await api(`/api/offers/${id}/approve`, { method: 'POST', body: '{}' });
  assert.equal(approved.status, 200, await approved.clone().text());
}

/** What must hold after any crash. */
async function checkConsistent() {
  const db = await open();
  let stored;
  try {
    const broken = await db.query(
      `SELECT s.id FROM services s LEFT JOIN (SELECT service_id, max(version) AS v FROM service_versions GROUP BY service_id) x ON x.service_id = s.id
       WHERE x.v IS DISTINCT FROM s.version`,
    );
    assert.deepEqual(broken.rows, [], 'every offer has its current version saved, and no version beyond it');
    const published = await db.query(`SELECT count(*)::int AS n FROM services WHERE state = 'published' AND (published_data IS NULL OR published_data <> data)`);
    assert.equal(published.rows[0].n, 0, 'a published offer shows what was approved');
    // Stored once, gzip-compressed (migration 006).
    const row = (await db.query('SELECT body, body_gzip, etag FROM current_feed')).rows[0];
    assert.ok(row, 'a last good feed is stored');
    stored = { etag: row.etag, body: row.body_gzip ? gunzipSync(row.body_gzip).toString('utf8') : row.body };
    const feed = JSON.parse(stored.body);
    assert.equal(validateFeed(feed).ok, true, 'the stored feed is whole and valid');
  } finally {
    await db.close();
  }
  return stored;
}

test('killed while publishing, again and again: consistent, the last good feed served, no approval lost', { timeout: 900_000 }, async (t) => {
  let hub = await startHub();
  const first = await fetch(`${hub.url}/feed.json`);
  assert.equal(first.status, 200);
  assert.equal((await first.json()).services.length, demo.services.length * COPIES - COPIES, 'all but the expired demo service');

  const rounds = [0, 50, 200];
  for (const [round, delay] of rounds.entries()) {
    const api = await login(hub.url);
    const id = `svc-00${round + 1}`;
    const name = `Servizio cambiato al giro ${round}`;
    await approveChange(api, id, name);
    // The publication starts after the approval's reply: the kill falls into it.
    if (delay) await new Promise((ok) => setTimeout(ok, delay));
    await kill(hub.child);

    // Right after the kill, before any restart: the database as the crash left it.
    const stored = await checkConsistent();
    const landed = JSON.parse(stored.body).services.find((s) => s.id === id)?.name === name ? 'after the new feed was stored' : 'before the new feed was stored';
    t.diagnostic(`round ${round}: killed ${delay} ms after the approval, ${landed}`);
    // The publish folder never holds half a file.
    if (existsSync(join(publishDir, 'feed.json'))) JSON.parse(readFileSync(join(publishDir, 'feed.json'), 'utf8'));

    hub = await startHub();
    // At once, before anything else: the last good feed, the one the database holds.
    const served = await fetch(`${hub.url}/feed.json`);
    assert.equal(served.status, 200);
    const body = await served.text();
    // The stored feed, or (the hub republishes once before it listens) a newer valid one.
    if (body !== stored.body) {
      assert.equal(validateFeed(JSON.parse(body)).ok, true, 'a newer feed is valid');
      assert.equal(JSON.parse(body).services.find((s) => s.id === id)?.name, name, 'and it is newer by the approval');
    }

    // Then the restarted hub publishes what was approved before the kill.
    let feed;
    for (let i = 0; i < 120; i++) {
      feed = await getFeed(hub, round);
      if (feed.services.find((s) => s.id === id)?.name === name) break;
      await new Promise((ok) => setTimeout(ok, 500));
    }
    assert.equal(feed.services.find((s) => s.id === id)?.name, name, `round ${round}: the approval made before the kill is published`);
    for (let r = 0; r < round; r++) {
      assert.equal(feed.services.find((s) => s.id === `svc-00${r + 1}`)?.name, `Servizio cambiato al giro ${r}`, 'earlier approvals are still there');
    }
  }
  await kill(hub.child);
  const stored = await checkConsistent();
  assert.ok(JSON.parse(stored.body).services.some((s) => s.name === `Servizio cambiato al giro ${rounds.length - 1}`));
  const copy = JSON.parse(readFileSync(join(publishDir, 'feed.json'), 'utf8'));
  assert.equal(copy.services.length, JSON.parse(stored.body).services.length, 'the published copy is whole');
});
