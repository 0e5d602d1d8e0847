/**
 * `gongkai check --format … -o FILE` from the command line: every format is written; a scanned
 * PDF is refused with exit 2 and one Chinese line whatever the format, and no report of guesses is
 * written; a format that cannot apply says so in one line.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { budgetPdf, scannedPdf } from '../fixtures/pdf/documents.js';
import { ROOT } from '../helpers/shared.js';
import { REPORT_FORMATS } from '../../src/report/index.js';

const BIN = join(ROOT, 'bin/gongkai.js');
const SAMPLE = join(ROOT, 'examples/sample-budget.txt');
const dir = mkdtempSync(join(tmpdir(), 'gongkai-report-cli-'));

function gongkai(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('a scanned PDF: exit 2 and one line in every format, no report written', () => {
  const scanned = join(dir, 'scan.pdf');
  writeFileSync(scanned, scannedPdf(true));
  for (const format of REPORT_FORMATS) {
    const out = join(dir, `scan-report-${format}`);
    const r = gongkai('check', scanned, '--format', format, '-o', out);
    assert.equal(r.code, 2, format);
    assert.equal(r.err.trim().split('\n').length, 1, `${format}: ${r.err}`);
    assert.match(r.err, /^错误 .*scan\.pdf: 该 PDF 没有文字层（可能是扫描件），需要先做文字识别（OCR）才能读取/);
    if (format !== 'json' && format !== 'sarif') assert.ok(!existsSync(out), `${format}: nothing written`);
  }
});

test('annotated-pdf of a text file: exit 2 and one line saying which formats fit', () => {
  const r = gongkai('check', SAMPLE, '--format', 'annotated-pdf', '-o', join(dir, 'x.pdf'));
  assert.equal(r.code, 2);
  assert.match(r.err, /^错误 .*sample-budget\.txt：annotated-pdf 只适用于 PDF 文件（此文件为 txt），可改用 --format pdf 或 html\n$/);
});

test('binary formats need -o; text formats go to standard output', () => {
  const r = gongkai('check', SAMPLE, '--format', 'xlsx');
  assert.equal(r.code, 2);
  assert.equal(r.err, '错误 xlsx 格式需要用 -o 指定输出文件\n');
  const html = gongkai('check', SAMPLE, '--format', 'html');
  assert.match(html.out, /^<!DOCTYPE html>[\s\S]*示例县数据资源管理局[\s\S]*<\/html>\n$/);
  const sarif = gongkai('check', SAMPLE, '--format', 'sarif', '-o', join(dir, 'r.sarif'));
  assert.ok(sarif.code === 0 || sarif.code === 1, sarif.err);
  assert.equal(JSON.parse(readFileSync(join(dir, 'r.sarif'), 'utf8')).version, '2.1.0');
});

test('-o writes every format of a PDF, and nothing goes to standard output', () => {
  const pdf = join(dir, 'budget.pdf');
  writeFileSync(pdf, budgetPdf());
  const looks: Record<string, (b: Buffer) => boolean> = {
    text: (b) => /检查结果/.test(b.toString('utf8')),
    json: (b) => 'findings' in JSON.parse(b.toString('utf8')),
    xlsx: (b) => b.subarray(0, 2).toString('latin1') === 'PK',
    html: (b) => /<html/i.test(b.toString('utf8')),
    pdf: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
    'annotated-pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
    sarif: (b) => JSON.parse(b.toString('utf8')).version === '2.1.0',
  };
  for (const format of REPORT_FORMATS) {
    const out = join(dir, `budget-report-${format}`);
    const r = gongkai('check', pdf, '--format', format, '-o', out);
    assert.ok(r.code === 0 || r.code === 1, `${format}: exit ${r.code} ${r.err}`);
    assert.equal(r.out, '', `${format}: standard output`);
    assert.equal(r.err, '', `${format}: standard error`);
    assert.ok(looks[format]!(readFileSync(out)), `${format}: ${out} is not a ${format} report`);
  }
});
