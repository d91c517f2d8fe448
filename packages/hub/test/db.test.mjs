import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDb, readMigrations, MIGRATIONS_DIR, RENUMBERED } from '../dist/index.js';
import { testDb } from './support/db.mjs';

let db;
before(async () => {
  db = await testDb({ template: false });
});
after(() => db?.close());

test('the migrations are applied once, in order, and recorded', async () => {
  const files = readMigrations();
  assert.ok(files.length >= 1);
  const { rows } = await db.query('SELECT version, name FROM migrations ORDER BY version');
  assert.deepEqual(rows.map((r) => r.version), files.map((m) => m.version));
  // A second start applies nothing and changes nothing.
  assert.deepEqual(await migrate(db), []);
  const tables = (await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = current_schema()`)).rows.map((r) => r.tablename);
  for (const t of ['organisations', 'users', 'sessions', 'invitations', 'services', 'service_versions', 'access_points', 'notices', 'notice_versions', 'categories', 'comuni', 'audit_log', 'publications']) {
    assert.ok(tables.includes(t), `table ${t}`);
  }
});

test('the shipped migrations are numbered one after another, from 001', () => {
  const versions = readMigrations().map((m) => m.version);
  assert.deepEqual(versions, versions.map((_, i) => i + 1));
});

test('a database that recorded the old issue-numbered migrations upgrades without running any twice', async () => {
  const other = await testDb({ template: false });
  try {
    // As a database made on 2 December 2026 between 05:00 and 09:30 recorded them.
    for (const [old, now] of RENUMBERED) await other.query('UPDATE migrations SET version = $1 WHERE version = $2', [old, now]);
    assert.deepEqual(await migrate(other), []);
    const { rows } = await other.query('SELECT version FROM migrations ORDER BY version');
    assert.deepEqual(rows.map((r) => r.version), readMigrations().map((m) => m.version));
  } finally {
    await other.close();
  }
});

test('an upgrade adds its step and keeps the rows already there', async () => {
  await db.query(`INSERT INTO organisations (id, name, kind) VALUES ('caritas', 'Caritas', 'third-sector')`);
  const dir = mkdtempSync(join(tmpdir(), 'hub-migrations-'));
  for (const m of readMigrations()) copyFileSync(join(MIGRATIONS_DIR, m.name), join(dir, m.name));
  writeFileSync(join(dir, '900_test_upgrade.sql'), 'ALTER TABLE organisations ADD COLUMN test_motto text;\nUPDATE organisations SET test_motto = \'ciao\';\n');
  assert.deepEqual(await migrate(db, readMigrations(dir)), [900]);
  const { rows } = await db.query('SELECT id, name, test_motto FROM organisations');
  assert.deepEqual(rows, [{ id: 'caritas', name: 'Caritas', test_motto: 'ciao' }]);
});

test('a failing migration changes nothing and is not recorded', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hub-migrations-'));
  writeFileSync(join(dir, '901_broken.sql'), 'ALTER TABLE organisations ADD COLUMN half_done text;\nSELECT no_such_column FROM organisations;\n');
  await assert.rejects(migrate(db, readMigrations(dir)));
  const columns = (await db.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'organisations'`)).rows.map((r) => r.column_name);
  assert.ok(!columns.includes('half_done'));
  assert.equal((await db.query('SELECT 1 FROM migrations WHERE version = 901')).rows.length, 0);
});

test('a transaction that throws leaves no row behind', async () => {
  await assert.rejects(
    db.transaction(async (tx) => {
      await tx.query(`INSERT INTO organisations (id, name) VALUES ('a', 'A')`);
      await tx.query(`INSERT INTO organisations (id, name) VALUES ('a', 'A again')`);
    }),
  );
  assert.equal((await db.query(`SELECT 1 FROM organisations WHERE id = 'a'`)).rows.length, 0);
});

/**
 * A named statement (the editor's read and save, prepared once: PostgreSQL's server and
 * PGlite each do it their way) answers as a plain one, is never run inside another caller's
 * open transaction, and fails as a plain one does; and a transaction that throws leaves nothing.
 */
