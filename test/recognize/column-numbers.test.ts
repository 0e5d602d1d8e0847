/** A row of column numbers (栏次 1 2 3 …, **) is header, never figures (src/recognize/column-numbers.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dropColumnNumberRows, isColumnNumberRow } from '../../src/recognize/column-numbers.js';
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
