/**
 * `gongkai report self-evaluation`: the report generated from examples/self-evaluation-input.json,
 * read back by gongkai's own .docx reader and self-evaluation recogniser, gives the same figures;
 * every score checked against a hand computation.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { Disclosure, Figure, Finding } from '../../src/model/disclosure.js';
import { checkFile } from '../../src/pipeline.js';
import { readDocumentFile } from '../../src/read/index.js';
import type { Cell } from '../../src/read/doc.js';
import { selfEvalDocx } from '../../src/render/self-eval-docx.js';
import { InputError, parseSelfEvalInput, type SelfEvalInput } from '../../src/render/self-eval-input.js';
import { scoreReport, type ScoredReport } from '../../src/render/self-eval-scored.js';
import { loadScoringProfile, scoreDisclosure } from '../../src/score/index.js';
import { ROOT } from '../helpers/shared.js';

const EXAMPLE = join(ROOT, 'examples/self-evaluation-input.json');
const dir = mkdtempSync(join(tmpdir(), 'gongkai-report-'));
const example = (): SelfEvalInput => parseSelfEvalInput(JSON.parse(readFileSync(EXAMPLE, 'utf8')));
const raw = (f: Figure | null | undefined) => f?.raw ?? null;
const v = (f: Figure | null | undefined) => (f?.value ? f.value.toString() : null);

async function generate(input: SelfEvalInput, name: string, profile = input.scoringProfile ?? 'national'): Promise<{ report: ScoredReport; path: string }> {
  const report = scoreReport(input, loadScoringProfile(profile));
  const path = join(dir, name);
  writeFileSync(path, await selfEvalDocx(report));
  return { report, path };
}

/**
 * Hand-computed (national profile: 执行率 10, 产出 50, 效益 30, 满意度 10; marks of a 一级 shared
 * equally among its indicators):
 * - 政务云平台运维: 44.37 ÷ 45 = 98.60% → 9.86; 产出 4 × 12.5; 效益 15 each: 上云率 86 ÷ 90 × 15 =
 *   14.33, 备份 是 = 是 → 15; 满意度 93% ≥ 90% → 10. Total 9.86 + 50 + 29.33 + 10 = 99.19.
 * - 政务服务热线数据分析: 15.3 ÷ 18 = 85% → 8.5; 采纳率 48 ÷ 60 × 12.5 = 10, others 12.5; 效益:
 *   下降幅度 3 ÷ 5 × 15 = 9, 工时 15; 满意度 88 ÷ 90 × 10 = 9.78. Total 8.5 + 47.5 + 24 + 9.78 = 89.78.
 * - 电子证照归集: 100% → 10; 产出 4 × 12.5 but 归集完成时间 late (11-15 after 10-31): partly
 *   achieved, 70% of 12.5 = 8.75; 效益 30; 满意度 10. Total 10 + 46.25 + 30 + 10 = 96.25.
 * - Department: (99.19 + 89.78 + 96.25) ÷ 3 = 95.07 (plain, stated); weighted (99.19 × 45 + 89.78 ×
 *   18 + 96.25 × 12.5) ÷ 75.5 = 96.46. 优秀.
 */
const EXPECTED = [
  {
    name: '政务云平台运维',
    amounts: ['45.00', '45.00', '44.37', '45.00', '45.00', '44.37'],
    rate: '98.60%',
    exec: '9.86',
    indicators: [
      ['产出指标', '数量指标', '云主机运维台数', '≥120台', '126台', '12.5'],
      ['产出指标', '质量指标', '平台可用率', '≥99.5%', '99.7%', '12.5'],
      ['产出指标', '时效指标', '故障响应时间', '≤2小时', '1.5小时', '12.5'],
      ['产出指标', '成本指标', '运维成本', '≤45万元', '44.37万元', '12.5'],
      ['效益指标', '社会效益指标', '部门业务系统上云率', '≥90%', '86%', '14.33'],
      ['效益指标', '可持续影响指标', '建立异地数据备份机制', '是', '是', '15'],
      ['满意度指标', '服务对象满意度指标', '使用单位满意度', '≥90%', '93%', '10'],
    ],
    total: '99.19',
  },
  {
    name: '政务服务热线数据分析',
    amounts: ['18.00', '18.00', '15.30', '18.00', '18.00', '15.30'],
    rate: '85.00%',
    exec: '8.5',
    indicators: [
      ['产出指标', '数量指标', '分析报告期数', '≥12期', '12期', '12.5'],
      ['产出指标', '质量指标', '分析建议采纳率', '≥60%', '48%', '10'],
      ['产出指标', '时效指标', '年度分析完成时间', '12月底前完成', '12月20日完成', '12.5'],
      ['产出指标', '成本指标', '分析服务费用', '≤18万元', '15.3万元', '12.5'],
      // The form prints the 效益 二级 in its own order: 经济效益 before 社会效益.
      ['效益指标', '经济效益指标', '节约人工分拣工时', '≥800小时', '920小时', '15'],
      ['效益指标', '社会效益指标', '重复来电比例下降幅度', '≥5%', '3%', '9'],
      ['满意度指标', '服务对象满意度指标', '业务科室满意度', '≥90%', '88%', '9.78'],
    ],
    total: '89.78',
  },
  {
    name: '电子证照归集',
    amounts: ['12.50', '12.50', '12.50', '12.50', '12.50', '12.50'],
    rate: '100.00%',
    exec: '10',
    indicators: [
      ['产出指标', '数量指标', '归集证照类型', '≥40类', '42类', '12.5'],
      ['产出指标', '质量指标', '证照数据准确率', '≥98%', '99.2%', '12.5'],
      ['产出指标', '时效指标', '归集完成时间', '10月底前完成', '11月15日完成', '8.75'],
      ['产出指标', '成本指标', '归集服务费用', '≤12.5万元', '12.5万元', '12.5'],
      ['效益指标', '社会效益指标', '办事材料精简率', '≥20%', '25%', '30'],
      ['满意度指标', '服务对象满意度指标', '窗口人员满意度', '≥85%', '91%', '10'],
    ],
    total: '96.25',
  },
];

