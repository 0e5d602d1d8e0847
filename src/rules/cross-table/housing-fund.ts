import { pairRule } from '../lib/classification-pairs.js';

export const housingFund = pairRule(
  {
    id: 'cross-table/housing-fund',
    title: '住房公积金功能科目与经济科目一致',
    description: '功能科目 2210201 住房公积金 = 经济科目 30113 住房公积金（编制惯例，警告）。',
    example: { bad: '2210201 基本支出 19.85，30113 合计 18.85', message: '《部门预算一般公共预算财政拨款支出表》“2210201 住房公积金”行“基本支出”列 19.85 万元，与《部门预算一般公共预算财政拨款基本支出表》30113 住房公积金 18.85 万元不一致，相差 1.00 万元。' },
    messages: {
      differs: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，相差 {{difference}} 万元。',
    },
  },
  { fcode: '2210201', ecodes: [['30113']], messageId: 'differs' },
);
