import { BASIS } from '../lib/basis.js';
import { BOTH, lineTotal, T1 } from '../lib/summary-tables.js';
import { defineRule } from '../types.js';

export const t1ExpenditureTotal = defineRule({
  meta: {
    id: 'arithmetic/t1-expenditure-total',
    title: '收支总表本年支出合计等于各类支出之和',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('1'),
    description: '收支总表支出栏：本年支出合计 = 各功能分类“类”级支出行之和。表中同时列出基本支出、项目支出等按性质的行时，只取有类级科目的行。',
    example: { bad: '一般公共服务支出 240.05、社会保障和就业支出 28.29，本年支出合计 270.00', message: '《部门预算收支总表》本年支出合计 270.00 万元，各类支出之和（240.05 + 28.29）为 268.34 万元，相差 1.66 万元。' },
    messages: {
      sumDiffers: '{{where}}{{totalLabel}} {{total}} 万元，各类支出之和{{detail}}为 {{sum}} 万元，相差 {{difference}} 万元。',
    },
    appliesTo: [...BOTH],
    tables: T1,
  },
  check: (doc, ctx) => lineTotal(T1, 'expenditure', ctx, doc, { messageId: 'sumDiffers' }),
});
