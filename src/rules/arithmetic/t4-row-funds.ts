import { BASIS } from '../lib/basis.js';
import { BOTH, FUND_SOURCES, rowSumRule } from '../lib/row-sums.js';

export const t4RowFunds = rowSumRule({
  meta: {
    id: 'arithmetic/t4-row-funds',
    title: '财政拨款收支总表每类支出合计等于各项财政拨款之和',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('6'),
    description: '财政拨款收支总表支出栏每一行：合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算财政拨款。',
    example: { bad: '一般公共服务支出：合计 240.05，一般公共预算 230.05', message: '《部门预算财政拨款收支总表》“201 一般公共服务支出”行“合计”列 240.05 万元，一般公共预算财政拨款之和为 230.05 万元，相差 10.00 万元。' },
    messages: {
      sumDiffers: '{{where}} {{total}} 万元，{{parts}}之和{{detail}}为 {{sum}} 万元，相差 {{difference}} 万元。',
    },
    appliesTo: [...BOTH],
  },
  messageId: 'sumDiffers',
  kinds: ['fiscal-summary'],
  total: 'total',
  parts: FUND_SOURCES,
  minParts: 1,
  rows: (t) => t.rows.filter((r) => r.side === 'expenditure'),
});
