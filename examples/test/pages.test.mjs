/**
 * Every example page, as a person would open it: served by scripts/serve.mjs, loaded
 * in the engine of WELFARE_BROWSERS (examples/test/engine.mjs: Chromium and Firefox through
 * puppeteer-core, WebKit through WebDriver), then checked for
 *   1. no console errors and no uncaught exceptions;
 *   2. every <welfare-*> element rendered: defined, its shadow root has content, it
 *      fired `welfare-load` (so it had a feed and read it) and shows no alert;
 *   3. axe-core (WCAG 2.0/2.1 A and AA rules) passes on the whole page, shadow roots
 *      included (axe walks open shadow DOM), at 1280×900;
 *   4. the page reflows to 320 CSS px without horizontal scrolling (WCAG 1.4.10).
 *
 * Pages: examples/*.html and examples/elements/*.html, found when the test runs.
 * Needs the built bundle (`npm run build`). Run alone with
 *   node --test examples/test/pages.test.mjs
 *   WELFARE_BROWSERS=firefox node --test examples/test/pages.test.mjs
 *   WELFARE_BROWSERS=webkit xvfb-run -a node --test examples/test/pages.test.mjs
 *
 * @engines chromium firefox webkit
 *
 * Nothing leaves the machine: every request to a host other than loopback (map tiles
 * from openstreetmap.org on pages that use the default tiles) is aborted by request
 * interception, and the console errors those aborted requests cause are the only ones
 * ignored. Chromium also gets a host-resolver rule that maps every other host to
 * nothing, as a second fence.
 *
 * The automatic /favicon.ico request of the browser is answered with an empty 204.
 *
 * An element that is meant to show the error state (a page demonstrating a broken
 * feed) carries `data-expect-error`: for it a `welfare-error` and a visible
 * role="alert" are expected instead of `welfare-load`, and the console error of its
 * failed request is ignored.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { aboutOutsideRequest, answered, launchBrowser } from './engine.mjs';

const require = createRequire(import.meta.url);
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
process.chdir(repo);
const { startServer } = await import('../../scripts/serve.mjs');

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const LOAD_TIMEOUT = 15_000;
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const bundle = 'packages/welfare-elements/dist/welfare-elements.js';

const pages = [
  ...readdirSync('examples').filter((f) => f.endsWith('.html')).sort().map((f) => `examples/${f}`),
  ...(existsSync('examples/elements')
    ? readdirSync('examples/elements').filter((f) => f.endsWith('.html')).sort().map((f) => `examples/elements/${f}`)
    : []),
];

let server;
let browser;
let origin;

before(async () => {
  assert.ok(existsSync(bundle), `${bundle} is missing: run \`npm run build\` first`);
  server = await startServer({ port: 0 });
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launchBrowser({ server, root: repo });
});

after(async () => {
  await browser?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok()));
});

const isLoopback = (url) => {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
    return hostname === '127.0.0.1' || hostname === 'localhost';
  } catch {
    return false;
  }
};

/** Opens a page and collects what went wrong while it loaded. */
async function open(path) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const errors = [];
  const blocked = new Set();
  const expectedFailures = new Set();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    // The browser asks for /favicon.ico on pages without an icon: not the page's doing.
    if (new URL(request.url()).pathname === '/favicon.ico') return answered(request.respond({ status: 204, body: '' }));
    if (isLoopback(request.url())) return answered(request.continue());
    blocked.add(request.url());
    return answered(request.abort('blockedbyclient'));
  });
  // Each error keeps the URL it is about, so the ones of aborted non-loopback requests
  // and of feeds meant to fail (data-expect-error) can be told apart afterwards.
  page.on('pageerror', (error) => errors.push({ text: `uncaught: ${error.message}` }));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location()?.url ?? '';
    errors.push({ text: `console: ${message.text()}${url ? ` (${url})` : ''}`, url, blockedByClient: /ERR_BLOCKED_BY_CLIENT/.test(message.text()) });
  });
  page.on('requestfailed', (request) => {
    errors.push({ text: `request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`, url: request.url() });
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push({ text: `HTTP ${response.status()}: ${response.url()}`, url: response.url() });
  });
  // Record welfare-load / welfare-error per element before any script of the page runs.
  await page.evaluateOnNewDocument(() => {
    const seen = (window.__welfareEvents = []);
    for (const type of ['welfare-load', 'welfare-error']) {
      document.addEventListener(
        type,
        (event) => {
          const el = event.composedPath()[0];
          seen.push({ type, el });
        },
        true,
      );
    }
  });
  await page.goto(`${origin}/${path}`, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
  // Elements that are meant to fail: their feed URL may 404 on purpose.
  for (const url of await page.$$eval('[data-expect-error][src]', (els) => els.map((e) => e.src))) {
    expectedFailures.add(new URL(url, `${origin}/${path}`).href);
  }
  const real = () =>
    errors
      .filter((e) => !(e.url && (blocked.has(e.url) || expectedFailures.has(e.url))))
      .filter((e) => !(e.blockedByClient && blocked.size))
      .filter((e) => !aboutOutsideRequest(e.text)) // every engine is fenced off outside hosts
      .map((e) => e.text);
  return { page, errors: real, blocked };
}

/** All <welfare-*> elements, in the document and in shadow roots. */
function welfareElements() {
  const found = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.localName.startsWith('welfare-')) found.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return found;
}

