#!/usr/bin/env node
/**
 * `npm run bench [-- <name>...] [--runs N] [--no-write]`: runs the benchmarks in headless
 * Chromium against the built bundle, served on loopback by scripts/serve.mjs, and writes
 * each one's section of docs/performance.md.
 *
 * A benchmark is a module in bench/ exporting `name`, `heading` (its `## ` heading in
 * docs/performance.md), `prepare({ root })`, `run({ browser, base, runs })` and
 * `report(result, meta)` (markdown). Add yours to BENCHES.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

// Each runs in this order with `npm run bench`; `npm run bench -- map` runs one.
const BENCHES = ['map', 'list', 'search', 'search-quality', 'feed-validate', 'hub'];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const args = process.argv.slice(2);
const { startServer } = await import('../scripts/serve.mjs');
const option = (flag, fallback) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(option('--runs', 5));
const write = !args.includes('--no-write');
const wanted = args.filter((a, i) => !a.startsWith('--') && !['--runs', '--mbps'].includes(args[i - 1]));
// --mbps N: the map benchmark over a link of N Mbit/s (Chromium's network throttling) instead of bare loopback.
const mbps = option('--mbps', undefined) === undefined ? undefined : Number(option('--mbps'));
const names = wanted.length ? wanted : BENCHES;
for (const n of names) if (!BENCHES.includes(n)) throw new Error(`unknown benchmark "${n}" (known: ${BENCHES.join(', ')})`);

const executablePath = chromiumPath;
const chromium = execFileSync(executablePath, ['--version'], { encoding: 'utf8' }).trim().replace(/^Chromium\s*/, '');
const cpu = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}`;
const date = new Date().toISOString().slice(0, 10);

const server = await startServer({ port: 0 });
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  args: chromiumArgs,
});

try {
  for (const n of names) {
    const bench = await import(`./${n}.mjs`);
    bench.prepare({ root });
    const result = await bench.run({ browser, base, runs, mbps });
    const command = `npm run bench -- ${n}${runs !== 5 ? ` --runs ${runs}` : ''}${mbps ? ` --mbps ${mbps}` : ''}`;
    const section = bench.report(result, { command, chromium, date, cpu, mbps });
    const heading = typeof bench.heading === 'function' ? bench.heading({ mbps }) : bench.heading;
    console.log(`\n${section}`);
    mkdirSync('bench/results', { recursive: true });
    writeFileSync(`bench/results/${n}${mbps ? `-${mbps}mbps` : ''}.json`, JSON.stringify({ date, chromium, cpu, ...result }, null, 2));
    if (write) writeSection('docs/performance.md', heading, section);
  }
} finally {
  await browser.close();
  server.close();
}

/** Replaces one `## ` section of a markdown file (or appends it), leaving the rest alone. */
function writeSection(file, heading, section) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Performance\n';
  const start = text.indexOf(`${heading}\n`);
  let next;
  if (start < 0) next = `${text.trimEnd()}\n\n${section.trimEnd()}\n`;
  else {
    const after = text.indexOf('\n## ', start + heading.length);
    next = `${text.slice(0, start)}${section.trimEnd()}\n${after < 0 ? '' : text.slice(after)}`;
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, next);
  console.log(`wrote ${heading.replace(/^#+ /, '')} to ${file}`);
}
