import { pairRule } from '../lib/classification-pairs.js';

export const medicalInsurance = pairRule(
  {
    id: 'cross-table/medical-insurance',
    title: '行政事业单位医疗与医疗保险缴费一致',
    description: '功能科目 21011 行政事业单位医疗 ≈ 经济科目 30110 职工基本医疗保险缴费 + 30111 公务员医疗补助缴费（部分地方含 30112 其他社会保障缴费，两种口径任一相等即可；编制惯例，警告）。',
    example: { bad: '21011 基本支出 14.08，30110 + 30111 = 13.08，30112 = 0.76', message: '《部门预算一般公共预算财政拨款支出表》“21011 行政事业单位医疗”行“基本支出”列 14.08 万元，与《部门预算一般公共预算财政拨款基本支出表》30110 职工基本医疗保险缴费、30111 公务员医疗补助缴费、30112 其他社会保障缴费合计 13.84 万元不一致，相差 0.24 万元。' },
    messages: {
      differs: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，相差 {{difference}} 万元。',
    },
  },
  { fcode: '21011', ecodes: [['30110', '30111'], ['30110', '30111', '30112']], messageId: 'differs' },
);