async function statementsBehave(db) {
  const sql = 'SELECT $1::jsonb AS data, $2::int AS n, $3::timestamptz AS at';
  const params = [JSON.stringify({ nome: 'Emporio', orari: ['Mo 09:00-12:00'] }), 7, new Date('2026-12-02T10:00:00Z')];
  const plain = await db.query(sql, params);
  assert.deepEqual(plain.rows, [{ data: { nome: 'Emporio', orari: ['Mo 09:00-12:00'] }, n: 7, at: params[2] }]);
  for (const n of [1, 2]) assert.deepEqual((await db.query(sql, [params[0], n, params[2]], { name: 'test-echo' })).rows, [{ ...plain.rows[0], n }]);

  // A statement sent while someone else's transaction is open is not part of it: the rollback leaves it.
  const insert = `INSERT INTO organisations (id, name) VALUES ($1, $2)`;
  let release;
  const held = new Promise((ok) => (release = ok));
  let inside;
  const opened = new Promise((ok) => (inside = ok));
  const rolledBack = db.transaction(async (tx) => {
    await tx.query(insert, ['in-tx', 'Rolled back']);
    inside();
    await held;
    throw new Error('roll back');
  });
  await opened;
  const named = db.query(insert, ['outside', 'Kept'], { name: 'test-insert' });
  const unnamed = db.query(insert, ['outside-too', 'Kept']);
  release();
  await assert.rejects(rolledBack, /roll back/);
  assert.equal((await named).rowCount, 1);
  assert.equal((await unnamed).rowCount, 1);
  const ids = (await db.query(`SELECT id FROM organisations WHERE id IN ('in-tx', 'outside', 'outside-too') ORDER BY id`)).rows.map((r) => r.id);
  assert.deepEqual(ids, ['outside', 'outside-too']);

  // A refused statement rejects with the database's code, and the next one runs.
  await assert.rejects(db.query(insert, ['outside', 'Again'], { name: 'test-insert' }), (error) => error.code === '23505');
  await assert.rejects(db.query(insert, ['outside', 'Again']), (error) => error.code === '23505' && /duplicate key/.test(error.message));
  assert.equal((await db.query(insert, ['after', 'After'], { name: 'test-insert' })).rowCount, 1);
  // Many at once (50 editors saving: PGlite sends them in groups, db/pglite-named.ts): each is
  // answered with its own rows, and one refused among them fails alone; the others are kept.
  const many = Array.from({ length: 20 }, (_, i) => (i === 6 ? 'after' : `many-${i}`));
  const answers = await Promise.allSettled(
    many.map((id) => db.query(`${insert} RETURNING id, name`, [id, `Ente ${id}`], { name: 'test-insert-returning' })),
  );
  answers.forEach((answer, i) => {
    if (i === 6) assert.equal(answer.status === 'rejected' && answer.reason.code, '23505', 'the duplicate is refused');
    else assert.deepEqual(answer.status === 'fulfilled' && answer.value.rows, [{ id: many[i], name: `Ente ${many[i]}` }], `statement ${i} gets its own row`);
  });
  const kept = (await db.query(`SELECT id FROM organisations WHERE id LIKE 'many-%'`)).rows.length;
  assert.equal(kept, 19, 'the 19 others are committed');
  await db.query(`DELETE FROM organisations WHERE id LIKE 'many-%'`);
  // A transaction that commits keeps its rows; its value comes back.
  assert.equal(await db.transaction(async (tx) => (await tx.query(insert, ['committed', 'C'])).rowCount), 1);
  assert.equal((await db.query(`SELECT 1 FROM organisations WHERE id = 'committed'`)).rows.length, 1);
}

test('a named statement answers as a plain one, waits for an open transaction, and fails as a plain one does', () => statementsBehave(db));

test('PGlite in its own thread (as the server runs it) answers, isolates and fails exactly as in the same thread', async () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'hub-thread-')), 'data');
  const threaded = await openDb({ dataDir, thread: true });
  try {
    assert.equal(threaded.kind, 'pglite');
    await statementsBehave(threaded);
    // The thread holds the data folder: a second opener is refused, as with PGlite in the same thread.
    await assert.rejects(openDb({ dataDir }), /già aperta da un altro processo/);
  } finally {
    await threaded.close();
  }
  // Closed: the folder is free again, and what was committed is there.
  const again = await openDb({ dataDir });
  try {
    assert.deepEqual((await again.query('SELECT id FROM organisations ORDER BY id')).rows.map((r) => r.id), ['after', 'committed', 'outside', 'outside-too']);
  } finally {
    await again.close();
  }
});
