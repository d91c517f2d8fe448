/**
 * Node's own error texts (ENOENT, EISDIR, JSON.parse's "at position 41") are English and
 * for programmers: the common ones are said in the report's language, with what to do.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { explainFileError } from '../dist/node-errors.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const cli = (args, lang = 'it_IT.UTF-8') => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: lang } });
  return { code: r.status, out: r.stdout + r.stderr };
};
const dir = mkdtempSync(join(tmpdir(), 'welfare-feed-errors-'));
/** Node's English wording, which must not reach an Italian report for these. */
const NODE_WORDS = /ENOENT|EISDIR|ENOTDIR|no such file|illegal operation|not a directory|in JSON at position|Unexpected end|Expected/;

test('a missing file, a folder and a path through a file: Italian reasons, exit 2', () => {
  const missing = cli(['validate', join(dir, 'servizi.json')]);
  assert.equal(missing.code, 2);
  assert.match(missing.out, /servizi\.json: il file non esiste \(controllate il nome e la cartella\)\./);
  const folder = cli(['validate', dir]);
  assert.equal(folder.code, 2);
  assert.match(folder.out, /è una cartella, non un file\./);
  writeFileSync(join(dir, 'a-file'), 'x');
  const through = cli(['build', join(dir, 'a-file', 'servizi.csv')]);
  assert.equal(through.code, 2);
  assert.match(through.out, /una parte del percorso è un file, non una cartella\./);
  for (const r of [missing, folder, through]) assert.doesNotMatch(r.out, NODE_WORDS);
  assert.match(cli(['validate', join(dir, 'servizi.json')], 'en_GB.UTF-8').out, /Cannot read the file .*servizi\.json: the file does not exist \(check its name and folder\)\./);
});

test('a data package naming a table file that is not there: the file and the reason', () => {
  const pkg = join(dir, 'pacchetto');
  mkdirSync(pkg);
  writeFileSync(join(pkg, 'datapackage.json'), JSON.stringify({ resources: [{ name: 'services', path: 'services.csv' }] }));
  const r = cli(['from-hsds', pkg]);
  assert.equal(r.code, 2);
  assert.match(r.out, /services\.csv: il file non esiste/);
  assert.doesNotMatch(r.out, NODE_WORDS);
});

test('no permission: said plainly (root reads anything, so Node\'s error is made up here)', () => {
  const eacces = Object.assign(new Error("EACCES: permission denied, open 'servizi.json'"), { code: 'EACCES' });
  assert.deepEqual(explainFileError(eacces, 'it'), { reason: "non c'è il permesso di leggerlo" });
  assert.deepEqual(explainFileError(eacces, 'en'), { reason: 'permission denied' });
  // An uncommon one keeps Node's text rather than hide it.
  const emfile = Object.assign(new Error('EMFILE: too many open files'), { code: 'EMFILE' });
  assert.deepEqual(explainFileError(emfile, 'it'), { reason: '', detail: 'EMFILE: too many open files' });
});

test('broken JSON: the line and column an editor shows, the text there, and the likely slip', () => {
  const comma = join(dir, 'virgola.json');
  writeFileSync(comma, '{\n  "version": 1\n  "services": []\n}\n');
  const r = cli(['validate', comma]);
  assert.equal(r.code, 2);
  assert.match(r.out, /non è JSON valido: errore alla riga 3, colonna 3, vicino a «.*"services".*»\. Forse manca una virgola tra due valori\./);
  const trailing = join(dir, 'in-piu.json');
  writeFileSync(trailing, '{"version": 1, "services": [],}');
  const built = cli(['build', trailing, '-o', join(dir, 'out.json')]);
  assert.match(built.out, /riga 1, colonna 31.*Forse c'è una virgola di troppo prima di \} o \]/);
  const cut = join(dir, 'tagliato.json');
  writeFileSync(cut, '{"version": 1, "services": [{"id": "a"');
  assert.match(cli(['validate', cut]).out, /il testo finisce prima del previsto/);
  assert.match(cli(['validate', cut], 'en_GB.UTF-8').out, /the text ends too soon/);
  const empty = join(dir, 'vuoto.json');
  writeFileSync(empty, '');
  assert.match(cli(['validate', empty]).out, /non è JSON valido: il file è vuoto\./);
  for (const f of [comma, cut, empty]) assert.doesNotMatch(cli(['validate', f]).out, NODE_WORDS);
});
