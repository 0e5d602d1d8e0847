import { BASIS } from '../lib/basis.js';
import { BOTH, grand, T1 } from '../lib/summary-tables.js';
import { defineRule } from '../types.js';

export const t1ExpenditureGrandTotal = defineRule({
  meta: {
    id: 'arithmetic/t1-expenditure-grand-total',
    title: '收支总表支出总计等于本年支出合计加年终结转',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('1, §5.18'),
    description: '支出总计 = 本年支出合计 + 年终结转结余（决算另加结余分配、年末结转和结余）。',
    example: { bad: '本年支出合计 302.27，年终结转结余 5.00，支出总计 302.27', message: '《部门预算收支总表》支出总计 302.27 万元，本年支出合计、年终结转结余之和（302.27 + 5.00）为 307.27 万元，相差 5.00 万元。' },
    messages: {
      sumDiffers: '{{where}}{{totalLabel}} {{total}} 万元，{{parts}}之和{{detail}}为 {{sum}} 万元，相差 {{difference}} 万元。',
    },
    appliesTo: [...BOTH],
    tables: T1,
  },
  check: (doc, ctx) => grand(T1, 'expenditure', ctx, doc, { messageId: 'sumDiffers' }),
});
