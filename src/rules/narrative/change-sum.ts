import { sumRule } from '../lib/sums.js';

export const changeSum = sumRule(
  {
    id: 'narrative/change-sum',
    title: '收支增减额等于基本支出与项目支出增减额之和',
    description: '比上年增减情况中：总额增减 = 基本支出增减 + 项目支出增减（+ 其他支出增减），减少记为负数。',
    example: { bad: '“较上年减少21.64万元。其中：基本支出增加42.47万元……项目支出减少64.16万元”', message: '说明中收支总额增减 -21.64 万元，所列各项之和为 -21.69 万元（基本支出增减 42.47 + 项目支出增减 -64.16），相差 0.05 万元。' },
    messages: {
      sumDiffers: '说明中收支总额增减 {{total}} 万元，所列各项之和为 {{sum}} 万元{{detail}}，相差 {{difference}} 万元。',
    },
  },
  'change.total',
  ['change.basic', 'change.project', 'change.other'],
  { messageId: 'sumDiffers', required: (has) => has('change.basic') && has('change.project') },
);
