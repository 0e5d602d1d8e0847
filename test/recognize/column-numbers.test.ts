/** A row of column numbers (栏次 1 2 3 …, **) is header, never figures (src/recognize/column-numbers.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completeSectionCodes, dropColumnNumberRows, isColumnNumberRow } from '../../src/recognize/column-numbers.js';
import { row, table } from '../rules/builder.js';

const COLS = ['total', 'basic', 'project'];

test('1 2 3 under a ** or 栏次 name is a column-number row', () => {
  assert.ok(isColumnNumberRow(row([null, '**', '1', '2', '3'], COLS)));
  assert.ok(isColumnNumberRow(row([null, '栏次', '4', '5', '6'], COLS)));
  assert.ok(isColumnNumberRow(row([null, '', '1', '2', '3'], COLS)));
});

test('figures are never taken for column numbers', () => {
  assert.ok(!isColumnNumberRow(row([null, '合计', '1', '2', '3'], COLS)), 'a named row');
  assert.ok(!isColumnNumberRow(row([null, '**', '1.00', '2.00', '3.00'], COLS)), 'printed with decimals');
  assert.ok(!isColumnNumberRow(row([null, '**', '3', '1', '2'], COLS)), 'not in sequence');
  assert.ok(!isColumnNumberRow(row(['201', '', '1', '2', '3'], COLS)), 'a coded row');
});

test('a table left with no figure once the numbers are dropped is an empty table', () => {
  const t = table('gov-fund-expenditure', { columns: COLS, rows: [[null, '**', '1', '2', '3'], [null, '合计', '', '', '']] });
  assert.ok(dropColumnNumberRows(t));
  assert.equal(t.rows.length, 1);
  assert.equal(t.empty, true);
});

test('a 款 printed as two digits under its 类 gets its full code when the next 项 confirms it', () => {
  const t = table('general-budget-expenditure', {
    columns: COLS,
    rows: [['201', '一般公共服务支出', '5', '5', ''], ['10', '人力资源事务', '5', '5', ''], ['2011007', '博士后日常经费', '5', '5', ''], ['99', '其他', '1', '1', '']],
  });
  completeSectionCodes(t);
  assert.equal(t.rows[1].code, '20110');
  assert.equal(t.rows[1].level, 'section');
  assert.equal(t.rows[3].code, '99', 'no 项 confirms it: left as printed');
});
