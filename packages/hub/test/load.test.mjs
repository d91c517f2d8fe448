/**
 * The hub when many editors save at once (issue 16, "50 editors saving at once"): what
 * they share is read once between them, not once each, and the rehearsal before listening
 * (ops/warm-up.ts) changes nothing. Each of these used to cost one statement per request on
 * the database thread everyone queues on; the timings are the benchmark's (`npm run bench -- hub`).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHub, warmUp, warmUpHttp } from '../dist/index.js';
import { seed } from './support/hub.mjs';
import { hubFixture, service } from './support/hub.mjs';

let fixture;
before(async () => {
  fixture = await hubFixture();
});
after(() => fixture?.close());

/** The database as the hub sees it, noting the text of every statement it runs outside transactions. */
const counting = (seen) => (db) => ({
  ...db,
  query: (sql, params, options) => {
    seen.push(sql);
    return db.query(sql, params, options);
  },
});
const sessionReads = (seen) => seen.filter((sql) => /FROM sessions s JOIN users/.test(sql)).length;
const envelopeReads = (seen) => seen.filter((sql) => /json_agg/.test(sql) && !/FROM services/.test(sql)).length;

test('sessions that expire together are read again in one or two statements, each request with its own person', async () => {
  const seen = [];
  const { client, clock } = await fixture.fresh({}, { wrap: counting(seen) });
  const anna = await client().login('editor@caritas.example');
  const mine = (await anna.post('/api/offers', { data: service('Emporio solidale') })).body;
  const caritas = [anna];
  for (let i = 0; i < 3; i++) caritas.push(await client().login('editor@caritas.example'));
  const comune = [];
  for (let i = 0; i < 2; i++) comune.push(await client().login('editor@comune.example'));
  const office = await client().login('ufficio@piano.example');

  clock.advance(6_000); // every session the hub has kept is now older than the 5 s it keeps them
  seen.length = 0;
  const [ours, theirs, officeSees] = await Promise.all([
    Promise.all(caritas.map((c) => c.get(`/api/offers/${mine.id}`))),
    Promise.all(comune.map((c) => c.get(`/api/offers/${mine.id}`))),
    office.get(`/api/offers/${mine.id}`),
  ]);
  assert.deepEqual(ours.map((r) => r.status), Array(4).fill(200), 'Caritas\'s editors see their offer');
  assert.deepEqual(theirs.map((r) => r.status), Array(2).fill(404), 'the Comune\'s editors do not see Caritas\'s offer');
  assert.equal(officeSees.status, 200, 'the office sees every offer');
  const reads = sessionReads(seen);
  assert.ok(reads >= 1 && reads <= 2, `7 requests whose sessions had expired read them in ${reads} statements`);

  // A session that ended is not served by a read shared with others.
  const loggedOut = caritas.pop();
  assert.equal((await loggedOut.delete('/api/session')).status, 204);
  clock.advance(6_000);
  const after = await Promise.all([loggedOut, ...caritas].map((c) => c.get(`/api/offers/${mine.id}`)));
  assert.deepEqual(after.map((r) => r.status), [401, 200, 200, 200]);
});

test('saves that find the feed checks\' envelope out of date read it once between them', async () => {
  const seen = [];
  const { client, hub } = await fixture.fresh({}, { wrap: counting(seen) });
  const editor = await client().login('editor@caritas.example');
  const offers = [];
  for (let i = 0; i < 6; i++) offers.push((await editor.post('/api/offers', { data: service(`Offerta ${i}`) })).body);
  hub.envelopes.clear(); // as after the office changes a category
  seen.length = 0;
  const saved = await Promise.all(
    offers.map((o) => editor.put(`/api/offers/${o.id}`, { data: service(`Offerta ${o.id} rivista`) }, { headers: { 'if-match': `"${o.version}"` } })),
  );
  assert.deepEqual(saved.map((r) => r.status), Array(6).fill(200));
  assert.equal(envelopeReads(seen), 1, 'six saves at once read the categories and organisations once');
  // A save with an unknown category is still refused: the shared envelope is the office's.
  const wrong = await editor.put(`/api/offers/${offers[0].id}`, { data: service('Offerta', { categories: ['nessuna'] }) }, { headers: { 'if-match': `"${offers[0].version + 1}"` } });
  assert.equal(wrong.status, 422);
});

