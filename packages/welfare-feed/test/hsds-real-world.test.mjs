/**
 * Open Referral HSDS 3.0 as tools really publish it: tabular data packages, API pages,
 * seasonal schedules, notes, several phones (issue #14).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import OpeningHours from 'opening_hours';
import { fromHsds } from '../dist/hsds.js';
import { readDataPackage } from '../dist/datapackage.js';
import { validateFeed } from '../dist/validate.js';
import { fixturePath, readJsonFixture } from './support/helpers.mjs';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const cli = (args) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'it_IT.UTF-8' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const tmp = () => mkdtempSync(join(tmpdir(), 'welfare-feed-'));
/** Winter and summer hours: "today" is in winter. */
const TODAY = '2026-11-15';
const PACKAGE = fixturePath('hsds-package');
const fromPackage = (lang = 'it') => {
  const pkg = readDataPackage(PACKAGE);
  return fromHsds(pkg.tables, { today: TODAY, lang, rowPath: pkg.rowPath });
};
const state = (hours, at) => new OpeningHours(hours, { lat: 45.31, lon: 9.5, address: { country_code: 'it', state: 'Lombardia' } }).getState(new Date(at));

test('a tabular data package (datapackage.json and one CSV per table) becomes a feed', () => {
  const { feed, errors } = fromPackage();
  assert.equal(errors, 0);
  assert.deepEqual(feed.services.map((s) => s.name), ['Emporio solidale', 'Centro di ascolto']);
  assert.equal(feed.services[0].description, 'Spesa gratuita, con tessera.');
  assert.deepEqual(feed.services[0].locations[0], { name: 'Sede di Lodi', lat: 45.3138, lon: 9.5018 });
  assert.equal(feed.organizations[0].website, 'https://www.example.it/caritas');
  assert.equal(validateFeed(feed, { today: TODAY }).errors, 0);
});

