import { BASIS } from '../lib/basis.js';
import { checkSame } from '../lib/compare.js';
import { BOTH } from '../lib/cross-tables.js';
import { sumTolerance, val } from '../lib/figures.js';
import { cellLocation, tableOf, totalRow, where } from '../lib/tables.js';
import { defineRule } from '../types.js';

export const t5T6Basic = defineRule({
  meta: {
    id: 'cross-table/t5-t6-basic',
    title: '一般公共预算基本支出与基本支出表合计一致',
    severity: 'error',
    category: 'cross-table',
    basis: BASIS.identities('7'),
    description: '一般公共预算财政拨款支出表合计行的基本支出 = 一般公共预算财政拨款基本支出表合计行合计。',
    example: { bad: '支出表基本支出 238.42，基本支出表合计 248.42', message: '《部门预算一般公共预算财政拨款支出表》“合计”行“基本支出”列 238.42 万元，与《部门预算一般公共预算财政拨款基本支出表》“合计”行“合计”列 248.42 万元不一致，相差 10.00 万元。' },
    messages: {
      differs: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，相差 {{difference}} 万元。',
    },
    appliesTo: [...BOTH],
    tables: ['general-budget-expenditure', 'general-budget-basic'],
  },
  check(doc, ctx) {
    const t5 = tableOf(doc, 'general-budget-expenditure');
    const t6 = tableOf(doc, 'general-budget-basic');
    const r5 = t5 && totalRow(t5);
    const r6 = t6 && totalRow(t6);
    if (!t5 || !t6 || !r5 || !r6) return;
    // Both tables print the same 人员经费 and 公用经费: a 基本支出 that differs by no more than their
    // rounding is one table adding rounded parts and the other rounding the exact sum.
    const parts = ['personnel', 'public'].map((k) => [r5.values[k] ?? null, r6.values[k] ?? null] as const);
    const partsAgree = parts.every(([a, b]) => val(a) && val(b) && val(a)!.equals(val(b)!));
    const tolerance = partsAgree ? sumTolerance(parts.map(([a]) => a)) : undefined;
    checkSame(ctx, { messageId: 'differs', a: { desc: where(t5, r5, 'basic'), figure: r5.values.basic ?? null }, b: { desc: where(t6, r6, 'total'), figure: r6.values.total ?? null }, location: cellLocation(t5, r5, 'basic'), tolerance });
  },
});
