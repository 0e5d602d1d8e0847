/**
 * Seed 004 (元氏县委网信办 2022 年度整体支出绩效自评报告) re-scored. Figures worked out by hand from
 * the document:
 * - 网络安全防护及处置经费: 29.99 ÷ 30 = 99.97%, the table says 99.99%.
 * - 信息化及人员培训费: 5.78 ÷ 10 = 57.8% (58% is its rounding), so the execution score is 5.78, not
 *   10; its only 效益 indicator (≥95%, achieved 95%) met its target but scored 10 of the 40 marks;
 *   recomputed total 5.78 + 40 + 40 + 10 = 95.78, the table says 70.
 * - Department: 94 = (100 + 100 + 100 + 70 + 100) ÷ 5, the plain mean of the stated totals (the
 *   budget-weighted one is 7750 ÷ 80.5 = 96.27). Recomputed: (100 + 100 + 100 + 95.78 + 100) ÷ 5 =
 *   99.16 plain, (50 + 3000 + 3000 + 957.8 + 1000) ÷ 80.5 = 99.48 weighted; 优 either way, as stated.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Money } from '../../src/model/money.js';
import { checkFile } from '../../src/pipeline.js';
import { scoreDisclosure } from '../../src/score/index.js';
import { SEED, seed, sharedOnly } from '../helpers/shared.js';

const s = (v: Money | null | undefined) => (v ? v.toString() : null);

const MINE = [
  'arithmetic/rescored-execution-rate',
  'indicator/rescored-score',
  'arithmetic/rescored-project-total',
  'arithmetic/rescored-department-score',
  'arithmetic/rescored-grade',
];

for (const ext of ['docx', 'txt']) {
  describe(`seed 004 (.${ext}) re-scored`, () => {
    test('the scorecard: rates, execution scores, 一级 subtotals, totals and grades, stated and recomputed', sharedOnly, async () => {
      const { document } = await checkFile(seed(`${SEED.yuanshi}.${ext}`));
      const card = scoreDisclosure(document, 'auto');
      assert.ok(card);
      assert.deepEqual(
        card.projects.map((p) => [p.name, s(p.budget), s(p.executed), p.execution.rate?.toFixed(2), s(p.execution.statedRate), p.execution.rateAgrees, s(p.execution.computed), s(p.execution.stated)]),
        [
          ['党建活动经费', '0.5', '0.5', '100.00', '100', true, '10', '10'],
          ['网络安全防护及处置经费', '30', '29.99', '99.97', '99.99', false, '10', '10'],
          ['网络宣传费用', '30', '30', '100.00', '100', true, '10', '10'],
          ['信息化及人员培训费', '10', '5.78', '57.80', '58', true, '5.78', '10'],
          ['舆情中心运行经费', '10', '10', '100.00', '100', true, '10', '10'],
        ],
      );
      assert.deepEqual(
        card.projects.map((p) => p.level1.map((l) => `${l.name} ${s(l.weight)}: ${s(l.computed)}/${s(l.stated)}`)),
        [
          ...Array(3).fill(['产出指标 40: 40/40', '效益指标 40: 40/40', '满意度指标 10: 10/10']),
          ['产出指标 40: 40/40', '效益指标 40: 40/10', '满意度指标 10: 10/10'],
          ['产出指标 40: 40/40', '效益指标 40: 40/40', '满意度指标 10: 10/10'],
        ],
      );
      assert.deepEqual(
        card.projects.map((p) => [s(p.total.computed), s(p.total.stated), p.grade?.grade]),
        [
          ['100', '100', '优'],
          ['100', '100', '优'],
          ['100', '100', '优'],
          ['95.78', '70', '优'],
          ['100', '100', '优'],
        ],
      );
      // Every indicator agrees with its re-score except the 效益 one of 信息化及人员培训费.
      const disagree = card.projects.flatMap((p) => p.level1.flatMap((l) => l.indicators.filter((i) => i.agrees !== true).map((i) => [p.name, i.level3, s(i.stated), s(i.computed)])));
      assert.deepEqual(disagree, [['信息化及人员培训费', '信息化发展规划', '10', '40']]);
      const d = card.department;
      assert.deepEqual([s(d.stated), d.statedGrade, d.statedGradeKey, d.statedBasis], ['94', '优秀', '优', 'plain']);
      assert.deepEqual([s(d.statedMeans.plain), s(d.statedMeans.weighted)], ['94', '96.27']);
      assert.deepEqual([s(d.computedMeans.plain), s(d.computedMeans.weighted), d.basis, s(d.computed), d.grade?.grade], ['99.16', '99.48', 'plain', '99.16', '优']);
    });

    test('the findings: every real inconsistency, each reported once', sharedOnly, async () => {
      const { findings } = await checkFile(seed(`${SEED.yuanshi}.${ext}`));
      const selfEval = findings.filter((f) => MINE.includes(f.rule) || f.rule.startsWith('arithmetic/self-eval-'));
      assert.deepEqual(
        selfEval.filter((f) => MINE.includes(f.rule)).map((f) => [f.rule, f.severity, f.message]),
        [
          ['arithmetic/rescored-execution-rate', 'warning', '项目“网络安全防护及处置经费”绩效自评表预算执行进度填 99.99%，按所列执行数 29.99 万元 ÷ 预算数 30.00 万元为 99.97%，相差 0.02 个百分点。'],
          ['indicator/rescored-score', 'warning', '项目“信息化及人员培训费”绩效自评表指标“信息化发展规划”（效益指标）自评得分 10 分，按完成情况应得 40 分（95% 达到 ≥95%，达成；效益指标 40 分由 1 项指标均分），相差 30 分。'],
          ['arithmetic/rescored-project-total', 'warning', '项目“信息化及人员培训费”绩效自评表总分 70 分，按计分办法重新计分应为 95.78 分（预算执行率 5.78、产出指标 40、效益指标 40、满意度指标 10），相差 25.78 分。'],
          ['arithmetic/rescored-department-score', 'warning', '部门自评总得分 94 分（即各项目所填得分的简单平均），按各项目重新计分后的简单平均应为 99.16 分（按预算加权平均为 99.48 分），相差 5.16 分。'],
        ],
      );
      // The execution score of 信息化及人员培训费 (10 for 57.8%) and the 预算执行率 rows' stated
      // actual "100%" (projects 2 and 4) are the self-evaluation arithmetic's to report.
      const theirs = selfEval.filter((f) => !MINE.includes(f.rule));
      assert.deepEqual(theirs.map((f) => [f.rule, f.severity, f.message]), [
        ['arithmetic/self-eval-execution-actual', 'warning', '项目“网络安全防护及处置经费”绩效自评表预算执行率指标实际完成值填 100%，按执行数 29.99 ÷ 预算数 30.00 为 99.97%，相差 0.03 个百分点。'],
        ['arithmetic/self-eval-execution-actual', 'warning', '项目“信息化及人员培训费”绩效自评表预算执行率指标实际完成值填 100%，按执行数 5.78 ÷ 预算数 10.00 为 57.80%，相差 42.2 个百分点。'],
        ['arithmetic/self-eval-execution-score', 'warning', '项目“信息化及人员培训费”绩效自评表预算执行率得分 10 分，按执行率 57.80% × 分值 10 应为 5.78 分，相差 4.22 分。'],
      ]);
    });
  });
}
