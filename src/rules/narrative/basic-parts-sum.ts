import { sumRule } from '../lib/sums.js';

export const basicPartsSum = sumRule(
  {
    id: 'narrative/basic-parts-sum',
    title: '基本支出等于人员经费加公用经费',
    description: '支出说明中：基本支出 = 人员经费 + 日常公用经费。',
    example: { bad: '“基本支出238.42万元，包括人员经费209.64万元和日常公用经费27.78万元”', message: '说明中基本支出 238.42 万元，所列各项之和为 237.42 万元（人员经费 209.64 + 公用经费 27.78），相差 1.00 万元。' },
    messages: {
      sumDiffers: '说明中基本支出 {{total}} 万元，所列各项之和为 {{sum}} 万元{{detail}}，相差 {{difference}} 万元。',
    },
  },
  'expenditure.basic',
  ['expenditure.personnel', 'expenditure.public'],
  { messageId: 'sumDiffers' },
);
