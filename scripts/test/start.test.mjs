/**
 * `npm start` (scripts/start.mjs, after the build): the hub on a new embedded database,
 * seeded with the demo data and two printed demo accounts, the example pages reading the
 * hub's feed, the hub's data folder never served. Run alone with
 *   node --test scripts/test/start.test.mjs
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const start = fileURLToPath(new URL('../start.mjs', import.meta.url));
// Inside the served folder on purpose: the test proves it is not served.
const folder = `.hub-data-test-${randomBytes(4).toString('hex')}`;
const dataDir = fileURLToPath(new URL(`../../${folder}`, import.meta.url));
after(() => rmSync(dataDir, { recursive: true, force: true }));

async function freePort() {
  const probe = createServer();
  await new Promise((ok) => probe.listen(0, '127.0.0.1', ok));
  const { port } = probe.address();
  await new Promise((ok) => probe.close(ok));
  return port;
}

/** Starts the script; resolves with its printed lines once it says where the examples are. */
async function launch() {
  const port = await freePort();
  const { DATABASE_URL: _server, ...env } = process.env;
  const child = spawn(process.execPath, [start], { env: { ...env, PORT: String(port), HUB_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  await new Promise((ok, fail) => {
    child.stdout.on('data', (d) => {
      out += d;
      if (/demo accounts/.test(out)) ok();
    });
    child.once('exit', (code) => fail(new Error(`start.mjs exited with ${code}:\n${out}`)));
  });
  return { child, out, base: `http://127.0.0.1:${port}` };
}

async function stop(child) {
  const exited = new Promise((ok) => child.once('exit', ok));
  child.kill('SIGTERM');
  await exited;
}

test('first start: demo data and two accounts; the examples read the hub feed; a restart keeps them', { timeout: 300_000 }, async () => {
  const first = await launch();
  let accounts;
  try {
    assert.match(first.out, /Primo avvio/);
    assert.match(first.out, new RegExp(`welfare-elements examples: ${first.base}/examples/`));
    accounts = [...first.out.matchAll(/: (\S+@\S+)\s+password: (\S+)/g)].map((m) => ({ email: m[1], password: m[2] }));
    assert.equal(accounts.length, 2, 'an office admin and an association editor');
    assert.match(first.out, /office admin: ufficio@/);
    assert.match(first.out, /editor of caritas-lodigiana: /);

    const feed = await fetch(`${first.base}/feed.json`);
    assert.equal(feed.status, 200);
    const body = await feed.text();
    assert.ok(JSON.parse(body).services.length > 50, 'the demo services are published');
    const page = await fetch(`${first.base}/examples/data/servizi.json`);
    assert.equal(await page.text(), body, 'the example pages get the hub feed');
    assert.equal(page.headers.get('etag'), feed.headers.get('etag'));
    assert.equal((await fetch(`${first.base}/examples/comune.html`)).status, 200);
    assert.equal((await fetch(`${first.base}/packages/welfare-elements/dist/welfare-elements.js`)).status, 200);

    // Each printed account logs in, with its role.
    for (const [i, role] of ['admin', 'editor'].entries()) {
      const login = await fetch(`${first.base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(accounts[i]) });
      assert.equal(login.status, 200, `${accounts[i].email} logs in`);
      assert.equal((await login.json()).user.role, role);
    }
    // The data folder (password file, database) is never served.
    assert.ok(existsSync(join(dataDir, 'account-demo.json')));
    for (const path of [`/${folder}/account-demo.json`, `/%2e${folder.slice(1)}/account-demo.json`, `/examples/../${folder}/account-demo.json`, '/.git/config']) {
      assert.equal((await fetch(`${first.base}${path}`)).status, 404, path);
    }
  } finally {
    await stop(first.child);
  }

  const second = await launch();
  try {
    assert.doesNotMatch(second.out, /Primo avvio/, 'no second seeding');
    assert.match(second.out, new RegExp(`password: ${accounts[0].password.replace(/[-]/g, '\\-')}`), 'the same accounts are printed again');
    const feed = await (await fetch(`${second.base}/feed.json`)).json();
    assert.ok(feed.services.length > 50);
  } finally {
    await stop(second.child);
  }
});
