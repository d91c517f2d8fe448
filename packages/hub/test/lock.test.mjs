/**
 * One process at a time in a PGlite data folder (issue 16: an upgrade, a backup or an
 * import never corrupts the hub's data): a second opener is refused with a message that
 * says what to do, and a lock left by a killed process does not block the next start.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lockFolder, FolderBusy } from '../dist/index.js';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

test('a command on a folder the hub holds is refused, and works once the hub lets go', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'hub-lock-'));
  const release = lockFolder(folder);
  const run = () =>
    new Promise((ok) =>
      execFile(process.execPath, [cli, 'backup', join(folder, 'b.json'), '--data', folder], { env: { ...process.env, DATABASE_URL: '' }, timeout: 300_000 }, (error, stdout, stderr) =>
        ok({ code: error ? error.code : 0, stdout, stderr }),
      ),
    );
  const refused = await run();
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, new RegExp(`già aperta da un altro processo \\(pid ${process.pid}\\): fermare prima il hub`));
  assert.ok(!existsSync(join(folder, 'b.json')), 'nothing written');
  assert.throws(() => lockFolder(folder), FolderBusy, 'not even twice in one process');
  release();
  assert.ok(!existsSync(join(folder, 'welfare-hub.lock')));
  const done = await run();
  assert.equal(done.code, 0, done.stderr);
  assert.ok(!existsSync(join(folder, 'welfare-hub.lock')), 'the command gives the folder back');
});

test("a lock left by a killed process is taken over", () => {
  const folder = mkdtempSync(join(tmpdir(), 'hub-lock-'));
  // A pid that existed and is gone: a process that has already ended.
  const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
  writeFileSync(join(folder, 'welfare-hub.lock'), `${gone}\n`);
  const release = lockFolder(folder);
  release();
});
