/**
 * The WebKit client (scripts/browsers.mjs) against a WebDriver that takes a command and
 * never answers, as WebKitWebDriver once did in CI (a test file hung 180 s with no step
 * timing out). The command must fail with an error that names it, after the session's
 * time limit (a short one here), and the session must not wait on the hung driver again.
 * Run alone with
 *   node --test scripts/test/browsers.test.mjs
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, it } from 'node:test';
import { WEBDRIVER_HUNG, WebKitSession } from '../browsers.mjs';

/** A WebDriver that reads each command and never answers it. */
let silent;
const received = [];

before(async () => {
  silent = createServer((req) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => received.push({ method: req.method, path: req.url, body }));
  });
  await new Promise((ok) => silent.listen(0, '127.0.0.1', ok));
});

after(() => {
  silent.closeAllConnections();
  return new Promise((ok) => silent.close(ok));
});

/** A session on the silent driver, as start() would leave it (no driver process of its own). */
function sessionOnSilentDriver() {
  const session = new WebKitSession({ commandTimeout: 300 });
  session.base = `http://127.0.0.1:${silent.address().port}`;
  session.id = 'a1b2';
  return session;
}

// The test's own limit only keeps the old client (no limit on commands) from hanging the run.
it('a command the driver never answers fails, naming the command and the script', { timeout: 20_000 }, async () => {
  const session = sessionOnSilentDriver();
  const script = 'return document.querySelector("welfare-map").shadowRoot.querySelectorAll(".leaflet-tile").length';
  await assert.rejects(session.execute(script), (error) => {
    assert.ok(error.message.startsWith(WEBDRIVER_HUNG), error.message);
    assert.match(error.message, /POST \/session\/a1b2\/execute\/sync/);
    assert.match(error.message, /script "return document\.querySelector\("welfare-map"\)/);
    assert.match(error.message, /within 300 ms/);
    return true;
  });
  assert.equal(received.at(-1)?.path, '/session/a1b2/execute/sync', 'the driver did receive the command');

  // The commands after it fail at once, saying why, instead of waiting on the hung driver.
  const before = received.length;
  await assert.rejects(session.navigate('http://127.0.0.1:1/page.html'), /POST \/url \(http:\/\/127\.0\.0\.1:1\/page\.html\) not sent: an earlier command got no answer \(WebKitWebDriver did not answer POST/);
  assert.equal(received.length, before, 'nothing more was sent to the hung driver');
  await session.close();
  assert.equal(received.length, before, 'close() does not wait on the hung driver either');
});

it('a navigation the driver never answers names the URL', { timeout: 20_000 }, async () => {
  const session = sessionOnSilentDriver();
  await assert.rejects(session.navigate('http://127.0.0.1:8080/examples/hub-tiles.html'), {
    name: 'TimeoutError',
    message: `${WEBDRIVER_HUNG} POST /session/a1b2/url (http://127.0.0.1:8080/examples/hub-tiles.html) within 300 ms`,
  });
});
