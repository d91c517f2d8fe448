/**
 * The compile step of opening hours (issue 14): `compile`, `build` and `from-hsds` write
 * `hoursCompiled` next to the strings; the small evaluator reads it, with Italian public
 * holidays and a comune's patron day (`patronDays`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLightEngine } from '@welfare-elements/core/hours/light.js';
import { readFeed, setClock } from '@welfare-elements/core';
import { easter } from '@welfare-elements/core/hours/holidays.js';
import { fixturePath } from './support/helpers.mjs';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const cli = (args) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'it_IT.UTF-8' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const tmp = () => mkdtempSync(join(tmpdir(), 'welfare-feed-hours-'));

const feed = {
  version: 1,
  categories: [{ id: 'casa', name: 'Casa' }],
  organizations: [{ id: 'comune-lodi', name: 'Comune di Lodi', kind: 'public' }],
  patronDays: [{ comune: 'Lodi', date: '01-19', name: 'San Bassiano' }],
  services: [
    {
      id: 'sportello', name: 'Sportello casa', organization: 'comune-lodi', categories: ['casa'],
      locations: [{ address: 'Piazza Broletto 1', comune: 'Lodi', lat: 45.3138, lon: 9.5018, hours: 'Mo-Fr 09:00-12:30; PH off' }],
      hours: 'Mo-Fr 09:00-12:30; PH off',
    },
    {
      id: 'ascolto', name: 'Centro di ascolto', organization: 'comune-lodi', categories: ['casa'],
      locations: [{ address: 'Via Roma 1', comune: 'Codogno', lat: 45.16, lon: 9.7, hours: 'Mo[1] 09:00-12:00; Jun 15-Sep 15 Mo-Fr 08:00-13:00' }],
    },
  ],
};

test('compile adds hoursCompiled for every distinct string and leaves the strings as written', () => {
  const dir = tmp();
  const input = join(dir, 'feed.json');
  const output = join(dir, 'out.json');
  writeFileSync(input, JSON.stringify(feed));
  const r = cli(['compile', input, '-o', output, '--today', '2026-12-02']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /Orari compilati per i telefoni: 2 \(non compilati, letti dal browser: 0\)/);
  const out = JSON.parse(readFileSync(output, 'utf8'));
  assert.deepEqual(Object.keys(out.hoursCompiled).sort(), ['Mo-Fr 09:00-12:30; PH off', 'Mo[1] 09:00-12:00; Jun 15-Sep 15 Mo-Fr 08:00-13:00']);
  assert.equal(out.services[0].hours, 'Mo-Fr 09:00-12:30; PH off');
  const c = out.hoursCompiled['Mo-Fr 09:00-12:30; PH off'];
  assert.equal(c.from, '2026-12-01');
  assert.equal(c.to, '2027-12-31');
  assert.deepEqual(c.weeks, [[[[540, 750]], [[540, 750]], [[540, 750]], [[540, 750]], [[540, 750]], [], []]]);
  assert.deepEqual(c.ph, []);
  // The output validates, and compiling again gives the same table.
  assert.equal(cli(['validate', output]).code, 0);
  const again = join(dir, 'again.json');
  assert.equal(cli(['compile', output, '-o', again, '--today', '2026-12-02']).code, 0);
  assert.deepEqual(JSON.parse(readFileSync(again, 'utf8')).hoursCompiled, out.hoursCompiled);
});

test('build writes hoursCompiled for the hours of a spreadsheet', () => {
  const dir = tmp();
  const output = join(dir, 'feed.json');
  const r = cli(['build', fixturePath('base.json'), fixturePath('servizi-lodi.csv'), '-o', output, '--force']);
  const out = JSON.parse(readFileSync(output, 'utf8'));
  const strings = new Set(out.services.flatMap((s) => [s.hours, ...(s.locations ?? []).map((l) => l.hours)]).filter(Boolean));
  assert.ok(strings.size > 0, r.stdout + r.stderr);
  assert.deepEqual(Object.keys(out.hoursCompiled).sort(), [...strings].sort());
});

test('a string the library cannot read is not compiled and is counted', () => {
  const dir = tmp();
  const input = join(dir, 'feed.json');
  writeFileSync(input, JSON.stringify({ ...feed, services: [{ ...feed.services[0], hours: 'lun-ven mattina', locations: [] }] }));
  const r = cli(['compile', input, '-o', join(dir, 'out.json'), '--force', '--today', '2026-12-02']);
  assert.match(r.stdout, /Orari compilati per i telefoni: 0 \(non compilati, letti dal browser: 1\)/);
  assert.equal(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).hoursCompiled, undefined);
});

/** An instant given as Rome wall-clock time (winter, UTC+1). */
const rome = (iso) => new Date(`${iso}+01:00`);

