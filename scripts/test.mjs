/**
 * `npm test` after the build: node tests (feed tools, repository), browser tests (elements)
 * in Chromium, Firefox and WebKit, the generated-docs check, the size budgets and the
 * example pages in the three engines and their screenshots (Chromium), then each part's
 * time and one closing line
 * `N passed, N failed` for all of them, which CI reads.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chosenEngines, ENGINES, WEBDRIVER_HUNG } from './browsers.mjs';

const totals = { passed: 0, failed: 0, skipped: 0 };
/** Each suite's failures, said again just before the closing line: CI shows the end of the output. */
const failures = [];
const failedSuites = [];
const times = [];
const begun = Date.now();
const seconds = (since) => `${Math.round((Date.now() - since) / 1000)} s`;

/**
 * The engines: all three (scripts/browsers.mjs), or those in WELFARE_BROWSERS, e.g.
 * `WELFARE_BROWSERS=chromium npm test` for a quicker run while working.
 */
const engines = chosenEngines(process.env.WELFARE_BROWSERS, ENGINES);

/**
 * Example-page tests that run in every engine say so in their doc comment with the line
 * `@engines chromium firefox webkit` (they read WELFARE_BROWSERS, see examples/test/engine.mjs);
 * the others (node only, or Chromium-only such as pixel comparisons) run once.
 */
const everyEngine = (file) => /@engines chromium firefox webkit\b/.test(readFileSync(file, 'utf8'));

