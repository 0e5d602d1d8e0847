import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Doc } from '../../src/read/doc.js';
import { joinDocs, partAt, type JoinedSource } from '../../src/read/join.js';

const cell = (text: string, table: number, row: number, col: number, page: number) => ({ text, loc: { block: 1, table, row, col, page } });

/** A two-page PDF-like document: a paragraph on page 1, a table on page 2. */
function paged(name: string): Doc {
  return {
    source: { path: name, format: 'pdf', bytes: 100, sha256: name, pages: 2 },
    blocks: [
      { type: 'paragraph', text: '说明', loc: { block: 0, page: 1, lines: [[0, 1, 3]] } },
      { type: 'table', loc: { block: 1, table: 0, page: 2 }, rows: [[cell('合计', 0, 0, 0, 2), cell('1.00', 0, 0, 1, 2)]] },
    ],
    warnings: [{ code: 'x', message: '第 2 页无文字', loc: { block: 1, page: 2 } }],
  };
}

/** A text file: two paragraphs on lines 1 and 4. */
function text(name: string): Doc {
  return {
    source: { path: name, format: 'txt', bytes: 10, sha256: name },
    blocks: [
      { type: 'paragraph', text: '一', loc: { block: 0, line: 1 } },
      { type: 'paragraph', text: '二', loc: { block: 1, line: 4 } },
    ],
    warnings: [],
  };
}

test('one document is itself', () => {
  const d = paged('a.pdf');
  assert.equal(joinDocs([d]), d);
});

test('joined files: blocks, tables, pages and lines run on; each file is listed with where it begins', () => {
  const j = joinDocs([text('说明.txt'), paged('表格.pdf'), paged('绩效.pdf')]);
  assert.deepEqual(
    j.blocks.map((b) => [b.loc.block, b.loc.page ?? null, b.loc.line ?? null, b.loc.table ?? null]),
    [
      [0, null, 1, null],
      [1, null, 4, null],
      [2, 1, null, null],
      [3, 2, null, 0],
      [4, 3, null, null],
      [5, 4, null, 1],
    ],
  );
  const second = j.blocks[5];
  assert.equal(second.type, 'table');
  if (second.type === 'table') assert.deepEqual(second.rows[0][1].loc, { block: 5, table: 1, row: 0, col: 1, page: 4 });
  // A PDF paragraph's printed lines keep their line on the page, on the joined page.
  assert.deepEqual(j.blocks[4].loc.lines, [[0, 3, 3]]);
  assert.deepEqual(j.warnings.map((w) => w.loc?.page), [2, 4]);
  assert.equal(j.source.path, '说明.txt');
  assert.equal(j.source.pages, 4);
  assert.equal(j.source.bytes, 210);
  const parts = (j.source as JoinedSource).parts!;
  assert.deepEqual(
    parts.map((p) => [p.path, p.pageOffset, p.lineOffset]),
    [
      ['说明.txt', 0, 0],
      ['表格.pdf', 0, 4],
      ['绩效.pdf', 2, 4],
    ],
  );
});

test('a joined page or line is named as its file and its own page or line again', () => {
  const j = joinDocs([paged('表格.pdf'), text('说明.txt'), paged('绩效.pdf')]);
  const parts = (j.source as JoinedSource).parts!;
  const at = (q: { page?: number; line?: number }) => {
    const hit = partAt(parts, q);
    return hit ? [hit.part.path, hit.page ?? hit.line] : null;
  };
  assert.deepEqual(at({ page: 1 }), ['表格.pdf', 1]);
  assert.deepEqual(at({ page: 2 }), ['表格.pdf', 2]);
  assert.deepEqual(at({ page: 3 }), ['绩效.pdf', 1]);
  assert.deepEqual(at({ page: 4 }), ['绩效.pdf', 2]);
  assert.deepEqual(at({ line: 4 }), ['说明.txt', 4]);
  assert.equal(at({}), null);
});
