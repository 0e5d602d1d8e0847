import { pairRule } from '../lib/classification-pairs.js';

export const occupationalAnnuity = pairRule(
  {
    id: 'cross-table/occupational-annuity',
    title: '职业年金缴费功能科目与经济科目一致',
    description: '功能科目 2080506 机关事业单位职业年金缴费支出 = 经济科目 30109 职业年金缴费（编制惯例，警告）。',
    example: { bad: '2080506 基本支出 7.33，30109 合计 7.00', message: '《部门预算一般公共预算财政拨款支出表》“2080506 机关事业单位职业年金缴费支出”行“基本支出”列 7.33 万元，与《部门预算一般公共预算财政拨款基本支出表》30109 职业年金缴费 7.00 万元不一致，相差 0.33 万元。' },
    messages: {
      differs: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，相差 {{difference}} 万元。',
    },
  },
  { fcode: '2080506', ecodes: [['30109']], messageId: 'differs' },
);
