import { BASIS } from '../lib/basis.js';
import { BOTH, lineTotal, T1 } from '../lib/summary-tables.js';
import { defineRule } from '../types.js';

export const t1RevenueTotal = defineRule({
  meta: {
    id: 'arithmetic/t1-revenue-total',
    title: '收支总表本年收入合计等于各项收入之和',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('1'),
    description: '收支总表收入栏：本年收入合计 = 一般公共预算拨款收入 + 政府性基金 + … + 其他收入（本年收入合计行之前的各收入行；“其中”子行不重复相加）。空白单元格视为未填，不当作零。',
    example: { bad: '一般公共预算拨款收入 300.00、事业收入 2.27，本年收入合计 310.00', message: '《部门预算收支总表》本年收入合计 310.00 万元，各项收入之和（300.00 + 2.27）为 302.27 万元，相差 7.73 万元。' },
    messages: {
      sumDiffers: '{{where}}{{totalLabel}} {{total}} 万元，各项收入之和{{detail}}为 {{sum}} 万元，相差 {{difference}} 万元。',
    },
    appliesTo: [...BOTH],
    tables: T1,
  },
  check: (doc, ctx) => lineTotal(T1, 'revenue', ctx, doc, { messageId: 'sumDiffers' }),
});
