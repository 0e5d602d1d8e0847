import { BASIS } from '../lib/basis.js';
import { BOTH, lineTotal, T4 } from '../lib/summary-tables.js';
import { defineRule } from '../types.js';

export const t4ExpenditureTotal = defineRule({
  meta: {
    id: 'arithmetic/t4-expenditure-total',
    title: '财政拨款收支总表本年支出合计等于各类支出之和',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('6'),
    description: '财政拨款收支总表支出栏：每个金额列（合计、一般公共预算、政府性基金、国有资本经营）的本年支出合计 = 各类支出之和。',
    example: { bad: '一般公共服务支出合计 240.05、住房保障支出 19.85，本年支出合计 250.00', message: '《部门预算财政拨款收支总表》本年支出合计 250.00 万元，各类支出之和（240.05 + 19.85）为 259.90 万元，相差 9.90 万元。' },
    messages: {
      sumDiffers: '{{where}}{{totalLabel}} {{total}} 万元，各类支出之和{{detail}}为 {{sum}} 万元，相差 {{difference}} 万元。',
    },
    appliesTo: [...BOTH],
    tables: T4,
  },
  check: (doc, ctx) => lineTotal(T4, 'expenditure', ctx, doc, { messageId: 'sumDiffers' }),
});
