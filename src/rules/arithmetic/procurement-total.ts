import type { ProcurementItem } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { checkSum } from '../lib/compare.js';
import { amount, val } from '../lib/figures.js';
import { label } from '../lib/procurement.js';
import { defineRule } from '../types.js';

export const procurementTotal = defineRule({
  meta: {
    id: 'arithmetic/procurement-total',
    title: '政府采购合计等于各明细之和',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('16'),
    description: '政府采购预算表：合计行金额 = 各明细行金额之和；列有小计（含“一、货物A”这类品目大类行）时，合计也 = 各小计之和。只写项目名称、没有采购物品名称的项目行和品目大类行不算明细；既无物品名称也无项目名称但有金额的行是漏填名称的明细，计入。表中印有单位编码的资金性质行、单位行（陕西）是分组行，不计入；分组行之下没有采购品目但有金额的行（如涉密项目）是明细，计入。',
    example: { bad: '两项明细 30.00、15.99，合计 46.99', message: '政府采购预算表合计金额 46.99 万元，各明细之和（30.00 + 15.99）为 45.99 万元，相差 1.00 万元。' },
    messages: {
      sumDiffers: '政府采购预算表合计金额 {{total}} 万元，{{parts}}之和{{detail}}为 {{sum}} 万元，相差 {{difference}} 万元。',
    },
    appliesTo: ['budget'],
    tables: ['procurement'],
  },
  check(doc, ctx) {
    const items = doc.procurement.items;
    const total = items.find((i) => i.role === 'total');
    if (!total) return;
    const all = items.filter((i) => i.role === 'line');
    // Jiangsu prints category rows (一、货物A) and project rows without an item above the items:
    // those are subtotals read as lines, and only the items add up to the total. A row that names
    // neither an item nor a project but has an amount is an item whose name was left blank
    // (法院 2019 p17: 430.00 under 物业管理费).
    // Where the table marks its group rows (单位编码 printed: 陕西), a row with an amount but no item
    // under them is an item (公安其他业务经费（内容涉密）: the item is not named).
    const grouped = items.some((i) => i.role === 'group');
    // The category (一、货物A) stands in the item column or, where the table has a column for it, as the row's name.
    const category = (i: ProcurementItem) => /^[一二三四五六七八九十]+[、.．]/.test(i.item.trim() || (i.project ?? '').trim());
    const heading = (i: ProcurementItem) => category(i) || (!i.item.trim() && ((!grouped && !!i.project?.trim()) || !val(i.amount)));
    const lines = all.filter((i) => !heading(i));
    const categories = all.filter(category);
    const subtotals = [...items.filter((i) => i.role === 'subtotal'), ...categories];
    for (const [parts, what] of [[lines, '各明细'], [subtotals, '各小计']] as const) {
      if (!parts.length) continue;
      checkSum(ctx, {
        messageId: 'sumDiffers',
        where: '政府采购预算表',
        totalLabel: '合计金额',
        total: total.amount,
        parts: parts.map((i) => ({ label: i.item || i.project || '', figure: i.amount })),
        partsLabel: what,
        location: { ...total.loc, where: '政府采购预算表合计行' },
      });
    }
  },
});
