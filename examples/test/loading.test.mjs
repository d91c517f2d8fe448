/**
 * Loading the planning-office example (all five elements) as a person does, from the
 * built bundle (issue 11, item 8):
 *   - the page does not jump: cumulative layout shift (every `layout-shift` entry without
 *     recent input, summed: stricter than the windowed CLS of Web Vitals) stays at most
 *     0.05, with the feed served at once and with a feed that takes 1.5 s, at 1280×800
 *     and at 375×740;
 *   - while the feed is on its way, "Caricamento dei servizi…" is said once for the
 *     group, and the search box is there and takes typing; the query is applied when the
 *     feed is read.
 * Also: a doc linked from an example opens as a readable page, not raw Markdown (item 14).
 *
 *   node --test examples/test/loading.test.mjs   (after `npm run build`)
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newPage, settle, start, welfareElements } from './harness.mjs';

const PAGE = 'examples/ufficio-di-piano.html';
const MAX_SHIFT = 0.05;
const SLOW_FEED = 1500;

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** Records layout shifts from the first paint on (buffered). */
async function recordShifts(page) {
  await page.evaluateOnNewDocument(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.hadRecentInput) continue;
        const where = entry.sources.map((s) => {
          const node = s.node;
          const name = node?.nodeType === 1 ? node.localName + (node.id ? `#${node.id}` : '') : node ? '#text' : '?';
          return `${name} ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)}`;
        });
        window.__shifts.push({ value: entry.value, at: Math.round(entry.startTime), where });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** Texts said by live regions (status, alert, aria-live) across shadow roots, non-empty. */
function liveTexts() {
  const out = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.matches('[role="status"], [role="alert"], [aria-live]') && el.textContent.trim()) out.push(el.textContent.trim());
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return out;
}

describe(`${PAGE} while it loads`, () => {
  for (const size of [
    { width: 1280, height: 800 },
    { width: 375, height: 740 },
  ]) {
    for (const feedDelay of [0, SLOW_FEED]) {
      const how = feedDelay ? `a feed that takes ${feedDelay / 1000} s` : 'the feed at once';
      it(`does not jump at ${size.width}×${size.height} with ${how} (layout shift ≤ ${MAX_SHIFT})`, async () => {
        const page = await newPage(env.browser, { ...size, feedDelay });
        try {
          await recordShifts(page);
          await page.goto(`${env.origin}/${PAGE}`, { waitUntil: 'load' });
          if (feedDelay) {
            // The loading state is really seen: the elements are there, the feed is not.
            await page.waitForFunction(`(${welfareElements})().length >= 5 && (${welfareElements})().every((el) => el.shadowRoot?.childElementCount)`);
            const loading = await page.evaluate(`(${welfareElements})().some((el) => el.shadowRoot.querySelector('[part~="loading"]'))`);
            assert.ok(loading, 'the loading state is on screen before the feed arrives');
          }
          await settle(page);
          const shifts = await page.evaluate(() => window.__shifts);
          const total = shifts.reduce((sum, s) => sum + s.value, 0);
          const detail = shifts.map((s) => `  ${s.value.toFixed(4)} at ${s.at} ms: ${s.where.join(', ')}`).join('\n');
          assert.ok(total <= MAX_SHIFT, `layout shift ${total.toFixed(3)} > ${MAX_SHIFT}:\n${detail}`);
        } finally {
          await page.close();
        }
      });
    }
  }

  it('says "loading" once, and takes typing in the search box before the feed arrives', async () => {
    const page = await newPage(env.browser, { width: 1280, height: 800, feedDelay: 5000 });
    try {
      await page.goto(`${env.origin}/${PAGE}`, { waitUntil: 'domcontentloaded' });
      await page.waitForFunction(
        () => document.querySelector('welfare-search')?.shadowRoot?.querySelector('input[role="combobox"]'),
        { polling: 50 },
      );
      const box = await page.evaluateHandle(() => document.querySelector('welfare-search').shadowRoot.querySelector('input[role="combobox"]'));
      const said = await page.evaluate(liveTexts);
      assert.deepEqual(said, ['Caricamento dei servizi…'], 'one loading announcement for the five elements');
      const before = await page.evaluate(() => window.__welfareEvents.length);
      assert.equal(before, 0, 'the feed has not arrived yet');
      await box.type('spesa');
      await settle(page);
      const read = await page.evaluate(() => window.__welfareEvents.some((e) => e.type === 'welfare-load'));
      assert.ok(read, 'the feed was read');
      const state = await page.evaluate(() => {
        const search = document.querySelector('welfare-search').shadowRoot;
        const list = document.querySelector('welfare-list').shadowRoot;
        return {
          value: search.querySelector('input[role="combobox"]').value,
          items: list.querySelectorAll('[part~="item"]').length,
          names: [...list.querySelectorAll('[part~="item"]')].map((i) => i.textContent.toLowerCase()),
        };
      });
      assert.equal(state.value, 'spesa', 'what was typed is still in the box');
      assert.ok(state.items > 0, 'services match "spesa"');
      const services = await page.evaluate(() => document.querySelector('welfare-list').data.store.feed.services.length);
      assert.ok(state.items < services, `the list is filtered (${state.items} of ${services})`);
    } finally {
      await page.close();
    }
  });

  it('links to the docs open as a readable page, not raw Markdown', async () => {
    const page = await newPage(env.browser, { width: 1280, height: 800 });
    try {
      await page.goto(`${env.origin}/${PAGE}`, { waitUntil: 'load' });
      const href = await page.$eval('a[href$=".md"]', (a) => a.href);
      await page.goto(href, { waitUntil: 'load' });
      const doc = await page.evaluate(() => ({
        type: document.contentType,
        h1: document.querySelector('h1')?.textContent ?? '',
        lang: document.documentElement.lang,
        raw: document.body.innerText.startsWith('# '),
      }));
      assert.equal(doc.type, 'text/html');
      assert.equal(doc.raw, false);
      assert.match(doc.h1, /Come inserire i servizi/);
      assert.equal(doc.lang, 'it');
    } finally {
      await page.close();
    }
  });
});
