/**
 * The offers workflow: draft → submit → approve / send back; trusted organisations publish
 * directly; archive; versions and restore; verify and stale; expiry; optimistic concurrency;
 * validation with welfare-feed's checks; the audit log.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { hubFixture, service } from './support/hub.mjs';

let fixture;
before(async () => {
  fixture = await hubFixture();
});
after(() => fixture?.close());

/** The feed as a citizen's browser gets it. */
async function feed(hub) {
  await hub.publisher.idle();
  const r = await hub.app.request('/feed.json');
  assert.equal(r.status, 200);
  return r.json();
}
const feedIds = async (hub) => (await feed(hub)).services.map((s) => s.id);

test('an editor\'s draft reaches the feed only after submission and the office\'s approval', async () => {
  const { hub, client, db } = await fixture.fresh();
  const editor = await client().login('editor@caritas.example');
  const admin = await client().login('ufficio@piano.example');
  const created = await editor.post('/api/offers', { data: service('Emporio solidale') });
  assert.equal(created.status, 201);
  const offer = created.body;
  assert.equal(offer.state, 'draft');
  assert.equal(offer.organisationId, 'caritas');
  assert.equal(offer.data.organization, 'caritas', 'the server sets the organisation');
  assert.equal(created.headers.get('etag'), '"1"');
  assert.deepEqual(await feedIds(hub), []);

  const submitted = await editor.post(`/api/offers/${offer.id}/submit`);
  assert.equal(submitted.body.state, 'submitted');
  assert.deepEqual(await feedIds(hub), [], 'waiting for review is not published');
  const queue = await admin.get('/api/review-queue');
  assert.deepEqual(queue.body.offers.map((o) => o.id), [offer.id]);

  const approved = await admin.post(`/api/offers/${offer.id}/approve`);
  assert.equal(approved.body.state, 'published');
  const published = await feed(hub);
  assert.deepEqual(published.services.map((s) => s.name), ['Emporio solidale']);
  assert.ok(published.organizations.some((o) => o.id === 'caritas'));
  const actions = (await db.query(`SELECT action FROM audit_log WHERE target_id = $1 ORDER BY id`, [offer.id])).rows.map((r) => r.action);
  assert.deepEqual(actions, ['offer-created', 'offer-submitted', 'offer-approved']);
});

test('sent back with a note: the editor sees the note, fixes, submits again', async () => {
  const { hub, client } = await fixture.fresh();
  const editor = await client().login('editor@caritas.example');
  const admin = await client().login('ufficio@piano.example');
  const { body: offer } = await editor.post('/api/offers', { data: service('Mensa') });
  await editor.post(`/api/offers/${offer.id}/submit`);
  const back = await admin.post(`/api/offers/${offer.id}/send-back`, { note: 'Manca l\'orario del sabato.' });
  assert.equal(back.body.state, 'returned');
  const seen = await editor.get(`/api/offers/${offer.id}`);
  assert.equal(seen.body.note, 'Manca l\'orario del sabato.');
  const saved = await editor.put(`/api/offers/${offer.id}`, { data: service('Mensa', { hours: 'Mo-Sa 12:00-14:00' }) }, { headers: { 'if-match': seen.headers.get('etag') } });
  assert.equal(saved.status, 200);
  assert.equal((await editor.post(`/api/offers/${offer.id}/submit`)).body.state, 'submitted');
  await admin.post(`/api/offers/${offer.id}/approve`);
  assert.equal((await feed(hub)).services[0].hours, 'Mo-Sa 12:00-14:00');
  assert.equal((await editor.get(`/api/offers/${offer.id}`)).body.note, null, 'the note is cleared once approved');
});

