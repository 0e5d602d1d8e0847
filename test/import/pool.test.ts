/**
 * The worker pool's overflow: a file that runs long (a bomb read up to its limits) does not keep the
 * files queued behind it waiting — past `heavyAfterMs` its worker stops counting towards the size and
 * another takes the queue (one, not one per file). `startWorkers` has the workers, the overflow ones
 * included, ready before any file arrives.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkerPool } from '../../src/workers/pool.js';
import { syntheticBytes, QINGSHAN_2022, HUXI_2022 } from '../fixtures/store/build.js';

const checker = new URL('../fixtures/import/checker.ts', import.meta.url).href;
const hang = { id: 1, path: 'bomb.txt', bytes: Buffer.from('hang\n'), sha256: 'h' };
const files = [QINGSHAN_2022, HUXI_2022].map((spec, i) => ({ id: 10 + i, path: `f${i}.txt`, bytes: syntheticBytes(spec), sha256: String(i) }));

describe('worker pool overflow', () => {
  test('with overflow, files queued behind a long one are checked while it still runs', async () => {
    const pool = new WorkerPool(1, checker, 600_000, { overflow: 1, heavyAfterMs: 50 });
    try {
      let bombSettled = false;
      const bomb = pool.run(hang).then((r) => ((bombSettled = true), r));
      const results = await Promise.all(files.map((f) => pool.run(f)));
      assert.deepEqual(results.map((r) => [r.id, r.ok]), [[10, true], [11, true]]);
      assert.equal(bombSettled, false, 'the long file is still running');
      assert.equal(pool.started, 2, 'one worker beyond the size, not one per file');
      await pool.close();
      assert.equal((await bomb).ok, false);
    } finally {
      await pool.close();
    }
  });

  test('without overflow the pool keeps its size: the queue waits for the long file', async () => {
    const pool = new WorkerPool(1, checker, 600_000, { heavyAfterMs: 50 });
    try {
      void pool.run(hang);
      let settled = false;
      void pool.run(files[0]).then(() => (settled = true));
      // The hang is dispatched first; well past heavyAfterMs nothing else has been started.
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(pool.started, 1);
      assert.equal(settled, false);
    } finally {
      await pool.close();
    }
  });

  test('startWorkers starts the workers before any file, and the files go to them', async () => {
    const pool = new WorkerPool(2, checker, 600_000, { overflow: 1, heavyAfterMs: 600_000 });
    try {
      pool.startWorkers();
      assert.equal(pool.started, 3, 'the size and the overflow');
      const results = await Promise.all(files.map((f) => pool.run(f)));
      assert.ok(results.every((r) => r.ok));
      assert.equal(pool.started, 3, 'the files went to the workers already started');
    } finally {
      await pool.close();
    }
  });
});
