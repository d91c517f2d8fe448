import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readServicesCsv, splitList } from '../dist/csv.js';
import { parseCoordinate } from '../dist/geo.js';
import { parseDate } from '../dist/dates.js';
import { Reporter } from '../dist/issues.js';
import { readFixture } from './support/helpers.mjs';

const read = (lang = 'it') => {
  const r = new Reporter(lang);
  const result = readServicesCsv(readFixture('servizi-lodi.csv'), 'servizi-lodi.csv', r);
  return { ...result, issues: r.issues };
};

test('the fixture really has a BOM, semicolons, CRLF and a quoted newline', () => {
  const text = readFixture('servizi-lodi.csv');
  assert.equal(text.charCodeAt(0), 0xfeff);
  assert.match(text, /^\uFEFFid;Nome;/);
  assert.match(text, /"Spesa gratuita; tessera a punti\.\nSu invio/);
});

test('reads a CSV with BOM, semicolons, accents and a quoted newline', () => {
  const { entries, rows, skipped } = read();
  assert.equal(rows, 6, 'six data rows; the empty line is ignored');
  assert.equal(skipped, 1, 'the row without a name');
  assert.equal(entries.length, 5);
  const [emporio, donna] = entries;
  assert.equal(emporio.service.id, 'emporio-lodi', 'the BOM does not stick to the first header');
  assert.equal(emporio.service.name, 'Emporio della Solidarietà');
  assert.equal(emporio.service.description, 'Spesa gratuita; tessera a punti.\nSu invio dei servizi sociali.');
  assert.deepEqual(emporio.service.audiences, ['famiglie', 'anziani']);
  assert.deepEqual(emporio.service.keywords, ['spesa', 'pacco alimentare']);
  assert.equal(emporio.service.website, 'https://www.example.it');
  assert.equal(emporio.service.validFrom, '2026-01-01');
  assert.equal(emporio.service.validThrough, '2026-12-31');
  assert.equal(donna.service.name, 'Sportello Donna – Più Età');
  assert.equal(donna.service.organization, 'Società Cooperativa Più Età');
  assert.equal(donna.service.locations[0].comune, "Sant'Angelo Lodigiano", 'the "Città" header maps to comune');
  assert.equal(donna.service.locations[0].hours, 'Tu 14:00-17:00; PH off', 'a quoted ";" stays in the cell');
});

test('row numbers are the rows the spreadsheet shows: a cell spanning two lines is one row, the empty row counts', () => {
  const { entries } = read();
  assert.deepEqual(entries.map((e) => e.line), [2, 3, 4, 6, 8]);
});

test('reads coordinates written with a decimal comma', () => {
  const { entries } = read();
  assert.deepEqual([entries[0].service.locations[0].lat, entries[0].service.locations[0].lon], [45.3138, 9.5018]);
  assert.deepEqual([entries[1].service.locations[0].lat, entries[1].service.locations[0].lon], [45.238, 9.407]);
  assert.deepEqual([entries[2].service.locations[0].lat, entries[2].service.locations[0].lon], [45.1601, 9.7049], 'a dot works too');
});

test('reports impossible coordinates with their line and keeps the service without a position', () => {
  const { entries, issues } = read();
  const impossible = issues.find((i) => i.code === 'csv_coord_range');
  assert.ok(impossible);
  assert.equal(impossible.severity, 'error');
  assert.equal(impossible.file, 'servizi-lodi.csv');
  assert.equal(impossible.line, 6);
  assert.match(impossible.message, /^Coordinate impossibili alla riga 6: latitudine 145,3 \(deve stare fra -90 e 90\)/);
  const centro = entries.find((e) => e.line === 6).service;
  assert.equal(centro.name, 'Centro di ascolto');
  assert.equal(centro.locations[0].lat, undefined);
  assert.equal(centro.locations[0].comune, 'Casalpusterlengo');
});

test('reports unreadable coordinates, bad dates and rows without a name, each with its line', () => {
  const { issues } = read();
  const at = (code) => issues.filter((i) => i.code === code).map((i) => [i.line, i.severity]);
  assert.deepEqual(at('csv_coord_unreadable'), [[8, 'error']]);
  assert.deepEqual(at('csv_date_invalid'), [[8, 'error']]);
  assert.deepEqual(at('csv_missing_name'), [[7, 'error']]);
  assert.equal(issues.length, 4);
});

test('messages can be in English', () => {
  const { issues } = read('en');
  assert.match(issues.find((i) => i.code === 'csv_coord_range').message, /^Impossible coordinates at row 6: latitude 145,3 \(must be between -90 and 90\)/);
});

test('comma-separated files and extra location rows', () => {
  const text = 'id,nome,comune,lat,lon\n' + 'a,"Mensa, pranzo",Lodi,"45,31","9,50"\n' + 'a,,Codogno,45.16,9.70\n' + ',Solo nome,,,\n';
  const r = new Reporter('it');
  const { entries } = readServicesCsv(text, 'x.csv', r);
  assert.equal(entries.length, 2);
  assert.equal(entries[0].service.name, 'Mensa, pranzo');
  assert.deepEqual(entries[0].service.locations.map((l) => [l.comune, l.lat, l.lon]), [['Lodi', 45.31, 9.5], ['Codogno', 45.16, 9.7]]);
  assert.deepEqual(r.issues.map((i) => [i.code, i.line]), [['csv_extra_location', 3]]);
  assert.equal(entries[1].service.locations, undefined, 'no location columns, no location');
});

test('a file without the "nome" column is refused', () => {
  const r = new Reporter('it');
  const { entries } = readServicesCsv('titolo;luogo\nx;y\n', 'x.csv', r);
  assert.equal(entries.length, 0);
  assert.deepEqual(r.issues.map((i) => i.code), ['csv_unknown_column', 'csv_unknown_column', 'csv_no_name_column']);
});

test('small readers', () => {
  assert.equal(parseCoordinate('45,3138'), 45.3138);
  assert.equal(parseCoordinate(' -9.5 '), -9.5);
  assert.equal(parseCoordinate(''), undefined);
  assert.ok(Number.isNaN(parseCoordinate('45,31,2')));
  assert.ok(Number.isNaN(parseCoordinate('45°18′')));
  assert.equal(parseDate('31/12/2026'), '2026-12-31');
  assert.equal(parseDate('1.3.26'), '2026-03-01');
  assert.equal(parseDate('2026-02-28'), '2026-02-28');
  assert.equal(parseDate('31/02/2026'), null);
  assert.equal(parseDate(' '), undefined);
  assert.deepEqual(splitList('casa | lavoro,cibo,,'), ['casa', 'lavoro', 'cibo']);
});
