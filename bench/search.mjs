/**
 * How long one keystroke in <welfare-search> takes to update its whole group (search box
 * with suggestions and filter counts, category board, list), for feeds of 1,000 to 50,000
 * services. Each keystroke is timed from the `input` event until every element of the
 * group has rendered and the list has been laid out, with the debounce off. This is
 * what chose the automatic debounce of <welfare-search> (ALWAYS_LIVE, FRAME_BUDGET, ...).
 *
 *   npm run bench -- search [--runs 3] [--no-write]
 *
 * Feeds come from scripts/generate-feed.mjs (seed 1, with hours) and are written to
 * examples/data/bench-search-*.json (git-ignored) when missing.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { generateFeed } from '../scripts/generate-feed.mjs';

export const name = 'search';
export const heading = '## Search: typing, 1,000 to 50,000 services';

const SIZES = [1_000, 5_000, 20_000, 50_000];
/** What people type: a word, a word and a place, a word with a typo. */
const QUERIES = ['casa', 'sportello lodi', 'assistenza anzani'];
const PAGE = '/bench/pages/search.html';

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[xs.length >> 1];
const p95 = (xs) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const ms = (v) => `${v.toFixed(1)} ms`;
const feedFile = (n) => `examples/data/bench-search-${n}.json`;

export function prepare({ root }) {
  if (!existsSync(resolve(root, 'packages/welfare-elements/dist/welfare-elements.js'))) {
    throw new Error('search benchmark: build first (npm run build)');
  }
  for (const n of SIZES) {
    const file = resolve(root, feedFile(n));
    if (!existsSync(file)) writeFileSync(file, JSON.stringify(generateFeed({ services: n, seed: 1, hours: true })));
  }
}

export async function run({ browser, base, runs = 3 }) {
  const rows = [];
  for (const n of SIZES) {
    const page = await browser.newPage();
    await page.goto(`${base}${PAGE}?src=${encodeURIComponent(`/${feedFile(n)}`)}`);
    await page.waitForFunction(() => window.benchReady === true, { timeout: 120_000, polling: 250 });
    const keystrokes = [];
    const pages = [];
    const store = [];
    for (let r = 0; r < runs; r++) {
      for (const q of QUERIES) {
        const out = await page.evaluate((text) => window.typeAndTime(text), q);
        keystrokes.push(...out.keystrokes);
        pages.push(...out.pages);
        store.push(...out.search);
      }
    }
    await page.close();
    const build = await buildIndex(browser, base, n);
    const row = {
      services: n, median: median(keystrokes), p95: p95(keystrokes), worst: Math.max(...keystrokes), store: median(store),
      pageMedian: median(pages), pageP95: p95(pages), ...build,
    };
    console.log(
      `search: ${n} services, keystroke median ${ms(row.median)}, p95 ${ms(row.p95)}, store ${ms(row.store)}, ` +
        `whole page median ${ms(row.pageMedian)}, p95 ${ms(row.pageP95)}; ` +
        `index built in ${ms(row.build)}, longest task ${ms(row.longest)}, heap +${mb(row.heap)}`,
    );
    rows.push(row);
  }
  return { runs, queries: QUERIES, rows, load: loadavg()[0] };
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Builds the index of an `n`-service feed on its own page (bench/pages/search-index.html),
 * as the store does after a feed is read: the time it takes, the longest main-thread task
 * meanwhile (PerformanceObserver `longtask`: 0 means none over 50 ms), and the JS heap it
 * keeps (after a garbage collection, through the DevTools protocol).
 */
async function buildIndex(browser, base, n) {
  const page = await browser.newPage();
  const cdp = await page.createCDPSession();
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  await page.goto(`${base}/bench/pages/search-index.html?src=${encodeURIComponent(`/${feedFile(n)}`)}`);
  await page.waitForFunction(() => window.feedRead === true, { timeout: 120_000, polling: 100 });
  const before = await heap();
  const { total, longest } = await page.evaluate(() => window.buildIndex());
  const after = await heap();
  await page.close();
  return { build: total, longest, heap: after - before };
}

export function report(result, { command, chromium, date, cpu }) {
  const lines = result.rows.map(
    (r) => `| ${r.services.toLocaleString('en-GB')} | ${ms(r.median)} | ${ms(r.p95)} | ${ms(r.worst)} | ${ms(r.store)} | ${ms(r.pageMedian)} | ${ms(r.pageP95)} |`,
  );
  const build = result.rows.map(
    (r) => `| ${r.services.toLocaleString('en-GB')} | ${ms(r.build)} | ${r.longest ? ms(r.longest) : 'none over 50 ms'} | ${mb(r.heap)} |`,
  );
  const big = result.rows.at(-1);
  return `${heading}

A search box, a category board and a list in one group; ${result.queries.map((q) => `"${q}"`).join(', ')}
typed a key at a time, ${result.runs} times, with the debounce off. A keystroke is timed from
the \`input\` event until every element has rendered and the list is laid out; "store" is
the search and filters alone. Above 2,000 services the list renders the first 6 cards
with the keystroke and the rest of its page (20) when the page is idle: "whole page" is
the time until all of them are laid out (it includes waiting for the next frames). Headless Chromium ${chromium}, ${cpu}, ${date}; load average
${result.load?.toFixed(1) ?? '?'} when the run ended (above the core count, every figure is inflated by waiting for a core).

| services | keystroke median | keystroke p95 | worst | store median | whole page median | whole page p95 |
|---:|---:|---:|---:|---:|---:|---:|
${lines.join('\n')}

Building the index (\`SearchIndex\`, as the store does after a feed is read, in slices of
about 8 ms with a yield between them), the longest main-thread task meanwhile
(\`longtask\` entries, so "none" means none over 50 ms), and the JS heap the index keeps
(after a garbage collection):

| services | index built in | longest task while building | heap kept by the index |
|---:|---:|---:|---:|
${build.join('\n')}

Goals at ${big.services.toLocaleString('en-GB')} services: keystroke p95 ≤ 50 ms
(${ms(big.p95)}: **${big.p95 <= 50 ? 'met' : 'not met'}**); no task over 50 ms while indexing
(${big.longest ? ms(big.longest) : 'none'}: **${big.longest <= 50 ? 'met' : 'not met'}**).

\`<welfare-search>\` filters on every keystroke up to 2,000 services. Above, it waits for
a pause of 150 ms until it has measured the group, then filters live while a keystroke
fits in a frame (16 ms) and otherwise waits about one and a half updates (150-400 ms).

Command: \`${command}\`
`;
}
