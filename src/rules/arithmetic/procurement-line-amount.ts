import { BASIS } from '../lib/basis.js';
import { amount, amountHalfStep, val } from '../lib/figures.js';
import { label } from '../lib/procurement.js';
import { defineRule } from '../types.js';

export const procurementLineAmount = defineRule({
  meta: {
    id: 'arithmetic/procurement-line-amount',
    title: '政府采购明细数量乘单价等于金额',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('16'),
    description: '政府采购预算表每一明细行：数量 × 单价 = 金额（按单价的打印精度容差）。',
    example: { bad: '台式计算机 5 台 × 0.60 万元，金额 3.50 万元', message: '政府采购预算表“台式计算机”：数量 5 × 单价 0.60 万元 = 3.00 万元，与金额 3.50 万元不一致，相差 0.50 万元。' },
    messages: {
      procurementLineAmount: '{{item}}：数量 {{quantity}} × 单价 {{price}} 万元 = {{expected}} 万元，与金额 {{amount}} 万元不一致，相差 {{diff}} 万元。',
    },
    appliesTo: ['budget'],
    tables: ['procurement'],
  },
  check(doc, ctx) {
    for (const it of doc.procurement.items) {
      if (it.role !== 'line') continue;
      const q = val(it.quantity);
      const p = val(it.unitPrice);
      const a = val(it.amount);
      if (!q || !p || !a || q.isZero()) continue;
      const expected = q.times(p);
      const diff = a.minus(expected);
      if (diff.isZero()) continue;
      const tol = q.abs().times(amountHalfStep(it.unitPrice!)).plus(amountHalfStep(it.amount!));
      ctx.report({
        messageId: 'procurementLineAmount', data: { item: label(it), quantity: q.toString(), price: amount(p), expected: amount(expected), amount: amount(a), diff: amount(diff.abs()) },
        location: { ...it.loc, where: label(it) },
        figures: { 数量: q, 单价: p, 金额: a },
        expected,
        actual: a,
        difference: diff,
        rounding: diff.abs().lessThanOrEqualTo(tol),
      });
    }
  },
});
