/**
 * Patron days written once, on the territory's comuni: the tools put them in `patronDays`
 * (what the elements read), and validate reports a patron day for a comune the territory
 * does not list, or two dates for one comune.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateFeed } from '../dist/validate.js';
import { TODAY } from './support/helpers.mjs';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const cli = (args) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'it_IT.UTF-8' } });
const dir = mkdtempSync(join(tmpdir(), 'welfare-feed-patron-'));

const territory = {
  comuni: [
    { name: 'Lodi', lat: 45.3138, lon: 9.5018, patron: { date: '01-19', name: 'San Bassiano' } },
    { name: 'Codogno', lat: 45.1601, lon: 9.7049 },
  ],
};
const service = { id: 's1', name: 'Sportello sociale', locations: [{ comune: 'Lodi', lat: 45.31, lon: 9.5, hours: 'Mo-Fr 09:00-12:00; PH off' }] };

test('build: the patron written on a comune of the territory reaches patronDays; one in patronDays is kept too', () => {
  const base = join(dir, 'base.json');
  writeFileSync(base, JSON.stringify({ territory, patronDays: [{ comune: 'Codogno', date: '09-08', name: 'Natività di Maria' }], services: [service] }));
  const out = join(dir, 'servizi.json');
  const r = cli(['build', base, '-o', out, '--today', TODAY]);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const feed = JSON.parse(readFileSync(out, 'utf8'));
  assert.deepEqual(feed.patronDays, [
    { comune: 'Codogno', date: '09-08', name: 'Natività di Maria' },
    { comune: 'Lodi', date: '01-19', name: 'San Bassiano' },
  ]);
  assert.equal(feed.territory.comuni[0].patron.date, '01-19');
});

test('compile: a hand-written feed with patrons only on its comuni gets patronDays', () => {
  const file = join(dir, 'a-mano.json');
  writeFileSync(file, JSON.stringify({ version: 1, territory, services: [service] }));
  const out = join(dir, 'compilato.json');
  const r = cli(['compile', file, '-o', out, '--today', TODAY]);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')).patronDays, [{ comune: 'Lodi', date: '01-19', name: 'San Bassiano' }]);
});

test('validate: a patron day for a comune the territory does not list is a warning; two dates for one comune an error', () => {
  const misspelt = validateFeed({ version: 1, territory, patronDays: [{ comune: 'Codogna', date: '09-08' }], services: [service] }, { today: TODAY, lang: 'it' });
  assert.deepEqual(misspelt.issues.map((i) => [i.code, i.severity, i.path]), [['patron_outside_territory', 'warning', '$.patronDays[0].comune']]);
  assert.match(misspelt.issues[0].message, /«Codogna», che non è fra i comuni del territorio \(Lodi, Codogno\)/);
  const twice = validateFeed({ version: 1, territory, patronDays: [{ comune: 'lodi', date: '01-20' }], services: [service] }, { today: TODAY, lang: 'en' });
  assert.deepEqual(twice.issues.map((i) => [i.code, i.severity, i.path]), [['patron_conflict', 'error', '$.patronDays[0].date']]);
  assert.match(twice.issues[0].message, /01-20 here and 01-19 at \$\.territory\.comuni\[0\]\.patron\.date/);
  // The same date twice is not a conflict; a bad date on the comune is the schema's to report.
  assert.deepEqual(validateFeed({ version: 1, territory, patronDays: [{ comune: 'Lodi', date: '01-19' }] }, { today: TODAY }).issues, []);
  const bad = validateFeed({ version: 1, territory: { comuni: [{ name: 'Lodi', patron: { date: '19-01' } }] } }, { today: TODAY });
  assert.deepEqual(bad.issues.map((i) => [i.code, i.path]), [['schema_other', '$.territory.comuni[0].patron.date']]);
});
