/**
 * The maps' tiles on the hub's pages (issue 17): the `--tiles` setting is read once at
 * start-up (a bad template stops the hub with the reason), its origin and nothing more
 * goes into the pages' Content-Security-Policy, and index.html carries template and credit
 * to <welfare-hub-app>. The browser side (tiles requested and shown, no violation) is
 * examples/test/hub-tiles.test.mjs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configure, createHub, OSM_TILES, tileSetting } from '../dist/index.js';
import { testDb, emptyDb } from './support/db.mjs';

test('tile templates: the CSP gets the origin only, with {s} as a wildcard label; bad ones are refused with the reason', () => {
  assert.deepEqual(tileSetting(undefined), { template: OSM_TILES, source: 'https://tile.openstreetmap.org', credit: undefined });
  assert.deepEqual(tileSetting('none', ' '), { template: 'none', credit: undefined });
  assert.deepEqual(tileSetting('NONE'), { template: 'none', credit: undefined });
  assert.equal(tileSetting('https://{s}.tile.example.org/x/{z}/{x}/{y}.png?key=1').source, 'https://*.tile.example.org');
  assert.equal(tileSetting('https://Tiles.Example.org:8443/{z}/{x}/{y}.png').source, 'https://tiles.example.org:8443');
  // On the hub itself: 'self' already covers it.
  assert.deepEqual(tileSetting('/tiles/{z}/{x}/{y}.png', 'Mappe nostre'), { template: '/tiles/{z}/{x}/{y}.png', credit: 'Mappe nostre' });
  assert.equal(tileSetting('http://127.0.0.1:8081/{z}/{x}/{y}.png').source, 'http://127.0.0.1:8081');
  for (const bad of ['http://tiles.example.org/{z}/{x}/{y}.png', 'javascript:alert(1)//', '//tiles.example.org/{z}/{x}/{y}.png', 'https://a.{s}.example.org/{z}.png', "https://x.org/{z}' 'unsafe-inline", 'tiles/{z}.png', 'https://x.org; script-src *']) {
    assert.throws(() => tileSetting(bad), /--tiles/, bad);
  }
});

async function hubWith(config) {
  const db = await testDb();
  await emptyDb(db);
  const pagesDir = mkdtempSync(join(tmpdir(), 'hub-pages-'));
  writeFileSync(join(pagesDir, 'index.html'), '<!doctype html><body><welfare-hub-app api="/api" tiles="none"></welfare-hub-app></body>');
  let hub;
  try {
    hub = await createHub(db, configure(config), { timer: false, pagesDir });
  } catch (error) {
    await db.close();
    throw error;
  }
  return { hub, close: async () => (await hub.publisher.idle(), hub.stop(), await db.close()) };
}

test('by default the pages get OpenStreetMap, as the citizens\' map, and its origin is in img-src', async () => {
  const { hub, close } = await hubWith({});
  try {
    for (const path of ['/gestione/', '/gestione/index.html', '/gestione/invito.html', '/gestione/password.html']) {
      const r = await hub.app.request(path);
      assert.equal(r.status, 200, path);
      assert.match(r.headers.get('content-security-policy'), /img-src 'self' data: https:\/\/tile\.openstreetmap\.org;/, path);
      const page = await r.text();
      assert.match(page, /<welfare-hub-app api="\/api" tiles="https:\/\/tile\.openstreetmap\.org\/\{z\}\/\{x\}\/\{y\}\.png">/, path);
      assert.doesNotMatch(page, /tiles="none"/);
    }
    // Every answer has the same policy (the API's too: one policy for the hub).
    assert.match((await hub.app.request('/api/health')).headers.get('content-security-policy'), /https:\/\/tile\.openstreetmap\.org/);
  } finally {
    await close();
  }
});

test('--tiles with a credit: the template and the credit (escaped) reach <welfare-hub-app>; none leaves img-src to the hub', async () => {
  let { hub, close } = await hubWith({ tiles: 'https://{s}.maps.example.org/{z}/{x}/{y}.png', tilesCredit: '© Mappe "di prova" <a href="https://maps.example.org">X</a>' });
  try {
    const r = await hub.app.request('/gestione/');
    assert.match(r.headers.get('content-security-policy'), /img-src 'self' data: https:\/\/\*\.maps\.example\.org;/);
    const page = await r.text();
    assert.match(page, /tiles="https:\/\/\{s\}\.maps\.example\.org\/\{z\}\/\{x\}\/\{y\}\.png" tiles-credit="© Mappe &quot;di prova&quot; &lt;a href=&quot;https:\/\/maps\.example\.org&quot;&gt;X&lt;\/a&gt;">/);
  } finally {
    await close();
  }
  ({ hub, close } = await hubWith({ tiles: 'none' }));
  try {
    const r = await hub.app.request('/gestione/');
    assert.match(r.headers.get('content-security-policy'), /img-src 'self' data:;/);
    assert.match(await r.text(), /<welfare-hub-app api="\/api" tiles="none">/);
  } finally {
    await close();
  }
  await assert.rejects(hubWith({ tiles: 'http://tiles.example.org/{z}/{x}/{y}.png' }), /https/);
});
