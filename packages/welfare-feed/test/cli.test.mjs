import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixturePath, TODAY } from './support/helpers.mjs';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const PKG = new URL('../', import.meta.url);

const cli = (args, env = {}) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'it_IT.UTF-8', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const tmp = () => mkdtempSync(join(tmpdir(), 'welfare-feed-'));

test('the compiled CLI starts with a node shebang', () => {
  assert.match(readFileSync(CLI, 'utf8'), /^#!\/usr\/bin\/env node\n/);
});

test('validate: exit 0 when clean, 0 with warnings only, 1 with errors, 2 when unreadable', () => {
  assert.equal(cli(['validate', fixturePath('feed-valid.json'), '--today', TODAY]).code, 0);
  const warnings = cli(['validate', fixturePath('feed-warnings.json'), '--today', TODAY]);
  assert.equal(warnings.code, 0);
  assert.match(warnings.stdout, /avviso/);
  const bad = cli(['validate', fixturePath('feed-bad.json'), '--today', TODAY]);
  assert.equal(bad.code, 1);
  assert.match(bad.stdout, /errore +\S*feed-bad\.json \(\$\.services\[3\]\.locations\[0\]\.lat\): Coordinate impossibili/);
  assert.match(bad.stdout, /12 errori, 2 avvisi\./);
  assert.equal(cli(['validate', fixturePath('not-json.json')]).code, 2);
  assert.equal(cli(['validate', fixturePath('does-not-exist.json')]).code, 2);
});

test('validate --json gives machine-readable output', () => {
  const r = cli(['validate', fixturePath('feed-bad.json'), '--json', '--today', TODAY]);
  const report = JSON.parse(r.stdout);
  assert.equal(report.ok, false);
  assert.equal(report.errors, 12);
  assert.equal(report.warnings, 2);
  assert.ok(report.issues.every((i) => i.path && i.message && i.code && i.severity));
});

test('language: --lang, then LANG starting with "en", else Italian', () => {
  const args = ['validate', fixturePath('feed-bad.json'), '--today', TODAY];
  assert.match(cli(args, { LANG: 'en_GB.UTF-8' }).stdout, /12 errors, 2 warnings\./);
  assert.match(cli(args, { LANG: 'C' }).stdout, /12 errori, 2 avvisi\./);
  assert.match(cli([...args, '--lang', 'en'], { LANG: 'it_IT.UTF-8' }).stdout, /Impossible coordinates/);
});

test('usage errors exit with 2', () => {
  assert.equal(cli([]).code, 2);
  assert.equal(cli(['frobnicate']).code, 2);
  assert.equal(cli(['validate']).code, 2);
  assert.equal(cli(['validate', 'a.json', '--bogus']).code, 2);
  const help = cli(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Uso: welfare-feed/);
});

test('build: refuses to write a feed with errors unless --force', () => {
  const dir = tmp();
  const out = join(dir, 'servizi.json');
  const sources = ['base.json', 'servizi-lodi.csv', 'frammento-comune.json'].map(fixturePath);
  const refused = cli(['build', ...sources, '-o', out, '--today', TODAY]);
  assert.equal(refused.code, 1);
  assert.equal(existsSync(out), false);
  assert.match(refused.stdout, /servizi-lodi\.csv, riga 6: Coordinate impossibili alla riga 6: latitudine 145,3/);
  assert.match(refused.stdout, /servizi-lodi\.csv: 6 voci lette, 5 servizi/);
  const forced = cli(['build', ...sources, '-o', out, '--today', TODAY, '--force']);
  assert.equal(forced.code, 1);
  const feed = JSON.parse(readFileSync(out, 'utf8'));
  assert.equal(feed.services.length, 7);
  assert.equal(cli(['validate', out, '--today', TODAY]).code, 1, 'the forced feed still has the unreadable hours');
});

test('build: a clean build writes the feed to stdout and the report to stderr', () => {
  const r = cli(['build', fixturePath('base.json'), '--title', 'Prova', '--today', TODAY, '--updated', '2026-06-01T00:00:00Z']);
  assert.equal(r.code, 0);
  const feed = JSON.parse(r.stdout);
  assert.equal(feed.title, 'Prova');
  assert.equal(feed.updated, '2026-06-01T00:00:00Z');
  assert.match(r.stderr, /Nessun problema trovato\./);
  assert.equal(cli(['build', fixturePath('base.yaml')]).code, 2, 'unreadable source');
});

test('from-hsds: writes the feed and reports counts', () => {
  const dir = tmp();
  const out = join(dir, 'feed.json');
  const r = cli(['from-hsds', fixturePath('hsds-sample.json'), '-o', out, '--today', TODAY, '--json']);
  assert.equal(r.code, 0);
  const report = JSON.parse(r.stdout);
  assert.equal(report.counts.output.services, 3);
  assert.equal(report.counts.dropped.services, 1);
  assert.equal(JSON.parse(readFileSync(out, 'utf8')).services.length, 3);
  assert.equal(cli(['validate', out, '--today', TODAY]).code, 0);
});

test('template: the packaged CSV template is the one in examples/ and builds cleanly', () => {
  const printed = cli(['template']).stdout;
  const example = readFileSync(new URL('../../examples/templates/servizi-modello.csv', PKG), 'utf8');
  assert.equal(printed, example);
  const dir = tmp();
  const r = cli(['build', fileURLToPath(new URL('templates/base-modello.json', PKG)), fileURLToPath(new URL('templates/servizi-modello.csv', PKG)), '--today', TODAY, '-o', join(dir, 'f.json')]);
  assert.equal(r.code, 0, r.stdout);
  assert.match(r.stdout, /Nessun problema trovato\./);
});

test('the package exports the schema', () => {
  const pkg = JSON.parse(readFileSync(new URL('package.json', PKG), 'utf8'));
  assert.equal(pkg.exports['./schema/feed-v1.schema.json'], './schema/feed-v1.schema.json');
  assert.ok(pkg.files.includes('schema'));
  assert.equal(pkg.bin['welfare-feed'], './bin/welfare-feed.js');
  assert.ok(pkg.files.includes('bin'), 'the bin is published with the package');
});

test('npx welfare-feed works in the repository: the linked bin is a committed, executable file that runs the built CLI', () => {
  const pkg = JSON.parse(readFileSync(new URL('package.json', PKG), 'utf8'));
  const bin = new URL(pkg.bin['welfare-feed'], PKG);
  assert.doesNotMatch(pkg.bin['welfare-feed'], /dist\//, 'dist/ does not exist yet when npm install links the bin');
  assert.match(readFileSync(bin, 'utf8'), /^#!\/usr\/bin\/env node\n/);
  assert.ok(statSync(bin).mode & 0o111, 'executable, or the shell says "Permission denied"');
  const root = fileURLToPath(new URL('../../', PKG));
  const r = spawnSync('npx', ['--no-install', 'welfare-feed', '--version'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), pkg.version);
  const v = spawnSync('npx', ['--no-install', 'welfare-feed', 'validate', fixturePath('feed-valid.json'), '--today', TODAY], { cwd: root, encoding: 'utf8', env: { ...process.env, LANG: 'it_IT.UTF-8' } });
  assert.equal(v.status, 0, v.stdout + v.stderr);
  assert.match(v.stdout, /Nessun problema trovato/);
});
