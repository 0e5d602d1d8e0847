import { sumRule } from '../lib/sums.js';

export const projectListSum = sumRule(
  {
    id: 'narrative/project-list-sum',
    title: '说明所列各项目金额之和等于项目支出',
    description: '支出说明列出项目清单时：各项目金额之和 = 项目支出。只列部分项目（“主要为”）而合计不足时仍会报告，请核对是否漏列。',
    example: { bad: '“项目支出63.85万元，主要为舆情中心运行费7.00万元，网络宣传20万元……”合计 53.85', message: '说明中项目支出 63.85 万元，所列各项之和为 53.85 万元（舆情中心运行费 7.00 + 网络宣传 20.00 + …），相差 10.00 万元。' },
    messages: {
      sumDiffers: '说明中项目支出 {{total}} 万元，所列各项之和为 {{sum}} 万元{{detail}}，相差 {{difference}} 万元。',
    },
    severity: 'warning',
  },
  'expenditure.project',
  ['expenditure.projectItem'],
  { messageId: 'sumDiffers', multi: true },
);
