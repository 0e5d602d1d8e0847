import { BASIS } from '../lib/basis.js';
import { balance, BOTH, T1 } from '../lib/summary-tables.js';
import { defineRule } from '../types.js';

export const t1Balance = defineRule({
  meta: {
    id: 'arithmetic/t1-balance',
    title: '收支总表收入总计等于支出总计',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('1'),
    description: '收支平衡：收入总计 = 支出总计（无总计行时比较本年收入合计与本年支出合计）。',
    example: { bad: '收入总计 302.27，支出总计 300.27', message: '《部门预算收支总表》收入总计 302.27 万元，与支出总计 300.27 万元不一致，相差 2.00 万元。' },
    messages: {
      differs: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，相差 {{difference}} 万元。',
    },
    appliesTo: [...BOTH],
    tables: T1,
  },
  check: (doc, ctx) => balance(T1, ctx, doc, { messageId: 'differs' }),
});
