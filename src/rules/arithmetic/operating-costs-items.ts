/** 机关运行经费表: the total equals its items. */
import type { Row, StdTable } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { checkSum } from '../lib/compare.js';
import { amountKeys, cellLocation, rowLabel, tablesOf, where } from '../lib/tables.js';
import { defineRule } from '../types.js';

/** The rows that add up to the total: 类 rows when codes have levels, else every line. */
function items(t: StdTable): Row[] {
  const lines = t.rows.filter((r) => r.role === 'line');
  const classes = lines.filter((r) => r.code?.length === 3);
  return classes.length ? classes : lines;
}

export const operatingCostsItems = defineRule({
  meta: {
    id: 'arithmetic/operating-costs-items',
    title: '机关运行经费合计等于各明细之和',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('10–11'),
    description: '机关运行经费表：合计行每个金额列 = 各明细行（办公费、邮电费……；有类级编码时取类级行）之和。',
    example: { bad: '办公费 13.78，邮电费 3.06，合计 17.00', message: '《机关运行经费预算表》“合计”行“合计”列 17.00 万元，办公费、邮电费之和（13.78 + 3.06）为 16.84 万元，相差 0.16 万元。' },
    messages: {
      sumDiffers: '{{where}} {{total}} 万元，{{parts}}之和{{detail}}为 {{sum}} 万元，相差 {{difference}} 万元。',
    },
    tables: ['operating-costs'],
  },
  check(doc, ctx) {
    for (const t of tablesOf(doc, 'operating-costs')) {
      const total = t.rows.find((r) => r.role === 'total' || r.role === 'grand-total');
      if (!total) continue;
      const parts = items(t);
      for (const key of amountKeys(t)) {
        checkSum(ctx, {
          messageId: 'sumDiffers',
          where: where(t, total, key),
          totalLabel: '',
          total: total.values[key] ?? null,
          parts: parts.map((r) => ({ label: rowLabel(r), figure: r.values[key] ?? null })),
          location: cellLocation(t, total, key),
        });
      }
    }
  },
});
