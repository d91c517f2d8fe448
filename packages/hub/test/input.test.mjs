/**
 * Bad requests never cause a 500: every route that takes a body gets broken JSON, the
 * wrong content type, wrong shapes, unknown fields and an oversized body, and answers a
 * 4xx problem+json in Italian. Then every operation of openapi.yaml is called and each
 * answer checked against the document (support/openapi.mjs), and the test makes sure no
 * documented operation was left out.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { doc, seen } from './support/openapi.mjs';
import { hubFixture, service } from './support/hub.mjs';

let fixture;
before(async () => {
  fixture = await hubFixture();
});
after(() => fixture?.close());

const TITLES = new Set(['Richiesta non valida', 'Formato non supportato', 'Richiesta troppo grande', 'Dati non validi', 'Non trovato', 'Conflitto', 'Versione richiesta', 'Operazione non permessa', 'Collegamento non valido', 'Accesso non riuscito']);

async function world() {
  const f = await fixture.fresh();
  const admin = await f.client().login('ufficio@piano.example');
  const offer = (await admin.post('/api/offers', { data: service('Emporio'), organisationId: 'caritas' })).body;
  const notice = (await admin.post('/api/notices', { data: { title: 'Avviso', text: 'Testo' } })).body;
  const ap = (await admin.post('/api/access-points', { data: { name: 'Punto di accesso' } })).body;
  const audience = (await admin.post('/api/audiences', { data: { id: 'giovani' } })).body;
  return { ...f, admin, ids: { offers: offer.id, notices: notice.id, 'access-points': ap.id, users: 'u-caritas', organisations: 'caritas', categories: 'casa', audiences: audience.id, comuni: 'lodi' } };
}

const concrete = (template, ids) => template.replace(/\/api\/([\w-]+)\/\{id\}/, (_, kind) => `/api/${kind}/${ids[kind]}`);

test('broken, mistyped, unknown-field and oversized bodies get a 4xx problem in Italian, never a 500', async () => {
  const w = await world();
  const big = JSON.stringify({ data: { name: 'x'.repeat(300 * 1024) } });
  const BAD = [
    { rawBody: '{"data": ', type: 'application/json' },
    { rawBody: 'name=Mensa', type: 'application/x-www-form-urlencoded' },
    { rawBody: '[]', type: 'application/json' },
    { rawBody: 'null', type: 'application/json' },
    { rawBody: '"testo"', type: 'application/json' },
    { rawBody: '{"data": [], "ids": "x", "email": 5, "note": {}, "version": "uno", "token": null}', type: 'application/json' },
    { rawBody: '{"sconosciuto": true}', type: 'application/json' },
    { rawBody: '{"data": {"name": {"it": {"annidato": [1, 2, {"x": null}]}}, "locations": "ovunque"}}', type: 'application/json' },
    { rawBody: big, type: 'application/json' },
    { rawBody: '{"__proto__": {"admin": true}, "data": {"constructor": {"prototype": {}}}}', type: 'application/json' },
    { rawBody: '{"data": {"name": "a\\u0000b", "x\\u0000": 1}, "email": "a\\u0000@b.it", "note": "\\u0000", "password": "\\u0000"}', type: 'application/json' },
  ];
  let tried = 0;
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const method of ['post', 'put', 'patch']) {
      if (!item[method] || template === '/api/session') continue;
      const path = concrete(template, w.ids);
      for (const bad of BAD) {
        const r = await w.admin.request(method.toUpperCase(), path, { rawBody: bad.rawBody, headers: { 'content-type': bad.type, 'if-match': '"1"' } });
        // Routes that take no body (submit, archive...) may ignore it and succeed; none may fail with a 500.
        assert.ok(r.status < 500, `${method} ${path} ${bad.rawBody.slice(0, 40)} → ${r.status}`);
        if (item[method].requestBody) assert.ok(r.status >= 400, `${method} ${path} accepted ${bad.rawBody.slice(0, 40)}`);
        if (r.status >= 400) {
          assert.match(r.headers.get('content-type'), /^application\/problem\+json/);
          assert.ok(TITLES.has(r.body.title), `${r.body.title} (${method} ${path})`);
        }
        tried++;
      }
    }
  }
  assert.ok(tried > 150, `${tried} bad requests`);
  // The login route too, and odd ids and queries.
  for (const bad of BAD) {
    const r = await w.client().request('POST', '/api/session', { rawBody: bad.rawBody, headers: { 'content-type': bad.type } });
    assert.ok([400, 401, 413, 415].includes(r.status), `login ${bad.rawBody.slice(0, 30)} → ${r.status}`);
  }
  for (const path of ['/api/offers/%00', `/api/offers/${'x'.repeat(300)}`, '/api/offers/..%2F..%2Fetc', '/api/audit?limit=tanti&before=ieri', '/api/offers?state=inventato&q=%25%5C_']) {
    const r = await w.admin.get(path);
    assert.ok([200, 400, 404].includes(r.status), `${path} → ${r.status}`);
  }
});

test('the field errors say what is wrong, in Italian, per field', async () => {
  const w = await world();
  const r = await w.admin.post('/api/offers', { data: 'Mensa', organisationId: 7, extra: 1 });
  assert.equal(r.status, 400);
  assert.equal(r.body.title, 'Richiesta non valida');
  assert.deepEqual(
    r.body.errors.sort((a, b) => a.path.localeCompare(b.path)),
    [
      { path: 'data', message: 'deve essere un oggetto' },
      { path: 'extra', message: 'campo sconosciuto: toglierlo' },
      { path: 'organisationId', message: 'deve essere un testo' },
    ],
  );
  const big = await w.admin.request('POST', '/api/offers', { rawBody: JSON.stringify({ data: { name: 'x'.repeat(300 * 1024) } }), headers: { 'content-type': 'application/json' } });
  assert.equal(big.status, 413);
  assert.equal(big.body.title, 'Richiesta troppo grande');
});

test('every operation in openapi.yaml answers as the document says', async () => {
  const w = await world();
  const { admin, ids } = w;
  const caritas = await w.client().login('editor@caritas.example');
  // Reads.
  for (const [template, item] of Object.entries(doc.paths)) {
    if (item.get) await admin.get(concrete(template, ids));
  }
  // Workflow and writes, in an order that makes each succeed.
  const o = ids.offers;
  await admin.put(`/api/offers/${o}`, { data: service('Emporio rinnovato') }, { headers: { 'if-match': '"1"' } });
  await admin.post(`/api/offers/${o}/submit`);
  await admin.post(`/api/offers/${o}/send-back`, { note: 'Aggiungi il telefono' });
  await admin.post(`/api/offers/${o}/submit`);
  await admin.post(`/api/offers/${o}/approve`);
  await admin.post(`/api/offers/${o}/verify`);
  await admin.post(`/api/offers/${o}/archive`);
  await admin.post(`/api/offers/${o}/restore`, { version: 1 });
  await admin.post(`/api/offers/${o}/submit`);
  await admin.post('/api/review-queue/approve', { ids: [o] });
  const n = (await caritas.post('/api/notices', { data: { title: 'Nuovo orario', text: 'Dal lunedì.' } })).body;
  await admin.post(`/api/notices/${n.id}/approve`);
  await admin.put(`/api/notices/${ids.notices}`, { data: { title: 'Avviso', text: 'Testo nuovo' } }, { headers: { 'if-match': '"1"' } });
  await admin.post(`/api/notices/${ids.notices}/archive`);
  await admin.put(`/api/access-points/${ids['access-points']}`, { data: { name: 'Punto di accesso di Lodi' } }, { headers: { 'if-match': '"1"' } });
  await admin.post(`/api/access-points/${ids['access-points']}/archive`);
  // The office's lists: a new entry, a change with the current version, archive and back.
  await admin.post('/api/categories', { data: { name: { it: 'Salute', en: 'Health' }, color: '#0b6e4f' } });
  await admin.post('/api/audiences', { data: { name: { it: 'Anziani' } } });
  await admin.post('/api/comuni', { name: 'Casalpusterlengo', lat: 45.177, lon: 9.648, patron: 'San Bartolomeo', patronDate: '08-24' });
  for (const [kind, id, body] of [
    ['categories', 'casa', { data: { name: { it: 'Abitare', en: 'Housing' } } }],
    ['audiences', ids.audiences, { data: { name: { it: 'Giovani', en: 'Young people' } } }],
    ['comuni', 'lodi', { name: 'Lodi', lat: 45.3138, lon: 9.5018, patron: 'San Bassiano', patronDate: '01-19' }],
  ]) {
    const current = (await admin.get(`/api/${kind}`)).body[kind].find((e) => e.id === id);
    await admin.put(`/api/${kind}/${id}`, body, { headers: { 'if-match': `"${current.version}"` } });
    await admin.post(`/api/${kind}/${id}/archive`);
    await admin.post(`/api/${kind}/${id}/restore`);
  }
  await admin.post('/api/organisations', { name: 'Auser Lodi', kind: 'third-sector' });
  await admin.patch('/api/organisations/auser-lodi', { trusted: true });
  const invite = (await admin.post('/api/invitations', { email: 'nuovo@auser.example', role: 'editor', organisationId: 'auser-lodi' })).body;
  await w.client().post('/api/invitations/accept', { token: new URL(invite.link).hash.slice(1), name: 'Nuovo', password: 'una passeggiata sull\'Adda' });
  const reset = (await admin.post('/api/users/u-caritas-2/reset')).body;
  await w.client().post('/api/password-reset/accept', { token: new URL(reset.link).hash.slice(1), password: 'una passeggiata sull\'Adda' });
  await admin.patch('/api/users/u-caritas-2', { name: 'Bruno C.' });
  await w.client().post('/api/session', { email: 'nessuno@example.org', password: 'sbagliata ma lunga' });
  // Mutual aid (issue 19): the office designates Caritas for Lodi; four posts go through each step.
  await admin.put('/api/mutual-aid/mediators/caritas', { comuni: ['Lodi'] });
  await admin.put('/api/mutual-aid/words', { words: ['truffa'] });
  const posts = [];
  for (let i = 0; i < 4; i++) {
    const form = (await w.client().get('/api/public/mutual-aid/form')).body;
    w.clock.advance(5_000);
    const post = { kind: 'offro', topic: 'spesa', text: `Aiuto con la spesa, volta ${i}`, comune: 'Lodi', contact: `persona${i}@example.org`, consent: true, token: form.token };
    posts.push((await w.client().post('/api/public/mutual-aid/posts', post)).body);
  }
  await caritas.get('/api/mutual-aid/queue');
  await caritas.post(`/api/mutual-aid/posts/${posts[0].id}/approve`, { text: 'Aiuto con la spesa.' });
  await caritas.post(`/api/mutual-aid/posts/${posts[1].id}/reject`, { reason: 'Rivolgiti allo sportello sociale.' });
  await caritas.post(`/api/mutual-aid/posts/${posts[2].id}/approve`, {});
  await caritas.post(`/api/mutual-aid/posts/${posts[2].id}/done`, {});
  await w.client().post(`/api/public/mutual-aid/posts/${posts[0].id}/status`, { key: posts[0].key });
  await w.client().post(`/api/public/mutual-aid/posts/${posts[0].id}/renew`, { key: posts[0].key });
  // An answer to the published post, and the mediator deleting it once people are in touch.
  const answerForm = (await w.client().get('/api/public/mutual-aid/form')).body;
  w.clock.advance(5_000);
  await w.client().post(`/api/public/mutual-aid/posts/${posts[0].id}/messages`, { text: 'Posso aiutare io.', contact: 'vicino@example.net', consent: true, token: answerForm.token });
  const reply = (await caritas.get('/api/mutual-aid/queue')).body.posts.find((p) => p.id === posts[0].id).messages[0];
  await caritas.post(`/api/mutual-aid/messages/${reply.id}/done`);
  await w.client().post(`/api/public/mutual-aid/posts/${posts[0].id}/report`);
  await w.client().post(`/api/public/mutual-aid/posts/${posts[3].id}/withdraw`, { key: posts[3].key });
  await caritas.delete('/api/session');
  await w.hub.publisher.idle();
  await w.hub.app.request('/feed.json');

  const documented = Object.entries(doc.paths).flatMap(([t, item]) => ['get', 'post', 'put', 'patch', 'delete'].filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${t}`));
  const answered = new Set([...seen].map((s) => s.split(' ').slice(0, 2).join(' ')));
  // /feed.json is requested without the checking client: check it here.
  const feed = await w.hub.app.request('/feed.json');
  assert.equal(feed.status, 200);
  answered.add('GET /feed.json');
  assert.deepEqual(documented.filter((d) => !answered.has(d)), [], 'operations never called');
  // And the successes among them, not only errors.
  const ok = new Set([...seen].filter((s) => /\s2\d\d$/.test(s)).map((s) => s.split(' ').slice(0, 2).join(' ')));
  ok.add('GET /feed.json');
  assert.deepEqual(documented.filter((d) => !ok.has(d)), [], 'operations never answered with success');
});
