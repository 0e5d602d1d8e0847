import type { Figure } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { checkAtMost } from '../lib/compare.js';
import { place } from '../lib/self-eval.js';
import { defineRule, type RuleContext } from '../types.js';

export const selfEvalFunds = defineRule({
  meta: {
    id: 'arithmetic/self-eval-funds',
    title: '自评资金：执行数不超过到位数，财政资金不超过总数',
    severity: 'warning',
    category: 'arithmetic',
    basis: `${BASIS.performance}；domain.md §5.19`,
    description: '项目自评表：执行数 ≤ 到位数；其中财政资金 ≤ 对应总数（预算、到位、执行）。部门整体：支出 ≤ 调整预算数。',
    example: { bad: '到位数 30，执行数 32', message: '项目“网络安全防护及处置经费”绩效自评表执行数 32.00 万元，超过到位数 30.00 万元，超出 2.00 万元。' },
    messages: {
      exceeds: '{{a}} {{actual}} 万元，超过{{b}} {{limit}} 万元，超出 {{difference}} 万元。',
      departmentOverBudget: '部门整体支出 {{actual}} 万元，超过调整预算数 {{limit}} 万元，超出 {{difference}} 万元。',
    },
    appliesTo: ['self-evaluation', 'final-accounts'],
  },
  check(doc, ctx: RuleContext) {
    const se = doc.selfEvaluation;
    if (!se) return;
    for (const p of se.projects) {
      const w = place(p);
      const pairs: [string, Figure | null, string, Figure | null][] = [
        ['执行数', p.executed, '到位数', p.available],
        ['预算数中财政资金', p.budgetFiscal, '预算数', p.budget],
        ['到位数中财政资金', p.availableFiscal, '到位数', p.available],
        ['执行数中财政资金', p.executedFiscal, '执行数', p.executed],
      ];
      for (const [an, a, bn, b] of pairs) {
        checkAtMost(ctx, { messageId: 'exceeds', a: { desc: `${w}${an}`, figure: a }, b: { desc: bn, figure: b }, location: { ...p.loc, where: w } });
      }
    }
    checkAtMost(ctx, {
      messageId: 'departmentOverBudget',
      a: { desc: '部门整体支出', figure: se.spent },
      b: { desc: '调整预算数', figure: se.adjustedBudget },
      location: { ...(se.spent?.loc ?? {}), where: '部门收支预算情况' },
    });
  },
});
