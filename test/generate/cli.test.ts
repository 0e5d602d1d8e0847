/**
 * `gongkai generate` and `gongkai template` as a user runs them (the compiled bin): exit 0 with
 * the file written, 1 when the dataset's own errors block it (the findings on stderr, in Chinese),
 * 2 for bad input — one line naming the file, no stack trace.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../helpers/shared.js';
import { dir } from './readback.js';

const BIN = join(ROOT, 'bin/gongkai.js');
const EXAMPLE = join(ROOT, 'examples/budget-dataset.json');
const gongkai = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

test('generate budget writes the format the extension names; check reads it with no error', () => {
  const out = join(dir, 'cli.html');
  const r = gongkai('generate', 'budget', EXAMPLE, '-o', out, '--template', 'jiangsu');
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /已生成 .*cli\.html：示范县城市管理局 2025 年部门预算公开/);
  assert.match(readFileSync(out, 'utf8'), /^<!DOCTYPE html>/);
  assert.equal(gongkai('check', out).code, 0);
});

test('blocked by the dataset: exit 1, nothing written; --draft writes the 草稿', () => {
  const data = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
  delete data.reasons.total;
  const input = join(dir, 'no-reason.json');
  writeFileSync(input, JSON.stringify(data));
  const out = join(dir, 'blocked.docx');
  const r = gongkai('generate', 'budget', input, '-o', out);
  assert.equal(r.code, 1);
  assert.match(r.err, /错误 \[generate\/reason-missing\] 收支预算比上年增减的原因尚未填写/);
  assert.ok(!existsSync(out));
  assert.equal(gongkai('generate', 'budget', input, '-o', out, '--draft').code, 0);
  assert.ok(existsSync(out));
});

test('bad input and options: exit 2, one Chinese line', () => {
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{"year": 2025');
  for (const [args, msg] of [
    [['generate', 'budget', bad, '-o', join(dir, 'x.docx')], /^错误 .*bad\.json: 不是有效的 JSON/],
    [['generate', 'budget', EXAMPLE, '-o', join(dir, 'x.odt')], /^错误 不支持的输出格式“odt”/],
    [['generate', 'budget', EXAMPLE, '-o', join(dir, 'x.docx'), '-t', 'mars'], /^错误 未知的模板“mars”/],
    [['generate', 'final-accounts', EXAMPLE, '-o', join(dir, 'x.docx')], /与命令中的“final-accounts”不符/],
  ] as [string[], RegExp][]) {
    const r = gongkai(...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, msg);
    assert.equal(r.err.trim().split('\n').length, 1, r.err);
  }
});

test('template budget writes the input workbook; generate reads it', () => {
  const out = join(dir, '填报.xlsx');
  const r = gongkai('template', 'budget', '-o', out);
  assert.equal(r.code, 0, r.err);
  assert.ok(readFileSync(out).subarray(0, 2).toString() === 'PK');
  // Empty as written: the gate says what is missing rather than generating from nothing.
  const g = gongkai('generate', 'budget', out, '-o', join(dir, 'empty.docx'));
  assert.equal(g.code, 2);
  assert.match(g.err, /^错误 .*填报\.xlsx: 数据不符合格式/);
});

test('--schema prints the dataset JSON Schema', () => {
  const r = gongkai('generate', 'budget', '--schema');
  assert.equal(r.code, 0);
  assert.ok(JSON.parse(r.out).properties.expenditure);
});
