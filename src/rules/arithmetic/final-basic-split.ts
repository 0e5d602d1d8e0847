/**
 * 决算 基本支出 = 人员经费 + 公用经费 (domain.md §5.18). The 基本支出决算表 prints the two halves
 * side by side with a total for each and no 合计 column, so the sum is held against the 基本支出 of
 * the 一般公共预算财政拨款支出决算表.
 */
import { BASIS } from '../lib/basis.js';
import { checkSum } from '../lib/compare.js';
import { cellLocation, tableName, tableOf, totalRow, where } from '../lib/tables.js';
import { defineRule } from '../types.js';

export const basicSplit = defineRule({
  meta: {
    id: 'arithmetic/final-basic-split',
    title: '基本支出等于人员经费加公用经费（决算）',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('18'),
    description: '一般公共预算财政拨款支出决算表合计行的基本支出 = 一般公共预算财政拨款基本支出决算表的人员经费合计 + 公用经费合计（该表无合计列时；有合计列的由 cross-table/t5-t6-basic 比较）。',
    example: {
      bad: '基本支出 154.80，人员经费合计 139.90，公用经费合计 13.90',
      message: '《一般公共预算财政拨款支出决算表》“合计”行“基本支出”列 154.80 万元，《一般公共预算财政拨款基本支出决算表》人员经费合计、公用经费合计之和（139.90 + 13.90）为 153.80 万元，相差 1.00 万元。',
    },
    messages: {
      sumDiffers: '{{where}} {{total}} 万元，{{parts}}之和{{detail}}为 {{sum}} 万元，相差 {{difference}} 万元。',
    },
    appliesTo: ['final-accounts'],
    tables: ['general-budget-expenditure', 'general-budget-basic'],
  },
  check(doc, ctx) {
    const t5 = tableOf(doc, 'general-budget-expenditure');
    const t6 = tableOf(doc, 'general-budget-basic');
    const total5 = t5 && totalRow(t5);
    const total6 = t6 && totalRow(t6);
    if (!t5 || !t6 || !total5 || !total6 || total6.values.total?.value) return;
    checkSum(ctx, {
      messageId: 'sumDiffers',
      where: where(t5, total5, 'basic'),
      totalLabel: '',
      total: total5.values.basic ?? null,
      parts: [
        { label: '人员经费合计', figure: total6.values.personnel ?? null },
        { label: '公用经费合计', figure: total6.values.public ?? null },
      ],
      partsLabel: `《${tableName(t6)}》人员经费合计、公用经费合计`,
      location: cellLocation(t5, total5, 'basic'),
    });
  },
});
