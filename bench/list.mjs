/**
 * <welfare-list> with 50,000 services: navigation → first card painted, the longest
 * task while loading, and the cost of "Mostra altri" (show more) and of a filter change.
 * The list renders 20 cards at a time, so the page must never freeze.
 *
 *   npm run bench -- list [--runs 5] [--no-write]
 */
import { prepare as prepareMap } from './map.mjs';

export const name = 'list';
export const heading = '## List: 50,000 services';

const PAGE = '/bench/pages/list.html';
const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (v) => `${Math.round(v).toLocaleString('en-GB')} ms`;

/** Same inputs as the map benchmark: the generated feed and the built bundle. */
export const prepare = prepareMap;

async function measure(browser, url) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setCacheEnabled(false);
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await page.waitForFunction(() => window.__bench.painted !== undefined, { timeout: 60_000, polling: 20 });
  const first = await page.evaluate(() => ({ ...window.__bench }));
  await new Promise((r) => setTimeout(r, 1000));
  // "Show more", five times, timed from click to the next frame.
  const more = await page.evaluate(async () => {
    const el = document.querySelector('welfare-list');
    const times = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      el.shadowRoot.querySelector('[part="more"]').click();
      await el.updateComplete;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      times.push(performance.now() - t);
    }
    return { times, cards: el.shadowRoot.querySelectorAll('[part~="item"]').length };
  });
  // A filter change on all 50,000 (a category), click to next frame.
  const filter = await page.evaluate(async () => {
    const el = document.querySelector('welfare-list');
    const store = el.data.store;
    const t = performance.now();
    store.update({ categories: [store.feed.categories[0].id] });
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    return { time: performance.now() - t, count: el.shadowRoot.querySelector('[part="count"]').textContent };
  });
  await context.close();
  return {
    firstItem: first.firstItem,
    painted: first.painted,
    longestLoadTask: Math.max(0, ...first.longtasks.map((e) => e.duration)),
    showMore: median(more.times),
    cardsAfterShowMore: more.cards,
    filterChange: filter.time,
    filterCount: filter.count,
  };
}

export async function run({ browser, base, runs = 5 }) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const r = await measure(browser, base + PAGE);
    results.push(r);
    console.log(
      `list: run ${i + 1}/${runs} first card painted ${ms(r.painted)}, longest load task ${ms(r.longestLoadTask)}, ` +
        `show more ${ms(r.showMore)}, filter ${ms(r.filterChange)} (${r.filterCount})`,
    );
  }
  const pick = (k) => median(results.map((r) => r[k]));
  return {
    runs,
    painted: pick('painted'),
    firstItem: pick('firstItem'),
    longestLoadTask: pick('longestLoadTask'),
    showMore: pick('showMore'),
    filterChange: pick('filterChange'),
    cards: results[0].cardsAfterShowMore,
    raw: results,
  };
}

export function report(result, { command, chromium, date, cpu }) {
  const r = result;
  return `${heading}

\`<welfare-list>\` loading the same 50,000-service feed as the map benchmark (26 MB),
headless Chromium ${chromium}, ${cpu}, ${date}, median of ${r.runs} runs. The list renders
20 cards and adds 20 per "Mostra altri", so the DOM stays small whatever the feed size.

| measure | median |
|---|---:|
| navigation → first card in DOM | ${ms(r.firstItem)} |
| navigation → first card painted | ${ms(r.painted)} |
| longest task while loading (fetch, JSON.parse, reading, first render) | ${ms(r.longestLoadTask)} |
| "Mostra altri" click → next frame (20 more cards; ${r.cards} after five clicks) | ${ms(r.showMore)} |
| category filter on all services → next frame | ${ms(r.filterChange)} |

Command: \`${command}\`
`;
}
