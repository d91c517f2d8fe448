/**
 * What the example tests that drive the publishing hub share (hub-flow, mediator-flow,
 * mutual-aid-flow, mutual-aid-form-flow, hub-tiles): a hub on port 0 with the seeded
 * accounts, the hub's API as a signed-in person, axe on a whole page and the 375 px check.
 * Each of them had its own copy of these until 2 December 2026.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The password of every seeded account (packages/hub/test/support/hub.mjs). */
export const PASSWORD = 'una password lunga e sicura';

/** Stops with a clear message when the build a test needs is missing. */
export function requireBuilt(files) {
  for (const f of files) if (!existsSync(f)) throw new Error(`${f} is missing: run \`npm run build\` first`);
}

/** A hub on a free port with a fresh database and the seeded organisations and accounts. */
export async function startSeededHub(options = {}) {
  const { startHub } = await import('../../packages/hub/dist/index.js');
  const { seed } = await import('../../packages/hub/test/support/hub.mjs');
  const hub = await startHub({ port: 0, timer: false, ...options });
  await seed(hub.db);
  return hub;
}

/**
 * The hub's API from node, as a person signed in with `email` (or nobody: undefined), the
 * session cookie and CSRF token kept from answer to answer, as a browser would. Returns
 * `call(method, path, body?, headers?)` → `{ status, body }`.
 */
export async function hubApi(hub, email, { password = PASSWORD } = {}) {
  let cookie = '';
  let csrf = '';
  const call = async (method, path, body, headers = {}) => {
    const res = await fetch(`${hub.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', origin: hub.url, cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0];
    const json = /json/.test(res.headers.get('content-type') ?? '') ? await res.json() : undefined;
    if (json?.csrfToken) csrf = json.csrfToken;
    return { status: res.status, body: json };
  };
  if (email) assert.equal((await call('POST', '/api/session', { email, password })).status, 200, `sign-in of ${email}`);
  return call;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe (WCAG 2.1 A and AA) on the whole page, shadow roots included; `state` names it in the message. */
export async function axeClean(page, state) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(' ')}`);
  });
  assert.deepEqual(violations, [], `axe on ${state}:\n${violations.join('\n')}`);
}

/** Nothing wider than a phone's screen: no sideways scrolling at 375 px (then back to 1280). */
export async function fitsPhone(page, state) {
  await page.setViewport({ width: 375, height: 740 });
  await page.waitForFunction(() => innerWidth === 375);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `${state} is ${width} px wide at 375`);
  await page.setViewport({ width: 1280, height: 900 });
}

/** Runs in the page: `__deep()`, every element through shadow roots, and `__text(el)`. */
const DEEP = `
  window.__deep = (root = document) => {
    const out = [];
    const walk = (r) => { for (const el of r.querySelectorAll('*')) { out.push(el); if (el.shadowRoot) walk(el.shadowRoot); } };
    walk(root);
    return out;
  };
  window.__text = (el) => (el.textContent || '').replace(/\\s+/g, ' ').trim();
`;

/**
 * Finding the hub pages' controls through their shadow roots by the words a person reads
 * (hub-flow, hub-tiles and scripts/guide-images.mjs had a copy each). Each wait polls every
 * `every` ms and gives up after `timeout` ms.
 */
export function deepPage({ timeout, every = 150 }) {
  /** Waits until `fn` (run in the page, with __deep/__text; returns a plain value) is truthy. */
  async function until(page, fn, arg, what, limit = timeout) {
    const end = Date.now() + limit;
    for (;;) {
      await page.evaluate(DEEP).catch(() => undefined);
      const value = await page.evaluate(fn, arg).catch(() => undefined);
      if (value) return value;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((ok) => setTimeout(ok, every));
    }
  }

  /** Clicks the nth (0-based) visible button or link whose text contains `label`. */
  async function click(page, label, nth = 0) {
    await until(
      page,
      ([label, nth]) => {
        const found = __deep().filter((el) => (el.tagName === 'BUTTON' || el.tagName === 'A') && __text(el).includes(label) && !el.disabled && el.getClientRects().length);
        if (!found[nth]) return false;
        found[nth].click();
        return true;
      },
      [label, nth],
      `a button "${label}"`,
    );
  }

  /** Types into the nth field whose label starts with `label` (as the page sees input events). */
  async function fill(page, label, value, nth = 0) {
    await until(
      page,
      ([label, value, nth]) => {
        const l = __deep().filter((el) => el.tagName === 'LABEL' && __text(el).startsWith(label))[nth];
        const field = l && (l.htmlFor ? l.getRootNode().getElementById(l.htmlFor) : l.querySelector('input'));
        if (!field) return false;
        field.focus();
        if (field.type === 'checkbox') {
          if (field.checked !== value) field.click();
          return true;
        }
        field.value = value;
        field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
        return true;
      },
      [label, value, nth],
      `a field "${label}"`,
    );
  }

  return { until, click, fill };
}

/**
 * What has the keyboard focus, through shadow roots (`document.activeElement` is only the
 * element's host): its tag, id, name, value and words.
 */
export function deepActive(page) {
  return page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a ? { tag: a.tagName, id: a.id, name: a.getAttribute('name'), value: a.getAttribute('value'), text: (a.textContent || '').replace(/\s+/g, ' ').trim() } : {};
  });
}

/** The words of a page, shadow roots included (the public mutual-aid page is made of elements). */
export function deepText(page) {
  return page.evaluate(() => {
    const parts = [];
    const walk = (root) => {
      for (const node of root.childNodes) {
        if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent);
        else if (node.nodeType === Node.ELEMENT_NODE && !['STYLE', 'SCRIPT', 'NOSCRIPT'].includes(node.tagName)) {
          if (node.shadowRoot) walk(node.shadowRoot);
          walk(node);
        }
      }
    };
    walk(document.body);
    return parts.join(' ').replace(/\s+/g, ' ');
  });
}
