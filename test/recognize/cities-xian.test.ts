/**
 * 陕西/西安 (the 部门综合预算 template: 16 tables, amounts in 元): one file read as the pages print
 * it — every standard table's kind, row count and totals, and the headline figures — read off the
 * pages by hand (西安市审计局 2026, pp. 22–35). See docs/corpus/xian.md.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Disclosure, Row, StdTable } from '../../src/model/disclosure.js';
import { checkFile } from '../../src/pipeline.js';
import { readDocumentFile } from '../../src/read/index.js';
import { recognize } from '../../src/recognize/index.js';
import { CORPUS, sharedOnly } from '../helpers/shared.js';

const FILE = join(CORPUS, 'cities/陕西/西安/2026年西安市审计局部门预算.pdf');

let cached: Disclosure | null = null;
async function disclosure(): Promise<Disclosure> {
  cached ??= recognize(await readDocumentFile(FILE)).disclosure;
  return cached;
}

const wan = (v: { toString(): string } | null | undefined) => (v == null ? null : Number(v.toString()).toFixed(6));
const total = (t: StdTable): Row | undefined => t.rows.find((r) => r.role === 'total' && !r.side);
const side = (t: StdTable, s: 'revenue' | 'expenditure', role: Row['role']) => t.rows.find((r) => r.side === s && r.role === role);

test('西安 审计局: kind, year, entity and unit as the cover and tables print them', sharedOnly, async () => {
  const d = await disclosure();
  assert.equal(d.kind, 'budget');
  assert.equal(d.year, 2026);
  // 西安市审计局（汇总）: the marker says the consolidated level, not part of the name.
  assert.equal(d.entity.name, '西安市审计局');
  assert.equal(d.unit.scale, '元');
});

test('西安 审计局: every standard table with the rows its page prints (表2–表13)', sharedOnly, async () => {
  const d = await disclosure();
  const got = d.tables.map((t) => `${t.kind}:${t.classification ?? '-'}:${t.rows.length}${t.empty ? ':empty' : ''}`);
  assert.deepEqual(got.slice(1), [
    'revenue:-:3', // p23 合计 | 117 | 117001
    'expenditure:-:3', // p24
    got[3], // p25 财政拨款收支总表: asserted below by its totals
    'general-budget-expenditure:functional:23', // p26 合计 + 22 codes
    'general-budget-expenditure:economic:34', // p27–28 合计 + 4 类 + 29 款
    'general-budget-basic:functional:23', // p29
    'general-budget-basic:economic:34', // p30
    got[8], // p31 政府性基金收支表, empty
    'project-expenditure:-:13', // p32 专项业务经费支出表
    'project-expenditure:-:0:empty', // p33 上年结转资金支出表
    'procurement:-:10', // p34 合计 + 9
    'three-public:-:9', // p35 3 printed rows × 上年 | 当年 | 增减
  ]);
  assert.equal(d.tables[0].kind, 'revenue-expenditure-summary');
  assert.equal(d.tables[3].kind, 'fiscal-summary');
  const fund = d.tables[8];
  assert.equal(fund.kind, 'gov-fund-expenditure');
  assert.ok(fund.empty);
  // The contents (p21) mark it: 是否空表 是 | 表格为空的理由 不涉及.
  assert.match(fund.note ?? '', /不涉及/);
});

test('西安 审计局: 收支总表 totals, by function, with 上年实户资金余额 between 本年收入合计 and 收入总计', sharedOnly, async () => {
  const t1 = (await disclosure()).tables[0];
  assert.equal(wan(side(t1, 'revenue', 'total')?.values.amount?.value), '4105.289608'); // 41,052,896.08 元
  assert.equal(wan(side(t1, 'revenue', 'grand-total')?.values.amount?.value), '4203.472358'); // 42,034,723.58
  assert.equal(wan(side(t1, 'expenditure', 'total')?.values.amount?.value), '4203.472358');
  assert.equal(wan(side(t1, 'expenditure', 'grand-total')?.values.amount?.value), '4203.472358');
  // The functional classes are the expenditure lines; the economic views follow them.
  const classes = t1.rows.filter((r) => r.side === 'expenditure' && r.code?.length === 3 && r.values.amount?.value);
  assert.deepEqual(classes.map((r) => r.code), ['201', '205', '208', '210', '221']);
  const t4 = (await disclosure()).tables[3];
  assert.equal(wan(side(t4, 'revenue', 'grand-total')?.values.amount?.value), '4005.289608'); // 40,052,896.08
});

test('西安 审计局: the tables by function and by economic class agree on their 合计 rows', sharedOnly, async () => {
  const d = await disclosure();
  const t5 = total(d.tables[4])!;
  assert.equal(wan(t5.values.total?.value), '4005.289608');
  assert.equal(wan(t5.values.personnel?.value), '3155.836440');
  assert.equal(wan(t5.values.public?.value), '198.585168');
  // 专项业务经费支出 is the projects' column.
  assert.equal(wan(t5.values.project?.value), '650.868000');
  for (const t of [d.tables[6], d.tables[7]]) {
    const r = total(t)!;
    assert.equal(wan(r.values.total?.value), '3354.421608'); // 33,544,216.08
    assert.equal(wan(r.values.personnel?.value), '3155.836440');
    assert.equal(wan(r.values.public?.value), '198.585168');
  }
  // 收入总表: 一般公共预算拨款/小计 is the source, 上年实户资金余额 and 其他收入 the others.
  const t2 = total(d.tables[1])!;
  assert.equal(wan(t2.values.total?.value), '4203.472358');
  assert.equal(wan(t2.values.generalBudget?.value), '4005.289608');
  assert.equal(wan(t2.values.priorBalance?.value), '98.182750');
  assert.equal(wan(t2.values.other?.value), '100.000000');
});

test('西安 审计局: headline figures', sharedOnly, async () => {
  const s = (await disclosure()).summary;
  assert.equal(wan(s.revenueTotal), '4105.289608');
  assert.equal(wan(s.expenditureTotal), '4203.472358');
  // 1、人员经费和公用经费支出 33,544,216.08; 2、专项业务经费支出 8,490,507.50 (收支总表, all funds).
  assert.equal(wan(s.basicExpenditure), '3354.421608');
  assert.equal(wan(s.projectExpenditure), '849.050750');
  assert.equal(wan(s.personnelExpenditure), '3155.836440');
  assert.equal(wan(s.publicExpenditure), '198.585168');
  // 三公 (当年): 小计 102,000.00 = 出国 blank + 接待 20,000.00 + 公务用车 82,000.00 (购置 blank, 运行 82,000.00).
  assert.equal(wan(s.threePublic.total), '10.200000');
  assert.equal(wan(s.threePublic.abroad), '0.000000');
  assert.equal(wan(s.threePublic.reception), '2.000000');
  assert.equal(wan(s.threePublic.vehicle), '8.200000');
  assert.equal(wan(s.threePublic.vehiclePurchase), '0.000000');
  assert.equal(wan(s.threePublic.vehicleOperation), '8.200000');
  // 机关运行经费 198.59 万元 (说明 p17; the template has no table for it).
  assert.equal(wan(s.operatingCosts), '198.590000');
  assert.equal(wan(s.procurementTotal), '402.000000'); // 4,020,000.00 元
});

test('西安 审计局: no error-level finding (the file is consistent on every page)', sharedOnly, async () => {
  const { findings } = await checkFile(FILE);
  assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.message}`), []);
});
