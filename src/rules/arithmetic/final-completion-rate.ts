import type { BudgetVsFinal, Disclosure, Figure } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { FINAL } from '../lib/budget-vs-final.js';
import { amount, amountHalfStep, percent, val } from '../lib/figures.js';
import { percentStep, ratioTolerance, statementWhere, threePublicKey, threePublicStage, vsName } from '../lib/final-statements.js';
import { defineRule } from '../types.js';

/** The 年初预算 of a statement: stated, or for a 三公 part the 预算数 the 三公 决算表 prints. */
function budgetOf(doc: Disclosure, b: BudgetVsFinal): Figure | null {
  if (val(b.budget)) return b.budget;
  if (b.scope !== 'three-public') return null;
  const key = threePublicKey(b.name);
  return key ? (threePublicStage(doc, 'budget')?.values[key] ?? null) : null;
}

export const completionRate = defineRule({
  meta: {
    id: 'arithmetic/final-completion-rate',
    title: '完成年初预算的比例等于决算数除以年初预算数',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('18'),
    description:
      '决算说明写“年初预算为 A 万元，支出决算为 B 万元，完成年初预算的 x%”时：x = B ÷ A × 100，容差为百分比与两个金额的打印精度。“三公”经费各项只写决算数与完成比例时，年初预算取“三公”经费支出决算表的预算数。年初预算为零时不比较。',
    example: {
      bad: '年初预算 116.00，支出决算 114.30，“完成年初预算的 95.53%”',
      message: '说明中“一般公共服务支出/档案事务/行政运行”完成年初预算的 95.53%，按支出决算 114.30 ÷ 年初预算 116.00 应为 98.53%，相差 3.00 个百分点。',
    },
    messages: {
      finalCompletionRate: '说明中“{{item}}”完成年初预算的 {{rate}}%，按支出决算 {{final}} ÷ 年初预算 {{budget}} 应为 {{computed}}，相差 {{diff}} 个百分点。',
    },
    appliesTo: [...FINAL],
  },
  check(doc, ctx) {
    for (const b of doc.budgetVsFinal) {
      const rate = val(b.rate);
      const budgetFig = budgetOf(doc, b);
      const budget = val(budgetFig);
      const final = val(b.final);
      if (!rate || !budget || !final || budget.isZero()) continue;
      const computed = final.div(budget).times(100);
      const diff = rate.minus(computed);
      if (diff.toDecimalPlaces(6).isZero()) continue;
      const tol = percentStep(b.rate!.raw).plus(ratioTolerance(final, budget, amountHalfStep(b.final!), amountHalfStep(budgetFig!)));
      ctx.report({
        messageId: 'finalCompletionRate', data: { item: vsName(b), rate: b.rate!.raw.replace(/[%％]$/, ''), final: amount(final), budget: amount(budget), computed: percent(computed), diff: diff.abs().toDecimalPlaces(2).toFixed(2) },
        location: statementWhere(b.loc),
        figures: { 年初预算: budget, 支出决算: final, 完成比例: rate },
        expected: computed.toDecimalPlaces(2),
        actual: rate,
        difference: diff.toDecimalPlaces(2),
        rounding: diff.abs().lessThanOrEqualTo(tol),
      });
    }
  },
});
