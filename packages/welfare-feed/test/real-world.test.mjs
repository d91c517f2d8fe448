/**
 * Files written the way Italian offices really save them, and hostile ones (issue #14).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFeed } from '../dist/build.js';
import { validateFeed } from '../dist/validate.js';
import { codes, fixturePath, TODAY } from './support/helpers.mjs';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const cli = (args, env = {}) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'it_IT.UTF-8', ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const tmp = () => mkdtempSync(join(tmpdir(), 'welfare-feed-'));
const write = (dir, name, content) => {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
};

const HEADER = 'nome;descrizione;organizzazione;categorie;comune;lat;lon;orari';
const BASE = {
  categories: [{ id: 'cibo', name: 'Cibo' }, { id: 'casa', name: 'Casa' }],
  organizations: [{ id: 'caritas-lodigiana', name: 'Caritas Lodigiana' }],
};
const csv = (...rows) => [HEADER, ...rows].join('\r\n') + '\r\n';
const build = (text, { base = BASE, lang = 'it' } = {}) =>
  buildFeed([{ file: 'base.json', text: JSON.stringify(base) }, { file: 'servizi.csv', text }], { lang, today: TODAY });

/** Windows-1252 bytes: what Excel's plain "CSV (delimitato dal separatore di elenco)" writes. */
function cp1252(text) {
  const table = { '€': 0x80, '“': 0x93, '”': 0x94, '’': 0x92 };
  return Uint8Array.from([...text].map((c) => table[c] ?? c.charCodeAt(0)));
}

test('a CSV saved by Excel in Windows-1252 is read with its accents, quotes and €, and a note says so', () => {
  const bytes = cp1252(csv('Emporio solidale “Pane per tutti”;Spesa a 1 € per chi è in difficoltà, più età;caritas-lodigiana;cibo;Lodi;45,3138;9,5018;Mo-Fr 09:00-12:00'));
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'the fixture really is not UTF-8');
  const result = buildFeed([{ file: 'base.json', text: JSON.stringify(BASE) }, { file: 'emporio.csv', bytes }], { today: TODAY });
  const [service] = result.feed.services;
  assert.equal(service.name, 'Emporio solidale “Pane per tutti”');
  assert.equal(service.description, 'Spesa a 1 € per chi è in difficoltà, più età');
  assert.doesNotMatch(JSON.stringify(result.feed), /\uFFFD/);
  const note = result.issues.find((i) => i.code === 'file_encoding');
  assert.equal(note.severity, 'info');
  assert.equal(note.file, 'emporio.csv');
  assert.match(note.message, /Windows-1252.*CSV UTF-8/);
  assert.equal(result.errors, 0);
});

