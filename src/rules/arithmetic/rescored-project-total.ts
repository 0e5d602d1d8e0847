import { SCORE_TOLERANCE } from '../../score/index.js';
import { APPLIES, printedHalf, SCORING_BASIS } from '../lib/rescore.js';
import { place, pts, SCORING_OPTIONS, scoringOf } from '../lib/scorecard.js';
import { defineRule } from '../types.js';

export const rescoredProjectTotal = defineRule({
  meta: {
    id: 'arithmetic/rescored-project-total',
    title: '项目自评总分与重新计分的总分不符',
    severity: 'warning',
    category: 'arithmetic',
    basis: SCORING_BASIS,
    description:
      '重新计分后的项目总分 = 预算执行率得分（min(执行数 ÷ 预算数, 100%) × 分值，或计分办法规定的分档）+ 各指标重新计分的得分，每项先按计分办法保留小数（默认两位）再相加；与表中所填总分比较。' +
      '所填总分与所填各项得分之和不符的，由 arithmetic/self-eval-total-score 报告。',
    example: {
      bad: '预算数 10，执行数 5.78（执行率得分应为 5.78），效益指标唯一一项达成（应得 40），表中总分 70',
      message: '项目“信息化及人员培训费”绩效自评表总分 70 分，按计分办法重新计分应为 95.78 分（预算执行率 5.78、产出指标 40、效益指标 40、满意度指标 10），相差 25.78 分。',
    },
    messages: {
      rescoredProjectTotal: '{{place}}总分 {{stated}} 分，按计分办法重新计分应为 {{computed}} 分（{{parts}}），相差 {{diff}} 分。',
    },
    appliesTo: APPLIES,
    options: SCORING_OPTIONS,
  },
  check(doc, ctx) {
    const card = scoringOf(doc, ctx)?.card;
    if (!card) return;
    card.projects.forEach((s, k) => {
      const p = doc.selfEvaluation!.projects[k];
      const { computed, stated, statedRaw } = s.total;
      if (!computed || !stated) return;
      const diff = stated.minus(computed);
      if (diff.abs().lessThanOrEqualTo(SCORE_TOLERANCE)) return;
      const parts = [
        ...(s.execution.computed ? [`预算执行率 ${pts(s.execution.computed)}`] : []),
        ...s.level1.map((l) => `${l.name} ${pts(l.computed!)}`),
      ];
      ctx.report({
        messageId: 'rescoredProjectTotal', data: { place: place(p.name), stated: pts(stated), computed: pts(computed), parts: parts.join('、'), diff: pts(diff.abs()) },
        location: { ...p.loc, ...(p.totalScore?.loc ?? {}), where: `${place(p.name)}总分` },
        figures: { 所填总分: stated, 重新计分: computed },
        expected: computed,
        actual: stated,
        difference: diff,
        rounding: diff.abs().lessThanOrEqualTo(printedHalf(statedRaw)),
      });
    });
  },
});
