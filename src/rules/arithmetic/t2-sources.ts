import { BASIS } from '../lib/basis.js';
import { BOTH, rowSumRule, sources } from '../lib/row-sums.js';

export const t2Sources = rowSumRule({
  meta: {
    id: 'arithmetic/t2-sources',
    title: '收入总表本年收入小计等于各收入来源之和',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('2'),
    description: '收入总表每一行：本年收入小计 = 财政拨款收入（或一般公共预算 + 政府性基金 + 国有资本经营）+ 财政专户 + 事业收入 + 经营收入 + 上级补助 + 附属单位上缴 + 其他收入。',
    example: { bad: '合计行：小计 302.27，财政拨款收入 300.00，事业收入 1.00', message: '《部门预算收入总表》“合计”行“小计”列 302.27 万元，财政拨款收入、事业收入之和（300.00 + 1.00）为 301.00 万元，相差 1.27 万元。' },
    messages: {
      sumDiffers: '{{where}} {{total}} 万元，{{parts}}之和{{detail}}为 {{sum}} 万元，相差 {{difference}} 万元。',
    },
    appliesTo: [...BOTH],
  },
  messageId: 'sumDiffers',
  kinds: ['revenue'],
  total: 'currentIncome',
  parts: sources,
  minParts: 1,
});