test('the CLI reads Windows-1252 from disk and the report names the encoding', () => {
  const dir = tmp();
  const base = write(dir, 'base.json', JSON.stringify(BASE));
  const sheet = write(dir, 'emporio.csv', cp1252(csv('Emporio “Pane”;È gratis;caritas-lodigiana;cibo;Lodi;45,3;9,5;')));
  const out = join(dir, 'servizi.json');
  const r = cli(['build', base, sheet, '-o', out, '--today', TODAY]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /emporio\.csv: Il file .* non è in UTF-8: l'ho letto come Windows-1252/);
  assert.equal(JSON.parse(readFileSync(out, 'utf8')).services[0].description, 'È gratis');
});

test('validate flags U+FFFD, the mark of text already damaged by a wrong encoding', () => {
  const feed = { version: 1, categories: [], organizations: [], accessPoints: [], notices: [], services: [{ id: 's', name: 'Emporio solidale \uFFFDPane per tutti\uFFFD' }] };
  const result = validateFeed(feed, { today: TODAY });
  const [issue] = result.issues.filter((i) => i.code === 'text_replacement_char');
  assert.equal(issue.severity, 'error');
  assert.equal(issue.path, '$.services[0].name');
  assert.match(issue.message, /Emporio solidale \uFFFDPane/);
  assert.equal(result.ok, false);
});

test('a misspelt column is an error naming the closest column; an unrelated one is a warning listing the columns', () => {
  const misspelt = build('nome;descrizone\r\nEmporio;Spesa gratuita\r\n');
  const [typo] = misspelt.issues.filter((i) => i.code === 'csv_misspelt_column');
  assert.equal(typo.severity, 'error');
  assert.match(typo.message, /Colonna «descrizone» sconosciuta: forse «descrizione»\?/);
  assert.equal(typo.line, 1);
  const other = build('nome;note interne\r\nEmporio;solo per noi\r\n');
  const [unknown] = other.issues.filter((i) => i.code === 'csv_unknown_column');
  assert.equal(unknown.severity, 'warning');
  assert.match(unknown.message, /Le colonne del modello sono: id, nome, descrizione/);
  assert.equal(other.errors, 0);
  assert.equal(build('Nome;Descrizione\r\nEmporio;x\r\n').errors, 0, 'a known column in capitals is no typo');
});

test('an unknown category or organisation lists the valid codes, the likely one and where to add one', () => {
  const result = build(csv('Emporio;;Caritas Lodi;cibbo;Lodi;;;'));
  const category = result.issues.find((i) => i.code === 'unknown_category');
  assert.equal(category.line, 2, 'the spreadsheet row');
  assert.match(category.message, /«cibbo».*Forse «cibo»\? Codici validi: cibo, casa\. .*«categories» nel file di base/);
  const organization = result.issues.find((i) => i.code === 'unknown_organization');
  assert.match(organization.message, /Codici validi: caritas-lodigiana\. .*«organizations» nel file di base/);
  const english = build(csv('Emporio;;;cibbo;Lodi;;;'), { lang: 'en' }).issues.find((i) => i.code === 'unknown_category');
  assert.match(english.message, /Did you mean "cibo"\? Valid codes: cibo, casa\. To add one, put it in "categories"/);
});

test('swapped latitude and longitude are an error naming the row, with or without a declared territory', () => {
  const swapped = build(csv('Emporio;;;;Lodi;9,5018;45,3138;', 'Mensa;;;;Lodi;45,3138;9,5018;'));
  const [issue] = swapped.issues.filter((i) => i.code === 'coord_swapped');
  assert.equal(issue.severity, 'error');
  assert.equal(issue.file, 'servizi.csv');
  assert.equal(issue.line, 2);
  assert.match(issue.message, /Latitudine e longitudine sembrano scambiate/);
  assert.equal(swapped.issues.filter((i) => i.code.startsWith('coord_')).length, 1, 'the right row is fine');
  assert.equal(swapped.errors, 1);
});

test('the territory of the base file bounds the places: a point outside is an error naming the row', () => {
  const base = { ...BASE, territory: { comuni: [{ name: 'Lodi', lat: 45.3138, lon: 9.5018 }, { name: 'Codogno', lat: 45.1601, lon: 9.7049 }] } };
  const result = build(csv('A Lodi;;;;Lodi;45,3138;9,5018;', 'A Milano;;;;Milano;45,4642;9,19;', 'A Codogno;;;;Codogno;45,16;9,70;'), { base });
  assert.deepEqual(result.feed.territory, base.territory, 'the territory goes into the feed');
  const outside = result.issues.filter((i) => i.code === 'coord_outside_territory');
  assert.deepEqual(outside.map((i) => [i.line, i.severity]), [[3, 'error']]);
  assert.match(outside[0].message, /Il punto 45\.4642, 9\.19 è fuori dal territorio del feed \(lat 45\.06–45\.414, lon 9\.402–9\.805\)/);
  const comune = result.issues.filter((i) => i.code === 'comune_outside_territory');
  assert.deepEqual(comune.map((i) => [i.line, i.severity]), [[3, 'warning']]);
  const area = validateFeed({ version: 1, territory: { area: [9.3, 45.0, 9.9, 45.4] }, services: [{ id: 'x', name: 'x', locations: [{ lat: 41.9, lon: 12.5 }] }] }, { today: TODAY });
  assert.deepEqual(codes(area.issues), ['coord_outside_territory']);
});

test('hours problems are explained in Italian in an Italian report, in English in an English one', () => {
  const feed = (hours) => ({ version: 1, services: [{ id: 'x', name: 'x', hours }] });
  const italian = validateFeed(feed('sabato 09:00-12:00'), { today: TODAY }).issues[0];
  assert.equal(italian.code, 'hours_warning');
  assert.match(italian.detail, /«sabato» ← scrivi i giorni in inglese abbreviato \(Mo, Tu, We, Th, Fr, Sa, Su\): «Sa» invece di «sabato»/);
  const lazy = validateFeed(feed('lun-ven 9-12'), { today: TODAY }).issues[0];
  assert.match(lazy.detail, /scrivi «Mo» \(giorni e mesi in inglese\) invece di «lun»/);
  assert.match(lazy.detail, /orario senza minuti: scrivi «09:00-12:00»/);
  const two = validateFeed(feed('Mo-Fr 09:00-12:00 e 15:00-18:00'), { today: TODAY }).issues[0];
  assert.equal(two.code, 'hours_invalid');
  assert.match(two.detail, /due fasce nello stesso giorno si separano con la virgola/);
  for (const value of ['sabato 09:00-12:00', 'lun-ven 9-12', 'Mo-Fr 09.00-12.00', 'Mo-Fr 09:00-12:00;', 'su appuntamento', 'dalle 9 alle 12']) {
    for (const issue of validateFeed(feed(value), { today: TODAY }).issues) {
      assert.doesNotMatch(`${issue.message}\n${issue.detail}`, /\b(Please|Unexpected|token|ambiguous|Word|This|rule|syntax)\b/, `${value}: ${issue.detail}`);
    }
  }
  const english = validateFeed(feed('sabato 09:00-12:00'), { today: TODAY, lang: 'en' }).issues[0];
  assert.match(english.detail, /ambiguous/);
});

test('hours in plain words get the right quoting for a spreadsheet cell and for a CSV written by hand', () => {
  const [issue] = validateFeed({ version: 1, services: [{ id: 'x', name: 'x', hours: 'su appuntamento' }] }, { today: TODAY }).issues;
  assert.match(issue.detail, /fra virgolette: "su appuntamento"\. Nel foglio di calcolo scrivete "su appuntamento" nella cella; in un file CSV scritto a mano .*"""su appuntamento"""/);
  const hand = build(csv('Su appuntamento;;;;;;;"""su appuntamento"""'));
  assert.equal(hand.feed.services[0].hours, '"su appuntamento"');
  assert.equal(hand.errors, 0, 'the quoting the guide shows is accepted as it is');
});

test('build says where it wrote the feed', () => {
  const dir = tmp();
  const out = join(dir, 'servizi.json');
  const r = cli(['build', fixturePath('base.json'), '-o', out, '--today', TODAY]);
  assert.equal(r.code, 0);
  assert.ok(r.stdout.includes(`Feed scritto in ${out} (0 servizi, `), r.stdout);
  assert.ok(existsSync(out));
});

test('10,000 schema errors are summarised per kind; --format json gives them all for programs', () => {
  const dir = tmp();
  const services = Array.from({ length: 10_000 }, (_, i) => ({ id: `s${i}`, name: 42 }));
  const file = write(dir, 'feed.json', JSON.stringify({ version: 1, services }));
  const r = cli(['validate', file, '--today', TODAY]);
  assert.equal(r.code, 1);
  const lines = r.stdout.trimEnd().split('\n');
  assert.ok(lines.length < 20, `${lines.length} lines`);
  assert.equal(lines.filter((l) => l.startsWith('errore')).length, 5);
  assert.match(r.stdout, /schema_type: altri 9995 \(errore, 10\.000 in tutto\)/);
  assert.match(lines.at(-1), /^10000 errori, 0 avvisi\.$/);
  const json = JSON.parse(cli(['validate', file, '--format', 'json', '--today', TODAY]).stdout);
  assert.equal(json.issues.length, 10_000);
  assert.deepEqual(json.byCode, { schema_type: 10_000 });
  assert.equal(cli(['validate', file, '--all', '--today', TODAY]).stdout.split('\n').filter((l) => l.startsWith('errore')).length, 10_000);
  assert.equal(cli(['validate', file, '--format', 'xml']).code, 2);
});

test('-o into a folder that does not exist: a clear message and exit 2, not a stack trace', () => {
  const dir = tmp();
  const out = join(dir, 'manca', 'servizi.json');
  for (const args of [['build', fixturePath('base.json')], ['from-hsds', fixturePath('hsds-sample.json')]]) {
    const r = cli([...args, '-o', out, '--today', TODAY]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Non riesco a scrivere .*servizi\.json: la cartella .*manca non esiste/);
    assert.doesNotMatch(r.stderr + r.stdout, /ENOENT|at .*\.js:\d+/);
  }
  const notices = cli(['notices', fixturePath('feed-valid.json'), '--format', 'ics', '-o', out]);
  assert.equal(notices.code, 2);
  assert.match(notices.stderr, /la cartella .*manca non esiste/);
});

test('100,000 nested arrays: a clear error, never a stack overflow', () => {
  const dir = tmp();
  const deep = '['.repeat(100_000) + ']'.repeat(100_000);
  const feed = write(dir, 'feed.json', deep);
  const v = cli(['validate', feed]);
  assert.equal(v.code, 2);
  assert.match(v.stderr, /annidato troppo in profondità \(più di 64 livelli\)/);
  const fragment = write(dir, 'frammento.json', `{"services":[{"id":"a","name":"A","extra":${deep}}]}`);
  for (const extra of [[], ['--force']]) {
    const b = cli(['build', fragment, '-o', join(dir, 'out.json'), ...extra]);
    assert.equal(b.code, 1);
    assert.match(b.stdout, /frammento\.json \(\$\.services\[0\]\.extra|annidato troppo/);
    assert.doesNotMatch(b.stdout + b.stderr, /Maximum call stack/);
    assert.equal(existsSync(join(dir, 'out.json')), false);
  }
  assert.equal(cli(['from-hsds', feed]).code, 2);
  assert.deepEqual(codes(validateFeed(JSON.parse(deep)).issues), ['json_too_deep'], 'the library reports it too');
});

test('a row with more cells than the header is an error naming the row, and the row is skipped', () => {
  const result = build(csv('Mensa;Pranzo;caritas-lodigiana;cibo;Lodi;45,31;9,50;Mo-Fr 12:00-14:00', 'Emporio;Via Roma; 1;caritas-lodigiana;cibo;Lodi;45,31;9,50;Mo 09:00-12:00'));
  const [issue] = result.issues.filter((i) => i.code === 'csv_too_many_cells');
  assert.equal(issue.line, 3);
  assert.equal(issue.severity, 'error');
  assert.match(issue.message, /La riga 3 ha 9 celle ma le intestazioni sono 8: probabilmente una cella contiene il separatore «;» senza virgolette/);
  assert.deepEqual(result.feed.services.map((s) => s.name), ['Mensa']);
});

test('cells that start like a spreadsheet formula are kept as text with a note; phone numbers and coordinates are not formulas', () => {
  const sheet = 'nome;descrizione;telefono;lat;lon\r\n' + 'Emporio;=HYPERLINK("http://x");+39 0371 123456;-45,31;9,50\r\n' + 'Mensa;@SUM(A1);-;45,31;9,50\r\n';
  const result = build(sheet);
  const notes = result.issues.filter((i) => i.code === 'csv_formula');
  assert.deepEqual(notes.map((i) => [i.line, i.severity]), [[2, 'info'], [3, 'info']]);
  assert.match(notes[0].message, /Alla riga 2, colonna «descrizione», la cella comincia come una formula del foglio di calcolo \(«=HYPERLINK\("http:\/\/x"\)»\)/);
  assert.equal(result.feed.services[0].description, '=HYPERLINK("http://x")', 'kept verbatim as text');
});

test('a sheet exported by writeServicesCsv (formula-like cells marked with \') reads back without formula notes', async () => {
  const { writeServicesCsv } = await import('../dist/csv-write.js');
  const sheet = writeServicesCsv([{ id: 'x', name: 'Emporio', description: '- spesa gratuita\n- tessera', phone: '+39 0371 000000' }]);
  const result = build(sheet);
  assert.equal(result.feed.services[0].description, '- spesa gratuita\n- tessera');
  assert.deepEqual(result.issues.filter((i) => i.code === 'csv_formula'), []);
  const typed = build('nome;descrizione\r\nEmporio;- spesa gratuita\r\n');
  assert.equal(typed.issues.filter((i) => i.code === 'csv_formula').length, 1, 'the same cell typed by a person is noted');
});
