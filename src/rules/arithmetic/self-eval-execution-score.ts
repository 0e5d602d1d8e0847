import { Money } from '../../model/money.js';
import { BASIS } from '../lib/basis.js';
import { halfStep, money, val } from '../lib/figures.js';
import { computedRate, executionWeight, fmtN, HUNDRED, place } from '../lib/self-eval.js';
import { defineRule } from '../types.js';

export const selfEvalExecutionScore = defineRule({
  meta: {
    id: 'arithmetic/self-eval-execution-score',
    title: '预算执行率得分等于执行率乘分值',
    severity: 'warning',
    category: 'arithmetic',
    basis: `${BASIS.performance}（预算执行率得分 = 执行率 × 分值）；domain.md §5.19`,
    description: '项目自评表：预算执行率指标得分 = min(执行数 ÷ 预算数, 100%) × 该指标分值。部分地方另有分档计分办法，故为警告，可在配置中调整。',
    example: { bad: '预算数 10，执行数 5.78，执行率指标分值 10，得分 10', message: '项目“信息化及人员培训费”绩效自评表预算执行率得分 10 分，按执行率 57.80% × 分值 10 应为 5.78 分，相差 4.22 分。' },
    messages: {
      selfEvalExecutionScore: '{{place}}预算执行率得分 {{score}} 分，按执行率 {{rate}}% × 分值 {{weight}} 应为 {{expected}} 分，相差 {{diff}} 分。',
    },
    appliesTo: ['self-evaluation', 'final-accounts'],
  },
  check(doc, ctx) {
    for (const p of doc.selfEvaluation?.projects ?? []) {
      const score = val(p.executionScore);
      const weight = executionWeight(p);
      const c = computedRate(p);
      if (!score || weight === null || !c) continue;
      const rate = Money.min(c.rate, HUNDRED);
      const expected = rate.times(weight).div(100);
      const diff = score.minus(expected);
      if (diff.isZero()) continue;
      const tol = halfStep(p.executionScore!.raw, score).plus(c.tol.times(weight).div(100));
      ctx.report({
        messageId: 'selfEvalExecutionScore', data: { place: place(p), score: fmtN(score), rate: rate.toFixed(2), weight, expected: fmtN(expected), diff: fmtN(diff.abs()) },
        location: { ...p.loc, ...(p.executionScore?.loc ?? {}), where: `${place(p)}预算执行率指标得分` },
        figures: { 执行率: rate, 分值: money(weight), 得分: score },
        expected: expected.toDecimalPlaces(2),
        actual: score,
        difference: diff.toDecimalPlaces(2),
        rounding: diff.abs().lessThanOrEqualTo(tol),
      });
    }
  },
});
