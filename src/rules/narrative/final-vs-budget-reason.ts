import { BASIS } from '../lib/basis.js';
import { FINAL } from '../lib/budget-vs-final.js';
import { amount, val } from '../lib/figures.js';
import { statementWhere, vsName } from '../lib/final-statements.js';
import { defineRule } from '../types.js';

export const differenceReason = defineRule({
  meta: {
    id: 'narrative/final-vs-budget-reason',
    title: '决算数与年初预算不同时说明原因',
    severity: 'warning',
    category: 'narrative',
    basis: `${BASIS.procedure}；部门决算公开模板：“决算数大于（小于）预算数的主要原因”`,
    description: '决算说明对一般公共预算（及政府性基金、国有资本经营预算）支出总额和各项级科目写明年初预算与支出决算；两者不同时须说明主要原因，持平的不必说明。',
    example: {
      bad: '“年初预算为24.00万元，支出决算为29.80万元。”后无原因',
      message: '说明中“一般公共服务支出/档案事务/档案馆”年初预算 24.00 万元、支出决算 29.80 万元，未说明决算数与预算数不同的原因。',
    },
    messages: {
      finalVsBudgetReason: '说明中“{{item}}”年初预算 {{budget}} 万元、支出决算 {{final}} 万元，未说明决算数与预算数不同的原因。',
    },
    appliesTo: [...FINAL],
  },
  check(doc, ctx) {
    for (const b of doc.budgetVsFinal) {
      const budget = val(b.budget);
      const final = val(b.final);
      if (b.scope === 'three-public' && !budget) continue;
      if (!budget || !final || budget.equals(final) || b.reason) continue;
      ctx.report({
        messageId: 'finalVsBudgetReason', data: { item: vsName(b), budget: amount(budget), final: amount(final) },
        location: statementWhere(b.loc),
        figures: { 年初预算: budget, 支出决算: final },
      });
    }
  },
});
