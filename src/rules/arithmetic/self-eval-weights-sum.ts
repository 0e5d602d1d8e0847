import { BASIS } from '../lib/basis.js';
import { money, sum } from '../lib/figures.js';
import { level1Name } from '../lib/indicators.js';
import { executionWeight, HUNDRED, place } from '../lib/self-eval.js';
import { defineRule } from '../types.js';

export const selfEvalWeightsSum = defineRule({
  meta: {
    id: 'arithmetic/self-eval-weights-sum',
    title: '各一级指标分值合计为 100 分',
    severity: 'warning',
    category: 'arithmetic',
    basis: `${BASIS.performance}（满分 100 分）`,
    description: '项目自评表：各一级指标分值与预算执行率分值之和为 100。',
    example: { bad: '产出 40、效益 40、满意度 10，执行率 20', message: '项目“网络宣传费用”绩效自评表各一级指标分值与预算执行率分值合计 110 分，应为 100 分。' },
    messages: {
      selfEvalWeightsSum: '{{place}}各一级指标分值与预算执行率分值合计 {{total}} 分，应为 100 分。',
    },
    appliesTo: ['self-evaluation', 'final-accounts'],
  },
  check(doc, ctx) {
    for (const p of doc.selfEvaluation?.projects ?? []) {
      const entries = Object.entries(p.weights);
      // Judge only weights read for the main 一级 indicators, not a stray one.
      const names = entries.map(([k]) => level1Name(k));
      if (!names.includes('产出指标') || !names.includes('效益指标')) continue;
      const hasExec = entries.some(([k]) => /执行率/.test(k));
      const w = executionWeight(p);
      const total = sum([...entries.map(([, v]) => money(v)), ...(!hasExec && w !== null ? [money(w)] : [])]);
      if (total.equals(HUNDRED)) continue;
      ctx.report({
        messageId: 'selfEvalWeightsSum', data: { place: place(p), total: total.toString() },
        location: { ...p.loc, where: place(p) },
        expected: HUNDRED,
        actual: total,
        difference: total.minus(HUNDRED),
      });
    }
  },
});
