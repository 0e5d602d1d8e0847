import { BASIS } from '../lib/basis.js';
import { compareCodes } from '../lib/cross-tables.js';
import { codeRows, tableOf } from '../lib/tables.js';
import { defineRule } from '../types.js';

export const t2T3Codes = defineRule({
  meta: {
    id: 'cross-table/t2-t3-codes',
    title: '收入总表与支出总表同一科目金额一致',
    severity: 'error',
    category: 'cross-table',
    basis: BASIS.identities('5'),
    description: '部门收入总表与部门支出总表都按功能分类列示全部资金：同一科目编码的合计相等，一方列出而另一方未列的非零科目也报告。',
    example: { bad: '收入总表 2013704 合计 20.00，支出总表 2013704 合计 25.00', message: '《部门预算收入总表》“2013704 信息安全事务”行“合计”列 20.00 万元，与《部门预算支出总表》“2013704 信息安全事务”行“合计”列 25.00 万元不一致，相差 5.00 万元。' },
    messages: {
      differs: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，相差 {{difference}} 万元。',
      missingCode: '{{where}} {{amount}} 万元，而《{{table}}》未列科目 {{code}}。',
    },
    appliesTo: ['budget'],
    tables: ['revenue', 'expenditure'],
  },
  check(doc, ctx) {
    const t2 = tableOf(doc, 'revenue');
    const t3 = tableOf(doc, 'expenditure');
    // A 收入总表 that lists budget units instead of functional codes has no code to compare.
    if (t2 && t3 && !t2.empty && !t3.empty && codeRows(t2).length) compareCodes(ctx, t2, t3, ['total'], { messageId: 'differs', missingMessageId: 'missingCode' });
  },
});