test('from-hsds reads a data package from its folder or its datapackage.json, naming CSV rows in messages', () => {
  const dir = tmp();
  for (const input of [PACKAGE, join(PACKAGE, 'datapackage.json')]) {
    const out = join(dir, 'feed.json');
    const r = cli(['from-hsds', input, '-o', out, '--today', TODAY]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(JSON.parse(readFileSync(out, 'utf8')).services.length, 2);
    assert.match(r.stdout, /\(locations\.csv:3\): La sede «Sede di Codogno» non ha coordinate: resta nel feed, ma non sarà sulla mappa\./);
  }
});

test('seasonal schedules are never merged: each period becomes a date range, the days it does not open are closed', () => {
  const { feed, issues } = fromPackage();
  const { hours } = feed.services[0];
  assert.doesNotMatch(hours, /08:00-13:00,09:00-12:00|09:00-12:00,08:00-13:00/);
  assert.equal(hours, '2026 Oct 01-2027 Mar 31 Mo-Fr 09:00-12:00; 2026 Oct 01-2027 Mar 31 Sa,Su off; 2027 Apr 01-2027 Sep 30 Mo-Fr 08:00-13:00; 2027 Apr 01-2027 Sep 30 Sa,Su off');
  // What a citizen sees: winter mornings now, summer hours from April.
  assert.equal(state(hours, '2026-11-16T08:30'), false);
  assert.equal(state(hours, '2026-11-16T11:30'), true);
  assert.equal(state(hours, '2026-11-16T12:30'), false);
  assert.equal(state(hours, '2027-05-03T08:30'), true);
  assert.equal(state(hours, '2027-05-03T12:45'), true);
  assert.equal(state(hours, '2027-05-08T10:00'), false, 'Saturday stays closed');
  assert.ok(issues.some((i) => i.code === 'hsds_schedule_periods'));
});

test('schedule description and notes reach the feed as hoursNote; a second phone is kept', () => {
  const [emporio] = fromPackage().feed.services;
  assert.equal(emporio.hoursNote, 'Orario invernale Chiuso nei giorni festivi e il 19 gennaio');
  assert.equal(emporio.phone, '0371 111111');
  assert.deepEqual(emporio.phones, [
    { number: '0371 111111', description: 'Centralino' },
    { number: '0371 222222', description: 'Segreteria, int. 12' },
  ]);
});

test('every table or field not carried over is listed once, with its number of rows', () => {
  const { issues } = fromPackage();
  const tables = issues.filter((i) => i.code === 'hsds_table_ignored');
  assert.deepEqual(tables.map((i) => i.message), ['languages: 6 righe non importate (il feed v1 non ha un campo equivalente).']);
  assert.deepEqual(issues.filter((i) => i.code === 'hsds_field_ignored').map((i) => i.message), ['Campo «alternate_name» (servizi, 1 in tutto): il feed v1 non ha un campo equivalente, ignorato.']);
  const nested = fromHsds({ services: [
    { id: 's1', name: 'A', languages: [{ name: 'it' }, { name: 'en' }] },
    { id: 's2', name: 'B', languages: [{ name: 'ar' }], funding: [{ source: 'Comune' }] },
  ] }, { today: TODAY, lang: 'en' });
  assert.deepEqual(nested.issues.filter((i) => i.code === 'hsds_table_ignored').map((i) => i.message), [
    'languages: 3 rows not imported (feed v1 has no equivalent field).',
    'funding: 1 rows not imported (feed v1 has no equivalent field).',
  ]);
});

test('API responses: a paginated /services page and a single /services/{id} object', () => {
  const sample = readJsonFixture('hsds-sample.json');
  const page = { total_items: 12, total_pages: 3, page_number: 1, size: 4, first_page: true, last_page: false, empty: false, contents: [{ id: 'svc-9', name: 'Mensa', status: 'active', schedules: [{ freq: 'WEEKLY', byday: 'MO,WE', opens_at: '12:00', closes_at: '14:00' }] }] };
  const fromPage = fromHsds(page, { today: TODAY });
  assert.deepEqual(fromPage.feed.services.map((s) => [s.id, s.hours]), [['svc-9', 'Mo,We 12:00-14:00']]);
  const more = fromPage.issues.find((i) => i.code === 'hsds_more_pages');
  assert.equal(more.severity, 'warning');
  assert.match(more.message, /pagina 1 di 3/);
  const single = fromHsds({ ...sample.services[0], schedules: [{ freq: 'WEEKLY', byday: 'TU', opens_at: '09:00', closes_at: '11:00' }] }, { today: TODAY });
  assert.equal(single.errors, 0);
  assert.deepEqual(single.feed.services.map((s) => [s.id, s.name, s.hours]), [['svc-1', 'Emporio solidale', 'Tu 09:00-11:00']]);
});

test('junk and empty datasets are errors, never an empty feed with exit 0', () => {
  const dir = tmp();
  const cases = { 'servizi-x.json': '{"services":"x"}', 'array-di-array.json': '[[1],[2]]', 'vuoto.json': '{"services":[],"organizations":[]}', 'stringhe.json': '{"services":["a","b"]}' };
  for (const [name, text] of Object.entries(cases)) {
    const file = join(dir, name);
    writeFileSync(file, text);
    const out = join(dir, `${name}.out`);
    const r = cli(['from-hsds', file, '-o', out]);
    assert.equal(r.code, 1, `${name}: ${r.stdout}`);
    assert.doesNotMatch(r.stdout, /Nessun problema trovato/);
    assert.equal(existsSync(out), false, `${name}: nothing written`);
  }
  assert.deepEqual(fromHsds([[1], [2]]).issues.map((i) => [i.code, i.path]), [['hsds_not_object', '$[0]'], ['hsds_not_object', '$[1]'], ['hsds_empty', '$']]);
  const dropped = fromHsds({ services: [{ id: 'a', name: 'A', status: 'inactive' }] });
  assert.ok(dropped.issues.some((i) => i.code === 'hsds_nothing_imported' && i.severity === 'error'));
});

test('the JSON forms that worked keep working', () => {
  const { feed, errors } = fromHsds(readJsonFixture('hsds-sample.json'), { today: '2026-06-01' });
  assert.equal(errors, 0);
  assert.equal(feed.services.length, 3);
});
