/** 项目绩效目标表: 预算数 = 财政资金 + 其他资金 (domain.md §5.15). */
import { BASIS } from '../lib/basis.js';
import { checkSum } from '../lib/compare.js';
import { defineRule } from '../types.js';

export const projectFunds = defineRule({
  meta: {
    id: 'arithmetic/project-funds',
    title: '项目预算数等于财政资金加其他资金',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('15'),
    description: '每张项目绩效目标表：预算数 = 其中财政资金 + 其他资金（+ 表中列有的上年结转；空白视为未填）。',
    example: { bad: '预算数 12.00，财政资金 10.00，其他资金空白', message: '项目“政务外网安全检测”绩效目标表预算数 12.00 万元，财政资金之和为 10.00 万元，相差 2.00 万元。' },
    messages: {
      sumDiffers: '{{where}}预算数 {{total}} 万元，{{parts}}之和{{detail}}为 {{sum}} 万元，相差 {{difference}} 万元。',
    },
    appliesTo: ['budget'],
  },
  check(doc, ctx) {
    for (const p of doc.projects) {
      checkSum(ctx, {
        messageId: 'sumDiffers',
        where: `项目“${p.name}”绩效目标表`,
        totalLabel: '预算数',
        total: p.budget,
        parts: [
          { label: '财政资金', figure: p.fiscalFunds },
          { label: '其他资金', figure: p.otherFunds },
          ...(p.carryOverFunds !== undefined ? [{ label: '上年结转', figure: p.carryOverFunds }] : []),
        ],
        location: { ...p.loc, where: `项目“${p.name}”绩效目标表` },
      });
    }
  },
});
