/**
 * Bounded reading under attack: every generated attack of issue 16 is refused in one line naming
 * its limit (small sizes and small limits, so the suite stays quick), a fixed-seed fuzz run over
 * all readers ends without a crash, and every input the harness ever kept is read cleanly again.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { checkDoc } from '../../src/pipeline.js';
import { ReadError } from '../../src/read/doc.js';
import { BoundedReader } from '../../src/workers/bounded-read.js';
import { ATTACKS } from '../../scripts/fuzz/generators.js';
import { fuzz } from '../../scripts/fuzz/run.js';

// Limits scaled down with the attacks: the same mechanisms, a fraction of the bytes.
const LIMITS = { inflatedBytes: 16 * 1024 * 1024, pages: 500, rows: 20_000, cells: 200_000, blocks: 5_000, paragraphs: 100_000, timeMs: 20_000 };
const SCALE = 0.05;
const dir = mkdtempSync(join(tmpdir(), 'gongkai-fuzz-test-'));
const reader = new BoundedReader(LIMITS);
after(async () => {
  await reader.close();
  rmSync(dir, { recursive: true, force: true });
});

async function outcome(bytes: Buffer, name: string): Promise<{ kind: 'ok' | 'refused'; message: string }> {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  try {
    checkDoc(await reader.read(path));
    return { kind: 'ok', message: '' };
  } catch (e) {
    // Anything but a ReadError (an internal fault, a dead worker) fails the test here.
    if (!(e instanceof ReadError)) throw e;
    assert.doesNotMatch(e.message, /\n|at .*\(.*:\d+:\d+\)/, 'one line, no stack');
    return { kind: 'refused', message: e.message };
  }
}

/** What each attack is refused for at these sizes. */
const EXPECTED: Record<string, RegExp> = {
  'pdf-flate-bomb': /解压后大小上限/,
  'pdf-flate-bomb-broken-xref': /解压后大小上限/,
  'pdf-page-list': /页数/,
  'docx-zip-bomb': /解压后大小上限/,
  'docx-empty-paragraphs': /段落数上限/,
  'docx-nesting': /嵌套层数上限/,
  'html-nesting': /嵌套层数上限/,
  'xlsx-merge-bomb': /单元格数上限/,
  'xlsx-rows': /行数上限/,
  'txt-lines': /段落和表格数上限/,
  'txt-table-rows': /行数上限|段落和表格数上限/,
  'html-table-rows': /行数上限/,
};

describe('attacks of issue 16, generated', () => {
  for (const a of ATTACKS) {
    const scale = a.name.startsWith('xlsx-rows') ? 0.1 : a.name.startsWith('txt') || a.name === 'html-table-rows' ? 0.2 : SCALE;
    test(`${a.name}: ${a.what.replace('scale', String(scale))}`, async () => {
      const r = await outcome(await a.make(scale), a.file);
      const want = EXPECTED[a.name];
      if (want) {
        assert.equal(r.kind, 'refused', `${a.name} was read`);
        assert.match(r.message, want);
        assert.match(r.message, /^超出/);
      }
    });
  }
});

describe('fuzzing', () => {
  test('a fixed-seed run over every reader ends without a crash', async () => {
    // A fixed count, not a time: the same inputs on a quiet or a loaded machine (seconds only bound a hang).
    const report = await fuzz({ runs: 12, seconds: 600, seed: 20261206, scale: SCALE, limits: LIMITS, keep: null });
    assert.equal(report.runs, 12);
    assert.deepEqual(report.crashes, []);
  });

  test('every input the harness kept is read cleanly again', async () => {
    const kept = readdirSync(new URL('../fixtures/fuzz/', import.meta.url)).filter((n) => n !== 'README.md');
    for (const n of kept) await outcome(readFileSync(new URL(`../fixtures/fuzz/${n}`, import.meta.url)), `kept${extname(n)}`);
  });
});
