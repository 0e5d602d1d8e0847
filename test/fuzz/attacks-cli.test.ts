/**
 * Every attack of issue 16, at the size the issue measured it (1 GB bombs, 5.4 million paragraphs,
 * 150,000 rows…), through the command a user runs: `gongkai check FILE` exits with status 2 and
 * says on one line which limit the file is past (or, for PDF objects nested 100,000 deep, that
 * nothing in it is a disclosure). No time is asserted: how fast they are refused is measured in
 * docs/security.md. The generated files are deleted afterwards.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { ATTACKS } from '../../scripts/fuzz/generators.js';
import { ROOT } from '../helpers/shared.js';

const BIN = join(ROOT, 'bin/gongkai.js');
const dir = mkdtempSync(join(tmpdir(), 'gongkai-attacks-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** What each attack is refused for, with the default limits of src/read/limits.ts. */
const REFUSED: Record<string, RegExp> = {
  'pdf-flate-bomb': /^超出解压后大小上限 64 MB：/,
  'pdf-flate-bomb-broken-xref': /^超出解压后大小上限 64 MB：/,
  'pdf-page-list': /^超出页数（工作表数）上限 2000：PDF 页面树列出 20000 页/,
  'pdf-nesting': /^不是部门预算、决算公开或绩效文件/,
  'docx-zip-bomb': /^超出解压后大小上限 64 MB：Word 正文部分/,
  'docx-empty-paragraphs': /^超出段落数上限 1000000：Word 正文有 5400000 个段落/,
  'docx-nesting': /^超出嵌套层数上限 500：Word 正文的 XML 元素嵌套超过 500 层/,
  'xlsx-merge-bomb': /^超出单元格数上限 500000：工作表 \S+ 的合并单元格 A1:XFD1048576/,
  'xlsx-rows': /^超出表格行数上限 50000：/,
  'txt-lines': /^超出段落和表格数上限 20000：文件有 100001 个段落和表格/,
  'txt-table-rows': /^超出表格行数上限 50000：文件的表格共 150001 行/,
  'html-nesting': /^超出嵌套层数上限 500：网页元素嵌套超过 500 层/,
  'html-table-rows': /^超出表格行数上限 50000：网页的表格共 150000 行/,
};

function check(path: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'check', path], { cwd: ROOT });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('gongkai check on the attacks of issue 16, full size', () => {
  test('every attack has its expected refusal', () => {
    assert.deepEqual(Object.keys(REFUSED).sort(), ATTACKS.map((a) => a.name).sort());
  });

  for (const a of ATTACKS) {
    test(`${a.name}: ${a.what.replace('scale', '1')} — exit 2, one line`, async () => {
      const path = join(dir, a.file);
      writeFileSync(path, await a.make(1));
      const r = await check(path);
      rmSync(path, { force: true });
      assert.equal(r.code, 2, r.err);
      assert.equal(r.out, '');
      const lines = r.err.split('\n').filter((l) => l !== '');
      assert.equal(lines.length, 1, r.err);
      const prefix = `错误 ${path}: `;
      assert.ok(lines[0].startsWith(prefix), lines[0]);
      assert.match(lines[0].slice(prefix.length), REFUSED[a.name]);
    });
  }
});
