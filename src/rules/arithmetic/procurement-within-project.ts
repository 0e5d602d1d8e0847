import type { Figure, ProcurementItem } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { checkAtMost } from '../lib/compare.js';
import { amount, asFigure, sum, val } from '../lib/figures.js';
import { defineRule } from '../types.js';

export const procurementWithinProject = defineRule({
  meta: {
    id: 'arithmetic/procurement-within-project',
    title: '同一项目的采购金额不超过项目预算',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('16'),
    description: '政府采购预算表中，来源于同一项目的各明细金额之和不超过该项目的预算资金。',
    example: { bad: '项目“电子政务网维护”预算资金 40.00，其下采购 45.99', message: '政府采购预算表中项目“电子政务网维护”的采购金额合计 45.99 万元，超过该项目预算资金 40.00 万元，超出 5.99 万元。' },
    messages: {
      exceeds: '{{a}} {{actual}} 万元，超过该项目预算资金 {{limit}} 万元，超出 {{difference}} 万元。',
    },
    appliesTo: ['budget'],
    tables: ['procurement'],
  },
  check(doc, ctx) {
    const groups = new Map<string, ProcurementItem[]>();
    for (const it of doc.procurement.items) {
      if (it.role !== 'line' || !it.project) continue;
      groups.set(it.project, [...(groups.get(it.project) ?? []), it]);
    }
    for (const [project, items] of groups) {
      const budgets = items.map((i) => i.projectBudget).filter((f): f is Figure => val(f) !== null);
      const amounts = items.map((i) => val(i.amount)).filter((v) => v !== null);
      if (!budgets.length || !amounts.length) continue;
      const budget = budgets.reduce((a, b) => (val(b)!.greaterThan(val(a)!) ? b : a));
      const total = sum(amounts);
      checkAtMost(ctx, {
        messageId: 'exceeds',
        a: { desc: `政府采购预算表中项目“${project}”的采购金额合计`, figure: asFigure(total, total.toString()) },
        b: { desc: '该项目预算资金', figure: budget },
        location: { ...items[0].loc, where: `政府采购预算表项目“${project}”` },
      });
    }
  },
});
