import { sumRule } from '../lib/sums.js';
import { sourceKey } from '../lib/vs-tables.js';

export const revenueSourcesSum = sumRule(
  {
    id: 'narrative/revenue-sources-sum',
    title: '收入说明中各来源之和等于收入总额',
    description: '同一段收入说明中：收入总额 = 所列各来源（一般公共预算、基金、财政专户、其他……）之和；总额含或不含上年结转两种口径都接受。',
    example: { bad: '“预算收入200.54万元，其中一般公共预算收入200.54万元……其他来源收入0.04万元”', message: '说明中收入预算 200.54 万元，所列各项之和为 200.58 万元（一般公共预算收入 200.54 + 基金预算收入 0.00 + 财政专户收入 0.00 + 其他来源收入 0.04），相差 0.04 万元。' },
    messages: {
      sumDiffers: '说明中收入预算 {{total}} 万元，所列各项之和为 {{sum}} 万元{{detail}}，相差 {{difference}} 万元。',
    },
  },
  'revenue.total',
  ['revenue.source'],
  {
    messageId: 'sumDiffers',
    multi: true,
    tableWhole: ['revenueTotal', 'revenueGrand'],
    variants: (parts, head) => {
      // "收入预算X万元，其中：一般公共预算收入…" names a few sources in the total's own sentence and
      // the list below gives them all: either list may be the one that adds up.
      const own = parts.filter((p) => p.loc.block === head.loc.block);
      const below = parts.filter((p) => p.loc.block !== head.loc.block);
      return (own.length && below.length ? [parts, own, below] : [parts]).flatMap((list) => {
        const noCarry = list.filter((p) => sourceKey(p.name ?? '') !== 'carryOver');
        return noCarry.length === list.length ? [list] : [list, noCarry];
      });
    },
  },
);
