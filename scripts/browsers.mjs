/**
 * The three engines every test runs in, as this machine (and CI, see .ci/run) has them:
 *
 * - Chromium: Debian's `chromium`, driven by puppeteer-core over CDP (scripts/chromium.mjs);
 * - Firefox: Debian's `firefox-esr`, driven by puppeteer-core over WebDriver BiDi;
 * - WebKit: Debian's `webkit2gtk-driver` (WebKitWebDriver) starting the MiniBrowser of
 *   libwebkit2gtk-4.1, driven over classic WebDriver (HTTP) by the small client below. It
 *   opens a real window, so it needs a display: `xvfb-run -a` on a machine without one
 *   (scripts/test.mjs does that by itself).
 *
 * Every engine is fenced off the network like Chromium: Firefox and WebKit get a proxy on
 * a closed loopback port for every host but loopback, so nothing (map tiles included) can
 * be fetched from outside, even by mistake.
 *
 * `WELFARE_BROWSERS=chromium,firefox,webkit` (or `all`) chooses the engines where a tool
 * supports several; the default is Chromium alone, the quickest for day-to-day work.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

/** The engines asked for in WELFARE_BROWSERS (or `fallback`), in a fixed order. */
export function chosenEngines(value = process.env.WELFARE_BROWSERS, fallback = ['chromium']) {
  if (!value) return fallback;
  if (value.trim() === 'all') return [...ENGINES];
  const asked = value.split(',').map((v) => v.trim().toLowerCase()).filter(Boolean);
  const unknown = asked.filter((v) => !ENGINES.includes(v));
  if (unknown.length) throw new Error(`Unknown browser ${unknown.join(', ')}: use ${ENGINES.join(', ')} or all`);
  return ENGINES.filter((e) => asked.includes(e));
}

export { chromiumArgs, chromiumPath };

export const firefoxPath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/** Port 9 (discard) on loopback is closed: a proxy there refuses every request at once. */
const DEAD_PROXY = { host: '127.0.0.1', port: 9 };

/** Firefox preferences: no outside traffic, no first-run pages, no updates. */
export const firefoxPrefs = {
  'network.proxy.type': 1,
  'network.proxy.http': DEAD_PROXY.host,
  'network.proxy.http_port': DEAD_PROXY.port,
  'network.proxy.ssl': DEAD_PROXY.host,
  'network.proxy.ssl_port': DEAD_PROXY.port,
  'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
  'network.proxy.allow_hijacking_localhost': false,
  'app.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
};

/** puppeteer-core launch options for Firefox (`puppeteer.launch(firefoxLaunchOptions)`). */
export const firefoxLaunchOptions = {
  browser: 'firefox',
  executablePath: firefoxPath,
  headless: true,
  extraPrefsFirefox: firefoxPrefs,
};

export const webkitDriverPath = process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';

/** The MiniBrowser that libwebkit2gtk-4.1 installs (its folder names the architecture). */
export function miniBrowserPath() {
  if (process.env.WEBKIT_BROWSER_PATH) return process.env.WEBKIT_BROWSER_PATH;
  for (const lib of ['/usr/lib', '/usr/libexec']) {
    const candidates = existsSync(lib) ? readdirSync(lib).map((d) => `${lib}/${d}/webkit2gtk-4.1/MiniBrowser`) : [];
    const found = [`${lib}/webkit2gtk-4.1/MiniBrowser`, ...candidates].find((p) => existsSync(p));
    if (found) return found;
  }
  throw new Error('MiniBrowser not found: install webkit2gtk-driver (apt-get install webkit2gtk-driver) or set WEBKIT_BROWSER_PATH');
}

/** WebDriver's code points for the key names puppeteer and @web/test-runner-commands use. */
const KEYS = {
  Backspace: '\uE003',
  Tab: '\uE004',
  Enter: '\uE007',
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Escape: '\uE00C',
  Space: ' ',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Delete: '\uE017',
  Meta: '\uE03D',
};

/** `'Shift+Tab'` → key actions that hold Shift while pressing Tab; plain text types itself. */
export function keyActions(keys) {
  const actions = [];
  for (const key of keys) {
    const parts = key.length > 1 && key.includes('+') ? key.split('+') : [key];
    const codes = parts.map((p) => KEYS[p] ?? p);
    if (codes.some((c) => [...c].length !== 1)) {
      // A word: type it character by character.
      for (const ch of key) actions.push({ type: 'keyDown', value: ch }, { type: 'keyUp', value: ch });
      continue;
    }
    for (const c of codes) actions.push({ type: 'keyDown', value: c });
    for (const c of [...codes].reverse()) actions.push({ type: 'keyUp', value: c });
  }
  return [{ type: 'key', id: 'keyboard', actions }];
}