test('the rehearsal before listening saves nothing: offers, versions and the audit log are as they were', async () => {
  const { client, hub, db } = await fixture.fresh();
  const editor = await client().login('editor@caritas.example');
  const offers = [];
  for (let i = 0; i < 3; i++) offers.push((await editor.post('/api/offers', { data: service(`Offerta ${i}`) })).body);
  const dump = async () => ({
    services: (await db.query('SELECT id, state, version, data, updated_at, updated_by FROM services ORDER BY id')).rows,
    versions: (await db.query('SELECT service_id, version, data FROM service_versions ORDER BY service_id, version')).rows,
    audit: (await db.query('SELECT at, actor_id, action, target_id, detail FROM audit_log ORDER BY id')).rows,
  });
  const before = await dump();
  const rehearsed = await warmUp(db, hub.envelopes, hub.config, { saves: 20, budgetMs: 60_000 });
  assert.equal(rehearsed, 20);
  assert.deepEqual(await dump(), before);
  // The editor's next save still finds its version where it was.
  const saved = await editor.put(`/api/offers/${offers[0].id}`, { data: service('Offerta 0 rivista') }, { headers: { 'if-match': `"${offers[0].version}"` } });
  assert.equal(saved.status, 200);
  assert.equal(saved.body.version, offers[0].version + 1);
});

test('the rehearsal is skipped when there is nothing to rehearse or when asked to', async () => {
  const { hub, db } = await fixture.fresh();
  assert.equal(await warmUp(db, hub.envelopes, hub.config, { saves: 20, budgetMs: 60_000 }), 0, 'no offers yet');
  assert.equal(await warmUp(db, hub.envelopes, hub.config, { saves: 0, budgetMs: 60_000 }), 0);
});

test('the rehearsal of requests over the hub\'s own port is answered and changes nothing', async () => {
  const hub = await startHub({ port: 0, timer: false, warmUp: { saves: 0 } });
  try {
    await seed(hub.db);
    const count = async (table) => Number((await hub.db.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    const before = { audit: await count('audit_log'), sessions: await count('sessions'), services: await count('services') };
    assert.equal(await warmUpHttp(hub.url, 40, 60_000), 40);
    assert.deepEqual({ audit: await count('audit_log'), sessions: await count('sessions'), services: await count('services') }, before);
    assert.equal(hub.warmedUp.requests, 0, 'not rehearsed at start: there were no offers to rehearse saves with');
  } finally {
    await hub.close();
  }
});

test('a save checks the offer against its own organisation alone and tells the editor exactly what the whole envelope would', async () => {
  const { checkService, forOrganisation } = await import('../dist/records/feed-check.js');
  const { db, hub } = await fixture.fresh();
  const whole = await hub.envelopes.get(db);
  assert.equal(whole.organizations.length, 2);
  const today = '2026-11-02';
  const offers = [
    { ...service('Emporio solidale'), organization: 'caritas' },
    { ...service('Mensa', { categories: ['cibo', 'lavoro'] }), organization: 'caritas' },
    { ...service('Doposcuola', { locations: [{ address: 'Via Roma 1', comune: 'Lodi', hours: 'Lunedì mattina' }], email: 'non-una-mail' }), organization: 'comune-lodi' },
    { ...service('Scaduto', { validThrough: '2025-01-31' }), organization: 'comune-lodi' },
    { ...service(''), organization: 'caritas', phone: 12 },
    // An organisation the envelope does not know: the whole envelope, so the error suggests the codes that exist.
    { ...service('Di nessuno'), organization: 'caritaz' },
  ];
  let problems = 0;
  for (const data of offers) {
    const narrow = forOrganisation(whole, data.organization);
    if (data.organization === 'caritaz') assert.equal(narrow, whole);
    else assert.deepEqual(narrow.organizations.map((o) => o.id), [data.organization]);
    const expected = await checkService(db, data, today, whole);
    assert.deepEqual(await checkService(db, data, today, narrow), expected, data.name);
    problems += expected.errors.length + expected.warnings.length;
  }
  assert.ok(problems >= 6, `the offers above have problems to report (${problems})`);
  const suggestion = (await checkService(db, offers.at(-1), today, forOrganisation(whole, 'caritaz'))).errors.find((e) => e.path === 'data.organization');
  assert.match(suggestion.message, /caritas/, 'the unknown organisation\'s error names the one that exists');
});
