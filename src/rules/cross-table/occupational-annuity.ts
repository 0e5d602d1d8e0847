import { pairRule } from '../lib/classification-pairs.js';

export const occupationalAnnuity = pairRule(
  'cross-table/occupational-annuity',
  '职业年金缴费功能科目与经济科目一致',
  '2080506',
  [['30109']],
  '功能科目 2080506 机关事业单位职业年金缴费支出 = 经济科目 30109 职业年金缴费（编制惯例，警告）。',
  { bad: '2080506 基本支出 7.33，30109 合计 7.00', message: '《部门预算一般公共预算财政拨款支出表》“2080506 机关事业单位职业年金缴费支出”行“基本支出”列 7.33 万元，与《部门预算一般公共预算财政拨款基本支出表》30109 职业年金缴费 7.00 万元不一致，相差 0.33 万元。' },
);
