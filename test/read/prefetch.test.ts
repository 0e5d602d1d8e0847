/**
 * The bounded reader reads a file ahead when asked (`prefetch`, what `check` does with its first
 * file while it loads the rules): the later `read` of that file gets that reading's result, error
 * included; another file is read on its own; a reading nobody asks for ends with the reader, silently.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { ReadError } from '../../src/read/doc.js';
import { readDocumentFile } from '../../src/read/index.js';
import { BoundedReader } from '../../src/workers/bounded-read.js';
import { ROOT } from '../helpers/shared.js';

const BUDGET = join(ROOT, 'test/fixtures/txt/budget.txt');
const TARGETS = join(ROOT, 'test/fixtures/txt/targets.txt');
const MISSING = join(ROOT, 'test/fixtures/txt/no-such-file.txt');

test('a file read ahead is the file read: the same tree as reading it directly', async () => {
  const reader = new BoundedReader();
  try {
    reader.prefetch(BUDGET, { maxBytes: 1_000_000 });
    const doc = await reader.read(BUDGET, { maxBytes: 1_000_000 });
    assert.deepEqual(doc, await readDocumentFile(BUDGET, { maxBytes: 1_000_000 }));
    // Taken once: a second read of the same file reads it again, with the same result.
    assert.deepEqual(await reader.read(BUDGET, { maxBytes: 1_000_000 }), doc);
  } finally {
    await reader.close();
  }
});

test('a read of another file, or of the same file with other options, is not given the file read ahead', async () => {
  const reader = new BoundedReader();
  try {
    reader.prefetch(BUDGET);
    const other = await reader.read(TARGETS);
    assert.equal(other.source.path, TARGETS);
    // maxBytes below the file's size: read with these options, the file is refused.
    await assert.rejects(reader.read(BUDGET, { maxBytes: 10 }), (e: unknown) => e instanceof ReadError && /文件过大/.test(e.message));
  } finally {
    await reader.close();
  }
});

test("a file that cannot be read ahead fails at its read, with the reader's error", async () => {
  const reader = new BoundedReader();
  try {
    reader.prefetch(MISSING);
    await assert.rejects(reader.read(MISSING), (e: unknown) => e instanceof ReadError && e.message === '文件不存在或无法访问');
  } finally {
    await reader.close();
  }
});

test('a failed reading nobody asks for ends with the reader, without an unhandled rejection', async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown) => unhandled.push(e);
  process.on('unhandledRejection', onUnhandled);
  try {
    const reader = new BoundedReader();
    reader.prefetch(MISSING);
    // Long enough for the thread to start and answer.
    await new Promise((r) => setTimeout(r, 1500));
    await reader.close();
    const closedEarly = new BoundedReader();
    closedEarly.prefetch(BUDGET);
    await closedEarly.close();
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(unhandled, []);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});
