import { BASIS } from '../lib/basis.js';
import { basicParts, BOTH, rowSumRule } from '../lib/row-sums.js';

export const basicProjectRowTotal = rowSumRule({
  meta: {
    id: 'arithmetic/basic-project-row-total',
    title: '财政拨款支出表合计等于基本支出加项目支出',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('4'),
    description: '一般公共预算、政府性基金预算、国有资本经营预算财政拨款支出表每一行：合计 = 基本支出 + 项目支出。',
    example: { bad: '合计行：合计 302.27，基本支出 238.42，项目支出 53.85', message: '《部门预算一般公共预算财政拨款支出表》“合计”行“合计”列 302.27 万元，基本支出、项目支出之和（238.42 + 53.85）为 292.27 万元，相差 10.00 万元。' },
    messages: {
      sumDiffers: '{{where}} {{total}} 万元，{{parts}}之和{{detail}}为 {{sum}} 万元，相差 {{difference}} 万元。',
    },
    appliesTo: [...BOTH],
  },
  messageId: 'sumDiffers',
  kinds: ['general-budget-expenditure', 'gov-fund-expenditure', 'state-capital-expenditure'],
  total: 'total',
  parts: (t) => [...basicParts(t), 'project'],
});
