/**
 * The browser an example-page test drives, chosen by WELFARE_BROWSERS (one engine per run;
 * scripts/test.mjs runs each test file that declares `@engines chromium firefox webkit`
 * once per engine):
 *
 * - chromium and firefox: puppeteer-core's own Browser (CDP, WebDriver BiDi);
 * - webkit: a small puppeteer-like page over classic WebDriver (scripts/browsers.mjs), with
 *   just what the example tests use. Classic WebDriver cannot watch the console or the
 *   network, so a probe script served with every HTML page (first thing in <head>, a
 *   same-origin file, so strict Content-Security-Policy pages allow it) records uncaught
 *   errors, rejected promises, console.error, resources that failed to load and CSP
 *   violations, and runs the tests' evaluateOnNewDocument scripts. The WebKit page reports
 *   them as puppeteer's 'pageerror' and 'console' events; it has no 'request', 'response'
 *   or 'requestfailed' events (a feed or script that fails still shows, through the probe
 *   or the element's own error state). Outside hosts are fenced off by a proxy instead
 *   of request interception.
 */
import { readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chosenEngines, chromiumArgs, chromiumPath, firefoxLaunchOptions, WebKitSession } from '../../scripts/browsers.mjs';

/** The one engine of this run. */
export function engineUnderTest() {
  const [engine, ...more] = chosenEngines();
  if (more.length) throw new Error('The example tests drive one engine per run: set WELFARE_BROWSERS to one of them');
  return engine;
}

/**
 * Starts the engine of this run. `server` (scripts/serve.mjs's startServer, serving `root`)
 * is needed by WebKit, whose probe it serves.
 */
export async function launchBrowser({ server, root = process.cwd() } = {}) {
  const engine = engineUnderTest();
  if (engine === 'chromium') return puppeteer.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  if (engine === 'firefox') return puppeteer.launch(firefoxLaunchOptions);
  if (!server) throw new Error('WebKit needs the test server, to serve its probe');
  const session = await new WebKitSession().start();
  return new WebKitBrowser(session, server, root);
}

const PROBE_PATH = '/__welfare-probe.js';

/** Records what went wrong in the page, for the WebKit page to read. */
function probe() {
  const p = (window.__probe = { events: [] });
  const push = (type, text, url) => p.events.push({ type, text, url });
  addEventListener(
    'error',
    (e) => {
      if (e instanceof ErrorEvent) return push('pageerror', e.message);
      const url = e.target?.src || e.target?.href;
      if (url) push('console', `failed to load ${url}`, url);
    },
    true,
  );
  addEventListener('unhandledrejection', (e) => push('pageerror', String(e.reason?.message ?? e.reason)));
  addEventListener('securitypolicyviolation', (e) => push('console', `CSP violation: ${e.violatedDirective} ${e.blockedURI}`, e.blockedURI));
  const error = console.error;
  console.error = function (...args) {
    push('console', args.map(String).join(' '));
    return error.apply(this, args);
  };
}

class WebKitBrowser {
  constructor(session, server, root) {
    this.session = session;
    this.initScripts = [];
    this.root = root;
    // Serve the probe, and put it first in every HTML page of this server.
    const [original] = server.listeners('request');
    server.removeAllListeners('request');
    server.on('request', (req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      if (path === PROBE_PATH) {
        res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
        return res.end(`(${probe})();\n${this.initScripts.join(';\n')}`);
      }
      const file = normalize(join(this.root, path.endsWith('/') ? `${path}index.html` : path));
      if (file.startsWith(this.root) && file.endsWith('.html')) {
        let html;
        try {
          html = readFileSync(file, 'utf8');
        } catch {
          return original(req, res);
        }
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
        return res.end(html.replace(/<head[^>]*>/i, (head) => `${head}<script src="${PROBE_PATH}"></script>`));
      }
      return original(req, res);
    });
  }

  async newPage() {
    return new WebKitPage(this);
  }

  async close() {
    await this.session.close();
  }
}

/** A string that is an expression is evaluated for its value; a script is run as a body. */
function bodyOf(source) {
  try {
    new Function(`return (${source}\n)`);
    return `return (${source}\n)`;
  } catch {
    return source;
  }
}

class WebKitPage {
  constructor(browser) {
    this.browser = browser;
    this.session = browser.session;
    this.handlers = new Map();
    this.keyboard = { press: (key) => this.session.keys([key]) };
  }

