import { BASIS } from '../lib/basis.js';
import { checkSum, sumDiffers } from '../lib/compare.js';
import { BOTH, uniqueCoded } from '../lib/hierarchy.js';
import { amountKeys, cellLocation, CODED_KINDS, rowLabel, tablesOf, totalRow, where } from '../lib/tables.js';
import { defineRule } from '../types.js';

export const totalRowClasses = defineRule({
  meta: {
    id: 'arithmetic/total-row',
    title: '合计行等于各类之和',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('4'),
    description: '按科目列示的表中，合计行每个金额列 = 各“类”级行之和（功能分类与经济分类都适用）。',
    example: { bad: '合计 300.00；201 类 240.05、208 类 28.29、210 类 14.08、221 类 19.85', message: '《部门预算支出总表》“合计”行“合计”列 300.00 万元，各类（201、208、210、221）之和（240.05 + 28.29 + 14.08 + 19.85）为 302.27 万元，相差 2.27 万元。' },
    messages: {
      sumDiffers: '{{where}} {{total}} 万元，{{parts}}之和{{detail}}为 {{sum}} 万元，相差 {{difference}} 万元。',
    },
    appliesTo: [...BOTH],
    tables: CODED_KINDS,
  },
  check(doc, ctx) {
    for (const t of CODED_KINDS.flatMap((k) => tablesOf(doc, k))) {
      const total = totalRow(t);
      if (!total) continue;
      const classes = uniqueCoded(t).filter((r) => r.code!.length === 3);
      if (!classes.length) continue;
      for (const key of amountKeys(t)) {
        if (!sumDiffers(total.values[key] ?? null, classes.map((c) => c.values[key] ?? null))) continue;
        checkSum(ctx, {
          messageId: 'sumDiffers',
          where: where(t, total, key),
          totalLabel: '',
          total: total.values[key] ?? null,
          parts: classes.map((c) => ({ label: rowLabel(c), figure: c.values[key] ?? null })),
          partsLabel: `各类（${classes.map((c) => c.code).join('、')}）`,
          location: cellLocation(t, total, key),
        });
      }
    }
  },
});
