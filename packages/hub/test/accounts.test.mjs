/**
 * Accounts and security: sessions and their cookie, expiry, logout, CSRF, login throttling,
 * invitations and password resets by one-time link, the password rules, security headers.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Client, hubFixture, PASSWORD, service } from './support/hub.mjs';
import { configure, createHub } from '../dist/index.js';

let fixture;
before(async () => {
  fixture = await hubFixture();
});
after(() => fixture?.close());

const count = async (db, sql, params) => Number((await db.query(sql, params)).rows[0].n);

test('login sets an HttpOnly SameSite=Lax cookie, a new session id each time; the old one stops working', async () => {
  const { client } = await fixture.fresh();
  const tab = client();
  const r = await tab.post('/api/session', { email: 'Editor@Caritas.example', password: PASSWORD });
  assert.equal(r.status, 200);
  assert.deepEqual(r.body.user, { id: 'u-caritas', email: 'editor@caritas.example', name: 'Anna Caritas', role: 'editor', organisationId: 'caritas' });
  assert.match(tab.setCookie, /^welfare-hub=[\w-]{40,};/);
  assert.match(tab.setCookie, /HttpOnly/);
  assert.match(tab.setCookie, /SameSite=Lax/);
  assert.doesNotMatch(tab.setCookie, /Secure/);
  const first = tab.cookie;
  assert.equal((await tab.get('/api/session')).status, 200);

  await tab.post('/api/session', { email: 'editor@caritas.example', password: PASSWORD });
  assert.notEqual(tab.cookie, first, 'a new session id at login');
  const old = client();
  old.cookie = first;
  assert.equal((await old.get('/api/session')).status, 401, 'the session id from before the login is gone');
});

test('over HTTPS the cookie is __Host- prefixed and Secure, and HSTS is sent', async () => {
  const { client } = await fixture.fresh({ secureCookies: true });
  const tab = await client().login('editor@caritas.example');
  assert.match(tab.setCookie, /^__Host-welfare-hub=/);
  assert.match(tab.setCookie, /Secure/);
  assert.match(tab.setCookie, /Path=\//);
  assert.doesNotMatch(tab.setCookie, /Domain=/);
  const r = await tab.get('/api/session');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('strict-transport-security'), /max-age=\d+/);
});

test('sessions end after 60 idle minutes, and after 12 hours even when used', async () => {
  const { client, clock } = await fixture.fresh();
  const idle = await client().login('editor@caritas.example');
  clock.advance(59 * 60_000);
  assert.equal((await idle.get('/api/session')).status, 200);
  clock.advance(59 * 60_000);
  assert.equal((await idle.get('/api/session')).status, 200, 'each request restarts the idle time');
  clock.advance(61 * 60_000);
  assert.equal((await idle.get('/api/session')).status, 401);

  const busy = await client().login('editor@caritas.example');
  for (let i = 0; i < 24; i++) {
    clock.advance(30 * 60_000);
    assert.equal((await busy.get('/api/session')).status, 200, `at ${(i + 1) / 2} h`);
  }
  clock.advance(30 * 60_000);
  assert.equal((await busy.get('/api/session')).status, 401, 'absolute limit reached');
});

test('logout ends the session on the server, not only in the browser', async () => {
  const { client } = await fixture.fresh();
  const tab = await client().login('editor@caritas.example');
  const cookie = tab.cookie;
  const r = await tab.delete('/api/session');
  assert.equal(r.status, 204);
  assert.match(tab.setCookie, /Max-Age=0/);
  const replay = client();
  replay.cookie = cookie;
  assert.equal((await replay.get('/api/session')).status, 401);
});

test('a change without the CSRF token, with a wrong one, or from another site is refused and writes nothing', async () => {
  const { client, db } = await fixture.fresh();
  const tab = await client().login('editor@caritas.example');
  for (const headers of [{}, { 'x-csrf-token': 'sbagliato' }, { origin: 'https://evil.example' }]) {
    const r = await tab.request('POST', '/api/offers', { body: { data: service() }, csrf: !!headers.origin, headers });
    assert.equal(r.status, 403, JSON.stringify(headers));
    assert.equal(r.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.match(r.body.detail, /[a-z]/);
  }
  assert.equal(await count(db, 'SELECT count(*) AS n FROM services'), 0);
  const ok = await tab.post('/api/offers', { data: service() }, { headers: { origin: 'http://localhost' } });
  assert.equal(ok.status, 201, 'the hub\'s own origin with the token is accepted');
});

test('five wrong passwords lock the account for 15 minutes with a clear message; other accounts go on', async () => {
  const { client, clock, db } = await fixture.fresh();
  const tab = client();
  for (let i = 0; i < 5; i++) {
    const r = await tab.post('/api/session', { email: 'editor@caritas.example', password: `sbagliata ${i} ancora` });
    assert.equal(r.status, 401);
    assert.equal(r.body.detail, 'Email o password non corretti.');
  }
  const locked = await tab.post('/api/session', { email: 'editor@caritas.example', password: PASSWORD });
  assert.equal(locked.status, 429, 'even the right password waits');
  assert.match(locked.body.detail, /Troppi tentativi.*riprova tra 15 minuti/);
  assert.equal(locked.headers.get('retry-after'), '900');
  assert.equal((await client().post('/api/session', { email: 'editor@comune.example', password: PASSWORD })).status, 200);
  clock.advance(15 * 60_000 + 1000);
  assert.equal((await tab.post('/api/session', { email: 'editor@caritas.example', password: PASSWORD })).status, 200);
  assert.equal(await count(db, `SELECT count(*) AS n FROM audit_log WHERE action = 'login-failed'`), 5);
  assert.equal(await count(db, `SELECT count(*) AS n FROM audit_log WHERE action = 'login-throttled'`), 1);
});

test('guesses sent at the same moment count as they arrive: five are tried, the others wait, and the right password after them too', async () => {
  const { client, db } = await fixture.fresh();
  const guesses = await Promise.all(
    Array.from({ length: 12 }, (_, i) => client().post('/api/session', { email: 'editor@caritas.example', password: `sbagliata ${i} insieme` })),
  );
  const statuses = guesses.map((r) => r.status).sort();
  assert.deepEqual(statuses, [...Array(5).fill(401), ...Array(7).fill(429)], 'five guesses were tried, seven refused before their password was looked at');
  for (const refused of guesses.filter((r) => r.status === 429)) assert.match(refused.body.detail, /Troppi tentativi.*riprova tra 15 minuti/);
  assert.equal((await client().post('/api/session', { email: 'editor@caritas.example', password: PASSWORD })).status, 429);
  assert.equal(await count(db, `SELECT count(*) AS n FROM audit_log WHERE action = 'login-failed'`), 5);
});

test('a good login does not count against its address, and clears its account', async () => {
  const { client, db } = await fixture.fresh();
  for (let i = 0; i < 3; i++) assert.equal((await client().post('/api/session', { email: 'editor@caritas.example', password: `sbagliata ${i}` })).status, 401);
  for (let i = 0; i < 4; i++) assert.equal((await client().post('/api/session', { email: 'editor@comune.example', password: PASSWORD })).status, 200);
  assert.equal((await client().post('/api/session', { email: 'editor@caritas.example', password: PASSWORD })).status, 200);
  assert.equal(await count(db, `SELECT count(*) AS n FROM login_attempts WHERE scope = 'account'`), 0, 'the account\'s failures are cleared');
  assert.equal(await count(db, `SELECT count(*) AS n FROM login_attempts WHERE scope = 'address'`), 3, 'the address keeps its three failures, not the five good logins');
});

test('the lock is kept in the database: a restarted hub, or a second hub on the same database, still refuses', async () => {
  const { client, clock, db, hub } = await fixture.fresh();
  for (let i = 0; i < 5; i++) assert.equal((await client().post('/api/session', { email: 'editor@caritas.example', password: `sbagliata ${i} ancora` })).status, 401);
  // A second hub process on the same database (or this one after a restart): nothing in memory.
  const other = await createHub(db, configure({ now: clock.now }), { timer: false, pagesDir: '/nonexistent' });
  try {
    const elsewhere = await new Client(other).post('/api/session', { email: 'editor@caritas.example', password: PASSWORD });
    assert.equal(elsewhere.status, 429, 'the other process knows of the five failures');
    assert.match(elsewhere.body.detail, /riprova tra 15 minuti/);
    clock.advance(15 * 60_000 + 1000);
    assert.equal((await new Client(other).post('/api/session', { email: 'editor@caritas.example', password: PASSWORD })).status, 200);
    // The good login cleared the account's failures for both processes.
    assert.equal(await count(db, `SELECT count(*) AS n FROM login_attempts WHERE scope = 'account'`), 0);
    assert.equal((await client().post('/api/session', { email: 'editor@caritas.example', password: PASSWORD })).status, 200);
  } finally {
    await other.publisher.idle();
    other.stop();
    await hub.publisher.idle();
  }
});

test('thirty failures from one address stop that address, not the others', async () => {
  const { client } = await fixture.fresh();
  const attacker = client({ address: '203.0.113.66' });
  for (let i = 0; i < 30; i++) {
    const r = await attacker.post('/api/session', { email: `nessuno${i}@example.org`, password: 'indovina questa password' });
    assert.equal(r.status, 401);
  }
  assert.equal((await attacker.post('/api/session', { email: 'editor@comune.example', password: PASSWORD })).status, 429);
  assert.equal((await client({ address: '198.51.100.7' }).post('/api/session', { email: 'editor@comune.example', password: PASSWORD })).status, 200);
});

test('an invitation is a one-time link: the password rules apply, it works once, it expires', async () => {
  const { client, clock, db } = await fixture.fresh();
  const admin = await client().login('ufficio@piano.example');
  const made = await admin.post('/api/invitations', { email: 'nuova@caritas.example', role: 'editor', organisationId: 'caritas' });
  assert.equal(made.status, 201);
  const link = new URL(made.body.link);
  assert.equal(link.pathname, '/gestione/invito.html');
  const token = link.hash.slice(1);
  assert.ok(token.length >= 40);
  assert.equal(await count(db, 'SELECT count(*) AS n FROM invitations WHERE token_hash = $1', [token]), 0, 'only a hash of the token is stored');

  const guest = client();
  const short = await guest.post('/api/invitations/accept', { token, name: 'Nuova', password: 'corta' });
  assert.equal(short.status, 422);
  assert.equal(short.body.detail, 'La password deve avere almeno 12 caratteri.');
  const common = await guest.post('/api/invitations/accept', { token, name: 'Nuova', password: 'Password1234' });
  assert.equal(common.status, 422);
  assert.match(common.body.detail, /più usate/);
  const good = await guest.post('/api/invitations/accept', { token, name: 'Nuova Volontaria', password: 'girasoli sul Lungoadda' });
  assert.equal(good.status, 200);
  assert.deepEqual({ ...good.body.user, id: undefined }, { id: undefined, email: 'nuova@caritas.example', name: 'Nuova Volontaria', role: 'editor', organisationId: 'caritas' });
  const { rows } = await db.query('SELECT password_hash FROM users WHERE email = $1', ['nuova@caritas.example']);
  assert.match(rows[0].password_hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert.equal((await client().post('/api/invitations/accept', { token, name: 'Ancora', password: 'girasoli sul Lungoadda' })).status, 404, 'used once');
  await client().login('nuova@caritas.example', 'girasoli sul Lungoadda');

  const late = await admin.post('/api/invitations', { email: 'tardi@caritas.example', role: 'editor', organisationId: 'caritas' });
  clock.advance(73 * 3_600_000);
  const expired = await client().post('/api/invitations/accept', { token: new URL(late.body.link).hash.slice(1), name: 'Tardi', password: 'girasoli sul Lungoadda' });
  assert.equal(expired.status, 404);
  assert.match(expired.body.detail, /scaduto o è già stato usato/);
});

test('a password reset link sets a new password and ends the account\'s other sessions', async () => {
  const { client } = await fixture.fresh();
  const admin = await client().login('ufficio@piano.example');
  const elsewhere = await client().login('editor@caritas.example');
  const r = await admin.post('/api/users/u-caritas/reset', undefined);
  assert.equal(r.status, 201);
  const link = new URL(r.body.link);
  assert.equal(link.pathname, '/gestione/password.html');
  const tab = client();
  const done = await tab.post('/api/password-reset/accept', { token: link.hash.slice(1), password: 'nuova password del martedì' });
  assert.equal(done.status, 200);
  assert.equal(done.body.user.id, 'u-caritas');
  assert.equal((await elsewhere.get('/api/session')).status, 401, 'the session opened before the reset is over');
  assert.equal((await client().post('/api/session', { email: 'editor@caritas.example', password: PASSWORD })).status, 401);
  await client().login('editor@caritas.example', 'nuova password del martedì');
  assert.equal((await client().post('/api/password-reset/accept', { token: link.hash.slice(1), password: 'un\'altra password ancora' })).status, 404);
});

test('a disabled user or organisation is signed out and cannot sign in', async () => {
  const { client } = await fixture.fresh();
  const admin = await client().login('ufficio@piano.example');
  const editor = await client().login('editor@caritas.example');
  assert.equal((await admin.patch('/api/users/u-caritas', { disabled: true })).status, 200);
  assert.equal((await editor.get('/api/session')).status, 401);
  const again = await client().post('/api/session', { email: 'editor@caritas.example', password: PASSWORD });
  assert.equal(again.status, 401);
  assert.match(again.body.detail, /disattivato/);

  const other = await client().login('altro@caritas.example');
  assert.equal((await admin.patch('/api/organisations/caritas', { disabled: true })).status, 200);
  assert.equal((await other.get('/api/session')).status, 401);
  assert.equal((await admin.patch('/api/users/u-admin', { disabled: true })).status, 409, 'an admin cannot lock themself out');
});

test('security headers: CSP without unsafe-inline and no framing, nosniff, no referrer', async () => {
  const { client } = await fixture.fresh();
  const tab = client();
  for (const path of ['/api/session', '/api/nothing-here', '/feed.json', '/gestione/']) {
    const r = await tab.hub.app.request(path);
    const csp = r.headers.get('content-security-policy');
    assert.ok(csp, path);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /script-src 'self'/);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(r.headers.get('referrer-policy'), 'no-referrer');
  }
  assert.equal((await tab.hub.app.request('/api/session')).headers.get('cache-control'), 'no-store');
});
