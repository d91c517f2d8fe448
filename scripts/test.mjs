/**
 * `npm test` after the build: node tests (feed tools), then browser tests (elements),
 * then one closing line `N passed, N failed` for both, which CI reads.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const totals = { passed: 0, failed: 0, skipped: 0 };

// Node's test runner (feed tools). Node 20 does not expand globs, so list the files.
const nodeDir = 'packages/welfare-feed/test';
const nodeFiles = existsSync(nodeDir)
  ? readdirSync(nodeDir).filter((f) => f.endsWith('.test.mjs')).map((f) => join(nodeDir, f))
  : [];
if (nodeFiles.length) {
  const run = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...nodeFiles], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stdout.write(run.stdout);
  const count = (name) => Number(run.stdout.match(new RegExp(`^ℹ ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
  const passed = count('pass');
  const failed = count('fail') + (run.status !== 0 && count('fail') === 0 ? 1 : 0);
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += count('skipped');
  console.log(`node: ${passed} passed, ${failed} failed`);
}

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
const docs = spawnSync(process.execPath, ['scripts/api-docs.mjs', '--check', '--json'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
try {
  const files = JSON.parse(docs.stdout);
  for (const f of files) console.log(`${f.missing ? '✖ missing' : f.stale ? '✖ stale' : '✔ up to date'}: ${f.file}`);
  const stale = files.filter((f) => f.stale).length;
  if (stale) console.log('Run `npm run docs:api` to regenerate them.');
  totals.passed += files.length - stale;
  totals.failed += stale;
  console.log(`docs: ${files.length - stale} passed, ${stale} failed`);
} catch {
  console.error('The API docs check ended without results.');
  totals.failed++;
}

// Size budgets of the built bundle (scripts/size.mjs, issue 6): 1 per budget. Without
// this, a change could push the first load over 35 KB gzip and CI would stay green.
const size = spawnSync(process.execPath, ['scripts/size.mjs', '--json'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
try {
  const budgeted = JSON.parse(size.stdout).rows.filter((r) => r.budget);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  let over = 0;
  for (const r of budgeted) {
    const ok = r.gzip <= r.budget;
    if (!ok) over++;
    console.log(`${ok ? '✔' : '✖ over budget'}: ${r.what}: ${kb(r.gzip)} gzip (budget ${kb(r.budget)})`);
  }
  if (!budgeted.length) throw new Error('no budgets');
  totals.passed += budgeted.length - over;
  totals.failed += over;
  console.log(`size: ${budgeted.length - over} passed, ${over} failed`);
} catch {
  console.error('The size check ended without results.');
  totals.failed++;
}

// Example pages in headless Chromium: console, rendering, axe (examples/test/pages.test.mjs),
// and the map as the bundle ships it, with the trimmed Leaflet (examples/test/bundle-map.test.mjs).
const exampleTests = readdirSync('examples/test').filter((f) => f.endsWith('.test.mjs')).map((f) => `examples/test/${f}`);
const pagesRun = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...exampleTests], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
process.stdout.write(pagesRun.stdout);
{
  const count = (name) => Number(pagesRun.stdout.match(new RegExp(`^ℹ ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
  const failed = count('fail') + (pagesRun.status !== 0 && count('fail') === 0 ? 1 : 0);
  totals.passed += count('pass');
  totals.failed += failed;
  console.log(`examples: ${count('pass')} passed, ${failed} failed`);
}

const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 ? 1 : 0);
