import { BASIS } from '../lib/basis.js';
import { fmt } from '../lib/figures.js';
import { APPLIES } from '../lib/rescore.js';
import { place, pts, SCORING_OPTIONS, scoringOf } from '../lib/scorecard.js';
import { defineRule, type ReportInput, type RuleContext } from '../types.js';
import { selfEvalExecutionRate } from './self-eval-execution-rate.js';

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
    messages: {
      rescoredExecutionRate: '{{place}}预算执行进度填 {{statedRateRaw}}，按所列执行数 {{executed}} 万元 ÷ 预算数 {{budget}} 万元为 {{rate}}%，相差 {{diff}} 个百分点。',
    },
    appliesTo: APPLIES,
    options: SCORING_OPTIONS,
  },
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
        messageId: 'rescoredExecutionRate', data: { place: place(p.name), statedRateRaw: e.statedRateRaw?.replace(/\s+/g, '') ?? `${e.statedRate.toString()}%`, executed: fmt(s.executed), budget: fmt(s.budget), rate: e.rate.toFixed(2), diff: pts(diff.abs()) },
        location: { ...p.loc, ...(p.executionRate?.loc ?? {}), where },
        figures: { 预算数: s.budget, 执行数: s.executed, 所填执行率: e.statedRate },
        expected: e.rate.toDecimalPlaces(2),
        actual: e.statedRate,
        difference: diff.toDecimalPlaces(2),
      });
    });
  },
});
