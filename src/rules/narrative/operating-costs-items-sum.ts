import { sumRule } from '../lib/sums.js';

export const operatingCostsItemsSum = sumRule(
  {
    id: 'narrative/operating-costs-items-sum',
    title: '机关运行经费明细之和等于总额',
    description: '机关运行经费说明列出明细（办公费、邮电费……）时：各明细之和 = 机关运行经费总额。',
    example: { bad: '“机关运行经费安排27.53万元，其中办公费13.78万元，邮电费3.06万元……”合计 26.53', message: '说明中机关运行经费 27.53 万元，所列各项之和为 26.53 万元（办公费 13.78 + 邮电费 3.06 + …），相差 1.00 万元。' },
    messages: {
      sumDiffers: '说明中机关运行经费 {{total}} 万元，所列各项之和为 {{sum}} 万元{{detail}}，相差 {{difference}} 万元。',
    },
  },
  'operatingCosts.total',
  ['operatingCosts.item'],
  { messageId: 'sumDiffers', multi: true },
);
