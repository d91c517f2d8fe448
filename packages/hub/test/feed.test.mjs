/**
 * Publishing: /feed.json with ETag/Last-Modified and 304, gzip and brotli, CORS and a short
 * cache life; a feed that fails welfare-feed's validation is refused and the last good one
 * stays; --publish-dir gets the same feed by temporary file and rename; a restarted hub
 * serves the last good feed from the database.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { defaultWindow, validateFeed, withCompiledHours } from 'welfare-feed';
import { configure, createHub } from '../dist/index.js';
import { hubFixture, service } from './support/hub.mjs';

let fixture;
before(async () => {
  fixture = await hubFixture();
});
after(() => fixture?.close());

async function publishOne(client, hub, name = 'Emporio solidale') {
  const editor = await client().login('editor@comune.example');
  const { body } = await editor.post('/api/offers', { data: service(name) });
  await editor.post(`/api/offers/${body.id}/submit`);
  await hub.publisher.idle();
  return body.id;
}

test('the feed is valid feed v1, cacheable for a short time, open to every site, revalidated with 304', async () => {
  const { hub, client } = await fixture.fresh({ feedMaxAge: 60 });
  await publishOne(client, hub);
  const r = await hub.app.request('/feed.json');
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('access-control-allow-origin'), '*');
  assert.equal(r.headers.get('cache-control'), 'public, max-age=60');
  assert.match(r.headers.get('content-type'), /^application\/json/);
  const etag = r.headers.get('etag');
  const lastModified = r.headers.get('last-modified');
  assert.match(etag, /^"[0-9a-f]{32}"$/);
  const feed = await r.json();
  assert.equal(validateFeed(feed).ok, true, 'valid for welfare-feed validate');
  assert.equal(feed.version, 1);

  const same = await hub.app.request('/feed.json', { headers: { 'if-none-match': etag } });
  assert.equal(same.status, 304);
  assert.equal(await same.text(), '');
  assert.equal(same.headers.get('etag'), etag);
  assert.equal((await hub.app.request('/feed.json', { headers: { 'if-modified-since': lastModified } })).status, 304);
  assert.equal((await hub.app.request('/feed.json', { headers: { 'if-none-match': '"altro"' } })).status, 200);
  const head = await hub.app.request('/feed.json', { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(head.headers.get('etag'), etag);
  assert.equal(await head.text(), '');

  await publishOne(client, hub, 'Mensa');
  const changed = await hub.app.request('/feed.json', { headers: { 'if-none-match': etag } });
  assert.equal(changed.status, 200, 'a new feed after an approval');
  assert.notEqual(changed.headers.get('etag'), etag);
  assert.equal((await changed.json()).services.length, 2);
});

test('the feed is stored once, gzip-compressed, and served from those bytes; a feed stored as text before migration 006 still loads', async () => {
  const { hub, client, db, clock } = await fixture.fresh();
  await publishOne(client, hub);
  const row = (await db.query('SELECT body, body_gzip FROM current_feed')).rows[0];
  assert.equal(row.body, null, 'no second copy as text');
  const stored = Buffer.from(row.body_gzip);
  const gz = await hub.app.request('/feed.json', { headers: { 'accept-encoding': 'gzip' } });
  assert.deepEqual(Buffer.from(await gz.arrayBuffer()), stored, 'gzip is served as stored, not compressed again');
  const text = gunzipSync(stored).toString('utf8');
  assert.equal(validateFeed(JSON.parse(text)).ok, true);
  assert.ok(stored.length < Buffer.byteLength(text), 'smaller than the text');

  // A database upgraded from before: the last good feed is text in `body`. A restarted hub serves it.
  const { etag } = (await db.query('SELECT etag FROM current_feed')).rows[0];
  await db.query('UPDATE current_feed SET body = $1, body_gzip = NULL', [text]);
  const restarted = await createHub(db, configure({ now: clock.now }), { timer: false, pagesDir: '/nonexistent' });
  try {
    const r = await restarted.app.request('/feed.json', { headers: { 'accept-encoding': 'br' } });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('etag'), etag);
    assert.equal(brotliDecompressSync(Buffer.from(await r.arrayBuffer())).toString('utf8'), text);
  } finally {
    await restarted.publisher.idle();
    restarted.stop();
  }
});

test('gzip and brotli when the client accepts them, the same feed either way', async () => {
  const { hub, client } = await fixture.fresh();
  await publishOne(client, hub);
  const plain = Buffer.from(await (await hub.app.request('/feed.json', { headers: { 'accept-encoding': 'identity' } })).arrayBuffer());
  const br = await hub.app.request('/feed.json', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
  assert.equal(br.headers.get('content-encoding'), 'br');
  assert.equal(br.headers.get('vary'), 'Accept-Encoding');
  assert.deepEqual(brotliDecompressSync(Buffer.from(await br.arrayBuffer())), plain);
  const gz = await hub.app.request('/feed.json', { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(gz.headers.get('content-encoding'), 'gzip');
  assert.deepEqual(gunzipSync(Buffer.from(await gz.arrayBuffer())), plain);
  const noBr = await hub.app.request('/feed.json', { headers: { 'accept-encoding': 'br;q=0, gzip' } });
  assert.equal(noBr.headers.get('content-encoding'), 'gzip');
  assert.equal(JSON.parse(plain.toString()).services[0].name, 'Emporio solidale');
});

test('a feed that fails validation is refused, recorded, and the last good one is still served', async () => {
  const { hub, client, db } = await fixture.fresh();
  await publishOne(client, hub);
  const good = await hub.app.request('/feed.json');
  const etag = good.headers.get('etag');
  const before = await good.json();
  // The office removes a category that a published offer still uses: the next feed would be invalid.
  await db.query(`DELETE FROM categories WHERE id = 'cibo'`);
  const admin = await client().login('ufficio@piano.example');
  await admin.patch('/api/organisations/comune-lodi', { name: 'Comune di Lodi - Servizi sociali' });
  await hub.publisher.idle();
  const after = await hub.app.request('/feed.json');
  assert.equal(after.headers.get('etag'), etag);
  assert.deepEqual(await after.json(), before);
  const [last] = (await admin.get('/api/publications')).body.publications;
  assert.equal(last.ok, false);
  assert.ok(last.errors >= 1);
  assert.ok(last.problems.some((p) => p.path.startsWith('$.services[') && /cibo/.test(p.message)), JSON.stringify(last.problems));
  assert.match(last.reason, /resta pubblicato il precedente/);
});

test('a published record changed behind the API\'s back is checked again before publishing', async () => {
  const { hub, client, db } = await fixture.fresh();
  const id = await publishOne(client, hub);
  const etag = (await hub.app.request('/feed.json')).headers.get('etag');
  // Services found valid before are not re-read whole at each publication: a changed one must be.
  await db.query(`UPDATE services SET published_data = jsonb_set(published_data, '{hours}', '"ogni tanto"') WHERE id = $1`, [id]);
  const result = await hub.publisher.schedule();
  assert.equal(result.outcome, 'refused');
  assert.equal((await hub.app.request('/feed.json')).headers.get('etag'), etag);
  await db.query(`UPDATE services SET published_data = jsonb_set(published_data, '{hours}', '"Mo-Fr 08:00-12:00"') WHERE id = $1`, [id]);
  assert.equal((await hub.publisher.schedule()).outcome, 'published');
  assert.equal((await (await hub.app.request('/feed.json')).json()).services[0].hours, 'Mo-Fr 08:00-12:00');
});

test('--publish-dir receives each new feed by rename, with no temporary file left', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hub-publish-'));
  const { hub, client } = await fixture.fresh({ publishDir: dir });
  await publishOne(client, hub);
  const served = await (await hub.app.request('/feed.json')).text();
  assert.equal(readFileSync(join(dir, 'feed.json'), 'utf8'), served);
  await publishOne(client, hub, 'Mensa');
  assert.equal(JSON.parse(readFileSync(join(dir, 'feed.json'), 'utf8')).services.length, 2);
  assert.deepEqual(readdirSync(dir), ['feed.json']);
});

test('approvals arriving while the feed is being built are all in the next feed', async () => {
  const { hub, client } = await fixture.fresh();
  const editor = await client().login('editor@comune.example');
  const ids = [];
  for (const name of ['Uno', 'Due', 'Tre', 'Quattro']) ids.push((await editor.post('/api/offers', { data: service(name) })).body.id);
  await hub.publisher.idle();
  // Submit all four at once (a trusted organisation publishes on submit): builds overlap.
  await Promise.all(ids.map((id) => editor.post(`/api/offers/${id}/submit`)));
  await hub.publisher.idle();
  const feed = await (await hub.app.request('/feed.json')).json();
  assert.deepEqual(feed.services.map((s) => s.id).sort(), [...ids].sort());
});

test('a restarted hub serves the last good feed from the database at once', async () => {
  const { hub, client, db, clock } = await fixture.fresh();
  await publishOne(client, hub);
  const before = await hub.app.request('/feed.json');
  // The same day: in another month the hours would be compiled for a new window (a new feed, rightly).
  const again = await createHub(db, configure({ now: clock.now }), { timer: false, pagesDir: '/nonexistent' });
  await again.publisher.idle();
  const after = await again.app.request('/feed.json');
  assert.equal(after.headers.get('etag'), before.headers.get('etag'));
  assert.equal(await after.text(), await before.text());
  again.stop();
});

test('a disabled organisation\'s offers leave the feed', async () => {
  const { hub, client } = await fixture.fresh();
  const id = await publishOne(client, hub);
  const admin = await client().login('ufficio@piano.example');
  await admin.patch('/api/organisations/comune-lodi', { disabled: true });
  await hub.publisher.idle();
  const feed = await (await hub.app.request('/feed.json')).json();
  assert.ok(!feed.services.some((s) => s.id === id));
  assert.ok(!feed.organizations.some((o) => o.id === 'comune-lodi'));
});

test('the published feed carries the compiled opening hours, as welfare-feed build writes them, and a new month compiles them again', async () => {
  const { hub, client, clock } = await fixture.fresh();
  const editor = await client().login('editor@comune.example');
  const weekdays = 'Mo-Fr 09:00-12:00';
  const saturdays = 'Sa 08:30-12:30; PH off';
  const { body } = await editor.post('/api/offers', { data: service('Emporio', { locations: [{ address: 'Via Roma 1', comune: 'Lodi', lat: 45.3, lon: 9.5, hours: weekdays }] }) });
  await editor.post(`/api/offers/${body.id}/submit`);
  await hub.publisher.idle();
  const expected = (feed, now) => withCompiledHours({ ...feed, hoursCompiled: undefined }, defaultWindow(now)).feed.hoursCompiled;
  let feed = await (await hub.app.request('/feed.json')).json();
  assert.deepEqual(Object.keys(feed.hoursCompiled), [weekdays], 'the one string of the feed, compiled');
  assert.deepEqual(feed.hoursCompiled, expected(feed, clock.now()), 'the same as welfare-feed build for the same day');

  // A second offer with other hours: both strings, the first one unchanged.
  const second = await editor.post('/api/offers', { data: service('Mensa', { locations: [{ address: 'Via Roma 2', comune: 'Lodi', lat: 45.3, lon: 9.5, hours: saturdays }] }) });
  await editor.post(`/api/offers/${second.body.id}/submit`);
  await hub.publisher.idle();
  const before = feed;
  feed = await (await hub.app.request('/feed.json')).json();
  assert.deepEqual(Object.keys(feed.hoursCompiled).sort(), [saturdays, weekdays].sort());
  assert.deepEqual(feed.hoursCompiled[weekdays], before.hoursCompiled[weekdays]);
  assert.deepEqual(feed.hoursCompiled, expected(feed, clock.now()));

  // Two months later nothing changed in the records, but the window did: a new feed, compiled for it.
  const etag = (await hub.app.request('/feed.json')).headers.get('etag');
  clock.advance(62 * 24 * 3600_000);
  assert.equal((await hub.publisher.schedule()).outcome, 'published');
  const later = await hub.app.request('/feed.json');
  assert.notEqual(later.headers.get('etag'), etag);
  feed = await later.json();
  assert.notDeepEqual(feed.hoursCompiled, before.hoursCompiled);
  assert.deepEqual(feed.hoursCompiled, expected(feed, clock.now()));
});
