import { SCORE_TOLERANCE } from '../../score/index.js';
import { APPLIES, printedHalf } from '../lib/rescore.js';
import { pts, SCORING_OPTIONS, scoringOf } from '../lib/scorecard.js';
import { defineRule } from '../types.js';

const MEAN_NAME = { plain: '简单平均', weighted: '按预算加权平均' } as const;

export const rescoredDepartmentScore = defineRule({
  meta: {
    id: 'arithmetic/rescored-department-score',
    title: '部门总得分与按重新计分的项目得分求得的平均不符',
    severity: 'warning',
    category: 'arithmetic',
    basis: 'domain.md §5.19（部门得分是项目得分的平均：简单平均或按预算加权）；计分办法见 profiles/scoring/',
    description:
      '部门总得分应为各项目得分的平均。先看报告所写总得分是各项目所填得分的哪一种平均（简单平均或按预算数加权），再用同一种平均计算重新计分后的项目得分，与所写总得分比较；两种平均都写出。' +
      '所写总得分与所填项目得分的两种平均都不符的，由 arithmetic/self-eval-department-score 报告。',
    example: {
      bad: '五个项目所填总分 100、100、100、70、100，部门总得分 94（简单平均）；重新计分后为 100、100、100、95.78、100',
      message: '部门自评总得分 94 分（即各项目所填得分的简单平均），按各项目重新计分后的简单平均应为 99.16 分（按预算加权平均为 99.48 分），相差 5.16 分。',
    },
    messages: {
      rescoredDepartmentScore: '部门自评总得分 {{stated}} 分{{said}}，按各项目重新计分后的{{mean}}应为 {{computed}} 分{{otherMean}}，相差 {{difference}} 分。',
    },
    appliesTo: APPLIES,
    options: SCORING_OPTIONS,
  },
  check(doc, ctx) {
    const card = scoringOf(doc, ctx)?.card;
    const d = card?.department;
    if (!card || !d || !d.stated || !d.computed) return;
    const diff = d.stated.minus(d.computed);
    if (diff.abs().lessThanOrEqualTo(SCORE_TOLERANCE)) return;
    const other = d.basis === 'plain' ? 'weighted' : 'plain';
    const otherValue = d.computedMeans[other];
    const said = d.statedBasis === 'both' ? '（即各项目所填得分的平均）' : d.statedBasis ? `（即各项目所填得分的${MEAN_NAME[d.statedBasis]}）` : '';
    ctx.report({
      messageId: 'rescoredDepartmentScore',
      data: {
        stated: pts(d.stated),
        said,
        mean: MEAN_NAME[d.basis],
        computed: d.computed.toFixed(2),
        otherMean: otherValue ? `（${MEAN_NAME[other]}为 ${otherValue.toFixed(2)} 分）` : '',
        difference: pts(diff.abs()),
      },
      location: { ...(doc.selfEvaluation!.totalScore?.loc ?? {}), where: '评价结论和评价等级' },
      figures: { 所写总得分: d.stated, 重算简单平均: d.computedMeans.plain, 重算加权平均: d.computedMeans.weighted },
      expected: d.computed,
      actual: d.stated,
      difference: diff,
      rounding: diff.abs().lessThanOrEqualTo(printedHalf(d.statedRaw)),
    });
  },
});
