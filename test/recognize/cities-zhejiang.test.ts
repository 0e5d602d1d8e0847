/**
 * 浙江 city budgets (cities/浙江: 杭州, 湖州), one file per city, every figure below read off the
 * printed page by hand (pdftotext -layout and the page images; page numbers are the PDF's):
 * each standard table's rows and totals, and the headline figures. The layouts: tables with a row
 * of column numbers (`**` | 1 | 2 | …), 收入总表 by unit with 本年收入 / 上年结转结余 groups,
 * 支出总表 splitting 基本支出 into 人员支出 | 公用经费 with no 基本支出 column, 收支总表 by name
 * only (杭州 prints no codes at all), "一、财政拨款" over its funds, "一、本年支出合计" over the
 * classes, empty tables noted by 备注： or by a bare sentence. See docs/corpus/zhejiang.md.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Disclosure, Row, StdTable } from '../../src/model/disclosure.js';
import { checkFile } from '../../src/pipeline.js';
import { CORPUS, sharedOnly } from '../helpers/shared.js';

const DIR = join(CORPUS, 'cities', '浙江');

function table(d: Disclosure, kind: StdTable['kind']): StdTable {
  const t = d.tables.find((x) => x.kind === kind);
  assert.ok(t, `no ${kind}`);
  return t;
}

function raw(r: Row | undefined, key: string): string | null {
  return r?.values[key]?.raw ?? null;
}

const num = (m: { toString(): string } | null) => (m === null ? null : Number(m.toString()));

describe('浙江 cities: tables and headline figures as printed', sharedOnly, () => {
  test('杭州市气象局 2026 (pp. 15–23): ten tables, no codes, column numbers as header', async () => {
    const { document: d, findings } = await checkFile(join(DIR, '杭州', '2026年杭州市气象局部门预算.pdf'));
    assert.deepEqual([d.kind, d.year, d.entity.name, d.unit.scale], ['budget', 2026, '杭州市气象局', '万元']);
    assert.deepEqual(
      d.tables.map((t) => `${t.kind}:${t.rows.length}`),
      [
        // p15: 10 income lines + 3 totals | 17 classes/款/项 + 3 totals
        'revenue-expenditure-summary:33',
        // p16: 合计, the department, its two units (the ** 1 2 … row is no row)
        'revenue:4',
        'expenditure:18',
        // p18: income 一、财政拨款 + 3 funds, 二、上年结转结余 + 3, 收入总计 | 一、本年支出合计, 17, 二、年终结转结余, 支出总计
        'fiscal-summary:29',
        'general-budget-expenditure:18',
        'general-budget-basic:39',
        'three-public:3',
        'gov-fund-expenditure:1',
        'state-capital-expenditure:1',
        'project-expenditure:4',
      ],
    );
    assert.ok(d.tables.every((t) => t.reading?.status !== 'uncertain'));
    // 收支总表 p15
    const t1 = table(d, 'revenue-expenditure-summary');
    const side = (s: 'revenue' | 'expenditure', role: Row['role']) => t1.rows.find((r) => r.side === s && r.role === role);
    assert.deepEqual(
      [raw(side('revenue', 'total'), 'amount'), raw(side('revenue', 'grand-total'), 'amount'), raw(side('expenditure', 'total'), 'amount'), raw(side('expenditure', 'grand-total'), 'amount')],
      ['5,876.67', '5,876.67', '5,876.67', '5,876.67'],
    );
    // 类 from their names: 206, 208, 210, 220 — 款 and 项 carry no code.
    assert.deepEqual(t1.rows.filter((r) => r.side === 'expenditure' && r.code).map((r) => r.code), ['206', '208', '210', '220']);
    // 收入总表 p16: 本年收入 / 上年结转结余 groups; the carry-over sources keyed apart.
    const t2 = table(d, 'revenue');
    const t2Total = t2.rows[0];
    assert.deepEqual([t2Total.name, raw(t2Total, 'total'), raw(t2Total, 'currentIncome'), raw(t2Total, 'generalBudget'), raw(t2Total, 'other')], ['合计', '5,876.67', '5,876.67', '5,753.07', '123.61']);
    assert.ok(t2.columns.some((c) => c.key === 'carryOver.generalBudget') && t2.columns.some((c) => c.key === 'carryOver'));
    // 支出总表 p16–17: 人员支出 | 日常公用支出 with no 基本支出 column.
    const t3 = table(d, 'expenditure');
    assert.deepEqual([raw(t3.rows[0], 'total'), raw(t3.rows[0], 'personnel'), raw(t3.rows[0], 'public'), raw(t3.rows[0], 'project')], ['5,876.67', '2,906.80', '838.27', '2,131.61']);
    // 财政拨款收支总表 p18: 一、本年支出合计 heads the classes.
    const t4 = table(d, 'fiscal-summary');
    assert.equal(raw(t4.rows.find((r) => r.side === 'expenditure' && r.role === 'total'), 'amount'), '5,753.07');
    // 一般公共预算支出表 p18–19: 基本支出 / 小计 is 基本支出.
    const t5 = table(d, 'general-budget-expenditure');
    assert.deepEqual(['total', 'basic', 'personnel', 'public', 'project'].map((k) => raw(t5.rows[0], k)), ['5,753.07', '3,745.07', '2,906.80', '838.27', '2,008.00']);
    // 基本支出表 p19
    const t6 = table(d, 'general-budget-basic');
    assert.deepEqual(['total', 'personnel', 'public'].map((k) => raw(t6.rows[0], k)), ['3,745.07', '2,906.80', '838.27']);
    // 三公 p20: 合计 24.02 = 公务用车 18.00 (运行 18.00) + 接待 6.02, no 出国.
    const tp = table(d, 'three-public');
    assert.deepEqual(['total', 'vehicle', 'vehicleOperation', 'reception'].map((k) => raw(tp.rows[0], k)), ['24.02', '18.00', '18.00', '6.02']);
    // Empty fund tables p21–22, each with its 备注.
    for (const k of ['gov-fund-expenditure', 'state-capital-expenditure'] as const) {
      const t = table(d, k);
      assert.ok(t.empty && /^备注：本部门没有/.test(t.note ?? ''), k);
    }
    // 项目支出表 p23
    assert.equal(raw(table(d, 'project-expenditure').rows[0], 'total'), '2,131.61');
    const s = d.summary;
    assert.deepEqual(
      [s.revenueTotal, s.expenditureTotal, s.basicExpenditure, s.projectExpenditure, s.personnelExpenditure, s.publicExpenditure].map(num),
      [5876.67, 5876.67, 3745.07, 2131.61, 2906.8, 838.27],
    );
    assert.deepEqual(
      [s.threePublic.total, s.threePublic.vehicle, s.threePublic.vehicleOperation, s.threePublic.reception].map(num),
      [24.02, 18, 18, 6.02],
    );
    // The 说明 states no 机关运行经费 figure (only the glossary defines it).
    assert.equal(s.operatingCosts, null);
    assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => f.rule), []);
  });

  test('湖州市退役军人事务局 2026 (pp. 17–31): continued tables, split codes by indentation, empty tables noted by 注', async () => {
    const { document: d, findings } = await checkFile(join(DIR, '湖州', '2026年湖州市退役军人事务局部门预算.pdf'));
    assert.deepEqual([d.kind, d.year, d.entity.name, d.unit.scale], ['budget', 2026, '湖州市退役军人事务局', '万元']);
    assert.deepEqual(
      d.tables.map((t) => `${t.kind}:${t.rows.length}`),
      [
        // pp17–18, one table over two pages: 10 income lines + 3 totals | 27 classes/款/项 + 3 totals
        'revenue-expenditure-summary:43',
        // p19: 合计, the department, five units
        'revenue:7',
        // pp20–21: 合计 + 27 coded rows
        'expenditure:28',
        'fiscal-summary:38',
        'general-budget-expenditure:28',
        // pp26–27: 合计 + 34 economic rows
        'general-budget-basic:35',
        'three-public:3',
        'gov-fund-expenditure:1',
        'state-capital-expenditure:1',
        // p30: 合计 + 7 projects
        'project-expenditure:8',
      ],
    );
    assert.ok(d.tables.every((t) => t.reading?.status !== 'uncertain'));
    const t1 = table(d, 'revenue-expenditure-summary');
    const rev = t1.rows.filter((r) => r.side === 'revenue');
    assert.deepEqual(
      rev.filter((r) => r.role === 'line' && r.values.amount?.value).map((r) => [r.name, raw(r, 'amount')]),
      [['一、财政拨款', '5973.01'], ['一般公共预算', '5973.01'], ['七、其他收入', '283.30']],
    );
    assert.deepEqual(['total', 'grand-total'].map((role) => raw(rev.find((r) => r.role === role), 'amount')), ['6256.31', '6256.31']);
    const t3 = table(d, 'expenditure');
    assert.deepEqual([t3.rows[0].name, raw(t3.rows[0], 'total'), raw(t3.rows[0], 'personnel'), raw(t3.rows[0], 'public'), raw(t3.rows[0], 'project')], ['合计', '6256.31', '1487.48', '116.93', '4651.90']);
    // Codes printed in one column, indented by level: 208 / 20805 / 2080501.
    assert.deepEqual(t3.rows.slice(1, 4).map((r) => [r.code, r.level]), [['208', 'class'], ['20805', 'section'], ['2080501', 'item']]);
    const t4 = table(d, 'fiscal-summary');
    assert.deepEqual(['total', 'grand-total'].map((role) => raw(t4.rows.find((r) => r.side === 'revenue' && r.role === role), 'amount')), ['5973.01', '5973.01']);
    const t5 = table(d, 'general-budget-expenditure');
    assert.deepEqual(['total', 'basic', 'personnel', 'public', 'project'].map((k) => raw(t5.rows[0], k)), ['5973.01', '1604.41', '1487.48', '116.93', '4368.60']);
    const t6 = table(d, 'general-budget-basic');
    assert.deepEqual(['total', 'personnel', 'public'].map((k) => raw(t6.rows[0], k)), ['1604.41', '1487.48', '116.93']);
    // 三公 p28: only 公务接待费 1.10 (1.00 + 0.10).
    const tp = table(d, 'three-public');
    assert.deepEqual(tp.rows.map((r) => raw(r, 'reception')), ['1.10', '1.00', '0.10']);
    assert.equal(raw(tp.rows[0], 'total'), '1.10');
    for (const k of ['gov-fund-expenditure', 'state-capital-expenditure'] as const) assert.ok(table(d, k).empty && /^注：/.test(table(d, k).note ?? ''), k);
    assert.equal(raw(table(d, 'project-expenditure').rows[0], 'total'), '4651.90');
    const s = d.summary;
    assert.deepEqual(
      [s.revenueTotal, s.expenditureTotal, s.basicExpenditure, s.projectExpenditure, s.personnelExpenditure, s.publicExpenditure, s.operatingCosts].map(num),
      [6256.31, 6256.31, 1604.41, 4651.9, 1487.48, 116.93, 48.78],
    );
    assert.deepEqual(
      [s.threePublic.total, s.threePublic.abroad, s.threePublic.vehicle, s.threePublic.reception].map(num),
      [1.1, 0, 0, 1.1],
    );
    // What remains are the 说明's percentages (p9–11: 下降 95.0% for 25 ÷ 26.10 = 95.8%, 9.0% for 9.3%, 4.00% for 4.9%).
    assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => f.rule), ['narrative/change-percent', 'narrative/change-percent', 'narrative/change-percent']);
  });

  test('湖州市交通运输局 2026: the 财政拨款收支总表 that does not add up is reported, and only that', async () => {
    const { findings } = await checkFile(join(DIR, '湖州', '2026年湖州市交通运输局部门预算.pdf'));
    // p28–29: 支出总计 42,673.03 against classes adding to 192,207.76; its funds against the 收支总表's (p23).
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error').map((f) => f.rule).sort(),
      ['arithmetic/t4-grand-totals', 'cross-table/t4-t1-revenue', 'cross-table/t4-t1-revenue'],
    );
  });
});