function projectFigures(d: Disclosure) {
  return d.selfEvaluation!.projects.map((p) => ({
    name: p.name,
    amounts: [p.budget, p.available, p.executed, p.budgetFiscal, p.availableFiscal, p.executedFiscal].map(raw),
    rate: raw(p.executionRate),
    exec: raw(p.executionScore),
    indicators: p.indicators.map((i) => [i.level1, i.level2, i.level3, i.target.raw, i.actual?.raw ?? null, raw(i.score)]),
    total: raw(p.totalScore),
  }));
}

describe('the example report, generated and read back', () => {
  let report: ScoredReport;
  let doc: Disclosure;
  let findings: Finding[];
  before(async () => {
    const g = await generate(example(), 'example.docx');
    report = g.report;
    ({ document: doc, findings } = await checkFile(g.path));
  });

  test('the generator computed the hand-computed scores', () => {
    assert.deepEqual(
      report.model.projects.map((p) => [p.name, raw(p.executionRate), raw(p.executionScore), raw(p.totalScore)]),
      EXPECTED.map((e) => [e.name, e.rate, e.exec, e.total]),
    );
    assert.deepEqual([report.total.toString(), report.grade.label, report.basis, report.other.value?.toString()], ['95.07', '优秀', 'plain', '96.46']);
  });

  test('read back: the document, the department figures, total and grade', () => {
    assert.equal(doc.kind, 'self-evaluation');
    assert.equal(doc.year, 2024);
    assert.equal(doc.entity.name, '示例县数据资源管理中心');
    const se = doc.selfEvaluation!;
    assert.deepEqual([v(se.initialBudget), v(se.adjustedBudget), v(se.carryOver), v(se.spent)], ['268.4', '281.9', '3.2', '276.55']);
    assert.deepEqual(se.staff, { 事业编制: 12, 在职人员: 11 });
    assert.equal(v(se.totalScore), '95.07');
    assert.equal(se.grade, '优秀');
    assert.deepEqual(doc.units.map((u) => [u.name, u.nature, u.rank, u.funding]), [['示例县数据资源管理中心', '事业单位', '正科级', '财政拨款']]);
  });

  test('read back: every project’s amounts, rate, execution score, indicator target/actual/score and total', () => {
    assert.deepEqual(projectFigures(doc), EXPECTED);
    for (const p of doc.selfEvaluation!.projects) {
      assert.deepEqual(p.weights, { 产出指标: 50, 预算执行率: 10, 效益指标: 30, 满意度指标: 10 });
      assert.equal(p.executionWeight, 10);
      assert.equal(p.unit, '示例县数据资源管理中心');
    }
    assert.deepEqual(doc.selfEvaluation!.projects.map((p) => raw(p.completionRate)), ['99.26%', '90.31%', '95.83%']);
    assert.deepEqual(doc.selfEvaluation!.projects.map((p) => p.goals?.split('\n').length), [2, 2, 2]);
    assert.match(doc.selfEvaluation!.projects[1].problems ?? '', /^分析建议采纳率\s?48%/);
  });

  test('read back and re-scored: the same figures, and no rule on figures or indicators finds anything', () => {
    const card = scoreDisclosure(doc, 'auto')!;
    assert.deepEqual(card.projects.map((p) => [p.total.computed?.toString(), p.total.stated?.toString()]), EXPECTED.map((e) => [e.total, e.total]));
    assert.ok(card.projects.every((p) => p.execution.rateAgrees && p.level1.every((l) => l.indicators.every((i) => i.agrees))));
    assert.equal(card.department.statedBasis, 'plain');
    assert.equal(card.department.computed?.toString(), '95.07');
    // Text heuristics (text-quality/*) are another matter; figures, indicators and completeness must be clean.
    const figures = findings.filter((f) => f.severity === 'error' || /^(arithmetic|indicator|completeness|cross-table|narrative)\//.test(f.rule));
    assert.deepEqual(figures.map((f) => `${f.rule} ${f.message}`), []);
  });

  test('the 自评表 is a real Word table with merged cells like the published form', async () => {
    const read = await readDocumentFile(join(dir, 'example.docx'));
    const tables = read.blocks.filter((b) => b.type === 'table');
    assert.equal(tables.length, 4); // the units table and three 自评表
    const t = tables[1].rows;
    const origin = (text: string): Cell => t.flat().find((c) => c.text === text && !c.mergedFrom)!;
    assert.equal(t[0].length, 8);
    assert.equal(origin('二、预算执行情况').rowSpan, 4);
    assert.equal(origin('三、目标完成情况').rowSpan, 2);
    assert.equal(origin('四、年度绩效指标完成情况').rowSpan, 1 + 4 + 1 + 4 + 1);
    assert.equal(origin('产出指标（50分）').rowSpan, 4);
    // 效益: 经济 (blank), 社会, 生态 (blank), 可持续: the form's four rows.
    assert.equal(origin('效益指标（30分）').rowSpan, 4);
    assert.equal(origin('98.60%').rowSpan, 3);
    assert.equal(origin('预算安排情况（调整后）').colSpan, 2);
    assert.equal(origin('自评得分').colSpan, 2);
    assert.equal(origin('总分').colSpan, 6);
    assert.equal(origin('政务云平台运维').colSpan, 2);
  });
});

describe('other profiles and inputs', () => {
  test('hebei-2022 (10/40/40/10) and a weighted department mean, read back', async () => {
    const dirProfile = join(dir, 'weighted.json');
    writeFileSync(dirProfile, JSON.stringify({ name: 'weighted', description: '测试：按预算加权', extends: 'hebei-2022', departmentMean: 'weighted' }));
    const input = example();
    const { report, path } = await generate(input, 'weighted.docx', dirProfile);
    // 政务云平台运维 under 40/40: 9.86 + 40 + (86/90 × 20 = 19.11) + 20 + 10 = 98.97
    // 热线: 8.5 + (10 + 8 + 10 + 10 = 38) + (12 + 20 = 32) + 9.78 = 88.28; 证照: 10 + (10 + 10 + 7 + 10) + 40 + 10 = 97
    assert.deepEqual(report.model.projects.map((p) => raw(p.totalScore)), ['98.97', '88.28', '97']);
    // weighted (98.97 × 45 + 88.28 × 18 + 97 × 12.5) ÷ 75.5 = 7255.19 ÷ 75.5 = 96.10; plain 94.75
    assert.deepEqual([report.total.toString(), report.basis, report.other.value?.toString()], ['96.1', 'weighted', '94.75']);
    const { document } = await checkFile(path);
    assert.equal(v(document.selfEvaluation!.totalScore), '96.1');
    assert.deepEqual(document.selfEvaluation!.projects.map((p) => raw(p.totalScore)), ['98.97', '88.28', '97']);
    assert.deepEqual(document.selfEvaluation!.projects[0].weights, { 产出指标: 40, 预算执行率: 10, 效益指标: 40, 满意度指标: 10 });
    assert.equal(scoreDisclosure(document, dirProfile)!.department.statedBasis, 'weighted');
  });

  test('a project’s own weights win over the profile’s', () => {
    const input = example();
    input.projects[2].weights = { 产出指标: 60, 效益指标: 20 };
    const r = scoreReport(input, loadScoringProfile('national'));
    // 证照: 10 + (15 + 15 + 10.5 + 15) + 20 + 10 = 95.5
    assert.equal(raw(r.model.projects[2].totalScore), '95.5');
    assert.deepEqual(r.model.projects[2].weights, { 预算执行率: 10, 产出指标: 60, 效益指标: 20, 满意度指标: 10 });
  });

  test('bad input: one Chinese line naming the place', () => {
    const bad = (mutate: (j: Record<string, unknown>) => void): string => {
      const j = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;
      mutate(j);
      try {
        scoreReport(parseSelfEvalInput(j), loadScoringProfile('national'));
      } catch (e) {
        assert.ok(e instanceof InputError, String(e));
        assert.ok(!e.message.includes('\n'));
        return e.message;
      }
      return 'no error';
    };
    const projects = (j: Record<string, unknown>) => j.projects as { indicators: Record<string, string>[]; budget: unknown }[];
    assert.equal(bad((j) => delete j.department), '输入格式有误：department Invalid input: expected string, received undefined');
    assert.equal(bad((j) => (projects(j)[0].budget = '45万元')), '输入格式有误：projects[0].budget 应为不带单位的数字，如 29.99');
    assert.equal(
      bad((j) => (projects(j)[1].indicators[0].actual = '按计划推进')),
      'projects[1]（政务服务热线数据分析）.indicators[0]（分析报告期数）：实际“按计划推进”不是可与 ≥12期 比较的数值；请写成可与预期指标值“≥12期”比较的数值，或写明“已完成”“部分完成”“未完成”。',
    );
    assert.equal(
      bad((j) => (projects(j)[0].indicators[0].level1 = '成本指标')),
      'projects[0]（政务云平台运维）.indicators[0]：一级指标“成本指标”在计分办法“national”中没有分值，请在项目的 weights 中写明。',
    );
    assert.equal(bad((j) => (j.extra = 1)), '输入格式有误：（根） Unrecognized key: "extra"');
  });
});
