/**
 * Re-scoring an imported self-evaluation (绩效自评): each project's execution rate, every
 * indicator's score, the project totals, the department's total and grade are recomputed under
 * a scoring profile (src/score) and compared with what the document states. What the
 * self-evaluation arithmetic rules already check from the stated figures alone (执行率得分,
 * 总分 = Σ 得分, 一级 ≤ 分值, 等级 vs 所填总分, 部门得分 = 所填项目得分的平均) is theirs; these
 * rules report what only re-scoring shows.
 */
import { Money } from '../../model/money.js';
import { describeGrades, SCORE_TOLERANCE, type IndicatorScore, type Level1Score } from '../../score/index.js';
import { selfEvalExecutionRate } from '../arithmetic/self-eval.js';
import { BASIS } from '../lib/basis.js';
import { fmt, stepOf } from '../lib/figures.js';
import { defineRule, type ReportInput, type RuleContext } from '../types.js';
import { place, pts, scoringOf, SCORING_DEFAULTS } from './scorecard.js';

const printedHalf = (raw: string | null | undefined): Money => {
  const m = /\d+(?:[.．](\d+))?/.exec((raw ?? '').replace(/\s+/g, ''));
  return stepOf(m?.[1]?.length ?? 0).div(2);
};

const APPLIES: ('self-evaluation' | 'final-accounts')[] = ['self-evaluation', 'final-accounts'];
const SCORING_BASIS = `${BASIS.performance}（定量指标按完成比例计分，定性指标按达成、部分达成、未达成分档计分）；计分办法见 profiles/scoring/`;

/** Projects for which `arithmetic/self-eval-execution-rate` reports a difference beyond rounding. */
function grossRateDifferences(ctx: RuleContext): Set<string> {
  const out = new Set<string>();
  const collect: RuleContext = {
    doc: ctx.doc,
    options: {},
    report(r: ReportInput) {
      if (!r.rounding && r.location?.where) out.add(r.location.where);
    },
  };
  selfEvalExecutionRate.check(ctx.doc, collect);
  return out;
}

