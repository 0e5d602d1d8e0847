import { BASIS } from '../lib/basis.js';
import { check } from '../lib/t6-economic.js';
import { tablesOf } from '../lib/tables.js';
import { defineRule } from '../types.js';

export const t6PublicEconomic = defineRule({
  meta: {
    id: 'arithmetic/t6-public-economic',
    title: '公用经费等于商品和服务支出（及资本性支出等）',
    severity: 'warning',
    category: 'arithmetic',
    basis: BASIS.practice('§5.7：公用经费 = 302 (+ 310 …)'),
    description: '基本支出表合计行的公用经费 = 除 301、303 以外各类（302 商品和服务支出、310 资本性支出等）的合计（左右并列的决算表取各类所在半边的金额）。编制惯例，故为警告。人员经费与公用经费与各类相差同一金额、方向相反（两者之和与各类之和一致）的，是把部分支出划在另一侧的地区口径，不报告。',
    example: { bad: '公用经费 28.78；302 类 25.78', message: '《部门预算一般公共预算财政拨款基本支出表》“合计”行“公用经费”列 28.78 万元，经济分类 302 类合计之和为 25.78 万元，相差 3.00 万元。' },
    messages: {
      sumDiffers: '{{where}} {{total}} 万元，{{parts}}之和{{detail}}为 {{sum}} 万元，相差 {{difference}} 万元。',
    },
    appliesTo: ['budget', 'final-accounts'],
    tables: ['general-budget-basic'],
  },
  check(doc, ctx) {
    for (const t of tablesOf(doc, 'general-budget-basic')) check(ctx, t, 'public', { messageId: 'sumDiffers' });
  },
});
