import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { narrativeText, tableText } from '../fixtures/parts/build.js';
import { CORPUS, ROOT, sharedOnly } from '../helpers/shared.js';

const BIN = join(ROOT, 'bin/gongkai.js');

function gongkai(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'gongkai-parts-'));
const NARRATIVE = join(dir, '说明.txt');
const TABLES = join(dir, '表格.txt');
writeFileSync(NARRATIVE, narrativeText());
writeFileSync(TABLES, tableText());

type Finding = { rule: string; severity: string; where?: string; message: string };
const rules = (fs: Finding[]) => fs.map((f) => f.rule);

test('checked apart, neither file can see that the 说明 and the table disagree; --parts checks them as one', () => {
  const apart = JSON.parse(gongkai('check', NARRATIVE, TABLES, '--format', 'json').out) as { findings: Finding[] }[];
  assert.equal(apart.length, 2);
  assert.ok(!apart.some((r) => rules(r.findings).includes('narrative/personnel')));
  assert.ok(rules(apart[0].findings).includes('completeness/no-tables'), 'the 说明 alone has no tables');

  const r = gongkai('check', '--parts', NARRATIVE, TABLES, '--format', 'json');
  assert.equal(r.code, 1, r.err);
  const one = JSON.parse(r.out) as { document: { source: { parts: { path: string }[] }; tables: unknown[] }; findings: Finding[] };
  assert.ok(!Array.isArray(one), 'one result for the parts');
  assert.deepEqual(one.document.source.parts.map((p) => p.path), [NARRATIVE, TABLES]);
  assert.equal(one.document.tables.length, 1);
  assert.ok(!rules(one.findings).includes('completeness/no-tables'));
  const personnel = one.findings.find((f) => f.rule === 'narrative/personnel');
  assert.ok(personnel, rules(one.findings).join());
  assert.equal(personnel.severity, 'error');
  assert.match(personnel.message, /34\.60.*33\.60/);
  // The place names the file the sentence is in, and its line in that file.
  assert.match(personnel.where ?? '', /^文件“说明\.txt” 第 5 行/);
});

test('--parts with consistent files: no error; the text report is one document', () => {
  const fine = join(dir, '说明-一致.txt');
  writeFileSync(fine, narrativeText('33.60', '37.65'));
  const r = gongkai('check', '--parts', fine, TABLES);
  assert.equal(r.code, 0, r.out + r.err);
  assert.equal(r.out.match(/^文件：/gm)?.length, 1);
  assert.doesNotMatch(r.out, /汇总：/);
});

test('--parts with a part that cannot be read: one line, exit 2, no report of the rest', () => {
  const broken = join(dir, 'broken.pdf');
  writeFileSync(broken, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]));
  const r = gongkai('check', '--parts', NARRATIVE, broken);
  assert.equal(r.code, 2);
  assert.equal(r.err.trim().split('\n').length, 1, r.err);
  assert.match(r.err, /broken\.pdf/);
  assert.equal(r.out, '');
});

test('a real 说明 and its tables published apart (江苏 人大 2019): checked as one, each place names its file and page', sharedOnly, () => {
  const folder = join(CORPUS, 'jiangsu-budget/江苏省人大办公厅');
  const r = gongkai('check', '--parts', join(folder, '江苏省人大常委会2019年度部门预算公开.pdf'), join(folder, '江苏省人大常委会办公厅2019年部门预算公开表.pdf'), '--format', 'json');
  const one = JSON.parse(r.out) as { document: { tables: unknown[] }; findings: Finding[] };
  assert.equal(one.document.tables.length, 12);
  for (const gone of ['completeness/no-tables', 'completeness/sections', 'completeness/three-public-split']) assert.ok(!rules(one.findings).includes(gone), gone);
  // The tables file has 13 pages: a table's place is its own page there, not the joined page.
  const empty = one.findings.find((f) => f.rule === 'completeness/empty-table-note');
  assert.ok(empty);
  assert.match(empty.where ?? '', /^文件“江苏省人大常委会办公厅2019年部门预算公开表\.pdf” 第 10 页，《财政拨款政府性基金支出预算表》/);
  // Prose of the 说明 file: its own page and line (the paragraph's first, as pdftotext counts them).
  const strict = gongkai('check', '--parts', join(folder, '江苏省人大常委会2019年度部门预算公开.pdf'), join(folder, '江苏省人大常委会办公厅2019年部门预算公开表.pdf'), '--format', 'json', '--profile', 'strict');
  const prose = (JSON.parse(strict.out) as { findings: Finding[] }).findings.find((f) => f.rule === 'narrative/change-percent' && /财政拨款支出增加2432\.93/.test(f.where ?? ''));
  assert.match(prose?.where ?? '', /^文件“江苏省人大常委会2019年度部门预算公开\.pdf” 第 12 页 第 6 行，“五、财政拨款支出预算情况说明”下/);
});

test('--parts with the annotated PDF (which frames one original\'s pages): refused in one line', () => {
  const r = gongkai('check', '--parts', NARRATIVE, TABLES, '--format', 'annotated-pdf', '-o', join(dir, 'x.pdf'));
  assert.equal(r.code, 2);
  assert.match(r.err, /^错误 annotated-pdf 格式只能批注一个 PDF 文件，不能与 --parts 同用\n$/);
});
