import { BASIS } from '../lib/basis.js';
import { BOTH, rowSumRule, sources } from '../lib/row-sums.js';
import { hasColumn } from '../lib/tables.js';

export const t2RowTotal = rowSumRule({
  meta: {
    id: 'arithmetic/t2-row-total',
    title: '收入总表合计等于本年收入小计加上年结转',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('2'),
    description: '收入总表每一行：合计 = 本年收入小计 + 上年结转。无“小计”列时，合计 = 各收入来源 + 上年结转。',
    example: { bad: '201 一般公共服务支出：合计 240.05，本年收入小计 230.05，上年结转 5.00', message: '《部门预算收入总表》“201 一般公共服务支出”行“合计”列 240.05 万元，小计、上年结转之和（230.05 + 5.00）为 235.05 万元，相差 5.00 万元。' },
    messages: {
      sumDiffers: '{{where}} {{total}} 万元，{{parts}}之和{{detail}}为 {{sum}} 万元，相差 {{difference}} 万元。',
    },
    appliesTo: [...BOTH],
  },
  messageId: 'sumDiffers',
  kinds: ['revenue'],
  total: 'total',
  parts: (t) => (hasColumn(t, 'currentIncome') ? ['currentIncome', 'carryOver'] : [...sources(t), 'carryOver']),
  minParts: 1,
});
