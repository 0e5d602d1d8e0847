import { BASIS } from '../lib/basis.js';
import { BOTH, grand, T1 } from '../lib/summary-tables.js';
import { defineRule } from '../types.js';

export const t1RevenueGrandTotal = defineRule({
  meta: {
    id: 'arithmetic/t1-revenue-grand-total',
    title: '收支总表收入总计等于本年收入合计加上年结转',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('1, §5.18'),
    description: '收入总计 = 本年收入合计 + 上年结转结余（决算另加使用非财政拨款结余、年初结转和结余）。',
    example: { bad: '本年收入合计 302.27，上年结转 10.00，收入总计 302.27', message: '《部门预算收支总表》收入总计 302.27 万元，本年收入合计、上年结转结余之和（302.27 + 10.00）为 312.27 万元，相差 10.00 万元。' },
    messages: {
      sumDiffers: '{{where}}{{totalLabel}} {{total}} 万元，{{parts}}之和{{detail}}为 {{sum}} 万元，相差 {{difference}} 万元。',
    },
    appliesTo: [...BOTH],
    tables: T1,
  },
  check: (doc, ctx) => grand(T1, 'revenue', ctx, doc, { messageId: 'sumDiffers' }),
});
