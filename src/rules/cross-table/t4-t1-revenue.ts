import { BASIS } from '../lib/basis.js';
import { BOTH, FUNDS, same, sideDesc } from '../lib/cross-tables.js';
import { amountOf, sourceLines, tableOf } from '../lib/tables.js';
import { defineRule } from '../types.js';

export const t4T1Revenue = defineRule({
  meta: {
    id: 'cross-table/t4-t1-revenue',
    title: '财政拨款收入与收支总表一致',
    severity: 'error',
    category: 'cross-table',
    basis: BASIS.identities('6'),
    description: '财政拨款收支总表的一般公共预算拨款、政府性基金预算拨款、国有资本经营预算拨款收入 = 收支总表同名收入行。',
    example: { bad: '财政拨款收支总表一般公共预算拨款 302.27，收支总表一般公共预算拨款收入 300.00', message: '《部门预算财政拨款收支总表》一、一般公共预算拨款 302.27 万元，与《部门预算收支总表》一、一般公共预算拨款收入 300.00 万元不一致，相差 2.27 万元。' },
    messages: {
      differs: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，相差 {{difference}} 万元。',
    },
    appliesTo: [...BOTH],
    tables: ['fiscal-summary', 'revenue-expenditure-summary'],
  },
  check(doc, ctx) {
    const t4 = tableOf(doc, 'fiscal-summary');
    const t1 = tableOf(doc, 'revenue-expenditure-summary');
    if (!t4 || !t1) return;
    const l1 = sourceLines(t1, 'revenue');
    for (const r4 of sourceLines(t4, 'revenue')) {
      if (!r4.key || !FUNDS.includes(r4.key)) continue;
      const r1 = l1.find((r) => r.key === r4.key);
      if (r1) same(ctx, t4, r4, amountOf(r4), sideDesc(t4, r4), t1, r1, amountOf(r1), sideDesc(t1, r1), { messageId: 'differs' });
    }
  },
});
