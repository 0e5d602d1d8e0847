import { BASIS } from '../lib/basis.js';
import { claimFigure, claimsOf } from '../lib/claims.js';
import { amount } from '../lib/figures.js';
import { headline } from '../lib/headline.js';
import { defineRule } from '../types.js';

export const plannedPurchasesProcurement = defineRule({
  meta: {
    id: 'cross-table/planned-purchases-procurement',
    title: '拟购置资产应列入政府采购预算',
    severity: 'warning',
    category: 'cross-table',
    basis: BASIS.identities('17'),
    description: '说明写本年拟购置固定资产金额大于 0 时，政府采购预算中应有货物类（目录编码 A 开头）采购；政府采购预算为 0 或没有货物类明细时报告。',
    example: { bad: '“本年度拟购置固定资产总额为12.00万元，已列入政府采购预算”，采购表只有 C0401 服务', message: '说明中拟购置固定资产 12.00 万元，但政府采购预算中没有货物类（A 类）采购。' },
    messages: {
      plannedPurchasesProcurement: '说明中拟购置固定资产 {{value}} 万元，但政府采购预算中没有货物类（A 类）采购。',
    },
    appliesTo: ['budget'],
  },
  check(doc, ctx) {
    const planned = claimsOf(doc, 'assets.planned').find((c) => c.value!.greaterThan(0));
    if (!planned) return;
    const lines = doc.procurement.items.filter((i) => i.role === 'line');
    const goods = lines.some((i) => /^A/i.test(i.catalogCode ?? ''));
    if (goods) return;
    const total = headline(doc, 'procurementTotal') ?? (claimsOf(doc, 'procurement.total')[0] ? { figure: claimFigure(claimsOf(doc, 'procurement.total')[0])! } : null);
    if (!lines.length && !total) return;
    ctx.report({
      messageId: 'plannedPurchasesProcurement', data: { value: amount(planned.value) },
      location: { ...planned.loc, where: planned.loc.sentence ? `说明：“${planned.loc.sentence}”` : '说明' },
      actual: planned.value,
    });
  },
});
