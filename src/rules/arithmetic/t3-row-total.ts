import { BASIS } from '../lib/basis.js';
import { basicParts, BOTH, rowSumRule } from '../lib/row-sums.js';

export const t3RowTotal = rowSumRule({
  meta: {
    id: 'arithmetic/t3-row-total',
    title: '支出总表合计等于基本、项目、经营、上缴上级、对附属单位补助之和',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('3'),
    description: '支出总表每一行：合计 = 基本支出 + 项目支出 + 经营支出 + 上缴上级支出 + 对附属单位补助支出（表中只分列人员支出、公用支出而无基本支出合计列时，以两者之和作基本支出）。',
    example: { bad: '201 一般公共服务支出：合计 240.05，基本支出 176.20，项目支出 60.85', message: '《部门预算支出总表》“201 一般公共服务支出”行“合计”列 240.05 万元，基本支出、项目支出之和（176.20 + 60.85）为 237.05 万元，相差 3.00 万元。' },
    messages: {
      sumDiffers: '{{where}} {{total}} 万元，{{parts}}之和{{detail}}为 {{sum}} 万元，相差 {{difference}} 万元。',
    },
    appliesTo: [...BOTH],
  },
  messageId: 'sumDiffers',
  kinds: ['expenditure'],
  total: 'total',
  parts: (t) => [...basicParts(t), 'project', 'operating', 'toSuperior', 'toSubsidiary', 'reserve'],
});
