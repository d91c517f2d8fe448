/**
 * Proof of sameness (issue 14): for 366 realistic opening_hours strings, the small
 * evaluator the elements now use (the compiled form written by the feed tool, and the
 * reader of common strings for feeds written by hand) gives the same open / closed /
 * unknown answer as the full opening_hours library every 15 minutes across 2026–2027,
 * and the same state, next change and week at random moments. Public holidays are the
 * national ones (a patron day declared by a feed is a holiday the library does not know).
 * The library is slow with public holidays (about 0.15 s per string and year pair), so
 * the strings are shared among worker threads.
 */
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { hoursStrings } from './support/hours-strings.mjs';

const window = { from: '2026-01-01', to: '2027-12-31' };

test('the compiled form and the small reader say what opening_hours says, every 15 minutes of 2026–2027', async () => {
  const workers = Math.max(1, Math.min(4, availableParallelism()));
  const slices = Array.from({ length: workers }, (_, i) => hoursStrings.filter((_, j) => j % workers === i));
  const results = (
    await Promise.all(
      slices.map(
        (strings, i) =>
          new Promise((resolve, reject) => {
            const out = [];
            const w = new Worker(new URL('./support/hours-sameness-worker.mjs', import.meta.url), { workerData: { strings, window, seed: 1 + i } });
            w.on('message', (m) => out.push(m));
            w.on('error', reject);
            w.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`worker exited with ${code}`))));
          }),
      ),
    )
  ).flat();

  assert.equal(results.length, hoursStrings.length);
  const readable = results.filter((r) => r.readable);
  const compiled = readable.filter((r) => r.compiled);
  const rules = readable.filter((r) => r.rules);
  const neither = readable.filter((r) => !r.compiled && !r.rules);
  const samples = results.reduce((n, r) => n + r.samples, 0);
  console.log(
    `${readable.length} readable strings of ${results.length}; compiled ${compiled.length}, read by the small reader ${rules.length}, ` +
      `library only ${neither.length} (${neither.map((r) => JSON.stringify(r.hours)).join(', ')}); ${samples} moments compared`,
  );
  assert.ok(readable.length >= 300, 'at least 300 strings the library reads');
  // Every 15 minutes of two years, through each reader that takes the string.
  assert.ok(samples >= 300 * 2 * 365 * 96, `${samples} moments compared`);
  const wrong = results.filter((r) => r.mismatches.length);
  assert.deepEqual(
    wrong.map((r) => `${r.hours}: ${r.mismatches.join('; ')}`),
    [],
  );
  // The compiled form covers nearly everything; the library is fetched only for the rest.
  assert.ok(compiled.length >= readable.length - 5, `${readable.length - compiled.length} strings not compiled`);
  // Hand-written feeds: every string built only of days, times, PH and dates is read without the library.
  assert.ok(rules.length >= 340, `${rules.length} strings read by the small reader`);
});
