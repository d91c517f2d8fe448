/**
 * `npm start` on a port another program holds: a short message in Italian and English that
 * says what to do (PORT=…), not a stack trace. Run alone with
 *   node --test scripts/test/serve.test.mjs
 */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { after, before, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const serve = fileURLToPath(new URL('../serve.mjs', import.meta.url));
let busy;

before(async () => {
  busy = createServer();
  await new Promise((ok) => busy.listen(0, '127.0.0.1', ok));
});

after(() => new Promise((ok) => busy.close(ok)));

it('explains a busy port in Italian and English, without a stack trace', async () => {
  const { port } = busy.address();
  // Asynchronous: the busy port lives in this process, which must keep holding it.
  const run = await new Promise((ok) => {
    execFile(process.execPath, [serve], { env: { ...process.env, PORT: String(port) }, timeout: 10_000 }, (error, stdout, stderr) =>
      ok({ code: error?.code ?? 0, stdout, stderr }),
    );
  });
  assert.equal(run.code, 1, 'exits with status 1');
  assert.match(run.stderr, new RegExp(`La porta ${port} è già in uso`));
  assert.match(run.stderr, new RegExp(`Port ${port} is already in use`));
  assert.match(run.stderr, /PORT=\d+ npm start/, 'says how to choose another port');
  assert.doesNotMatch(run.stderr, /EADDRINUSE|at .*\(.*:\d+:\d+\)|node:internal/, 'no stack trace');
});

it('serves the examples on the port PORT names', async () => {
  // A free port: take one, let it go, hand it to the server.
  const probe = createServer();
  await new Promise((ok) => probe.listen(0, '127.0.0.1', ok));
  const { port } = probe.address();
  await new Promise((ok) => probe.close(ok));
  const child = spawn(process.execPath, [serve], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const line = await new Promise((ok, fail) => {
      child.stdout.once('data', (d) => ok(String(d)));
      child.once('exit', (code) => fail(new Error(`serve.mjs exited with ${code}`)));
    });
    assert.match(line, new RegExp(`http://127\\.0\\.0\\.1:${port}/examples/`));
    const response = await fetch(`http://127.0.0.1:${port}/examples/`);
    assert.equal(response.status, 200);
  } finally {
    child.kill();
  }
});
