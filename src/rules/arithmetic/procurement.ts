/** 政府采购预算表 (domain.md §5.16): 数量 × 单价 = 金额; 金额 = Σ 资金来源; Σ 明细 = 合计; 明细 ≤ 项目预算. */
import type { Figure, ProcurementItem } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { checkAtMost, checkSum } from '../lib/compare.js';
import { amount, amountHalfStep, asFigure, sum, val } from '../lib/figures.js';
import { KEY_NAMES } from '../lib/tables.js';
import { defineRule } from '../types.js';

/** bySource keys that are not funding sources (预留中小企业份额 is a share of the amount, not money of its own). */
const NOT_SOURCES = new Set(['smeReserve', 'total', 'amount', 'subtotal']);
const FUNDS = ['generalBudget', 'govFund', 'stateCapital'];

function label(it: ProcurementItem): string {
  return it.role === 'line' ? `政府采购预算表“${it.item || it.project || '（未命名）'}”` : `政府采购预算表“${it.item || it.project || '合计'}”行`;
}

const SOURCE_NAMES: Record<string, string> = {
  ...KEY_NAMES,
  fiscalCarryOver: '财政拨款结转',
  nonFiscalCarryOver: '非财政拨款结转结余',
  fiscalSpecial: '财政专户核拨',
};

export const procurementLineAmount = defineRule({
  meta: {
    id: 'arithmetic/procurement-line-amount',
    title: '政府采购明细数量乘单价等于金额',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('16'),
    description: '政府采购预算表每一明细行：数量 × 单价 = 金额（按单价的打印精度容差）。',
    example: { bad: '台式计算机 5 台 × 0.60 万元，金额 3.50 万元', message: '政府采购预算表“台式计算机”：数量 5 × 单价 0.60 万元 = 3.00 万元，与金额 3.50 万元不一致，相差 0.50 万元。' },
    appliesTo: ['budget'],
    tables: ['procurement'],
  },
  check(doc, ctx) {
    for (const it of doc.procurement.items) {
      if (it.role !== 'line') continue;
      const q = val(it.quantity);
      const p = val(it.unitPrice);
      const a = val(it.amount);
      if (!q || !p || !a || q.isZero()) continue;
      const expected = q.times(p);
      const diff = a.minus(expected);
      if (diff.isZero()) continue;
      const tol = q.abs().times(amountHalfStep(it.unitPrice!)).plus(amountHalfStep(it.amount!));
      ctx.report({
        message: `${label(it)}：数量 ${q.toString()} × 单价 ${amount(p)} 万元 = ${amount(expected)} 万元，与金额 ${amount(a)} 万元不一致，相差 ${amount(diff.abs())} 万元。`,
        location: { ...it.loc, where: label(it) },
        figures: { 数量: q, 单价: p, 金额: a },
        expected,
        actual: a,
        difference: diff,
        rounding: diff.abs().lessThanOrEqualTo(tol),
      });
    }
  },
});

export const procurementSources = defineRule({
  meta: {
    id: 'arithmetic/procurement-sources',
    title: '政府采购金额等于各资金来源之和',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('16'),
    description: '政府采购预算表每一行（含合计、小计）：政府采购金额合计 = 一般公共预算拨款 + 基金预算拨款 + 国有资本经营预算拨款 + 财政专户核拨 + 单位资金 + 结转。预留中小企业份额不是资金来源，不计入。',
    example: { bad: '合计 45.99，一般公共预算拨款 40.00', message: '政府采购预算表“电子政务网维护”金额 45.99 万元，一般公共预算之和为 40.00 万元，相差 5.99 万元。' },
    appliesTo: ['budget'],
    tables: ['procurement'],
  },
  check(doc, ctx) {
    for (const it of doc.procurement.items) {
      let keys = Object.keys(it.bySource).filter((k) => !NOT_SOURCES.has(k));
      // 财政拨款 / 小计 over 一般公共预算 | 政府性基金 | 国有资本经营 is their total, not one more source.
      if (keys.includes('fiscal') && keys.some((k) => FUNDS.includes(k))) keys = keys.filter((k) => k !== 'fiscal');
      checkSum(ctx, {
        where: label(it),
        totalLabel: '金额',
        total: it.amount,
        parts: keys.map((k) => ({ label: SOURCE_NAMES[k] ?? k, figure: it.bySource[k] ?? null })),
        location: { ...it.loc, where: label(it) },
      });
    }
  },
});

export const procurementTotal = defineRule({
  meta: {
    id: 'arithmetic/procurement-total',
    title: '政府采购合计等于各明细之和',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('16'),
    description: '政府采购预算表：合计行金额 = 各明细行金额之和；列有小计（含“一、货物A”这类品目大类行）时，合计也 = 各小计之和。只写项目名称、没有采购物品名称的项目行和品目大类行不算明细；既无物品名称也无项目名称但有金额的行是漏填名称的明细，计入。表中印有单位编码的资金性质行、单位行（陕西）是分组行，不计入；分组行之下没有采购品目但有金额的行（如涉密项目）是明细，计入。',
    example: { bad: '两项明细 30.00、15.99，合计 46.99', message: '政府采购预算表合计金额 46.99 万元，各明细之和（30.00 + 15.99）为 45.99 万元，相差 1.00 万元。' },
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

export const procurementWithinProject = defineRule({
  meta: {
    id: 'arithmetic/procurement-within-project',
    title: '同一项目的采购金额不超过项目预算',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('16'),
    description: '政府采购预算表中，来源于同一项目的各明细金额之和不超过该项目的预算资金。',
    example: { bad: '项目“电子政务网维护”预算资金 40.00，其下采购 45.99', message: '政府采购预算表中项目“电子政务网维护”的采购金额合计 45.99 万元，超过该项目预算资金 40.00 万元，超出 5.99 万元。' },
    appliesTo: ['budget'],
    tables: ['procurement'],
  },
  check(doc, ctx) {
    const groups = new Map<string, ProcurementItem[]>();
    for (const it of doc.procurement.items) {
      if (it.role !== 'line' || !it.project) continue;
      groups.set(it.project, [...(groups.get(it.project) ?? []), it]);
    }
    for (const [project, items] of groups) {
      const budgets = items.map((i) => i.projectBudget).filter((f): f is Figure => val(f) !== null);
      const amounts = items.map((i) => val(i.amount)).filter((v) => v !== null);
      if (!budgets.length || !amounts.length) continue;
      const budget = budgets.reduce((a, b) => (val(b)!.greaterThan(val(a)!) ? b : a));
      const total = sum(amounts);
      checkAtMost(ctx, {
        a: { desc: `政府采购预算表中项目“${project}”的采购金额合计`, figure: asFigure(total, total.toString()) },
        b: { desc: '该项目预算资金', figure: budget },
        location: { ...items[0].loc, where: `政府采购预算表项目“${project}”` },
      });
    }
  },
});
