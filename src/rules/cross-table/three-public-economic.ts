import { BASIS } from '../lib/basis.js';
import { economic } from '../lib/classification-pairs.js';
import { checkAtMost } from '../lib/compare.js';
import { threePublicFigures, type TPKey } from '../lib/three-public.js';
import { defineRule } from '../types.js';

const TP_ECONOMIC: [TPKey, string[]][] = [
  ['abroad', ['30212']],
  ['reception', ['30217']],
  ['vehicleOperation', ['30231']],
  ['vehiclePurchase', ['30913', '31013']],
];

export const threePublicEconomic = defineRule({
  meta: {
    id: 'cross-table/three-public-economic',
    title: '基本支出中的三公经济科目不超过三公预算',
    severity: 'warning',
    category: 'cross-table',
    basis: BASIS.practice('§5.9：出国 ≈ 30212，接待 ≈ 30217，运行 ≈ 30231，购置 ≈ 30913/31013'),
    description: '三公经费覆盖全部财政拨款（基本和项目），基本支出表只含基本支出，所以基本支出表中 30212 因公出国（境）费用、30217 公务接待费、30231 公务用车运行维护费、30913/31013 公务用车购置不应超过三公表（或说明摘要）的对应金额。',
    example: { bad: '基本支出表 30217 公务接待费 1.00，三公表公务接待费 0', message: '《部门预算一般公共预算财政拨款基本支出表》30217 公务接待费 1.00 万元，超过《财政拨款“三公”经费支出表》“公务接待费”行“合计”列 0.00 万元，超出 1.00 万元。' },
    messages: {
      exceeds: '{{a}} {{actual}} 万元，超过{{b}} {{limit}} 万元，超出 {{difference}} 万元。',
    },
    appliesTo: ['budget', 'final-accounts'],
    tables: ['general-budget-basic', 'three-public'],
  },
  check(doc, ctx) {
    const tp = threePublicFigures(doc);
    for (const [key, codes] of TP_ECONOMIC) {
      const t = tp[key];
      const e = economic(doc, codes);
      if (!t || !e) continue;
      checkAtMost(ctx, { messageId: 'exceeds', a: { desc: e.desc, figure: e.figure }, b: { desc: t.desc, figure: t.figure }, location: e.location });
    }
  },
});
