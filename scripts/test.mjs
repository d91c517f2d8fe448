/**
 * `npm test` after the build: node tests (feed tools), browser tests (elements), the
 * generated-docs check, the size budgets, the example pages and their screenshots, then one closing line
 * `N passed, N failed` for all of them, which CI reads.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const totals = { passed: 0, failed: 0, skipped: 0 };

/** Adds one suite's counts to the totals and prints its own line. */
function add(label, passed, failed, skipped = 0) {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  console.log(`${label}: ${passed} passed, ${failed} failed`);
}

/** Node's test runner on some files; a run that fails without a failed test counts as one. */
function nodeTests(label, files) {
  const run = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stdout.write(run.stdout);
  const count = (name) => Number(run.stdout.match(new RegExp(`^ℹ ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
  const failed = count('fail') + (run.status !== 0 && count('fail') === 0 ? 1 : 0);
  add(label, count('pass'), failed, count('skipped'));
}

/**
 * A script that prints JSON (`node <script> ...args`); `judge` turns it into
 * `{ passed, failed }`. No JSON, or a judge that throws, counts as one failure.
 */
function jsonCheck(label, args, judge) {
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const { passed, failed } = judge(JSON.parse(run.stdout));
    add(label, passed, failed);
  } catch {
    console.error(`The ${label} check ended without results.`);
    totals.failed++;
  }
}

const testFiles = (dir) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.test.mjs')).map((f) => join(dir, f)) : []);

// Node's test runner (feed tools). Node 20 does not expand globs, so list the files.
const nodeFiles = testFiles('packages/welfare-feed/test');
if (nodeFiles.length) nodeTests('node', nodeFiles);

// Browser tests in Chromium.
const countFile = join(mkdtempSync(join(tmpdir(), 'wtr-')), 'counts.json');
const wtr = spawnSync('npx', ['wtr', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, WTR_COUNT_FILE: countFile },
});
if (existsSync(countFile)) {
  const c = JSON.parse(readFileSync(countFile, 'utf8'));
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped;
  if (wtr.status !== 0 && c.failed === 0) totals.failed++;
} else {
  console.error('The browser test run ended without results.');
  totals.failed++;
}

// Generated manifests and API tables are up to date (scripts/api-docs.mjs): 1 per file.
jsonCheck('docs', ['scripts/api-docs.mjs', '--check', '--json'], (files) => {
  for (const f of files) console.log(`${f.missing ? '✖ missing' : f.stale ? '✖ stale' : '✔ up to date'}: ${f.file}`);
  const stale = files.filter((f) => f.stale).length;
  if (stale) console.log('Run `npm run docs:api` to regenerate them.');
  return { passed: files.length - stale, failed: stale };
});

// Size budgets of the built bundle (scripts/size.mjs, issue 6): 1 per budget. Without
// this, a change could push the first load over 35 KB gzip and CI would stay green.
jsonCheck('size', ['scripts/size.mjs', '--json'], ({ rows }) => {
  const budgeted = rows.filter((r) => r.budget);
  if (!budgeted.length) throw new Error('no budgets');
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  let over = 0;
  for (const r of budgeted) {
    const ok = r.gzip <= r.budget;
    if (!ok) over++;
    console.log(`${ok ? '✔' : '✖ over budget'}: ${r.what}: ${kb(r.gzip)} gzip (budget ${kb(r.budget)})`);
  }
  return { passed: budgeted.length - over, failed: over };
});

// Example pages in headless Chromium: console, rendering, axe (examples/test/pages.test.mjs),
// and the map as the bundle ships it, with the trimmed Leaflet (examples/test/bundle-map.test.mjs).
const SCREENSHOTS = join('examples/test', 'screenshots.test.mjs');
nodeTests('examples', testFiles('examples/test').filter((f) => f !== SCREENSHOTS));

// Every example page at 1280 and 375 px against its committed reference image, on its own
// so that no other suite competes for the CPU while pages settle (`npm run screenshots:update`
// rewrites the references; docs/architecture.md).
if (existsSync(SCREENSHOTS)) nodeTests('screenshots', [SCREENSHOTS]);

const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 ? 1 : 0);