test('the small evaluator: national holidays (Easter Monday), the patron day only in its comune, the compiled form', () => {
  const dir = tmp();
  const input = join(dir, 'feed.json');
  const output = join(dir, 'out.json');
  writeFileSync(input, JSON.stringify(feed));
  assert.equal(cli(['compile', input, '-o', output, '--today', '2026-12-02']).code, 0);
  const { feed: read } = readFeed(JSON.parse(readFileSync(output, 'utf8')), { today: '2026-12-02' });
  assert.equal(read.hoursCompiled.size, 2);
  assert.deepEqual(read.patronDays, [{ comune: 'Lodi', month: 1, day: 19, name: 'San Bassiano' }]);
  let asked = 0;
  const engine = createLightEngine(() => void asked++);
  engine.addCompiled(read.hoursCompiled);
  engine.addPatronDays(read.patronDays);
  const hours = 'Mo-Fr 09:00-12:30; PH off';
  // Tuesday 19 January 2027: San Bassiano, closed in Lodi, open in Codogno.
  const inLodi = engine.state(hours, rome('2027-01-19T10:00:00'), 'Lodi');
  assert.equal(inLodi.open, false);
  assert.equal(inLodi.holiday, true);
  assert.equal(inLodi.comment, 'San Bassiano');
  assert.equal(inLodi.next.getDate(), 20);
  assert.equal(engine.state(hours, rome('2027-01-19T10:00:00'), 'Codogno').open, true);
  assert.equal(engine.week(hours, rome('2027-01-18T10:00:00'), 7, 'Lodi')[1].holiday, true);
  // Easter Monday 2027 is 29 March (Easter 28 March); 2026: 6 April.
  assert.deepEqual(easter(2027), [3, 28]);
  assert.deepEqual(easter(2026), [4, 5]);
  assert.equal(engine.state(hours, rome('2027-03-29T10:00:00')).open, false);
  assert.equal(engine.state(hours, rome('2027-03-30T10:00:00')).open, true);
  // The compiled form of a string the small reader cannot read: first Monday of the month.
  const monthly = 'Mo[1] 09:00-12:00; Jun 15-Sep 15 Mo-Fr 08:00-13:00';
  // While the form covers the coming week the small evaluator takes the string; after, it does not.
  setClock(rome('2027-02-01T10:00:00'));
  assert.equal(engine.handles(monthly), true);
  setClock(rome('2027-12-28T10:00:00'));
  assert.equal(engine.handles(monthly), false);
  setClock();
  assert.equal(engine.state(monthly, rome('2027-02-01T10:00:00')).open, true);
  assert.equal(engine.state(monthly, rome('2027-02-08T10:00:00')).open, false);
  assert.equal(engine.state(monthly, rome('2027-02-08T10:00:00')).next.getMonth(), 2); // 1 March
  assert.equal(asked, 0, 'the library is not needed');
  // Past its window the form is not used: the string then needs the library.
  assert.equal(engine.state(monthly, rome('2028-02-07T10:00:00')), undefined);
  assert.equal(asked, 1);
});

test('the demo feed carries the compiled hours of every string it has (scripts/compile-demo-hours.mjs)', async () => {
  const { compileFeedHours } = await import('@welfare-elements/core/hours/compile.js');
  const demo = JSON.parse(readFileSync(new URL('../../../examples/data/servizi.json', import.meta.url), 'utf8'));
  const forms = Object.values(demo.hoursCompiled);
  const window = { from: forms[0].from, to: forms[0].to };
  const { table, skipped } = compileFeedHours(demo, window);
  assert.deepEqual(skipped, []);
  // Same strings, same forms: a string added or changed without recompiling fails here.
  assert.deepEqual(demo.hoursCompiled, table);
});