export const rescoredExecutionRate = defineRule({
  meta: {
    id: 'arithmetic/rescored-execution-rate',
    title: '所填执行率与所列金额重算的执行率不符',
    severity: 'warning',
    category: 'arithmetic',
    basis: `${BASIS.performance}（预算执行率 = 执行数 ÷ 预算数）；domain.md §5.19`,
    description:
      '重新计分时按自评表所列的预算数、执行数（按所列数字，不考虑其四舍五入）计算执行率，与所填执行率按其自身的打印精度比较（填 58% 只要求整数位相符，填 99.99% 要求两位小数相符）。' +
      '差异大到金额的四舍五入也解释不了的，由 arithmetic/self-eval-execution-rate 报告，本规则不重复。',
    example: {
      bad: '预算数 30，执行数 29.99，预算执行进度 99.99%',
      message: '项目“网络安全防护及处置经费”绩效自评表预算执行进度填 99.99%，按所列执行数 29.99 万元 ÷ 预算数 30.00 万元为 99.97%，相差 0.02 个百分点。',
    },
    appliesTo: APPLIES,
  },
  defaults: SCORING_DEFAULTS,
  check(doc, ctx) {
    const card = scoringOf(doc, ctx)?.card;
    if (!card) return;
    const gross = grossRateDifferences(ctx);
    card.projects.forEach((s, k) => {
      const p = doc.selfEvaluation!.projects[k];
      const e = s.execution;
      if (e.rateAgrees !== false || !e.rate || !e.statedRate) return;
      const where = `${place(p.name)}预算执行进度`;
      if (gross.has(where)) return;
      const diff = e.statedRate.minus(e.rate);
      ctx.report({
        message: `${place(p.name)}预算执行进度填 ${e.statedRateRaw?.replace(/\s+/g, '') ?? `${e.statedRate.toString()}%`}，按所列执行数 ${fmt(s.executed)} 万元 ÷ 预算数 ${fmt(s.budget)} 万元为 ${e.rate.toFixed(2)}%，相差 ${pts(diff.abs())} 个百分点。`,
        location: { ...p.loc, ...(p.executionRate?.loc ?? {}), where },
        figures: { 预算数: s.budget, 执行数: s.executed, 所填执行率: e.statedRate },
        expected: e.rate.toDecimalPlaces(2),
        actual: e.statedRate,
        difference: diff.toDecimalPlaces(2),
      });
    });
  },
});

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
    appliesTo: APPLIES,
  },
  defaults: SCORING_DEFAULTS,
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
              message: `${head}，按完成情况应得 ${pts(lo)} 分（${i.judgement.reason}${share}；${marksNote(i, l1)}），相差 ${pts(diff.abs())} 分。`,
              location,
              figures,
              expected: lo,
              actual: i.stated,
              difference: diff,
              rounding: diff.abs().lessThanOrEqualTo(printedHalf(ind.score?.raw)),
            });
          } else {
            ctx.report({
              message: `${head}，不在按完成情况应得的 ${pts(lo)}～${pts(hi)} 分之内（${i.judgement.reason}，${ACHIEVED[i.judgement.achievement]}得分值的 ${pct(lo, i.marks!)}～${pct(hi, i.marks!)}；${marksNote(i, l1)}）。`,
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
    appliesTo: APPLIES,
  },
  defaults: SCORING_DEFAULTS,
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
        message: `${place(p.name)}总分 ${pts(stated)} 分，按计分办法重新计分应为 ${pts(computed)} 分（${parts.join('、')}），相差 ${pts(diff.abs())} 分。`,
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
    appliesTo: APPLIES,
  },
  defaults: SCORING_DEFAULTS,
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
      message:
        `部门自评总得分 ${pts(d.stated)} 分${said}，按各项目重新计分后的${MEAN_NAME[d.basis]}应为 ${d.computed.toFixed(2)} 分` +
        `${otherValue ? `（${MEAN_NAME[other]}为 ${otherValue.toFixed(2)} 分）` : ''}，相差 ${pts(diff.abs())} 分。`,
      location: { ...(doc.selfEvaluation!.totalScore?.loc ?? {}), where: '评价结论和评价等级' },
      figures: { 所写总得分: d.stated, 重算简单平均: d.computedMeans.plain, 重算加权平均: d.computedMeans.weighted },
      expected: d.computed,
      actual: d.stated,
      difference: diff,
      rounding: diff.abs().lessThanOrEqualTo(printedHalf(d.statedRaw)),
    });
  },
});

export const rescoredGrade = defineRule({
  meta: {
    id: 'arithmetic/rescored-grade',
    title: '评价等级与重新计分的总得分不符',
    severity: 'warning',
    category: 'arithmetic',
    basis: `${BASIS.performance}（优 ≥ 90，良 80–<90，中 60–<80，差 < 60，分档见计分办法）`,
    description: '按重新计分的部门总得分（见 arithmetic/rescored-department-score）定等级，与报告所写等级比较。所写等级与所写总得分不符的，由 arithmetic/self-eval-grade 报告。',
    example: { bad: '报告写“总得分 92 分为优秀”，重新计分后为 78.40 分', message: '部门自评等级写作“优秀”，按重新计分的总得分 78.40 分应为“中”（优 ≥ 90、良 80–90、中 60–80、差 < 60）。' },
    appliesTo: APPLIES,
  },
  defaults: SCORING_DEFAULTS,
  check(doc, ctx) {
    const scoring = scoringOf(doc, ctx);
    const d = scoring?.card.department;
    if (!scoring || !d || !d.computed || !d.grade || !d.statedGradeKey || d.statedGradeKey === d.grade.grade) return;
    const profile = scoring.profile;
    ctx.report({
      message: `部门自评等级写作“${d.statedGrade}”，按重新计分的总得分 ${d.computed.toFixed(2)} 分应为“${d.grade.grade}”（${describeGrades(profile)}）。`,
      location: { ...(doc.selfEvaluation!.totalScore?.loc ?? {}), where: '评价结论和评价等级' },
      figures: { 重新计分: d.computed },
      actual: d.computed,
    });
  },
});
