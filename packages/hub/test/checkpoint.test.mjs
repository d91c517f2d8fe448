/**
 * PGlite checkpoints when the hub is quiet after writes (src/db/pglite.ts, idleCheckpoints).
 * PGlite is PostgreSQL in single-user mode, with no checkpointer: without this its WAL grew
 * (up to max_wal_size, 1 GB) until a huge checkpoint stalled some request. Here the quiet
 * time is 300 ms instead of 30 s; the checkpoint is seen in the data folder's pg_control,
 * read from the disk so that looking does not count as a statement. On a data folder in
 * PGlite's own thread, as `welfare-hub serve` runs it; skipped on the PostgreSQL pass (the
 * server has its own checkpointer).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { configure, createHub } from '../dist/index.js';
import { onServer, testDb } from './support/db.mjs';
import { Client, fakeClock, seed } from './support/hub.mjs';

/** 'X/Y', as PostgreSQL prints a WAL position, as a number. */
const lsn = (text) => {
  const [high, low] = text.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
};

/**
 * The last checkpoint's WAL position, from global/pg_control (ControlFileData: system
 * identifier, two versions, state, time, then checkPoint at byte 32; little-endian).
 */
const checkpointOnDisk = (dataDir) => readFileSync(join(dataDir, 'global', 'pg_control')).readBigUInt64LE(32);

test('after writes and a quiet spell PGlite checkpoints by itself, and the hub goes on answering', { skip: onServer && 'PGlite only', timeout: 60_000 }, async () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'hub-checkpoint-')), 'data');
  const db = await testDb({ dataDir, thread: true, checkpointIdleMs: 300 });
  let hub;
  try {
    await seed(db);
    hub = await createHub(db, configure({ now: fakeClock().now }), { timer: false, pagesDir: '/nonexistent' });
    const office = await new Client(hub).login('ufficio@piano.example');

    // Writes through the hub, then where the WAL stands after them.
    assert.equal((await office.put('/api/mutual-aid/words', { words: ['truffa', 'raggiro'] })).status, 200);
    const written = lsn((await db.query('SELECT pg_current_wal_insert_lsn()::text AS at')).rows[0].at);
    assert.ok(checkpointOnDisk(dataDir) < written, 'no checkpoint yet covers the writes');

    // Quiet: nothing is asked of the database until pg_control says a checkpoint came after
    // them (or 30 s went by: then none is coming, and the test fails rather than hang).
    const giveUp = Date.now() + 30_000;
    while (checkpointOnDisk(dataDir) < written && Date.now() < giveUp) await sleep(50);
    assert.ok(checkpointOnDisk(dataDir) >= written, 'a checkpoint after the writes, in the quiet time');

    const { rows } = await db.query('SELECT checkpoint_lsn::text AS at FROM pg_control_checkpoint()');
    assert.ok(lsn(rows[0].at) >= written, 'PostgreSQL reports the same checkpoint');
    const words = await office.get('/api/mutual-aid/words');
    assert.equal(words.status, 200);
    assert.deepEqual(words.body.words, ['raggiro', 'truffa']);
  } finally {
    hub?.stop();
    await db.close();
  }
});
