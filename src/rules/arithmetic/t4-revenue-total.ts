import { BASIS } from '../lib/basis.js';
import { BOTH, lineTotal, T4 } from '../lib/summary-tables.js';
import { defineRule } from '../types.js';

export const t4RevenueTotal = defineRule({
  meta: {
    id: 'arithmetic/t4-revenue-total',
    title: '财政拨款收支总表本年收入合计等于各项拨款之和',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('6'),
    description: '财政拨款收支总表收入栏：本年收入合计 = 一般公共预算拨款 + 政府性基金预算拨款 + 国有资本经营预算拨款（年初结转下的分项不计入）。',
    example: { bad: '一般公共预算拨款 302.27，政府性基金预算拨款 10.00，本年收入合计 302.27', message: '《部门预算财政拨款收支总表》本年收入合计 302.27 万元，各项收入之和（302.27 + 10.00）为 312.27 万元，相差 10.00 万元。' },
    messages: {
      sumDiffers: '{{where}}{{totalLabel}} {{total}} 万元，各项收入之和{{detail}}为 {{sum}} 万元，相差 {{difference}} 万元。',
    },
    appliesTo: [...BOTH],
    tables: T4,
  },
  check: (doc, ctx) => lineTotal(T4, 'revenue', ctx, doc, { messageId: 'sumDiffers' }),
});