  on(type, handler) {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler]);
    return this;
  }

  async setRequestInterception() {
    // Outside hosts are fenced off by the session's proxy (scripts/browsers.mjs).
  }

  setViewport({ width, height }) {
    return this.session.setViewport(width, height);
  }

  async evaluateOnNewDocument(fn, ...args) {
    this.browser.initScripts.push(typeof fn === 'string' ? fn : `(${fn})(...${JSON.stringify(args)})`);
  }

  async goto(url) {
    await this.session.navigate(url);
    await this.drain();
  }

  url() {
    return this.session.url();
  }

  /** Hands what the probe recorded to the 'pageerror' and 'console' handlers. */
  async drain() {
    const events = await this.session.execute('const p = window.__probe; if (!p) return []; const e = p.events; p.events = []; return e;').catch(() => []);
    for (const e of events ?? []) {
      if (e.type === 'pageerror') for (const h of this.handlers.get('pageerror') ?? []) h(new Error(e.text));
      else
        for (const h of this.handlers.get('console') ?? []) {
          h({ type: () => 'error', text: () => e.text, location: () => ({ url: e.url }) });
        }
    }
  }

  async evaluate(fn, ...args) {
    const value =
      typeof fn === 'string'
        ? await this.session.execute(bodyOf(fn))
        : await this.session.execute(`return (${fn}).apply(null, arguments)`, args);
    await this.drain();
    return value;
  }

  $$eval(selector, fn, ...args) {
    return this.evaluate(
      (sel, source, rest) => new Function(`return (${source})`)()([...document.querySelectorAll(sel)], ...rest),
      selector,
      fn.toString(),
      args,
    );
  }

  /** Polls `fn` (a function or an expression) until it is truthy, like puppeteer's. */
  async waitForFunction(fn, options = {}, ...args) {
    const timeout = options.timeout ?? 30_000;
    const every = typeof options.polling === 'number' ? options.polling : 100;
    const until = Date.now() + timeout;
    for (;;) {
      const value = await this.evaluate(fn, ...args);
      if (value) return value;
      if (Date.now() > until) throw new Error(`waitForFunction timed out after ${timeout} ms`);
      await new Promise((ok) => setTimeout(ok, every));
    }
  }

  /** Waits until no new resource has been fetched for `idleTime` ms. */
  async waitForNetworkIdle({ idleTime = 500, timeout = 30_000 } = {}) {
    const until = Date.now() + timeout;
    let last = -1;
    let since = Date.now();
    for (;;) {
      const count = await this.evaluate(() => performance.getEntriesByType('resource').length);
      if (count !== last) {
        last = count;
        since = Date.now();
      } else if (Date.now() - since >= idleTime) return;
      if (Date.now() > until) throw new Error(`the network was not idle within ${timeout} ms`);
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }

  async close() {
    await this.session.navigate('about:blank').catch(() => undefined);
    this.browser.initScripts.length = 0;
  }
}

/**
 * True for a message about a request to a host other than loopback: the tests block those
 * on purpose (map tiles), and each engine words the failure its own way (Chromium:
 * net::ERR_BLOCKED_BY_CLIENT; Firefox: "Cross-Origin Request Blocked … tile.openstreetmap.org").
 */
export function aboutOutsideRequest(text) {
  if (/ERR_BLOCKED_BY_CLIENT/.test(text)) return true;
  const urls = text.match(/https?:\/\/[^\s"'()]+/g) ?? [];
  return urls.some((u) => {
    try {
      return !['127.0.0.1', 'localhost'].includes(new URL(u).hostname);
    } catch {
      return false;
    }
  });
}

/**
 * An intercepted request's answer (continue, abort, respond), without the error the engine
 * gives when the page dropped the request first: Firefox over WebDriver BiDi says "no such
 * request" for a map tile that a zoom removed while it waited. Unanswered, that rejection
 * failed a whole test file in CI whose every test had passed. Other errors still fail it.
 */
export function answered(promise) {
  return promise.catch((error) => {
    if (!/no such request|already handled|Invalid InterceptionId|not found/i.test(String(error?.message))) throw error;
  });
}

/**
 * Lets the page fetch from this machine only: anything outside (map tiles from
 * openstreetmap.org, above all) is refused and never fetched, and the favicon is answered
 * with nothing. `hold(pathname)`: requests left unanswered, for a test of a slow part.
 * In WebKit the proxy fences outside hosts off instead (launchBrowser).
 */
export async function loopbackOnly(page, { hold } = {}) {
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    const { hostname, pathname } = new URL(r.url());
    if (pathname === '/favicon.ico') return answered(r.respond({ status: 204, body: '' }));
    if (hold?.(pathname)) return undefined;
    return answered(hostname === '127.0.0.1' ? r.continue() : r.abort('blockedbyclient'));
  });
}

/**
 * Gives the page a position in Lodi (800 m accuracy) at once, as a browser would after the
 * person allows it, in every engine (the WebKit page runs it through its probe). For tests
 * of "Vicino a me".
 */
export function givePosition(page) {
  return page.evaluateOnNewDocument(() => {
    const position = { coords: { latitude: 45.3097, longitude: 9.5037, accuracy: 800 }, timestamp: Date.now() };
    Object.defineProperty(navigator, 'geolocation', {
      value: { getCurrentPosition: (ok) => setTimeout(() => ok(position), 10), watchPosition: () => 0, clearWatch() {} },
    });
  });
}