test('a trusted organisation publishes without review; editing keeps the published copy until the new one is submitted', async () => {
  const { hub, client } = await fixture.fresh();
  const editor = await client().login('editor@comune.example');
  const { body: offer } = await editor.post('/api/offers', { data: service('Sportello casa', { categories: ['casa'] }) });
  const r = await editor.post(`/api/offers/${offer.id}/submit`);
  assert.equal(r.body.state, 'published');
  assert.deepEqual((await feed(hub)).services.map((s) => s.name), ['Sportello casa']);
  const edited = await editor.put(`/api/offers/${offer.id}`, { data: service('Sportello casa e affitti', { categories: ['casa'] }) }, { headers: { 'if-match': `"${r.body.version}"` } });
  assert.equal(edited.body.state, 'draft');
  assert.equal(edited.body.publishedData.name, 'Sportello casa');
  assert.deepEqual((await feed(hub)).services.map((s) => s.name), ['Sportello casa'], 'the feed keeps the approved text');
  await editor.post(`/api/offers/${offer.id}/submit`);
  assert.deepEqual((await feed(hub)).services.map((s) => s.name), ['Sportello casa e affitti']);
});

test('two people save the same offer: the second gets 409 with the current version, nothing is lost', async () => {
  const { client, db } = await fixture.fresh();
  const anna = await client().login('editor@caritas.example');
  const bruno = await client().login('altro@caritas.example');
  const { body: offer } = await anna.post('/api/offers', { data: service('Doposcuola') });
  const a = await anna.get(`/api/offers/${offer.id}`);
  const b = await bruno.get(`/api/offers/${offer.id}`);
  const first = await anna.put(`/api/offers/${offer.id}`, { data: service('Doposcuola', { phone: '0371 111111' }) }, { headers: { 'if-match': a.headers.get('etag') } });
  assert.equal(first.status, 200);
  const second = await bruno.put(`/api/offers/${offer.id}`, { data: service('Doposcuola', { phone: '0371 222222' }) }, { headers: { 'if-match': b.headers.get('etag') } });
  assert.equal(second.status, 409);
  assert.equal(second.body.current.data.phone, '0371 111111', 'the answer carries what Anna saved');
  assert.equal(second.body.current.version, 2);
  assert.equal((await anna.get(`/api/offers/${offer.id}`)).body.data.phone, '0371 111111');
  const without = await bruno.put(`/api/offers/${offer.id}`, { data: service('Doposcuola') });
  assert.equal(without.status, 428);
  const retry = await bruno.put(`/api/offers/${offer.id}`, { data: service('Doposcuola', { phone: '0371 222222' }) }, { headers: { 'if-match': '"2"' } });
  assert.equal(retry.status, 200);
  const versions = (await db.query('SELECT version, data->>\'phone\' AS phone FROM service_versions WHERE service_id = $1 ORDER BY version', [offer.id])).rows;
  assert.deepEqual(versions, [{ version: 1, phone: '0371 000000' }, { version: 2, phone: '0371 111111' }, { version: 3, phone: '0371 222222' }]);
});

test('two saves of the same version sent at the same moment: one is kept, the other gets 409, one version and one audit line each', async () => {
  const { client, db } = await fixture.fresh();
  const anna = await client().login('editor@caritas.example');
  const bruno = await client().login('altro@caritas.example');
  const { body: offer } = await anna.post('/api/offers', { data: service('Doposcuola') });
  // Both read version 1 and write while the other is between its read and its write.
  const [a, b] = await Promise.all([
    anna.put(`/api/offers/${offer.id}`, { data: service('Doposcuola', { phone: '0371 111111' }) }, { headers: { 'if-match': '"1"' } }),
    bruno.put(`/api/offers/${offer.id}`, { data: service('Doposcuola', { phone: '0371 222222' }) }, { headers: { 'if-match': '"1"' } }),
  ]);
  assert.deepEqual([a.status, b.status].sort(), [200, 409]);
  const kept = a.status === 200 ? a : b;
  const refused = a.status === 200 ? b : a;
  assert.equal(refused.body.current.data.phone, kept.body.data.phone, 'the 409 carries the save that was kept');
  const versions = (await db.query('SELECT version, data->>\'phone\' AS phone FROM service_versions WHERE service_id = $1 ORDER BY version', [offer.id])).rows;
  assert.deepEqual(versions, [{ version: 1, phone: '0371 000000' }, { version: 2, phone: kept.body.data.phone }]);
  const saved = (await db.query(`SELECT detail FROM audit_log WHERE action = 'offer-saved' AND target_id = $1`, [offer.id])).rows;
  assert.deepEqual(saved.map((r) => r.detail), [{ version: 2, state: 'draft' }]);
  assert.equal((await anna.get(`/api/offers/${offer.id}`)).body.version, 2);
});

