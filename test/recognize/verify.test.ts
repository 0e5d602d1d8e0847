/**
 * Self-verifying reading (src/recognize/verify.ts): a table whose own identities hold, or whose
 * failures one printed figure explains, is verified and its errors are reported; a table whose
 * failures spread (a misread column) is uncertain, said once, and no figure rule reads it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { verifyTable } from '../../src/recognize/verify.js';
import { runRules } from '../../src/rules/index.js';
import { budget, table } from '../rules/builder.js';

const COLS = ['total', 'basic', 'project'];

function t5(rows: [string | null, string, string, string, string][]) {
  return table('general-budget-expenditure', { columns: COLS, rows });
}

const GOOD: [string | null, string, string, string, string][] = [
  [null, '合计', '300.00', '200.00', '100.00'],
  ['201', '一般公共服务支出', '250.00', '170.00', '80.00'],
  ['20103', '政府办公厅（室）及相关机构事务', '250.00', '170.00', '80.00'],
  ['2010301', '行政运行', '170.00', '170.00', ''],
  ['2010302', '一般行政管理事务', '80.00', '', '80.00'],
  ['208', '社会保障和就业支出', '50.00', '30.00', '20.00'],
  ['20805', '行政事业单位养老支出', '50.00', '30.00', '20.00'],
  ['2080505', '机关事业单位基本养老保险缴费支出', '50.00', '30.00', '20.00'],
];

test('a table whose identities hold is verified', () => {
  const r = verifyTable(t5(GOOD));
  assert.equal(r.status, 'verified');
  assert.equal(r.failed, 0);
  assert.ok(r.checks >= 10, `checks ${r.checks}`);
});

test('one wrong printed figure is the document’s error: the table stays verified and the rules report it', () => {
  const rows = GOOD.map((r) => [...r] as typeof r);
  rows[3][2] = '175.00'; // 2010301 合计 printed 175.00 where 170.00 + 0 is right
  const t = t5(rows);
  const r = verifyTable(t);
  assert.equal(r.status, 'verified');
  assert.ok(r.failed >= 2, `failed ${r.failed}`);
  t.reading = r;
  const errors = runRules(budget({ tables: [t] })).filter((f) => f.severity === 'error');
  assert.ok(errors.some((f) => f.rule === 'arithmetic/basic-project-row-total' && f.message.includes('2010301')), JSON.stringify(errors.map((f) => f.message)));
});

test('a column read in the wrong place fails everywhere: the table is uncertain and no figure rule reads it', () => {
  // 基本/项目 swapped with 合计 on every row, as when a header group is mapped one column off.
  const rows = GOOD.map(([c, n, tot, b, p]) => [c, n, b || '0.00', tot, p] as [string | null, string, string, string, string]);
  const t = t5(rows);
  const r = verifyTable(t);
  assert.equal(r.status, 'uncertain');
  assert.match(r.reason ?? '', /勾稽关系/);
  t.reading = r;
  const errors = runRules(budget({ tables: [t] })).filter((f) => f.severity === 'error' && /^(arithmetic|cross-table|narrative|classification)\//.test(f.rule));
  assert.deepEqual(errors, []);
  // Without the verdict the same table gives errors: the silence comes from the reading, not the rules.
  delete t.reading;
  assert.ok(runRules(budget({ tables: [t] })).some((f) => f.severity === 'error' && f.rule.startsWith('arithmetic/')));
});

test('a table with nothing to test is unchecked, an empty one too', () => {
  const one = table('operating-costs', { columns: ['amount'], rows: [[null, '合计', '12.00']] });
  assert.equal(verifyTable(one).status, 'unchecked');
  assert.equal(verifyTable(table('gov-fund-expenditure', { columns: COLS, rows: [], empty: true })).status, 'unchecked');
});

test('三公 items as columns: 合计 = 出国 + 车辆 + 接待 and 车辆 = 购置 + 运行', () => {
  const cols = ['total', 'abroad', 'vehicle', 'vehiclePurchase', 'vehicleOperation', 'reception'];
  const ok = table('three-public', { columns: cols, rows: [[null, '', '10.00', '2.00', '6.00', '4.00', '2.00', '2.00']] });
  assert.equal(verifyTable(ok).status, 'verified');
});

test('收支总表: a group heading printed with its items is read as a heading, so the side adds up', () => {
  const t = table('revenue-expenditure-summary', {
    rows: [
      { name: '一、财政拨款收入', side: 'revenue', values: { amount: '190.00' } },
      { name: '一般公共预算拨款收入', side: 'revenue', values: { amount: '50.00' } },
      { name: '政府性基金预算拨款收入', side: 'revenue', values: { amount: '140.00' } },
      { name: '二、事业收入', side: 'revenue', values: { amount: '10.00' } },
      { name: '本年收入合计', side: 'revenue', role: 'total', values: { amount: '200.00' } },
      { name: '收入总计', side: 'revenue', role: 'grand-total', values: { amount: '200.00' } },
      { code: '201', name: '一般公共服务支出', side: 'expenditure', values: { amount: '200.00' } },
      { name: '本年支出合计', side: 'expenditure', role: 'total', values: { amount: '200.00' } },
      { name: '支出总计', side: 'expenditure', role: 'grand-total', values: { amount: '200.00' } },
    ],
  });
  const r = verifyTable(t);
  assert.equal(r.status, 'verified');
  assert.equal(r.failed, 0);
  assert.equal(t.rows[1].within, 0);
  assert.equal(t.rows[2].within, 0);
  assert.equal(t.rows[3].within, undefined);
  // The rule reads the same lines: no error for the heading counted twice.
  t.reading = r;
  assert.deepEqual(runRules(budget({ tables: [t] })).filter((f) => f.rule === 'arithmetic/t1-revenue-total'), []);
});

test('lines that add up without any heading are left alone; a real gap is still reported', () => {
  const t = table('revenue-expenditure-summary', {
    rows: [
      { name: '一般公共预算拨款收入', side: 'revenue', values: { amount: '50.00' } },
      { name: '事业收入', side: 'revenue', values: { amount: '20.00' } },
      { name: '本年收入合计', side: 'revenue', role: 'total', values: { amount: '75.00' } },
    ],
  });
  t.reading = verifyTable(t);
  assert.equal(t.rows[1].within, undefined);
  const f = runRules(budget({ tables: [t] })).filter((x) => x.rule === 'arithmetic/t1-revenue-total');
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'error');
});

test('收支总表: a partial 其中 breakdown printed as lines is read as part of the line above', () => {
  const t = table('revenue-expenditure-summary', {
    rows: [
      { name: '一般公共预算拨款收入', side: 'revenue', values: { amount: '180.00' } },
      { name: '专项收入', side: 'revenue', values: { amount: '50.00' } },
      { name: '其他收入', side: 'revenue', values: { amount: '3.50' } },
      { name: '本年收入合计', side: 'revenue', role: 'total', values: { amount: '183.50' } },
    ],
  });
  const r = verifyTable(t);
  assert.equal(r.status, 'verified');
  assert.equal(r.failed, 0);
  assert.equal(t.rows[1].within, 0);
  assert.equal(t.rows[2].within, undefined);
});

test('a code column that yields codes no classification prints (10, 03, 01) is a misreading: uncertain', () => {
  const t = t5([
    [null, '合计', '300.00', '200.00', '100.00'],
    ['201', '一般公共服务支出', '300.00', '200.00', '100.00'],
    ['10', '人力资源事务', '300.00', '200.00', '100.00'],
    ['01', '行政运行', '200.00', '200.00', ''],
    ['03', '机关服务', '100.00', '', '100.00'],
    ['05', '其他', '0.00', '', ''],
  ]);
  const r = verifyTable(t);
  assert.equal(r.status, 'uncertain');
  assert.match(r.reason ?? '', /编码栏可能未正确读取/);
});
