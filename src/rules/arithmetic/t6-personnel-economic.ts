import { BASIS } from '../lib/basis.js';
import { check } from '../lib/t6-economic.js';
import { tablesOf } from '../lib/tables.js';
import { defineRule } from '../types.js';

export const t6PersonnelEconomic = defineRule({
  meta: {
    id: 'arithmetic/t6-personnel-economic',
    title: '人员经费等于工资福利支出加对个人和家庭的补助',
    severity: 'warning',
    category: 'arithmetic',
    basis: BASIS.practice('§5.7：人员经费 = 301 + 303'),
    description: '基本支出表合计行的人员经费 = 301 工资福利支出 + 303 对个人和家庭的补助（各类“合计”列之和；左右并列的决算表没有合计列，取各类所在半边的金额）。这是编制惯例，故为警告。人员经费与公用经费与各类相差同一金额、方向相反（两者之和与各类之和一致）的，是把部分支出划在另一侧的地区口径，不报告。',
    example: { bad: '人员经费 209.64；301 类 196.35，303 类 10.29', message: '《部门预算一般公共预算财政拨款基本支出表》“合计”行“人员经费”列 209.64 万元，经济分类 301、303 类合计之和（196.35 + 10.29）为 206.64 万元，相差 3.00 万元。' },
    messages: {
      sumDiffers: '{{where}} {{total}} 万元，{{parts}}之和{{detail}}为 {{sum}} 万元，相差 {{difference}} 万元。',
    },
    appliesTo: ['budget', 'final-accounts'],
    tables: ['general-budget-basic'],
  },
  check(doc, ctx) {
    for (const t of tablesOf(doc, 'general-budget-basic')) check(ctx, t, 'personnel', { messageId: 'sumDiffers' });
  },
});
