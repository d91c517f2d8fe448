/**
 * Backup and restore (issue 16): everything the hub keeps comes back, in an empty database,
 * exactly as it was, on PGlite and on the PostgreSQL server when DATABASE_URL is set.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { backup, restore, importFeed, openDb, RestoreError } from '../dist/index.js';
import { testDb, onServer } from './support/db.mjs';

const demo = readFileSync(new URL('../../../examples/data/servizi.json', import.meta.url), 'utf8');
let source;
before(async () => {
  source = await testDb();
  const imported = await importFeed(source, [{ file: 'servizi.json', text: demo }], { today: '2026-06-01' });
  assert.equal(imported.written, true, JSON.stringify(imported.issues.filter((i) => i.severity === 'error')));
  // Accounts, a second version of a service, an audit trail and a publication with its feed.
  await source.query(`INSERT INTO users (id, email, name, role, organisation_id, password_hash) VALUES
    ('u-admin', 'ufficio@example.org', 'Ufficio di Piano', 'admin', NULL, '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA'),
    ('u-ed', 'caritas@example.org', 'Anna Editor', 'editor', 'caritas-lodigiana', NULL)`);
  await source.query(`UPDATE services SET version = 2, data = jsonb_set(data, '{phone}', '"0371 111111"'), state = 'submitted', note = 'Nuovo numero', updated_by = 'u-ed' WHERE id = 'svc-001'`);
  await source.query(`INSERT INTO service_versions (service_id, version, state, data, saved_by, saved_at)
    SELECT id, 2, 'submitted', data, 'u-ed', '2026-11-30 10:11:12.345678+01' FROM services WHERE id = 'svc-001'`);
  await source.query(`INSERT INTO audit_log (actor_id, address, action, target_type, target_id, detail) VALUES
    ('u-admin', '127.0.0.1', 'login', 'user', 'u-admin', NULL),
    ('u-admin', '127.0.0.1', 'invite', 'user', 'u-ed', '{"role":"editor","organisationId":"caritas-lodigiana"}')`);
  const { rows } = await source.query(`INSERT INTO publications (ok, etag, services) VALUES (true, '"abc"', 61) RETURNING id`);
  await source.query(`INSERT INTO current_feed (publication_id, body, etag, published_at) VALUES ($1, $2, '"abc"', now())`, [rows[0].id, demo]);
});
after(() => source?.close());

const tableCounts = (b) => Object.fromEntries(Object.entries(b.tables).map(([t, rows]) => [t, rows.length]));

test('a backup holds records, versions, users, audit log and the published feed', async () => {
  const b = await backup(source);
  const counts = tableCounts(b);
  assert.equal(counts.services, 61);
  assert.equal(counts.service_versions, 62, 'every version, the second of svc-001 too');
  assert.equal(counts.organisations, 16);
  assert.equal(counts.users, 2);
  assert.ok(counts.audit_log >= 3, 'the import and the two entries');
  assert.equal(counts.current_feed, 1);
  assert.equal(counts.sessions, undefined, 'live sessions are not kept');
  const admin = b.tables.users.find((u) => u.id === 'u-admin');
  assert.match(admin.password_hash, /^\$argon2id\$/, 'the password hash travels, so people log in as before');
});

test('restoring into an empty database gives back the same data, table by table', async () => {
  const before = await backup(source);
  // Through text, as the file on disk.
  const file = JSON.parse(JSON.stringify(before));
  const target = await testDb();
  try {
    const counts = await restore(target, file);
    assert.deepEqual(counts, tableCounts(before));
    const after = await backup(target);
    assert.equal(after.schemaVersion, before.schemaVersion);
    assert.deepEqual(after.tables, before.tables);
    // Values, not just counts: microseconds of a timestamp, a jsonb document, a boolean.
    const { rows } = await target.query(`SELECT saved_at = '2026-11-30 10:11:12.345678+01'::timestamptz AS same FROM service_versions WHERE service_id = 'svc-001' AND version = 2`);
    assert.equal(rows[0].same, true);
    const feed = (await target.query('SELECT body FROM current_feed')).rows[0].body;
    assert.equal(feed, demo, 'the last good feed comes back byte for byte');
    // Numbering goes on after the restored rows instead of colliding with them.
    const next = (await target.query(`INSERT INTO audit_log (action) VALUES ('restore') RETURNING id`)).rows[0].id;
    assert.ok(next > Math.max(...before.tables.audit_log.map((r) => r.id)));
  } finally {
    await target.close();
  }
});

test('a database that already holds data is refused and left as it was', async () => {
  const b = await backup(source);
  const target = await testDb();
  try {
    await target.query(`INSERT INTO organisations (id, name) VALUES ('solo', 'Solo')`);
    await assert.rejects(restore(target, b), (e) => e instanceof RestoreError && /non è vuoto/.test(e.message));
    const { rows } = await target.query('SELECT id FROM organisations');
    assert.deepEqual(rows, [{ id: 'solo' }]);
  } finally {
    await target.close();
  }
});

test('a restore that fails half-way leaves the database empty', async () => {
  const b = JSON.parse(JSON.stringify(await backup(source)));
  // A version pointing at a service that is not in the backup: the foreign key fails late.
  b.tables.service_versions.push({ ...b.tables.service_versions[0], service_id: 'missing', version: 1 });
  const target = await testDb();
  try {
    await assert.rejects(restore(target, b));
    const { rows } = await target.query('SELECT count(*)::int AS n FROM services');
    assert.equal(rows[0].n, 0);
  } finally {
    await target.close();
  }
});

test('files that are not backups, or from a newer hub, are refused with a reason', async () => {
  const target = await testDb();
  try {
    await assert.rejects(restore(target, { services: [] }), /non è un backup/);
    const b = await backup(source);
    await assert.rejects(restore(target, { ...b, schemaVersion: b.schemaVersion + 1 }), /più recente/);
    await assert.rejects(restore(target, { ...b, tables: { passwords: [{ x: 1 }] } }), /non conosce: passwords/);
  } finally {
    await target.close();
  }
});

test('a backup taken on the PostgreSQL server restores on the embedded database', { skip: !onServer && 'DATABASE_URL not set' }, async () => {
  const b = JSON.parse(JSON.stringify(await backup(source)));
  const embedded = await openDb({});
  try {
    await restore(embedded, b);
    assert.deepEqual((await backup(embedded)).tables, b.tables);
  } finally {
    await embedded.close();
  }
});

test('a backup taken before migration 002 (audiences in settings) is upgraded as it is restored', async () => {
  // A file as the hub wrote it at schema 1: the audiences were a list in the settings.
  const old = JSON.parse(readFileSync(new URL('./fixtures/backup-schema-1.json', import.meta.url), 'utf8'));
  assert.equal(old.schemaVersion, 1);
  assert.equal(old.tables.audiences, undefined, 'no audiences table at schema 1');
  const target = await testDb();
  try {
    const counts = await restore(target, old);
    assert.equal(counts.services, 1);
    const audiences = (await target.query('SELECT id, data FROM audiences ORDER BY position')).rows;
    assert.deepEqual(audiences.map((a) => a.id), ['anziani', 'famiglie', 'giovani'], 'the audiences the office had are back, in their order');
    assert.deepEqual(audiences[1].data.name, { it: 'Famiglie con figli', en: 'Families with children' });
    assert.equal((await target.query(`SELECT 1 FROM settings WHERE key = 'audiences'`)).rows.length, 0, 'moved, not copied');
    const service = (await target.query(`SELECT data, archived FROM services s CROSS JOIN (SELECT false AS archived) x WHERE id = 'svc-emporio'`)).rows[0];
    assert.deepEqual(service.data.audiences, ['famiglie']);
    const latest = (await target.query('SELECT max(version) AS v FROM migrations')).rows[0].v;
    const after = await backup(target);
    assert.equal(after.schemaVersion, Number(latest), 'the database is at the newest schema, ready for this hub');
    assert.equal(after.tables.users[0].password_hash, old.tables.users[0].password_hash);
    // The restored database is a working hub database: a new-schema column has its default.
    const category = (await target.query(`SELECT archived, version FROM categories WHERE id = 'cibo'`)).rows[0];
    assert.deepEqual(category, { archived: false, version: 1 });
  } finally {
    await target.close();
  }
});