test('archive takes an offer out of the feed; an earlier version can be restored as a new draft', async () => {
  const { hub, client } = await fixture.fresh();
  const editor = await client().login('editor@comune.example');
  const { body: offer } = await editor.post('/api/offers', { data: service('Centro anziani') });
  await editor.put(`/api/offers/${offer.id}`, { data: service('Centro anziani rinnovato') }, { headers: { 'if-match': '"1"' } });
  await editor.post(`/api/offers/${offer.id}/submit`);
  assert.deepEqual(await feedIds(hub), [offer.id]);
  const archived = await editor.post(`/api/offers/${offer.id}/archive`);
  assert.equal(archived.body.state, 'archived');
  assert.deepEqual(await feedIds(hub), []);
  assert.equal((await editor.put(`/api/offers/${offer.id}`, { data: service('x') }, { headers: { 'if-match': `"${archived.body.version}"` } })).status, 409);

  const { body } = await editor.get(`/api/offers/${offer.id}/versions`);
  assert.deepEqual(body.versions.map((v) => [v.version, v.state, v.data.name]), [
    [4, 'archived', 'Centro anziani rinnovato'],
    [3, 'published', 'Centro anziani rinnovato'],
    [2, 'draft', 'Centro anziani rinnovato'],
    [1, 'draft', 'Centro anziani'],
  ]);
  assert.equal(body.versions[0].savedBy, 'u-comune');
  const restored = await editor.post(`/api/offers/${offer.id}/restore`, { version: 1 });
  assert.equal(restored.body.state, 'draft');
  assert.equal(restored.body.data.name, 'Centro anziani');
  assert.equal(restored.body.version, 5);
  await editor.post(`/api/offers/${offer.id}/submit`);
  assert.deepEqual((await feed(hub)).services.map((s) => s.name), ['Centro anziani']);
});

test('an offer past its validity leaves the feed by itself', async () => {
  const { hub, client, clock } = await fixture.fresh();
  const editor = await client().login('editor@comune.example');
  const { body: offer } = await editor.post('/api/offers', { data: service('Centro estivo', { validFrom: '2026-06-01', validThrough: '2026-11-30' }) });
  await editor.post(`/api/offers/${offer.id}/submit`);
  assert.deepEqual(await feedIds(hub), [offer.id]);
  clock.advance(30 * 86_400_000);
  await hub.publisher.schedule();
  assert.deepEqual(await feedIds(hub), []);
  const seen = await (await client().login('editor@comune.example')).get(`/api/offers/${offer.id}`);
  assert.equal(seen.body.expired, true);
  assert.equal(seen.body.state, 'published');
});

test('offers not verified for 6 months are stale for the office and the organisation until verified', async () => {
  const { client, clock } = await fixture.fresh();
  const editor = await client().login('editor@caritas.example');
  const other = await client().login('editor@comune.example');
  const { body: offer } = await editor.post('/api/offers', { data: service('Ascolto') });
  await other.post('/api/offers', { data: service('Altro ente') });
  clock.advance(185 * 86_400_000);
  const admin = await client().login('ufficio@piano.example');
  const editorAgain = await client().login('editor@caritas.example');
  assert.equal((await admin.get('/api/stale')).body.offers.length, 2);
  const own = await editorAgain.get('/api/stale');
  assert.deepEqual(own.body.offers.map((o) => o.id), [offer.id], 'an editor sees only its own');
  assert.equal(own.body.offers[0].stale, true);
  const verified = await editorAgain.post(`/api/offers/${offer.id}/verify`);
  assert.equal(verified.body.stale, false);
  assert.equal(verified.body.version, offer.version, 'verifying changes no content');
  assert.deepEqual((await editorAgain.get('/api/stale')).body.offers, []);
});

