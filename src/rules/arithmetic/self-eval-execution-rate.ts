import { Money } from '../../model/money.js';
import { BASIS } from '../lib/basis.js';
import { amount, halfStep, val } from '../lib/figures.js';
import { computedRate, fmtN, place } from '../lib/self-eval.js';
import { defineRule } from '../types.js';

export const selfEvalExecutionRate = defineRule({
  meta: {
    id: 'arithmetic/self-eval-execution-rate',
    title: '预算执行率等于执行数除以预算数',
    severity: 'error',
    category: 'arithmetic',
    basis: `${BASIS.performance}；domain.md §5.19`,
    description: '项目自评表：所填预算执行进度（%）= 执行数 ÷ 预算数（调整后）× 100，按两数的打印精度容差。',
    example: { bad: '预算数 10，执行数 5.78，预算执行进度 100%', message: '项目“信息化及人员培训费”绩效自评表预算执行率填 100%，按执行数 5.78 ÷ 预算数 10.00 应为 57.80%，相差 42.2 个百分点。' },
    messages: {
      selfEvalExecutionRate: '{{place}}预算执行率填 {{stated}}%，按执行数 {{executed}} ÷ 预算数 {{budget}} 应为 {{rate}}%，相差 {{diff}} 个百分点。',
    },
    appliesTo: ['self-evaluation', 'final-accounts'],
  },
  check(doc, ctx) {
    for (const p of doc.selfEvaluation?.projects ?? []) {
      const stated = val(p.executionRate);
      const c = computedRate(p);
      if (!stated || !c) continue;
      const diff = stated.minus(c.rate);
      if (diff.abs().lessThanOrEqualTo(new Money('1e-9'))) continue;
      const tol = c.tol.plus(halfStep(p.executionRate!.raw, stated));
      ctx.report({
        messageId: 'selfEvalExecutionRate', data: { place: place(p), stated: fmtN(stated), executed: amount(val(p.executed)), budget: amount(val(p.budget)), rate: c.rate.toFixed(2), diff: fmtN(diff.abs()) },
        location: { ...p.loc, ...(p.executionRate?.loc ?? {}), where: `${place(p)}预算执行进度` },
        figures: { 预算数: val(p.budget), 执行数: val(p.executed), 预算执行率: stated },
        expected: c.rate.toDecimalPlaces(2),
        actual: stated,
        difference: diff.toDecimalPlaces(2),
        rounding: diff.abs().lessThanOrEqualTo(tol),
      });
    }
  },
});
