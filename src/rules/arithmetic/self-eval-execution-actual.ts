import type { Value } from '../../model/disclosure.js';
import { Money } from '../../model/money.js';
import { BASIS } from '../lib/basis.js';
import { amount, halfStep, val } from '../lib/figures.js';
import { computedRate, fmtN, HUNDRED, place } from '../lib/self-eval.js';
import { defineRule } from '../types.js';

/** A stated percentage (实际完成值 "100%", "99.5", "100百分比") as a number; null for words. */
function statedPercent(v: Value | null | undefined): Money | null {
  if (!v || v.value === null || v.operator === 'range' || (v.unit !== null && v.unit !== '%')) return null;
  return new Money(v.value);
}

export const selfEvalExecutionActual = defineRule({
  meta: {
    id: 'arithmetic/self-eval-execution-actual',
    title: '预算执行率指标的实际完成值与执行数除以预算数一致',
    severity: 'warning',
    category: 'arithmetic',
    basis: `${BASIS.performance}；domain.md §5.19`,
    description:
      '项目自评表：“预算执行率”指标行所填实际完成值（%）应为执行数 ÷ 预算数（调整后）× 100，按所填百分数和两个金额的打印精度容差。填 100% 即称资金全部执行，执行数少于预算数时不以四舍五入解释。实际完成值为文字（如“已完成”）时不判断。',
    example: {
      bad: '预算数 10，执行数 5.78，预算执行率指标实际完成值 100%',
      message: '项目“信息化及人员培训费”绩效自评表预算执行率指标实际完成值填 100%，按执行数 5.78 ÷ 预算数 10.00 为 57.80%，相差 42.2 个百分点。',
    },
    messages: {
      selfEvalExecutionActual: '{{place}}预算执行率指标实际完成值填 {{stated}}%，按执行数 {{executed}} ÷ 预算数 {{budget}} 为 {{rate}}%，相差 {{diff}} 个百分点。',
    },
    appliesTo: ['self-evaluation', 'final-accounts'],
  },
  check(doc, ctx) {
    for (const p of doc.selfEvaluation?.projects ?? []) {
      const actual = p.executionIndicator?.actual;
      const stated = statedPercent(actual);
      const c = computedRate(p);
      if (!actual || !stated || !c) continue;
      const diff = stated.minus(c.rate);
      if (diff.abs().lessThanOrEqualTo(new Money('1e-9'))) continue;
      // "100%" says every yuan was spent: a printed 执行数 below the printed 预算数 says otherwise.
      const fullClaim = stated.greaterThanOrEqualTo(HUNDRED) && val(p.executed)!.lessThan(val(p.budget)!);
      const tol = c.tol.plus(halfStep(actual.raw, stated));
      ctx.report({
        messageId: 'selfEvalExecutionActual', data: { place: place(p), stated: fmtN(stated), executed: amount(val(p.executed)), budget: amount(val(p.budget)), rate: c.rate.toFixed(2), diff: fmtN(diff.abs()) },
        location: { ...p.loc, where: `${place(p)}预算执行率指标实际完成值` },
        figures: { 预算数: val(p.budget), 执行数: val(p.executed), 实际完成值: stated },
        expected: c.rate.toDecimalPlaces(2),
        actual: stated,
        difference: diff.toDecimalPlaces(2),
        rounding: !fullClaim && diff.abs().lessThanOrEqualTo(tol),
      });
    }
  },
});
