/**
 * 上海 (单位预算, tables in 元), 北京 (说明 only: the tables are a separate attachment) and the
 * central department filed under a city's name (国家信访局 2026): headline figures and tables read
 * off the pages by hand (docs/corpus/shanghai-beijing.md).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkFile } from '../../src/pipeline.js';
import { CORPUS, sharedOnly } from '../helpers/shared.js';

const CITIES = join(CORPUS, 'cities');
const n = (v: { toString(): string } | null | undefined) => (v == null ? null : Number(v.toString()));

test('上海交通职业技术学院 2026 (单位预算, 元): nine tables, headline figures, parent department', sharedOnly, async () => {
  const { document: d, findings } = await checkFile(join(CITIES, '上海/上海/2026年上海市交通运输局_部门预算.pdf'));
  assert.deepEqual([d.entity.name, d.entity.scope, d.entity.parent, d.entity.region], ['上海交通职业技术学院', 'unit', '上海市交通委员会', '上海市']);
  assert.deepEqual(
    d.tables.map((t) => [t.kind, t.rows.length, t.empty]),
    [
      ['revenue-expenditure-summary', 13, false],
      ['revenue', 17, false],
      ['expenditure', 17, false],
      ['fiscal-summary', 9, false],
      ['general-budget-expenditure', 16, false],
      ['gov-fund-expenditure', 1, true],
      ['state-capital-expenditure', 1, true],
      ['general-budget-basic', 39, false],
      ['three-public', 1, false],
    ],
  );
  // p7: 收入总计 = 支出总计 408,696,000 元; 基本支出 336,310,530, 项目支出 72,385,470 (p10).
  const s = d.summary;
  assert.deepEqual([n(s.revenueTotal), n(s.expenditureTotal), n(s.basicExpenditure), n(s.projectExpenditure)], [40869.6, 40869.6, 33631.053, 7238.547]);
  // p20: 三公 67.59 = 出国 35.00 + 接待 12.49 + 公务用车 20.10 (购置 0, 运行 20.10); p21 本单位无机关运行经费.
  assert.deepEqual(
    [s.threePublic.total, s.threePublic.abroad, s.threePublic.reception, s.threePublic.vehicle, s.threePublic.vehiclePurchase, s.threePublic.vehicleOperation].map(n),
    [67.59, 35, 12.49, 20.1, 0, 20.1],
  );
  assert.equal(n(s.procurementTotal), 3402.01);
  assert.ok(d.tables.filter((t) => !t.empty).every((t) => t.reading?.status === 'verified'));
  assert.deepEqual(findings.filter((f) => f.severity === 'error'), []);
});

test('北京市交通委员会 2026 (说明 only): the figures the 说明 states, no false sum', sharedOnly, async () => {
  const { document: d, findings } = await checkFile(join(CITIES, '北京/北京/2026年北京市交通委员会部门预算.pdf'));
  assert.deepEqual([d.kind, d.year, d.entity.name, d.entity.scope], ['budget', 2026, '北京市交通委员会', 'department']);
  const s = d.summary;
  // p6–p8: 收入 = 支出 1,448,787.35; 基本 145,113.35; 项目 1,303,674.00; 三公 1,328.22 (车 1,157.69 = 666.41 + 491.28); p9 机关运行经费 10,384.60, 采购 31,523.94.
  assert.deepEqual(
    [s.revenueTotal, s.expenditureTotal, s.basicExpenditure, s.projectExpenditure, s.threePublic.total, s.threePublic.vehicle, s.threePublic.vehiclePurchase, s.threePublic.vehicleOperation, s.operatingCosts, s.procurementTotal].map(n),
    [1448787.35, 1448787.35, 145113.35, 1303674, 1328.22, 1157.69, 666.41, 491.28, 10384.6, 31523.94],
  );
  // (一)本年财政拨款收入 over items 1–3, (三)上年结转结余 over item 10: the list adds up.
  assert.deepEqual(findings.filter((f) => f.severity === 'error'), []);
});

test('国家信访局 2026 (filed under 武汉): tables continued over landscape pages, bracketed notes, 上年结转 in project forms', sharedOnly, async () => {
  const { document: d, findings } = await checkFile(join(CITIES, '_misfiled/2026年武汉市信访局部门预算.pdf'));
  assert.deepEqual([d.year, d.entity.name, d.entity.scope], [2026, '国家信访局', 'department']);
  assert.deepEqual(
    d.tables.map((t) => [t.kind, t.rows.length, t.reading?.status]),
    [
      ['revenue-expenditure-summary', 16, 'verified'],
      ['revenue', 1, 'verified'],
      ['expenditure', 23, 'verified'],
      ['fiscal-summary', 16, 'verified'],
      ['general-budget-expenditure', 26, 'verified'],
      ['general-budget-basic', 40, 'verified'],
      ['gov-fund-expenditure', 1, 'unchecked'],
      ['state-capital-expenditure', 1, 'unchecked'],
      ['three-public', 1, 'verified'],
    ],
  );
  assert.match(d.tables[6].note ?? '', /没有使用政府性基金预算拨款安排的支出/);
  const s = d.summary;
  // p5 本年收入合计 48,362.82, 本年支出合计 50,616.94; p7 基本 11,056.07, 项目 39,560.87; p12–13 人员 7,504.62, 公用 2,376.26; p16 三公 112.61.
  assert.deepEqual(
    [s.revenueTotal, s.expenditureTotal, s.basicExpenditure, s.projectExpenditure, s.personnelExpenditure, s.publicExpenditure, s.threePublic.total].map(n),
    [48362.82, 50616.94, 11056.07, 39560.87, 7504.62, 2376.26, 112.61],
  );
  // p30: 年度资金总额 2,134.87 = 财政拨款 1,384.87 + 上年结转 750.00.
  const it = d.projects.find((p) => p.name.includes('信息化运行维护'));
  assert.equal(n(it?.carryOverFunds?.value), 750);
  // The one error left is true (p25: +333.83 on 1,057.85 is 31.56 %, the text says 31.35 %).
  assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => f.rule), ['narrative/change-percent']);
});