/** WebKit (MiniBrowser) needs a display: on a machine without one, run under xvfb-run -a. */
function withDisplay(engine, command) {
  if (engine !== 'webkit' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return command;
  return ['xvfb-run', '-a', ...command];
}

/** Adds one suite's counts to the totals and prints its own line. */
function add(label, passed, failed, skipped = 0) {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  console.log(`${label}: ${passed} passed, ${failed} failed`);
  if (failed) failedSuites.push(`${label}: ${failed} failed`);
}

/**
 * Node's test runner on some files, with the spec reporter's output shown as it is; returns
 * the counts. A run that fails without a failed test counts as one failure. With an
 * engine, the files drive that browser (WELFARE_BROWSERS, scripts/browsers.mjs).
 */
function runNodeTests(files, engine, env = process.env) {
  const [command, ...args] = withDisplay(engine, [process.execPath, '--test', '--test-reporter=spec', ...files]);
  const run = spawnSync(command, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    env: engine ? { ...env, WELFARE_BROWSERS: engine } : env,
  });
  process.stdout.write(run.stdout);
  const count = (name) => Number(run.stdout.match(new RegExp(`^ℹ ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
  const failed = count('fail') + (run.status !== 0 && count('fail') === 0 ? 1 : 0);
  return { stdout: run.stdout, status: run.status, passed: count('pass'), failed, skipped: count('skipped') };
}

/** Keeps a run's failures for the end of the output. */
function keepFailures(label, run) {
  // Node's spec reporter ends with a "✖ failing tests:" section (name, file:line, error).
  const section = run.stdout.split(/^✖ failing tests:$/m)[1];
  const lines = section?.trimEnd().split('\n').filter((l) => !/^\s+at .*\(node:[^)]*\)$/.test(l));
  if (section) failures.push(`${label}:${lines.slice(0, 80).join('\n')}`);
  else if (run.failed) failures.push(`${label}: exit code ${run.status}, no failing test named (see above)`);
}

/** Node's test runner on some files, as one suite with its own line. */
function nodeTests(label, files, engine, env = process.env) {
  const run = runNodeTests(files, engine, env);
  add(label, run.passed, run.failed, run.skipped);
  keepFailures(label, run);
}

/** Files run again after a WebKitWebDriver hang, said again before the closing line. */
const retried = [];

/**
 * The example files in WebKit, one `node --test` apiece, as one suite. WebKitWebDriver
 * has hung in CI on a command that never came back (scripts/browsers.mjs gives every
 * command a time limit and names it in the error, WEBDRIVER_HUNG): a file that failed
 * that way runs once more, says so here and at the end of the output, and its second run
 * is the one counted. Any other failure, or a second hang, counts as it is.
 */
function webkitFileByFile(label, files) {
  const sum = { passed: 0, failed: 0, skipped: 0 };
  for (const file of files) {
    let run = runNodeTests([file], 'webkit');
    if (run.failed && run.stdout.includes(WEBDRIVER_HUNG)) {
      const hang = run.stdout.split('\n').find((l) => l.includes(WEBDRIVER_HUNG)).trim();
      const note = `${file}: ${run.failed} failed on a WebKitWebDriver hang (${hang}); ran it once more and counted that run`;
      console.log(`\n${label}: ${note}\n`);
      run = runNodeTests([file], 'webkit');
      retried.push(`${note}: ${run.passed} passed, ${run.failed} failed`);
    }
    for (const key of Object.keys(sum)) sum[key] += run[key];
    keepFailures(`${label} ${file}`, run);
  }
  add(label, sum.passed, sum.failed, sum.skipped);
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

// The publishing hub's server (packages/hub): node tests on PGlite in memory, and again on
// the PostgreSQL server in DATABASE_URL when it is set (.ci/run starts one), so the same
// schema, migrations and queries are proven on both databases.
const hubFiles = testFiles('packages/hub/test');
if (hubFiles.length) {
  const { DATABASE_URL, ...withoutServer } = process.env;
  let started = Date.now();
  nodeTests('hub (PGlite)', hubFiles, undefined, withoutServer);
  times.push(`hub (PGlite): ${seconds(started)}`);
  if (DATABASE_URL) {
    started = Date.now();
    nodeTests('hub (PostgreSQL)', hubFiles);
    times.push(`hub (PostgreSQL): ${seconds(started)}`);
  }
}

// The repository itself (scripts/test): publiccode.yml against the standard, what each npm
// package would ship (npm pack --dry-run), `npm start` on a busy port.
nodeTests('repository', testFiles('scripts/test'));

// Browser tests (web-test-runner) in each engine, one run apiece so that each has its own
// line and time. WebKit opens a real window: without a display, it runs under xvfb-run.
for (const engine of engines) {
  const started = Date.now();
  const countFile = join(mkdtempSync(join(tmpdir(), 'wtr-')), 'counts.json');
  const [command, ...args] = withDisplay(engine, ['npx', 'wtr', ...process.argv.slice(2)]);
  const wtr = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, WTR_COUNT_FILE: countFile, WELFARE_BROWSERS: engine },
  });
  const label = `browser (${engine})`;
  if (existsSync(countFile)) {
    const c = JSON.parse(readFileSync(countFile, 'utf8'));
    add(label, c.passed, c.failed + (wtr.status !== 0 && c.failed === 0 ? 1 : 0), c.skipped);
    for (const f of c.failures ?? []) failures.push(`${label}: ${f.split('\n').slice(0, 8).join('\n')}`);
    if (wtr.status !== 0 && c.failed === 0) failures.push(`${label}: exit code ${wtr.status}`);
  } else {
    console.error(`The browser test run in ${engine} ended without results.`);
    add(label, 0, 1);
    failures.push(`${label}: ended without results`);
  }
  times.push(`${label}: ${seconds(started)}`);
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
  for (const r of rows.filter((r) => r.goal)) {
    if (r.gzip > r.goal) console.log(`  goal not met (reported, not counted): ${r.what}: ${kb(r.gzip)} gzip (goal ${kb(r.goal)})`);
  }
  return { passed: budgeted.length - over, failed: over };
});

// Example pages in each engine: console, rendering, axe (examples/test/pages.test.mjs),
// and the map as the bundle ships it, with the trimmed Leaflet (examples/test/bundle-map.test.mjs).
// The other example tests (node only, no browser) run once; the screenshots last, below.
const SCREENSHOTS = join('examples/test', 'screenshots.test.mjs');
const exampleFiles = testFiles('examples/test').filter((f) => f !== SCREENSHOTS);
const inBrowsers = exampleFiles.filter(everyEngine);
for (const engine of engines) {
  const started = Date.now();
  if (engine === 'webkit') webkitFileByFile(`examples (${engine})`, inBrowsers);
  else nodeTests(`examples (${engine})`, inBrowsers, engine);
  times.push(`examples (${engine}): ${seconds(started)}`);
}
const nodeOnly = exampleFiles.filter((f) => !inBrowsers.includes(f));
if (nodeOnly.length) nodeTests('examples', nodeOnly);

// Every example page at 1280 and 375 px against its committed reference image, on its own
// so that no other suite competes for the CPU while pages settle (`npm run screenshots:update`
// rewrites the references; docs/architecture.md). Pixels are compared in Chromium only.
if (existsSync(SCREENSHOTS)) {
  const started = Date.now();
  nodeTests('screenshots', [SCREENSHOTS]);
  times.push(`screenshots (chromium): ${seconds(started)}`);
}

if (retried.length) console.log(`\nRun again after a WebKitWebDriver hang (the first run's failures are in the output above):\n${retried.join('\n')}`);
if (failedSuites.length) console.log(`\nWhat failed (${failedSuites.join('; ')}):\n${failures.join('\n\n')}`);
console.log(`\nTimes: ${times.join('; ')}; total ${seconds(begun)}`);
// Skipped tests (e.g. the hub's cross-database backup test on the PGlite pass, which runs
// on the PostgreSQL pass) are said on their own line: the last line stays `N passed, N failed`.
if (totals.skipped) console.log(`\n${totals.skipped} skipped (they run in another pass or need a server this run lacks)`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
