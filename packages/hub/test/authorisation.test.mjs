/**
 * The authorisation matrix: an editor tries every forbidden combination (another
 * organisation's offer, notice, users and organisation with each verb; every office-only
 * action, even on its own records) and a visitor without a session tries every route.
 * Each is refused (404 for another organisation's records, so their existence is not
 * revealed; 403 for office-only actions; 401 without a session) and the database, dumped
 * table by table before and after, is unchanged.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { doc } from './support/openapi.mjs';
import { hubFixture, service } from './support/hub.mjs';

let fixture;
before(async () => {
  fixture = await hubFixture();
});
after(() => fixture?.close());

/** Every row of every table, in a stable order. */
async function dump(db) {
  const tables = (await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`)).rows.map((r) => r.tablename);
  const out = {};
  for (const t of tables) out[t] = JSON.stringify((await db.query(`SELECT * FROM "${t}" ORDER BY 1`)).rows);
  return out;
}

async function world() {
  const f = await fixture.fresh();
  const admin = await f.client().login('ufficio@piano.example');
  const comune = await f.client().login('editor@comune.example');
  const caritas = await f.client().login('editor@caritas.example');
  // Comune di Lodi (trusted): a published offer, a draft, a notice on the published one.
  const published = (await comune.post('/api/offers', { data: service('Sportello casa') })).body;
  await comune.post(`/api/offers/${published.id}/submit`);
  const draft = (await comune.post('/api/offers', { data: service('Bozza del Comune') })).body;
  await f.hub.publisher.idle();
  const notice = (await comune.post('/api/notices', { data: { title: 'Chiuso per lavori', text: 'Lo sportello è chiuso.', kind: 'closure', services: [published.id] } })).body;
  // Caritas (not trusted): its own submitted offer, for the office-only actions.
  const own = (await caritas.post('/api/offers', { data: service('Emporio') })).body;
  await caritas.post(`/api/offers/${own.id}/submit`);
  const ownNotice = (await caritas.post('/api/notices', { data: { title: 'Novità', text: 'Apertura il sabato.', services: [own.id] } })).body;
  const ap = (await admin.post('/api/access-points', { data: { name: 'Punto di accesso di Lodi', address: 'Piazza Broletto 1', comune: 'Lodi' } })).body;
  const audience = (await admin.post('/api/audiences', { data: { id: 'giovani' } })).body;
  await f.hub.publisher.idle();
  assert.ok(published.id && draft.id && notice.id && own.id && ownNotice.id && ap.id && audience.id, 'the world is set up');
  return { ...f, admin, comune, caritas, published, draft, notice, own, ownNotice, ap };
}

test('an editor cannot read or change another organisation\'s records, nor do the office\'s work', async () => {
  const w = await world();
  const { caritas, published, draft, notice, own, ownNotice, ap } = w;
  const v = `"${published.version + 1}"`;
  const NOT_FOUND = [
    ['GET', `/api/offers/${published.id}`],
    ['PUT', `/api/offers/${published.id}`, { data: service('Preso') }, { 'if-match': v }],
    ['PUT', `/api/offers/${draft.id}`, { data: service('Preso') }, { 'if-match': '"1"' }],
    ['POST', `/api/offers/${draft.id}/submit`],
    ['POST', `/api/offers/${published.id}/verify`],
    ['POST', `/api/offers/${published.id}/archive`],
    ['POST', `/api/offers/${published.id}/restore`, { version: 1 }],
    ['GET', `/api/offers/${published.id}/versions`],
    ['POST', '/api/offers', { data: service('Intruso'), organisationId: 'comune-lodi' }],
    ['GET', `/api/notices/${notice.id}`],
    ['PUT', `/api/notices/${notice.id}`, { data: { title: 'Preso', text: 'x' } }, { 'if-match': `"${notice.version}"` }],
    ['POST', `/api/notices/${notice.id}/archive`],
    ['POST', '/api/notices', { data: { title: 'Intruso', text: 'x' }, organisationId: 'comune-lodi' }],
    ['GET', '/api/organisations/comune-lodi'],
    ['GET', '/api/organisations/comune-lodi/users'],
  ];
  const FORBIDDEN = [
    ['POST', `/api/offers/${own.id}/approve`],
    ['POST', `/api/offers/${own.id}/send-back`, { note: 'Da solo' }],
    ['POST', `/api/offers/${published.id}/approve`],
    ['GET', '/api/review-queue'],
    ['POST', '/api/review-queue/approve', { ids: [own.id] }],
    ['POST', `/api/notices/${ownNotice.id}/approve`],
    ['POST', `/api/notices/${notice.id}/approve`],
    ['GET', '/api/users'],
    ['PATCH', '/api/users/u-comune', { disabled: true }],
    ['PATCH', '/api/users/u-caritas', { role: 'admin' }],
    ['POST', '/api/users/u-comune/reset'],
    ['POST', '/api/users/u-caritas-2/reset'],
    ['POST', '/api/invitations', { email: 'amico@caritas.example', role: 'editor', organisationId: 'caritas' }],
    ['POST', '/api/organisations', { name: 'Ente nuovo' }],
    ['PATCH', '/api/organisations/caritas', { trusted: true }],
    ['PATCH', '/api/organisations/comune-lodi', { disabled: true }],
    ['GET', '/api/access-points'],
    ['GET', `/api/access-points/${ap.id}`],
    ['POST', '/api/access-points', { data: { name: 'Punto' } }],
    ['PUT', `/api/access-points/${ap.id}`, { data: { name: 'Punto' } }, { 'if-match': '"1"' }],
    ['POST', `/api/access-points/${ap.id}/archive`],
    ['GET', '/api/audit'],
    ['GET', '/api/publications'],
    // The office's lists: editors read them only through /api/territory.
    ['GET', '/api/categories'],
    ['POST', '/api/categories', { data: { name: { it: 'Intrusa' } } }],
    ['PUT', '/api/categories/cibo', { data: { name: { it: 'Presa' } } }, { 'if-match': '"1"' }],
    ['POST', '/api/categories/casa/archive'],
    ['POST', '/api/categories/casa/restore'],
    ['GET', '/api/audiences'],
    ['POST', '/api/audiences', { data: { id: 'intrusi' } }],
    ['PUT', '/api/audiences/giovani', { data: { name: { it: 'Presi' } } }, { 'if-match': '"1"' }],
    ['POST', '/api/audiences/giovani/archive'],
    ['POST', '/api/audiences/giovani/restore'],
    ['GET', '/api/comuni'],
    ['POST', '/api/comuni', { name: 'Intrusopoli', lat: 45, lon: 9 }],
    ['PUT', '/api/comuni/lodi', { name: 'Presa', lat: 45, lon: 9 }, { 'if-match': '"1"' }],
    ['POST', '/api/comuni/lodi/archive'],
    ['POST', '/api/comuni/lodi/restore'],
  ];
  // Linking another organisation's service in one's own notice is refused on the field.
  const REFUSED = [['POST', '/api/notices', { data: { title: 'Avviso', text: 'x', services: [published.id] } }, {}, 422]];

  const before = await dump(w.db);
  const feedBefore = await (await w.hub.app.request('/feed.json')).text();
  for (const [method, path, body, headers = {}, status] of [
    ...NOT_FOUND.map(([m, p, b, h]) => [m, p, b, h ?? {}, 404]),
    ...FORBIDDEN.map(([m, p, b, h]) => [m, p, b, h ?? {}, 403]),
    ...REFUSED,
  ]) {
    const r = await caritas.request(method, path, { body, headers });
    assert.equal(r.status, status, `${method} ${path}: ${r.text}`);
    assert.match(r.headers.get('content-type'), /^application\/problem\+json/);
  }
  await w.hub.publisher.idle();
  assert.deepEqual(await dump(w.db), before, 'no table changed');
  assert.equal(await (await w.hub.app.request('/feed.json')).text(), feedBefore);

  // The same records exist and their owners reach them: the refusals above were about rights.
  assert.equal((await w.comune.get(`/api/offers/${published.id}`)).status, 200);
  assert.equal((await w.comune.get(`/api/notices/${notice.id}`)).status, 200);
  assert.equal((await w.comune.get('/api/organisations/comune-lodi/users')).status, 200);
  assert.equal((await w.admin.get('/api/audit')).status, 200);
  assert.equal((await w.admin.post('/api/categories/casa/archive')).status, 200);
  assert.equal((await w.admin.post(`/api/offers/${own.id}/approve`)).status, 200);
});

test('without a session every API route answers 401 and changes nothing', async () => {
  const w = await world();
  const visitor = w.client();
  const before = await dump(w.db);
  const open = new Set(['/api/health', '/api/session', '/api/invitations/accept', '/api/password-reset/accept']);
  let tried = 0;
  for (const [template, item] of Object.entries(doc.paths)) {
    // /api/public/ (mutual aid's form, issue 19) needs no session by design; its own tests cover it.
    if (!template.startsWith('/api/') || template.startsWith('/api/public/')) continue;
    const path = template.replace('{id}', w.published.id);
    for (const method of ['get', 'post', 'put', 'patch', 'delete'].filter((m) => item[m])) {
      if (open.has(template) && !(template === '/api/session' && method !== 'post')) continue;
      const r = await visitor.request(method.toUpperCase(), path, { body: method === 'get' ? undefined : {} });
      assert.equal(r.status, 401, `${method} ${path}`);
      tried++;
    }
  }
  assert.ok(tried >= 35, `${tried} routes tried`);
  assert.deepEqual(await dump(w.db), before);
});
