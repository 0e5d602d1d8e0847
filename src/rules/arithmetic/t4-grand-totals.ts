import { BASIS } from '../lib/basis.js';
import { BOTH, grand, T4 } from '../lib/summary-tables.js';
import { defineRule } from '../types.js';

export const t4GrandTotals = defineRule({
  meta: {
    id: 'arithmetic/t4-grand-totals',
    title: '财政拨款收支总表总计等于本年合计加结转',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('6'),
    description: '收入总计 = 本年收入合计 + 年初财政拨款结转和结余；支出总计 = 本年支出合计 + 年末财政拨款结转和结余。',
    example: { bad: '本年收入合计 302.27，年初结转 3.00，收入总计 302.27', message: '《部门预算财政拨款收支总表》收入总计 302.27 万元，本年收入合计、年初财政拨款结转和结余之和（302.27 + 3.00）为 305.27 万元，相差 3.00 万元。' },
    messages: {
      sumDiffers: '{{where}}{{totalLabel}} {{total}} 万元，{{parts}}之和{{detail}}为 {{sum}} 万元，相差 {{difference}} 万元。',
    },
    appliesTo: [...BOTH],
    tables: T4,
  },
  check(doc, ctx) {
    grand(T4, 'revenue', ctx, doc, { messageId: 'sumDiffers' });
    grand(T4, 'expenditure', ctx, doc, { messageId: 'sumDiffers' });
  },
});