async function freePort() {
  const server = createServer();
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

/**
 * The words that begin the error of a WebDriver command that got no answer in time:
 * scripts/test.mjs looks for them to tell a WebKitWebDriver hang from a failed test.
 */
export const WEBDRIVER_HUNG = 'WebKitWebDriver did not answer';

/** `POST /session/…/execute/sync (script "return [innerWidth…")`: the command, for errors. */
function describeCommand(method, path, body) {
  let what = `${method} ${path}`;
  const short = (text) => {
    const flat = String(text).replace(/\s+/g, ' ').trim();
    return flat.length > 60 ? `${flat.slice(0, 60)}…` : flat;
  };
  if (typeof body?.script === 'string') what += ` (script "${short(body.script)}")`;
  else if (typeof body?.url === 'string') what += ` (${short(body.url)})`;
  return what;
}

/**
 * One WebKit (MiniBrowser) window driven over W3C WebDriver: just the commands the tests
 * need (navigate, run a script, keys, window size), on Node's fetch. `start()` starts
 * WebKitWebDriver on a free port and opens the session; `close()` ends both.
 *
 * Every command has a time limit, `commandTimeout` (90 s: longer than the session's own
 * script and page-load limits of 60 s, so the driver has the time to say those ran out).
 * In a CI run a command once never came back and the test file hung 180 s with no step
 * timing out; now such a command fails with an error that names it (WEBDRIVER_HUNG ...),
 * and the commands after it fail at once, since the driver that hung would not answer them
 * either.
 */
export class WebKitSession {
  constructor({ commandTimeout = 90_000 } = {}) {
    this.commandTimeout = commandTimeout;
    /** The command that got no answer, once one has: the session is of no more use. */
    this.hung = undefined;
  }

  /**
   * Starts WebKitWebDriver and opens a session. A start can hang: once in a CI run the
   * driver took the session request and never answered (fetch gave up after 300 s, and
   * every page test of that file failed). So each request has its own time limit, and a
   * start that fails is retried with a new driver, up to three times.
   */
  async start() {
    let lastError;
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        return await this.startOnce();
      } catch (error) {
        lastError = error;
        this.driver?.kill();
        this.id = undefined;
        this.hung = undefined;
      }
    }
    throw lastError;
  }

  async startOnce() {
    const port = await freePort();
    this.driver = spawn(webkitDriverPath, [`--port=${port}`, '--host=127.0.0.1'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    this.driver.stderr.on('data', (d) => (stderr += d));
    this.base = `http://127.0.0.1:${port}`;
    const capabilities = {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: miniBrowserPath(), args: ['--automation'] },
      proxy: {
        proxyType: 'manual',
        httpProxy: `${DEAD_PROXY.host}:${DEAD_PROXY.port}`,
        sslProxy: `${DEAD_PROXY.host}:${DEAD_PROXY.port}`,
        noProxy: ['127.0.0.1', 'localhost'],
      },
    };
    // The driver takes a moment to listen; retry the session request for up to 10 s.
    const until = Date.now() + 10_000;
    for (;;) {
      try {
        const { sessionId } = await this.request('POST', '/session', { capabilities: { alwaysMatch: capabilities } }, 60_000);
        this.id = sessionId;
        break;
      } catch (error) {
        if (Date.now() > until || this.driver.exitCode !== null || error.name === 'TimeoutError') {
          this.driver.kill();
          throw new Error(`WebKitWebDriver did not start a session (is there a display? use xvfb-run -a): ${error.message}\n${stderr}`);
        }
        await new Promise((ok) => setTimeout(ok, 200));
      }
    }
    await this.command('POST', '/timeouts', { script: 60_000, pageLoad: 60_000 });
    return this;
  }

  async request(method, path, body, timeout = this.commandTimeout) {
    let response;
    let json;
    try {
      response = await fetch(this.base + path, {
        method,
        signal: AbortSignal.timeout(timeout),
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      json = await response.json();
    } catch (error) {
      if (error?.name !== 'TimeoutError') throw error;
      const seconds = timeout >= 1000 ? `${Math.round(timeout / 1000)} s` : `${timeout} ms`;
      const hang = new Error(`${WEBDRIVER_HUNG} ${describeCommand(method, path, body)} within ${seconds}`);
      hang.name = 'TimeoutError';
      throw hang;
    }
    if (!response.ok || json.value?.error) {
      throw new Error(`WebDriver ${describeCommand(method, path, body)}: ${json.value?.error ?? response.status} ${json.value?.message ?? ''}`);
    }
    return json.value;
  }

  async command(method, path, body) {
    if (this.hung) throw new Error(`WebDriver ${describeCommand(method, path, body)} not sent: an earlier command got no answer (${this.hung})`);
    try {
      return await this.request(method, `/session/${this.id}${path}`, body);
    } catch (error) {
      if (error.name === 'TimeoutError') this.hung = error.message;
      throw error;
    }
  }

  navigate(url) {
    return this.command('POST', '/url', { url });
  }

  url() {
    return this.command('GET', '/url');
  }

  /** Runs `source` (a function body, `arguments` holds args) and returns its JSON result. */
  execute(source, args = []) {
    return this.command('POST', '/execute/sync', { script: source, args });
  }

  /** Like execute, for a body that returns a promise (WebDriver awaits it). */
  executeAsync(source, args = []) {
    return this.execute(source, args);
  }

  keys(keys) {
    return this.command('POST', '/actions', { actions: keyActions(keys) });
  }

  /** Makes the page (the viewport) `width`×`height` CSS px: the window has some chrome around it. */
  async setViewport(width, height) {
    await this.command('POST', '/window/rect', { width, height });
    const [w, h] = await this.execute('return [innerWidth, innerHeight]');
    if (w !== width || h !== height) {
      await this.command('POST', '/window/rect', { width: width + (width - w), height: height + (height - h) });
    }
  }

  async close() {
    try {
      // A driver that hung would not answer this either: just stop it.
      if (this.id && !this.hung) await this.request('DELETE', `/session/${this.id}`);
    } catch {
      // the browser is gone already
    }
    this.driver?.kill();
  }
}
