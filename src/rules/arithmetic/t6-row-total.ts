import { BASIS } from '../lib/basis.js';
import { BOTH, rowSumRule } from '../lib/row-sums.js';

export const t6RowTotal = rowSumRule({
  meta: {
    id: 'arithmetic/t6-row-total',
    title: '基本支出表合计等于人员经费加公用经费',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('7'),
    description: '一般公共预算财政拨款基本支出表每一行：合计 = 人员经费 + 公用经费。',
    example: { bad: '合计行：合计 238.42，人员经费 209.64，公用经费 27.78', message: '《部门预算一般公共预算财政拨款基本支出表》“合计”行“合计”列 238.42 万元，人员经费、公用经费之和（209.64 + 27.78）为 237.42 万元，相差 1.00 万元。' },
    messages: {
      sumDiffers: '{{where}} {{total}} 万元，{{parts}}之和{{detail}}为 {{sum}} 万元，相差 {{difference}} 万元。',
    },
    appliesTo: [...BOTH],
  },
  messageId: 'sumDiffers',
  kinds: ['general-budget-basic'],
  total: 'total',
  parts: ['personnel', 'public'],
});
