/**
 * `welfare-hub import | export | backup | restore` as the office runs them (issue 16), on a
 * PGlite data folder, or on the PostgreSQL server when DATABASE_URL is set (in a schema of
 * this file's own).
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { testDb, onServer } from './support/db.mjs';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const demoFile = fileURLToPath(new URL('../../../examples/data/servizi.json', import.meta.url));
const demo = JSON.parse(readFileSync(demoFile, 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'hub-ops-'));

/** On the server: a schema per database, named in the connection string. */
const schemas = [];
async function database(name) {
  if (!onServer) return { env: { DATABASE_URL: '' }, args: ['--data', join(work, name)] };
  const db = await testDb();
  schemas.push(db);
  const url = new URL(process.env.DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${db.schema}`);
  return { env: { DATABASE_URL: url.toString() }, args: [] };
}
after(async () => {
  for (const db of schemas) await db.close();
});

function run(where, ...args) {
  return new Promise((ok) => {
    execFile(process.execPath, [cli, ...args, ...where.args], { env: { ...process.env, LANG: 'it_IT.UTF-8', ...where.env }, timeout: 300_000 }, (error, stdout, stderr) =>
      ok({ code: error ? (error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const sheet = (rows) => `\uFEFF${Papa.unparse(rows, { delimiter: ';' })}\r\n`;
let office;
before(async () => {
  office = await database('office');
});

test('import takes the demo feed, then says nothing changed the second time', { timeout: 900_000 }, async () => {
  const first = await run(office, 'import', demoFile, '--today', '2026-06-01');
  assert.equal(first.code, 0, first.stderr + first.stdout);
  assert.match(first.stdout, /Importati: 61 \+ 0 servizi \(nuovi \+ modificati\), 0 invariati; 16 organizzazioni, 10 categorie, 8 punti di accesso, 8 avvisi/);
  assert.match(first.stdout, /Il feed è pubblicato\./);
  const again = await run(office, 'import', demoFile, '--today', '2026-06-01');
  assert.equal(again.code, 0);
  assert.match(again.stdout, /Importati: 0 \+ 0 servizi \(nuovi \+ modificati\), 61 invariati/);
});

test("an organisation's sheet: its rows are taken, another organisation's row is refused, nothing written", async () => {
  const csv = join(work, 'caritas.csv');
  writeFileSync(csv, sheet([
    ['id', 'nome', 'organizzazione', 'categorie', 'comune', 'lat', 'lon', 'telefono'],
    ['mensa-nuova', 'Mensa serale', '', 'Cibo', 'Lodi', '45,31', '9,50', '+39 0371 123456'],
    ['altro', 'Servizio di altri', 'comune-lodi-servizi-sociali', 'cibo', 'Lodi', '', '', ''],
  ]));
  const refused = await run(office, 'import', csv, '--organisation', 'caritas-lodigiana', '--today', '2026-06-01');
  assert.equal(refused.code, 1);
  assert.match(refused.stdout, /«altro» è di «comune-lodi-servizi-sociali», non di «caritas-lodigiana»/);
  assert.match(refused.stdout, /Niente importato: 1 errori/);
  const forced = await run(office, 'import', csv, '--organisation', 'caritas-lodigiana', '--force', '--draft', '--json', '--today', '2026-06-01');
  assert.equal(forced.code, 0, forced.stdout);
  assert.deepEqual(JSON.parse(forced.stdout).counts.services, { added: 1, updated: 0, unchanged: 0 });
});

test('export writes the sheets with formula cells escaped, and importing them back changes nothing', { timeout: 900_000 }, async () => {
  // A service whose texts a spreadsheet would run as formulas.
  const trap = join(work, 'trappola.json');
  writeFileSync(trap, JSON.stringify({ services: [{ id: 'trappola', name: '=HYPERLINK("http://evil.example","clic")', description: '@SUM(1)', organization: 'caritas-lodigiana', categories: ['cibo'], phone: '+39 0371 1', locations: [{ comune: 'Lodi', lat: 45.31, lon: 9.5 }] }] }));
  const imported = await run(office, 'import', trap, '--today', '2026-06-01');
  assert.equal(imported.code, 0, imported.stdout);

  const out = join(work, 'export');
  const exported = await run(office, 'export', out);
  assert.equal(exported.code, 0, exported.stderr);
  const feed = JSON.parse(readFileSync(join(out, 'feed.json'), 'utf8'));
  assert.ok(feed.services.some((s) => s.id === 'trappola'), 'the feed citizens see, with the imported service');
  assert.ok(!feed.services.some((s) => s.id === 'mensa-nuova'), 'a draft is not in the feed');
  const files = readdirSync(join(out, 'organizzazioni'));
  assert.equal(files.length, 16, 'one sheet per organisation');
  const caritas = readFileSync(join(out, 'organizzazioni', 'caritas-lodigiana.csv'), 'utf8');
  const rows = Papa.parse(caritas.replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true }).data;
  const row = rows.find((r) => r[0] === 'trappola');
  assert.equal(row[1], '\'=HYPERLINK("http://evil.example","clic")');
  assert.equal(row[2], "'@SUM(1)");
  for (const r of rows) for (const cell of r) assert.doesNotMatch(cell, /^[=+\-@]/, `no cell runs as a formula: ${cell}`);
  assert.ok(rows.some((r) => r[0] === 'mensa-nuova'), 'drafts are in the sheet too');

  // Every sheet back in: nothing changes, not even the English texts the sheet cannot hold.
  const sheets = files.map((f) => join(out, 'organizzazioni', f));
  const back = await run(office, 'import', ...sheets, '--draft', '--json', '--today', '2026-06-01');
  const result = JSON.parse(back.stdout);
  assert.equal(back.code, 0, JSON.stringify(result.issues.filter((i) => i.severity === 'error')));
  assert.deepEqual(result.counts.services, { added: 0, updated: 0, unchanged: 63 });
});

test('backup, then restore into an empty database: the same data come back', { timeout: 900_000 }, async () => {
  const file = join(work, 'backup.json');
  const saved = await run(office, 'backup', file);
  assert.equal(saved.code, 0, saved.stderr);
  assert.equal(statSync(file).mode & 0o777, 0o600, 'password hashes: readable by the owner only');
  const fresh = await database('restored');
  const restored = await run(fresh, 'restore', file);
  assert.equal(restored.code, 0, restored.stderr);
  assert.match(restored.stdout, /services 63/);
  const copy = join(work, 'backup-2.json');
  assert.equal((await run(fresh, 'backup', copy)).code, 0);
  const a = JSON.parse(readFileSync(file, 'utf8'));
  const b = JSON.parse(readFileSync(copy, 'utf8'));
  assert.deepEqual(b.tables, a.tables);
});
