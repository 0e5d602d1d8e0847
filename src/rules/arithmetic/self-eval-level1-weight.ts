import { Money } from '../../model/money.js';
import { BASIS } from '../lib/basis.js';
import { checkAtMost } from '../lib/compare.js';
import { asFigure, money, sum, val } from '../lib/figures.js';
import { level1Name } from '../lib/indicators.js';
import { fmtN, place } from '../lib/self-eval.js';
import { defineRule } from '../types.js';

export const selfEvalLevel1Weight = defineRule({
  meta: {
    id: 'arithmetic/self-eval-level1-weight',
    title: '一级指标得分不超过其分值',
    severity: 'error',
    category: 'arithmetic',
    basis: `${BASIS.performance}；domain.md §5.19`,
    description: '项目自评表：同一一级指标（产出、效益、满意度……）下各指标得分之和不超过表中该一级指标的分值。',
    example: { bad: '效益指标（30）下得分 40', message: '项目“网络宣传费用”绩效自评表效益指标得分合计 40 分，超过该一级指标分值 30 分，超出 10 分。' },
    messages: {
      exceeds: '{{a}} {{actual}} 分，超过该一级指标分值 {{limit}} 分，超出 {{difference}} 分。',
    },
    appliesTo: ['self-evaluation', 'final-accounts'],
  },
  check(doc, ctx) {
    for (const p of doc.selfEvaluation?.projects ?? []) {
      const weights = new Map(Object.entries(p.weights).map(([k, v]) => [level1Name(k), v]));
      const groups = new Map<string, Money[]>();
      for (const i of p.indicators) {
        const s = val(i.score);
        if (!s) continue;
        const k = level1Name(i.level1);
        groups.set(k, [...(groups.get(k) ?? []), s]);
      }
      for (const [l1, scores] of groups) {
        const w = weights.get(l1);
        if (w === undefined) continue;
        const total = sum(scores);
        checkAtMost(ctx, {
          messageId: 'exceeds',
          a: { desc: `${place(p)}${l1}得分合计`, figure: asFigure(total, total.toString()) },
          b: { desc: '该一级指标分值', figure: asFigure(money(w), String(w)) },
          unit: '分',
          format: fmtN,
          tolerance: new Money('0.005'),
          location: { ...p.loc, where: `${place(p)}${l1}` },
        });
      }
    }
  },
});
