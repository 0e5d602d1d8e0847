import { pairRule } from '../lib/classification-pairs.js';

export const pensionContribution = pairRule(
  {
    id: 'cross-table/pension-contribution',
    title: '养老保险缴费功能科目与经济科目一致',
    description: '功能科目 2080505 机关事业单位基本养老保险缴费支出 = 经济科目 30108 机关事业单位基本养老保险缴费（编制惯例，警告）。',
    example: { bad: '2080505 基本支出 14.67，30108 合计 15.67', message: '《部门预算一般公共预算财政拨款支出表》“2080505 机关事业单位基本养老保险缴费支出”行“基本支出”列 14.67 万元，与《部门预算一般公共预算财政拨款基本支出表》30108 机关事业单位基本养老保险缴费 15.67 万元不一致，相差 1.00 万元。' },
    messages: {
      differs: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，相差 {{difference}} 万元。',
    },
  },
  { fcode: '2080505', ecodes: [['30108']], messageId: 'differs' },
);
