import { Money } from '../../model/money.js';
import { type IndicatorScore, type Level1Score } from '../../score/index.js';
import { APPLIES, printedHalf, SCORING_BASIS } from '../lib/rescore.js';
import { place, pts, SCORING_OPTIONS, scoringOf } from '../lib/scorecard.js';
import { defineRule } from '../types.js';

function marksNote(s: IndicatorScore, l1: Level1Score): string {
  if (s.marksSource === 'split') return `${l1.name} ${pts(l1.weight!)} 分由 ${l1.indicators.length} 项指标均分`;
  return `该指标分值 ${pts(s.marks!)} 分`;
}

const ACHIEVED: Record<string, string> = { met: '达成', partial: '部分达成', unmet: '未达成' };

const pct = (part: Money, whole: Money) => `${whole.isZero() ? '0' : pts(part.div(whole).times(100))}%`;

export const rescoredIndicatorScore = defineRule({
  meta: {
    id: 'indicator/rescored-score',
    title: '指标自评得分与按完成情况重新计分不符',
    severity: 'warning',
    category: 'indicator',
    basis: SCORING_BASIS,
    description:
      '按实际完成值与预期指标值重新给每个指标计分：定量指标达到目标得满分，未达到按 实际 ÷ 目标 计（≤ 类目标按 目标 ÷ 实际，区间按离区间最近的一端）；' +
      '时限指标按期完成为达成，逾期为部分达成（可配置）；定性指标达成得满分，部分达成、未达成在计分办法规定的分档内由评价人酌定，所填得分在档内即认可。' +
      '指标分值未逐项列明时：若存在一种合计等于一级指标分值的分值分配能解释所填的全部得分（如 50 分按 20、10、10、10 分配），按该分配计；否则由一级指标分值在所填指标间均分（精确到 0.01 分，合计不变）。无法判断完成情况的指标不报告。',
    example: {
      bad: '效益指标（40）下唯一一项指标“信息化发展规划”预期 ≥95%，实际 95%，自评得分 10',
      message: '项目“信息化及人员培训费”绩效自评表指标“信息化发展规划”（效益指标）自评得分 10 分，按完成情况应得 40 分（95% 达到 ≥95%，达成；效益指标 40 分由 1 项指标均分），相差 30 分。',
    },
    messages: {
      scoreNotEarned: '{{head}}，按完成情况应得 {{low}} 分（{{reason}}{{share}}；{{marks}}），相差 {{diff}} 分。',
      scoreOutsideRange: '{{head}}，不在按完成情况应得的 {{low}}～{{high}} 分之内（{{reason}}，{{achievement}}得分值的 {{lowShare}}～{{highShare}}；{{marks}}）。',
    },
    appliesTo: APPLIES,
    options: SCORING_OPTIONS,
  },
  check(doc, ctx) {
    const card = scoringOf(doc, ctx)?.card;
    if (!card) return;
    card.projects.forEach((s, k) => {
      const p = doc.selfEvaluation!.projects[k];
      for (const l1 of s.level1) {
        for (const i of l1.indicators) {
          if (i.agrees !== false) continue;
          const ind = p.indicators[i.index];
          const [lo, hi] = i.range!;
          const head = `${place(p.name)}指标“${i.level3}”（${l1.name}）自评得分 ${pts(i.stated!)} 分`;
          const location = { ...p.loc, ...ind.loc, ...(ind.score?.loc ?? {}), where: `${place(p.name)}指标“${i.level3}”` };
          const figures = { 分值: i.marks, 自评得分: i.stated };
          if (lo.equals(hi)) {
            const diff = i.stated!.minus(lo);
            const share = i.judgement.ratio && !i.judgement.ratio.equals(1) ? `，完成 ${i.judgement.ratio.times(100).toFixed(2)}%` : '';
            ctx.report({
              messageId: 'scoreNotEarned', data: { head, low: pts(lo), reason: i.judgement.reason, share, marks: marksNote(i, l1), diff: pts(diff.abs()) },
              location,
              figures,
              expected: lo,
              actual: i.stated,
              difference: diff,
              rounding: diff.abs().lessThanOrEqualTo(printedHalf(ind.score?.raw)),
            });
          } else {
            ctx.report({
              messageId: 'scoreOutsideRange', data: { head, low: pts(lo), high: pts(hi), reason: i.judgement.reason, achievement: ACHIEVED[i.judgement.achievement], lowShare: pct(lo, i.marks!), highShare: pct(hi, i.marks!), marks: marksNote(i, l1) },
              location,
              figures,
              expected: i.computed,
              actual: i.stated,
            });
          }
        }
      }
    });
  },
});
