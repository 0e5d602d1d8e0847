/**
 * 烟台 2026 department budgets (cities/山东/烟台): twelve 公开表 per file, all read by what they
 * say — 情况表 titles, a 基本支出预算情况表 of all funds by source, 部门预算 and 政府预算 economic
 * classes side by side with the 部门 classes printed once under each 政府 class (301 under 501 and
 * again under 505), 基本支出 / 小计 columns, 财政拨款收支总体情况表 continued on a page of fixed rows,
 * empty tables noted “（注：…）”. Figures below were read off the pages by hand (pdftotext -layout).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Disclosure, Finding, StdTable, TableKind } from '../../src/model/disclosure.js';
import { repeatsClasses } from '../../src/model/code-blocks.js';
import { checkFile } from '../../src/pipeline.js';
import { columnKey } from '../../src/recognize/columns.js';
import { kindFromTitle } from '../../src/recognize/tables.js';
import { verifyTable } from '../../src/recognize/verify.js';
import { runRules } from '../../src/rules/index.js';
import { byCode } from '../../src/rules/lib/tables.js';
import { CORPUS, sharedOnly } from '../helpers/shared.js';
import { budget, table } from '../rules/builder.js';

const DIR = join(CORPUS, 'cities/山东/烟台');

const cache = new Map<string, Promise<{ document: Disclosure; findings: Finding[] }>>();
function check(name: string) {
  if (!cache.has(name)) cache.set(name, checkFile(join(DIR, `2026年烟台市${name}部门预算.pdf`), { profile: 'auto' }));
  return cache.get(name)!;
}

function one(d: Disclosure, kind: TableKind): StdTable {
  const all = d.tables.filter((t) => t.kind === kind);
  assert.equal(all.length, 1, `${kind}: ${all.length} tables`);
  return all[0];
}

/** The printed 合计 row of a coded table, as raw texts by column key. */
function totals(t: StdTable): Record<string, string> {
  const r = t.rows.find((x) => x.role === 'total' && !x.side);
  assert.ok(r, `${t.kind} has a 合计 row`);
  return Object.fromEntries(Object.entries(r.values).flatMap(([k, f]) => (f?.value ? [[k, f.raw]] : [])));
}

