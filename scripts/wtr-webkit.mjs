/**
 * A web-test-runner launcher for WebKit: one MiniBrowser window (scripts/browsers.mjs,
 * WebKitWebDriver) that opens each test file in turn, the way @web/test-runner-webdriver
 * does, without webdriverio's large dependency tree (the tests only need navigation and
 * keys). Its type is 'webdriver', so `sendKeys` from @web/test-runner-commands reaches
 * `sendKeys()` below. The config keeps `concurrency: 1`: one window, one file at a time.
 */
import { WebKitSession } from './browsers.mjs';

export function webkitLauncher() {
  /** @type {WebKitSession | undefined} */
  let session;
  let starting;
  const active = new Map(); // test session id → its URL
  let viewportSet = false;

  const ready = () => (starting ??= new WebKitSession().start().then((s) => (session = s)));

  return {
    name: 'WebKit',
    type: 'webdriver',
    async initialize() {},
    async stop() {
      await session?.close();
    },
    async startSession(sessionId, url) {
      await ready();
      if (!viewportSet) {
        // The same page size as the Chromium and Firefox launchers give (800×600).
        await session.setViewport(800, 600);
        viewportSet = true;
      }
      active.set(sessionId, url);
      await session.navigate(url);
    },
    isActive(sessionId) {
      return active.has(sessionId);
    },
    getBrowserUrl(sessionId) {
      return active.get(sessionId);
    },
    async startDebugSession() {
      throw new Error('Debugging is not supported in WebKit here: use Chromium (npx wtr --manual).');
    },
    async stopSession(sessionId) {
      active.delete(sessionId);
      // An empty page stops timers and anything the test left running.
      await session.navigate('about:blank').catch(() => undefined);
      return {};
    },
    /** Called by @web/test-runner-commands' sendKeys for 'webdriver' launchers. */
    async sendKeys(sessionId, keys) {
      if (!active.has(sessionId)) throw new Error(`No WebKit page for session ${sessionId}`);
      await session.keys(keys);
    },
  };
}
