/**
 * A 说明 figure that differs from the table cell it is compared with but equals another total of the
 * tables most likely speaks of another scope (e.g. 项目支出 of the 一般公共预算 rather than of all
 * funds): told as info, not as an error (src/rules/lib/table-figures.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runRules } from '../../src/rules/index.js';
import { budget, claim, table } from './builder.js';

const COLS = ['total', 'basic', 'project'];
const tables = () => [
  table('expenditure', { columns: COLS, rows: [[null, '合计', '500.00', '200.00', '300.00'], ['201', '一般公共服务支出', '500.00', '200.00', '300.00']] }),
  table('general-budget-expenditure', { columns: COLS, rows: [[null, '合计', '300.00', '200.00', '100.00'], ['201', '一般公共服务支出', '300.00', '200.00', '100.00']] }),
];

function projectFindings(stated: string) {
  const doc = budget({ tables: tables(), claims: [claim('expenditure.project', stated, { raw: `项目支出${stated}万元` })] });
  return runRules(doc, { profile: 'default', only: ['narrative/project-expenditure'] });
}

test('a figure found elsewhere in the tables is another scope: info naming the place', () => {
  // 500.00 is the 支出总表's 合计, not its 项目支出 (300.00) nor the 一般公共预算 table's (100.00).
  const f = projectFindings('500.00');
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'info');
  assert.match(f[0].message, /支出总表》“合计”行“合计”列相同/);
});

test('a figure found nowhere in the tables stays an error', () => {
  const f = projectFindings('123.00');
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'error');
});

test('the matching figure agrees: nothing to say', () => {
  assert.deepEqual(projectFindings('300.00'), []);
});
