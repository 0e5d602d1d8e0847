import { BASIS } from '../lib/basis.js';
import { balance, BOTH, T4 } from '../lib/summary-tables.js';
import { defineRule } from '../types.js';

export const t4Balance = defineRule({
  meta: {
    id: 'arithmetic/t4-balance',
    title: '财政拨款收支总表收入总计等于支出总计',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('6'),
    description: '财政拨款收入总计 = 财政拨款支出总计。',
    example: { bad: '收入总计 302.27，支出总计 301.00', message: '《部门预算财政拨款收支总表》收入总计 302.27 万元，与支出总计 301.00 万元不一致，相差 1.27 万元。' },
    messages: {
      differs: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，相差 {{difference}} 万元。',
    },
    appliesTo: [...BOTH],
    tables: T4,
  },
  check: (doc, ctx) => balance(T4, ctx, doc, { messageId: 'differs' }),
});
