import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFeed } from '../dist/build.js';
import { stableId } from '../dist/ids.js';
import { readFixture, TODAY } from './support/helpers.mjs';

const SOURCES = ['base.json', 'servizi-lodi.csv', 'frammento-comune.json'];
const build = (names = SOURCES, options = {}) =>
  buildFeed(names.map((file) => ({ file, text: readFixture(file) })), { today: TODAY, updated: '2026-06-01T08:00:00Z', ...options });

test('merges spreadsheets and JSON fragments into one feed v1', () => {
  const { feed } = build();
  assert.equal(feed.version, 1);
  assert.equal(feed.title, "Servizi dell'Ambito di Lodi (prova)");
  assert.equal(feed.updated, '2026-06-01T08:00:00Z');
  assert.deepEqual(feed.categories.map((c) => c.id), ['casa', 'lavoro', 'cibo', 'cura', 'formazione']);
  assert.deepEqual(feed.organizations.map((o) => o.id), ['caritas-lodigiana', 'comune-codogno', 'piu-eta', 'comune-lodi']);
  assert.equal(feed.services.length, 7);
  assert.deepEqual(feed.accessPoints.map((a) => a.id), ['pua-lodi']);
});

test('spreadsheet cells may name organisations and categories instead of ids', () => {
  const { feed } = build();
  const donna = feed.services.find((s) => s.name === 'Sportello Donna – Più Età');
  assert.equal(donna.organization, 'piu-eta');
  assert.deepEqual(donna.categories, ['cura']);
  const affitto = feed.services.find((s) => s.name === 'Aiuto affitto');
  assert.equal(affitto.organization, 'comune-codogno');
  assert.deepEqual(affitto.categories, ['casa', 'lavoro']);
});

test('ids are stable: kept when given, derived the same way at every build', () => {
  const first = build().feed.services.map((s) => s.id);
  const again = build().feed.services.map((s) => s.id);
  assert.deepEqual(first, again);
  assert.equal(first[0], 'emporio-lodi');
  assert.match(first[1], /^sportello-donna-piu-eta-[0-9a-f]{8}$/);
  assert.equal(first[1], stableId('Sportello Donna – Più Età', ['piu-eta', "Sant'Angelo Lodigiano"]));
  // the id does not depend on the file order or on other rows
  const alone = build(['base.json', 'servizi-lodi.csv']).feed.services.map((s) => s.id);
  assert.deepEqual(alone, first.slice(0, 5));
});

test('likely duplicates from different sources are reported', () => {
  const { duplicates, issues } = build();
  assert.equal(duplicates.length, 1);
  assert.equal(duplicates[0].name, 'Emporio della solidarieta');
  assert.equal(duplicates[0].first.id, 'emporio-lodi');
  assert.deepEqual(duplicates[0].first.origin, { file: 'servizi-lodi.csv', line: 2 });
  assert.equal(duplicates[0].second.origin.file, 'frammento-comune.json');
  const warning = issues.find((i) => i.code === 'likely_duplicate');
  assert.equal(warning.severity, 'warning');
  assert.match(warning.message, /servizi-lodi\.csv, riga 2/);
});

test('a repeated id is skipped and reported where it was found', () => {
  const { feed, issues } = build();
  assert.equal(feed.services.filter((s) => s.id === 'emporio-lodi').length, 1);
  const dup = issues.find((i) => i.code === 'build_duplicate_id');
  assert.deepEqual([dup.file, dup.path, dup.severity], ['frammento-comune.json', '$.services[1]', 'error']);
});

test('problems found in the merged feed point back to the file and line', () => {
  const { issues } = build();
  const hours = issues.find((i) => i.code === 'hours_invalid');
  assert.deepEqual([hours.file, hours.path], ['frammento-comune.json', '$.services[2].hours']);
  const csvIssue = build(['servizi-lodi.csv']).issues.find((i) => i.code === 'unknown_organization');
  assert.equal(csvIssue.file, 'servizi-lodi.csv');
  assert.equal(csvIssue.line, 2, 'without the base file, the organisation of line 2 is unknown');
  assert.match(csvIssue.path, /^\$\.services\[0\]\.organization$/);
});

test('a summary per source', () => {
  const { summaries, errors, warnings } = build();
  assert.deepEqual(
    summaries.map((s) => [s.file, s.kind, s.read, s.services, s.accessPoints, s.categories, s.organizations, s.skipped, s.errors, s.warnings]),
    [
      ['base.json', 'json', 8, 0, 0, 5, 3, 0, 0, 0],
      ['servizi-lodi.csv', 'csv', 6, 5, 0, 0, 0, 1, 4, 0],
      ['frammento-comune.json', 'json', 7, 2, 1, 0, 1, 2, 3, 1],
    ],
  );
  assert.equal(errors, 7);
  assert.equal(warnings, 1);
});

test('a clean build has no errors and validates', () => {
  const { feed, errors, warnings, issues } = build(['base.json'], { title: 'Titolo' });
  assert.equal(errors, 0);
  assert.equal(warnings, 0);
  assert.deepEqual(issues, []);
  assert.equal(feed.title, 'Titolo');
});

test('a JSON fragment that is a bare list of services, and a broken fragment', () => {
  const list = buildFeed([{ file: 'lista.json', text: '[{"name":"Mensa","categories":[]}]' }], { today: TODAY });
  assert.equal(list.feed.services.length, 1);
  assert.match(list.feed.services[0].id, /^mensa-[0-9a-f]{8}$/);
  const broken = buildFeed([{ file: 'rotto.json', text: '{"services": [' }], { today: TODAY });
  assert.deepEqual(broken.issues.map((i) => i.code), ['json_invalid', 'fragment_shape']);
});