test('the stale limit is configurable', async () => {
  const { client, clock } = await fixture.fresh({ staleMonths: 1 });
  const editor = await client().login('editor@caritas.example');
  await editor.post('/api/offers', { data: service('Ascolto') });
  clock.advance(20 * 86_400_000);
  assert.equal((await (await client().login('editor@caritas.example')).get('/api/stale')).body.offers.length, 0);
  clock.advance(15 * 86_400_000);
  const again = await client().login('editor@caritas.example');
  assert.equal((await again.get('/api/stale')).body.offers.length, 1);
});

test('an offer the feed would refuse is refused on save, with welfare-feed\'s own messages', async () => {
  const { client, db } = await fixture.fresh();
  const editor = await client().login('editor@caritas.example');
  const bad = await editor.post('/api/offers', {
    data: service('Sportello', { categories: ['inesistente'], locations: [{ address: 'Via Roma 1', lat: 145, lon: 9.5 }], hours: 'quando capita' }),
  });
  assert.equal(bad.status, 422);
  const paths = bad.body.errors.map((e) => e.path);
  assert.ok(paths.includes('data.categories[0]'), paths.join());
  assert.ok(paths.some((p) => p.startsWith('data.locations[0]')), paths.join());
  assert.ok(paths.includes('data.hours'), paths.join());
  assert.ok(bad.body.errors.every((e) => /[a-zà-ù]/.test(e.message)));
  assert.equal(Number((await db.query('SELECT count(*) AS n FROM services')).rows[0].n), 0);
  const noName = await editor.post('/api/offers', { data: { description: 'senza nome' } });
  assert.equal(noName.status, 422);
  assert.ok(noName.body.errors.some((e) => e.path === 'data.name' || e.path === 'data'), JSON.stringify(noName.body.errors));
});

test('bulk approval is all or nothing', async () => {
  const { hub, client } = await fixture.fresh();
  const editor = await client().login('editor@caritas.example');
  const admin = await client().login('ufficio@piano.example');
  const ids = [];
  for (const name of ['Uno', 'Due', 'Tre']) {
    const { body } = await editor.post('/api/offers', { data: service(name) });
    await editor.post(`/api/offers/${body.id}/submit`);
    ids.push(body.id);
  }
  const { body: draft } = await editor.post('/api/offers', { data: service('Bozza') });
  const refused = await admin.post('/api/review-queue/approve', { ids: [...ids, draft.id] });
  assert.equal(refused.status, 409);
  assert.deepEqual(await feedIds(hub), []);
  assert.equal((await admin.get('/api/review-queue')).body.offers.length, 3);
  const ok = await admin.post('/api/review-queue/approve', { ids });
  assert.equal(ok.status, 200);
  assert.deepEqual((await feedIds(hub)).sort(), [...ids].sort());
});

test('editors list and search only their own offers', async () => {
  const { client } = await fixture.fresh();
  const caritas = await client().login('editor@caritas.example');
  const comune = await client().login('editor@comune.example');
  await caritas.post('/api/offers', { data: service('Emporio solidale') });
  await caritas.post('/api/offers', { data: service('Mensa dei poveri') });
  await comune.post('/api/offers', { data: service('Emporio comunale') });
  assert.deepEqual((await caritas.get('/api/offers?q=emporio')).body.offers.map((o) => o.data.name), ['Emporio solidale']);
  assert.equal((await caritas.get('/api/offers?organisationId=comune-lodi')).body.offers.every((o) => o.organisationId === 'caritas'), true);
  const admin = await client().login('ufficio@piano.example');
  assert.equal((await admin.get('/api/offers?q=emporio')).body.offers.length, 2);
  assert.equal((await admin.get('/api/offers?state=draft&organisationId=comune-lodi')).body.offers.length, 1);
});
