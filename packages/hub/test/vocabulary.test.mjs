/**
 * The office's categories, audiences and comuni through the API: what the office changes
 * reaches the editors' form (GET /api/territory) and the published feed; archiving a
 * category that offers still use is refused, so the feed never names a missing one; every
 * change is audited; two saves of the same entry conflict instead of losing one.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { migrate, readMigrations } from '../dist/index.js';
import { hubFixture, service } from './support/hub.mjs';
import { testDb } from './support/db.mjs';

let fixture;
before(async () => {
  fixture = await hubFixture();
});
after(() => fixture?.close());

async function feedOf(hub) {
  await hub.publisher.idle();
  return (await hub.app.request('/feed.json')).json();
}

async function auditActions(admin) {
  return (await admin.get('/api/audit')).body.entries.map((e) => `${e.action} ${e.targetId}`);
}

test('a category the office adds and renames reaches the form and the feed; archiving waits until no offer uses it', async () => {
  const f = await fixture.fresh();
  const admin = await f.admin();
  const editor = await f.comune();

  const made = await admin.post('/api/categories', { data: { name: { it: 'Salute mentale', en: 'Mental health' }, color: '#1a7f5a' } });
  assert.equal(made.status, 201);
  assert.equal(made.body.id, 'salute-mentale', 'the id comes from the Italian name');
  assert.equal(made.headers.get('etag'), '"1"');
  assert.deepEqual((await editor.get('/api/territory')).body.categories.map((c) => c.id), ['casa', 'cibo', 'salute-mentale']);

  // The editor publishes an offer in it (Comune di Lodi is trusted: submitting publishes).
  const offer = (await editor.post('/api/offers', { data: service('Sportello ascolto', { categories: ['salute-mentale'] }) })).body;
  await editor.post(`/api/offers/${offer.id}/submit`);
  assert.deepEqual((await feedOf(f.hub)).categories.find((c) => c.id === 'salute-mentale'), { id: 'salute-mentale', name: { it: 'Salute mentale', en: 'Mental health' }, color: '#1a7f5a' });

  // Renaming keeps the id: the offer still points at it, the tiles show the new name.
  const renamed = await admin.put('/api/categories/salute-mentale', { data: { name: { it: 'Benessere psicologico', en: 'Wellbeing' }, color: '#1a7f5a' } }, { headers: { 'if-match': '"1"' } });
  assert.equal(renamed.status, 200);
  assert.equal(renamed.body.inUse, 1);
  const feed = await feedOf(f.hub);
  assert.equal(feed.categories.find((c) => c.id === 'salute-mentale').name.it, 'Benessere psicologico');
  assert.deepEqual(feed.services.find((s) => s.id === offer.id).categories, ['salute-mentale']);

  // A stale save conflicts and shows the current entry; changing the id is refused.
  const stale = await admin.put('/api/categories/salute-mentale', { data: { name: { it: 'Vecchio nome' } } }, { headers: { 'if-match': '"1"' } });
  assert.equal(stale.status, 409);
  assert.equal(stale.body.current.data.name.it, 'Benessere psicologico');
  assert.equal((await admin.put('/api/categories/salute-mentale', { data: { id: 'altro', name: { it: 'X' } } }, { headers: { 'if-match': '"2"' } })).status, 422);
  assert.equal((await admin.put('/api/categories/salute-mentale', { data: { name: { it: 'X' } } })).status, 428);
  assert.equal((await admin.post('/api/categories', { data: { id: 'casa', name: { it: 'Altra casa' } } })).status, 409);
  assert.equal((await admin.post('/api/categories', { data: { name: { it: 'Rosso' }, color: 'red; background:url(x)' } })).status, 400);

  // Archiving while the published offer uses it: refused, nothing changes.
  const refused = await admin.post('/api/categories/salute-mentale/archive');
  assert.equal(refused.status, 409);
  assert.equal(refused.body.inUse, 1);
  assert.match(refused.body.detail, /usata da un'offerta/);
  assert.equal((await admin.get('/api/categories')).body.categories.find((c) => c.id === 'salute-mentale').archived, false);

  // Once the offer is archived, the category can go: out of the form and the feed, and new saves may not use it.
  await editor.post(`/api/offers/${offer.id}/archive`);
  const archived = await admin.post('/api/categories/salute-mentale/archive');
  assert.equal(archived.status, 200);
  assert.equal(archived.body.archived, true);
  assert.deepEqual((await editor.get('/api/territory')).body.categories.map((c) => c.id), ['casa', 'cibo']);
  const after = await feedOf(f.hub);
  assert.equal(after.categories.some((c) => c.id === 'salute-mentale'), false);
  assert.equal((await editor.post('/api/offers', { data: service('Altro', { categories: ['salute-mentale'] }) })).status, 422);

  // Restored, it is a choice again.
  assert.equal((await admin.post('/api/categories/salute-mentale/restore')).status, 200);
  assert.ok((await editor.get('/api/territory')).body.categories.some((c) => c.id === 'salute-mentale'));

  const actions = await auditActions(admin);
  for (const a of ['category-created', 'category-saved', 'category-archived', 'category-restored']) assert.ok(actions.includes(`${a} salute-mentale`), a);
  assert.equal(actions.filter((a) => a === 'category-archived salute-mentale').length, 1, 'the refused archive left no trace');
});

test('comuni: centre and patron day reach the form and the feed; a second comune with the same name is refused', async () => {
  const f = await fixture.fresh();
  const admin = await f.admin();
  const editor = await f.caritas();

  const made = await admin.post('/api/comuni', { name: 'Sant\'Angelo Lodigiano', lat: 45.2385, lon: 9.4088, patron: 'Santa Francesca Cabrini', patronDate: '11-13' });
  assert.equal(made.status, 201);
  assert.equal(made.body.id, 'sant-angelo-lodigiano');
  const territory = (await editor.get('/api/territory')).body.comuni;
  assert.deepEqual(territory.find((k) => k.id === 'sant-angelo-lodigiano'), { id: 'sant-angelo-lodigiano', name: 'Sant\'Angelo Lodigiano', lat: 45.2385, lon: 9.4088, patron: 'Santa Francesca Cabrini', patronDate: '11-13' });
  assert.deepEqual((await feedOf(f.hub)).patronDays, [{ comune: 'Sant\'Angelo Lodigiano', date: '11-13', name: 'Santa Francesca Cabrini' }]);

  assert.equal((await admin.post('/api/comuni', { name: 'LODI', lat: 45.3, lon: 9.5 })).status, 409);
  assert.equal((await admin.post('/api/comuni', { name: 'Orio Litta', lat: 45.16, lon: 9.55, patronDate: '02-30' })).status, 422);
  assert.equal((await admin.post('/api/comuni', { name: 'Orio Litta', lat: 145, lon: 9.55 })).status, 400);
  assert.equal((await admin.put('/api/comuni/codogno', { name: 'Lodi', lat: 45.16, lon: 9.705 }, { headers: { 'if-match': '"1"' } })).status, 409, 'renaming onto another comune');

  // The editor's places in Lodi count as uses; archiving a comune leaves those offers alone.
  const offer = (await editor.post('/api/offers', { data: service('Mensa') })).body;
  const lodi = (await admin.get('/api/comuni')).body.comuni.find((k) => k.id === 'lodi');
  assert.equal(lodi.inUse, 1);
  const archived = await admin.post('/api/comuni/lodi/archive');
  assert.equal(archived.status, 200);
  assert.equal((await editor.get('/api/territory')).body.comuni.some((k) => k.id === 'lodi'), false);
  assert.equal((await editor.get(`/api/offers/${offer.id}`)).body.data.locations[0].comune, 'Lodi');

  const saint = await admin.post('/api/comuni/sant-angelo-lodigiano/archive');
  assert.equal(saint.status, 200);
  assert.equal((await feedOf(f.hub)).patronDays, undefined, 'an archived comune\'s patron day leaves the feed');
  const actions = await auditActions(admin);
  assert.ok(actions.includes('comune-created sant-angelo-lodigiano') && actions.includes('comune-archived lodi'));
});

test('audiences: the office names them; an archived one leaves the form but stays on the offers', async () => {
  const f = await fixture.fresh();
  const admin = await f.admin();
  const editor = await f.caritas();
  assert.equal((await admin.post('/api/audiences', { data: { id: 'anziani' } })).status, 201);
  const named = await admin.post('/api/audiences', { data: { name: { it: 'Caregiver familiari', en: 'Family carers' } } });
  assert.equal(named.body.id, 'caregiver-familiari');
  assert.equal((await admin.post('/api/audiences', { data: {} })).status, 400);
  assert.deepEqual((await editor.get('/api/territory')).body.audiences, ['anziani', { id: 'caregiver-familiari', name: { it: 'Caregiver familiari', en: 'Family carers' } }]);

  const offer = (await editor.post('/api/offers', { data: service('Sollievo', { audiences: ['caregiver-familiari'] }) })).body;
  assert.equal((await admin.get('/api/audiences')).body.audiences.find((a) => a.id === 'caregiver-familiari').inUse, 1);
  assert.equal((await admin.post('/api/audiences/caregiver-familiari/archive')).status, 200);
  assert.deepEqual((await editor.get('/api/territory')).body.audiences, ['anziani']);
  assert.deepEqual((await editor.get(`/api/offers/${offer.id}`)).body.data.audiences, ['caregiver-familiari']);
  assert.equal((await admin.post('/api/audiences/caregiver-familiari/archive')).status, 409);
});

test('the upgrade moves the audiences list of older hubs into its own table', async () => {
  const db = await testDb({ migrate: false });
  try {
    const [first, ...rest] = readMigrations();
    await migrate(db, [first]);
    await db.query(`INSERT INTO settings (key, value) VALUES ('audiences', '["giovani", {"id": "donne", "name": {"it": "Donne"}}]')`);
    await migrate(db, rest);
    const { rows } = await db.query('SELECT id, data, archived FROM audiences ORDER BY position');
    assert.deepEqual(rows, [
      { id: 'giovani', data: { id: 'giovani' }, archived: false },
      { id: 'donne', data: { id: 'donne', name: { it: 'Donne' } }, archived: false },
    ]);
    assert.equal((await db.query(`SELECT 1 FROM settings WHERE key = 'audiences'`)).rows.length, 0);
  } finally {
    await db.close();
  }
});
