import type { Figure } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { checkSum } from '../lib/compare.js';
import { val } from '../lib/figures.js';
import { isBlankRow } from '../lib/indicators.js';
import { fmtN, place } from '../lib/self-eval.js';
import { defineRule } from '../types.js';

export const selfEvalTotalScore = defineRule({
  meta: {
    id: 'arithmetic/self-eval-total-score',
    title: '自评总分等于各指标得分加执行率得分',
    severity: 'error',
    category: 'arithmetic',
    basis: `${BASIS.performance}；domain.md §5.19`,
    description: '项目自评表：总分 = 各绩效指标自评得分之和 + 预算执行率指标得分。有填写内容的指标行缺得分（多为未能读出）时不判断。',
    example: { bad: '指标得分 10、10、10、10、10、10，执行率得分 10，总分 80', message: '项目“党建活动经费”绩效自评表总分 80 分，各指标得分与预算执行率得分之和为 70 分，相差 10 分。' },
    messages: {
      sumDiffers: '{{where}}总分 {{total}} 分，各指标得分与预算执行率得分之和{{detail}}为 {{sum}} 分，相差 {{difference}} 分。',
    },
    appliesTo: ['self-evaluation', 'final-accounts'],
  },
  check(doc, ctx) {
    for (const p of doc.selfEvaluation?.projects ?? []) {
      // Judge only a table whose every filled indicator row has its score read.
      const filled = p.indicators.filter((i) => !isBlankRow(i.level3, i.target.raw));
      if (!filled.length || filled.some((i) => val(i.score) === null)) continue;
      const scores: (Figure | null)[] = p.indicators.map((i) => i.score);
      checkSum(ctx, {
        messageId: 'sumDiffers',
        where: place(p),
        totalLabel: '总分',
        total: p.totalScore,
        parts: [...scores.map((f, i) => ({ label: p.indicators[i].level3, figure: f })), { label: '预算执行率得分', figure: p.executionScore }],
        partsLabel: '各指标得分与预算执行率得分',
        unit: '分',
        format: fmtN,
        location: { ...p.loc, ...(p.totalScore?.loc ?? {}), where: `${place(p)}总分` },
      });
    }
  },
});