function sideTotal(t: StdTable, side: 'revenue' | 'expenditure', role: 'total' | 'grand-total'): string | undefined {
  const r = t.rows.find((x) => x.side === side && x.role === role);
  return r && (r.values.amount ?? r.values.total)?.raw;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

test('烟台 大数据局: twelve tables, rows and totals as printed (pp. 6–25)', sharedOnly, async () => {
  const { document: d, findings } = await check('大数据局');
  assert.equal(d.kind, 'budget');
  assert.equal(d.year, 2026);
  assert.equal(d.entity.name, '烟台市大数据局');
  // 公开表1–12: 收支, 收入, 支出, 财政拨款收支, 一般公共预算支出, 一般公共预算基本支出, 三公, 政府性基金,
  // 国有资本经营, 基本支出预算情况表, 项目支出预算情况表, 政府采购预算表.
  assert.deepEqual(
    d.tables.map((t) => [t.kind, t.rows.length]),
    [
      ['revenue-expenditure-summary', 40], // 8 income lines + 本年收入合计 + 5 below; 21 classes + 本年支出合计 + 4 below
      ['revenue', 22], // 合计 + 21 codes over pp. 7–8
      ['expenditure', 22],
      ['fiscal-summary', 30],
      ['general-budget-expenditure', 22],
      ['general-budget-basic', 51], // 合计 + 50 coded rows over pp. 15–17, 301 and 302 printed twice (under 501/505, 502/505)
      ['three-public', 1],
      ['gov-fund-expenditure', 0],
      ['state-capital-expenditure', 0],
      ['basic-expenditure', 51],
      ['project-expenditure', 5], // 合计 + 4 projects
      ['procurement', 6], // by functional code: 合计 + 215 / 21505 / 3 项
    ],
  );
  const t1 = one(d, 'revenue-expenditure-summary');
  assert.equal(sideTotal(t1, 'revenue', 'total'), '7,503.31');
  assert.equal(sideTotal(t1, 'expenditure', 'total'), '7,503.31');
  assert.equal(sideTotal(t1, 'revenue', 'grand-total'), '7,503.31');
  assert.equal(sideTotal(t1, 'expenditure', 'grand-total'), '7,503.31');
  assert.equal(totals(one(d, 'revenue')).total, '7,503.31');
  assert.deepEqual(totals(one(d, 'expenditure')), { total: '7,503.31', basic: '1,464.31', project: '6,039.00' });
  // 基本支出 / 小计 is the 基本支出 column.
  assert.deepEqual(totals(one(d, 'general-budget-expenditure')), { total: '7,503.31', basic: '1,464.31', personnel: '1,281.90', public: '182.41', project: '6,039.00' });
  const t6 = one(d, 'general-budget-basic');
  assert.deepEqual(totals(t6), { total: '1,464.31', personnel: '1,281.90', public: '182.41' });
  // The row's code and name are the 部门预算 classification's; the 政府预算 one is kept beside.
  const second301 = t6.rows.filter((r) => r.code === '301')[1];
  assert.equal(second301.name, '工资福利支出');
  assert.equal(second301.values.total?.raw, '865.18');
  assert.equal(second301.texts?.altCode, '505');
  assert.equal(second301.texts?.altName, '对事业单位经常性补助');
  assert.equal(totals(one(d, 'basic-expenditure')).total, '1,464.31');
  assert.equal(totals(one(d, 'project-expenditure')).total, '6,039.00');
  for (const t of d.tables) assert.notEqual(t.reading?.status, 'uncertain', `${t.kind} read with certainty`);
  // Empty fund tables carry their note “（注：2026年没有使用…）”.
  assert.match(one(d, 'gov-fund-expenditure').note ?? '', /没有使用政府性基金预算拨款/);

  const s = d.summary;
  assert.equal(num(s.revenueTotal), 7503.31);
  assert.equal(num(s.expenditureTotal), 7503.31);
  assert.equal(num(s.basicExpenditure), 1464.31);
  assert.equal(num(s.personnelExpenditure), 1281.9);
  assert.equal(num(s.publicExpenditure), 182.41);
  assert.equal(num(s.projectExpenditure), 6039);
  assert.equal(num(s.operatingCosts), 133.02); // p. 27: 机关运行经费安排133.02万元
  // p. 18 (2026年预算数): 合计 19.45 = 出国 10.00 + 公务用车 5.00 (购置 —, 运行 5.00) + 接待 4.45.
  assert.deepEqual(
    [s.threePublic.total, s.threePublic.abroad, s.threePublic.vehicle, s.threePublic.vehicleOperation, s.threePublic.reception].map(num),
    [19.45, 10, 5, 5, 4.45],
  );
  assert.equal(num(s.procurementTotal), 5931.4);
  assert.deepEqual(findings.filter((f) => f.severity === 'error'), []);
});

test('烟台 交通运输局: the 财政拨款收支总体情况表 continued on p. 15 is one table; a project named 12328… has no code', sharedOnly, async () => {
  const { document: d, findings } = await check('交通运输局');
  const t4 = one(d, 'fiscal-summary');
  assert.equal(t4.rows.length, 30);
  assert.equal(sideTotal(t4, 'revenue', 'total'), '39,748.67');
  const exp = t4.rows.find((r) => r.side === 'expenditure' && r.role === 'total')!;
  assert.deepEqual([exp.values.total?.raw, exp.values.generalBudget?.raw, exp.values.govFund?.raw, exp.values.stateCapital?.raw], ['39,748.67', '39,664.33', '80.34', '4.00']);
  const t1 = one(d, 'revenue-expenditure-summary');
  assert.equal(sideTotal(t1, 'revenue', 'total'), '45,761.72');
  assert.equal(sideTotal(t1, 'expenditure', 'total'), '45,761.72');
  assert.deepEqual(totals(one(d, 'expenditure')), { total: '45,761.72', basic: '32,382.54', project: '13,379.18' });
  assert.ok(one(d, 'project-expenditure').rows.some((r) => r.name === '12328电话运行维护费' && r.code === null));
  assert.deepEqual(findings.filter((f) => f.severity === 'error'), []);
});

test('烟台 发展和改革委员会: the 财政拨款收支总体情况表 and the 说明 are 206.27 万元 above the other tables (pp. 6, 12–14, 29)', sharedOnly, async () => {
  const { document: d, findings } = await check('发展和改革委员会');
  const t1 = one(d, 'revenue-expenditure-summary');
  assert.equal(sideTotal(t1, 'revenue', 'total'), '11,174.30');
  const t4 = one(d, 'fiscal-summary');
  assert.equal(sideTotal(t4, 'revenue', 'total'), '11,376.57');
  assert.equal(totals(one(d, 'general-budget-expenditure')).total, '11,046.30');
  const errors = findings.filter((f) => f.severity === 'error');
  // T4 一般公共预算 11,252.57 against T5 11,046.30 (and five classes), against T1 一般公共预算收入, and
  // the 说明's 支出预算 11,380.57 against T1 11,174.30: one gap of 206.27, printed in several places.
  assert.ok(errors.length >= 7, errors.map((f) => f.message).join('\n'));
  assert.ok(errors.every((f) => /^cross-table\/t4-|^narrative\/expenditure-total$/.test(f.rule)), errors.map((f) => f.rule).join(', '));
  assert.ok(errors.some((f) => f.rule === 'cross-table/t4-fund-tables' && f.message.includes('11,252.57') && f.message.includes('11,046.30')));
  assert.ok(errors.some((f) => f.rule === 'narrative/expenditure-total' && f.message.includes('11,380.57')));
});

// ---------------------------------------------------------------- the mechanisms, on made-up tables

/** A 基本支出表 in class blocks: 301 under one 政府预算 class (510 here), then again under another (520). */
const BLOCKS: [string | null, string, string, string, string][] = [
  [null, '合计', '90.00', '80.00', '10.00'],
  ['301', '工资福利支出', '50.00', '50.00', ''],
  ['30101', '基本工资', '30.00', '30.00', ''],
  ['30102', '津贴补贴', '20.00', '20.00', ''],
  ['301', '工资福利支出', '30.00', '30.00', ''],
  ['30101', '基本工资', '12.00', '12.00', ''],
  ['30107', '绩效工资', '18.00', '18.00', ''],
  ['302', '商品和服务支出', '10.00', '', '10.00'],
  ['30201', '办公费', '10.00', '', '10.00'],
];

test('classes printed in blocks: each printing adds up the rows under it, the 合计 every printing', () => {
  const t = table('general-budget-basic', { columns: ['total', 'personnel', 'public'], rows: BLOCKS });
  assert.equal(verifyTable(t).status, 'verified');
  assert.equal(verifyTable(t).failed, 0);
  const errors = runRules(budget({ tables: [t] })).filter((f) => f.severity === 'error');
  assert.deepEqual(errors.map((f) => f.message), []);
  // A code's amount is the sum of its printings (30101: 30.00 + 12.00).
  assert.equal(byCode(t).get('30101')?.values.total?.value?.toString(), '42');
  assert.equal(byCode(t).get('301')?.values.total?.value?.toString(), '80');
});

test('classes printed in blocks: a wrong figure inside one block is still found, once', () => {
  const rows = BLOCKS.map((r) => [...r] as (typeof BLOCKS)[number]);
  rows[5] = ['30101', '基本工资', '12.00', '13.00', '']; // the second block's 30101 人员经费 misprinted: 13 + 18 ≠ 30
  const t = table('general-budget-basic', { columns: ['total', 'personnel', 'public'], rows });
  t.reading = verifyTable(t);
  assert.equal(t.reading.status, 'verified');
  const errors = runRules(budget({ tables: [t] })).filter((f) => f.rule === 'arithmetic/economic-hierarchy');
  assert.equal(errors.length, 1, errors.map((f) => f.message).join('\n')); // the 人员经费 column of that 301
  assert.ok(errors.every((f) => f.message.includes('30.00') && f.message.includes('31.00')));
});

test('a class printed twice with the same figures is one row repeated, not a block', () => {
  const rows = [...GOOD_REPEAT];
  const t = table('general-budget-basic', { columns: ['total', 'personnel', 'public'], rows });
  assert.equal(repeatsClasses(t.rows), false);
  assert.equal(verifyTable(t).failed, 0);
});

const GOOD_REPEAT: [string | null, string, string, string, string][] = [
  [null, '合计', '50.00', '50.00', ''],
  ['301', '工资福利支出', '50.00', '50.00', ''],
  ['30101', '基本工资', '30.00', '30.00', ''],
  ['301', '工资福利支出', '50.00', '50.00', ''], // repeated over a page break
  ['30102', '津贴补贴', '20.00', '20.00', ''],
];

test('情况表 titles: 总体情况表 is a 总表, 基本支出预算情况表 of all funds is its own kind', () => {
  assert.equal(kindFromTitle('收支总体情况表'), 'revenue-expenditure-summary');
  assert.equal(kindFromTitle('收入总体情况表'), 'revenue');
  assert.equal(kindFromTitle('支出总体情况表'), 'expenditure');
  assert.equal(kindFromTitle('财政拨款收支总体情况表'), 'fiscal-summary');
  assert.equal(kindFromTitle('一般公共预算支出情况表'), 'general-budget-expenditure');
  assert.equal(kindFromTitle('一般公共预算基本支出情况表'), 'general-budget-basic');
  assert.equal(kindFromTitle('基本支出预算情况表'), 'basic-expenditure');
  assert.equal(kindFromTitle('项目支出预算情况表'), 'project-expenditure');
});

test('基本支出 / 小计 is the 基本支出 column; a source group’s 小计 beside its funds stays a subtotal', () => {
  assert.equal(columnKey(['基本支出', '小计'], 2030), 'basic');
  assert.equal(columnKey(['基本支出', '人员支出'], 2030), 'personnel');
  assert.equal(columnKey(['部门预算支出经济分类科目'], 2030), 'name');
  assert.equal(columnKey(['使用非财政拨款结余'], 2030), 'fundMakeUp');
});