/** Waits until every element has rendered and its feed has settled; returns a report. */
async function settle(page) {
  await page.waitForFunction(
    `(${welfareElements.toString()})().every((el) => {
      if (!customElements.get(el.localName)) return false;
      if (!el.shadowRoot || !el.shadowRoot.childElementCount) return false;
      return window.__welfareEvents.some((e) => e.el === el);
    })`,
    { timeout: LOAD_TIMEOUT, polling: 100 },
  ).catch(() => undefined); // the report below says which element is not ready
  // Lazy chunks (map, search index, opening hours) and late renders.
  await page.waitForNetworkIdle({ idleTime: 300, timeout: LOAD_TIMEOUT }).catch(() => undefined);
  return page.evaluate(`(() => {
    const els = (${welfareElements.toString()})();
    return els.map((el) => {
      const events = window.__welfareEvents.filter((e) => e.el === el).map((e) => e.type);
      const root = el.shadowRoot;
      return {
        tag: el.localName,
        id: el.id || el.getAttribute('src') || '',
        defined: !!customElements.get(el.localName),
        content: root ? root.childElementCount : -1,
        text: root ? root.textContent.replace(/\\s+/g, ' ').trim().slice(0, 80) : '',
        expectError: el.hasAttribute('data-expect-error'),
        loaded: events.includes('welfare-load'),
        failed: events.includes('welfare-error'),
        alert: !!(root && root.querySelector('[role="alert"]')),
        loading: !!(root && root.querySelector('[part~="loading"]')),
      };
    });
  })()`);
}

for (const path of pages) {
  describe(path, () => {
    let opened;
    let report;

    before(async () => {
      opened = await open(path);
      report = await settle(opened.page);
    });

    after(async () => {
      await opened?.page.close();
    });

    it('loads with no console errors', () => {
      const errors = opened.errors();
      assert.deepEqual(errors, [], `errors on ${path}:\n${errors.join('\n')}`);
    });

    const isIndex = path === 'examples/index.html';
    it(isIndex ? 'links every example, and every link works' : 'renders every welfare element', async () => {
      if (isIndex) {
        // The index has no elements: it must link every example, and each link must work.
        const links = await opened.page.$$eval('main a[href]', (as) => as.map((a) => a.href));
        assert.ok(links.length >= 4, 'the index links the examples');
        for (const link of links.filter((l) => l.startsWith(origin))) {
          const response = await fetch(link);
          assert.equal(response.status, 200, `broken link on the index: ${link}`);
        }
        return;
      }
      assert.ok(report.length > 0, `${path} has no <welfare-*> element`);
      const problems = [];
      for (const el of report) {
        const name = `<${el.tag}>${el.id ? ` (${el.id})` : ''}`;
        if (!el.defined) problems.push(`${name} is not defined`);
        else if (el.content <= 0) problems.push(`${name} rendered nothing`);
        else if (el.expectError) {
          if (!el.failed || !el.alert) problems.push(`${name} should show the error state`);
        } else if (!el.loaded) {
          problems.push(`${name} did not fire welfare-load${el.failed ? ' (welfare-error instead)' : el.loading ? ' (still loading)' : ''}: "${el.text}"`);
        } else if (el.alert) problems.push(`${name} shows an alert: "${el.text}"`);
      }
      assert.deepEqual(problems, [], problems.join('\n'));
    });

    it('passes axe (WCAG 2.1 A and AA), shadow roots included', async () => {
      await opened.page.evaluate(axeSource);
      const result = await opened.page.evaluate(
        async (tags) => {
          // eslint-disable-next-line no-undef
          const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
          return r.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.slice(0, 5).map((n) => `${JSON.stringify(n.target)} ${n.failureSummary?.split('\n').slice(1, 2).join(' ')}`),
          }));
        },
        TAGS,
      );
      const text = result.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join('\n    ')}`).join('\n');
      assert.deepEqual(result.map((v) => v.id), [], `axe violations on ${path}:\n${text}`);
    });

    it('fits a 320px-wide screen with no horizontal scrolling (WCAG 1.4.10)', async () => {
      await opened.page.setViewport({ width: 320, height: 640 });
      await new Promise((ok) => setTimeout(ok, 300)); // resize observers and container queries
      let width = await opened.page.evaluate(() => (innerWidth === 320 ? document.documentElement.scrollWidth : -1));
      if (width === -1) {
        // WebKit's MiniBrowser window cannot be made 320 px wide (the window has a minimum
        // width): open the same page in a 320 px iframe instead, once its elements rendered.
        width = await opened.page.evaluate(async (url) => {
          const frame = document.createElement('iframe');
          frame.style.cssText = 'width: 320px; height: 640px; border: 0';
          frame.src = url;
          await new Promise((ok) => {
            frame.onload = ok;
            document.body.append(frame);
          });
          const doc = frame.contentDocument;
          const rendered = () => [...doc.querySelectorAll('*')].filter((e) => e.localName.startsWith('welfare-')).every((e) => e.shadowRoot?.childElementCount);
          for (let i = 0; i < 50 && !rendered(); i++) await new Promise((ok) => setTimeout(ok, 100));
          await new Promise((ok) => setTimeout(ok, 500));
          const w = doc.documentElement.scrollWidth;
          frame.remove();
          return w;
        }, `${origin}/${path}`);
      }
      assert.ok(width <= 320, `${path} is ${width}px wide on a 320px screen`);
    });
  });
}
