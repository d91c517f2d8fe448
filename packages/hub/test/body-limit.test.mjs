/**
 * The 256 KB limit on request bodies through a real socket (the other tests use
 * `app.request()`, which never takes the path a Node request takes): a body that declares
 * a larger Content-Length, or a chunked one that grows past the limit, gets the 413 problem;
 * a chunked body under the limit and a declared one are read and saved as usual.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { serve } from '@hono/node-server';
import { hubFixture, PASSWORD, service } from './support/hub.mjs';
import { MAX_BODY_BYTES } from '../dist/index.js';

let fixture;
let server;
let base;
let cookie;
let csrf;
before(async () => {
  fixture = await hubFixture();
  const w = await fixture.fresh();
  server = await new Promise((ok) => {
    const s = serve({ fetch: w.hub.app.fetch, port: 0, hostname: '127.0.0.1' }, () => ok(s));
  });
  base = `http://127.0.0.1:${server.address().port}`;
  const login = await send('POST', '/api/session', [JSON.stringify({ email: 'ufficio@piano.example', password: PASSWORD })]);
  assert.equal(login.status, 200);
  cookie = login.headers['set-cookie'][0].split(';')[0];
  csrf = JSON.parse(login.body).csrfToken;
});
after(async () => {
  await new Promise((ok) => server?.close(ok));
  await fixture?.close();
});

/** A request whose body is sent in `chunks` (chunked unless `length` is given). */
function send(method, path, chunks = [], { length } = {}) {
  return new Promise((ok, fail) => {
    const headers = { 'content-type': 'application/json', origin: base, ...(cookie ? { cookie, 'x-csrf-token': csrf } : {}) };
    if (length !== undefined) headers['content-length'] = String(length);
    const req = request(`${base}${path}`, { method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body }));
    });
    // The server may answer 413 and close before the whole body is sent.
    req.on('error', (error) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : fail(error)));
    if (chunks.length === 1 && length === undefined) req.setHeader('content-length', Buffer.byteLength(chunks[0]));
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

const offer = (name) => JSON.stringify({ data: service(name), organisationId: 'caritas' });

test('a declared body over the limit is refused with 413 before it is read', async () => {
  const body = JSON.stringify({ data: service('x'.repeat(MAX_BODY_BYTES)), organisationId: 'caritas' });
  const r = await send('POST', '/api/offers', [body]);
  assert.equal(r.status, 413);
  assert.equal(JSON.parse(r.body).title, 'Richiesta troppo grande');
});

test('a chunked body that grows past the limit is refused with 413', async () => {
  const piece = 'x'.repeat(64 * 1024);
  const r = await send('POST', '/api/offers', ['{"data":{"name":"', piece, piece, piece, piece, piece, '"},"organisationId":"caritas"}']);
  assert.equal(r.status, 413);
  assert.equal(JSON.parse(r.body).title, 'Richiesta troppo grande');
});

test('bodies under the limit, declared or chunked, are read and saved', async () => {
  const declared = await send('POST', '/api/offers', [offer('Mensa dichiarata')]);
  assert.equal(declared.status, 201, declared.body);
  assert.equal(JSON.parse(declared.body).data.name, 'Mensa dichiarata');
  const text = offer('Mensa a pezzi');
  const chunked = await send('POST', '/api/offers', [text.slice(0, 10), text.slice(10)]);
  assert.equal(chunked.status, 201, chunked.body);
  assert.equal(JSON.parse(chunked.body).data.name, 'Mensa a pezzi');
  const read = await send('GET', `/api/offers/${JSON.parse(chunked.body).id}`);
  assert.equal(read.status, 200);
  assert.equal(JSON.parse(read.body).data.name, 'Mensa a pezzi');
});
