import type { Disclosure } from '../../model/disclosure.js';
import { claimsOf } from '../lib/claims.js';
import { Money, val } from '../lib/figures.js';
import { type Source } from '../lib/headline.js';
import { amountOf, sideRows, tableName, tableOf, totalRow, where } from '../lib/tables.js';
import { B, compareClaim, sourceKey } from '../lib/vs-tables.js';
import { defineRule } from '../types.js';

const FUNDS = ['generalBudget', 'govFund', 'stateCapital'];

/**
 * 财政拨款收入 in a 收支总表 that prints only the funds (一般公共预算 / 政府性基金 / 国有资本经营):
 * the sum of the fund rows that have a figure.
 */
function fiscalFromFunds(t1: NonNullable<ReturnType<typeof tableOf>>): Source | null {
  const rows = sideRows(t1, 'revenue').filter((r) => r.role === 'line' && FUNDS.includes(r.key ?? sourceKey(r.name) ?? ''));
  const parts = rows.map((r) => ({ r, f: amountOf(r) })).filter((x) => x.f && val(x.f));
  // The first row per fund: the 1./（1） sub-rows under a fund are no second fund.
  const seen = new Set<string>();
  const firsts = parts.filter(({ r }) => {
    const k = r.key ?? sourceKey(r.name) ?? '';
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  if (!firsts.length) return null;
  const total = firsts.reduce((a, { f }) => a.plus(val(f)!), new Money(0));
  const names = firsts.map(({ r }) => `“${r.name.replace(/\s+/g, '')}”`).join('、');
  const desc = `《${tableName(t1)}》${names}${firsts.length > 1 ? '之和' : ''}`;
  const raw = firsts.map(({ f }) => f!.raw).join(' + ');
  return { figure: { raw, value: total, loc: { ...firsts[0].f!.loc } }, desc, location: { ...t1.loc, ...firsts[0].r.loc, where: desc }, parts: firsts.map(({ f }) => f!) };
}

/** The table figure for an income source: 收支总表 row, else 收入总表 合计 row column. */
function sourceFigure(doc: Disclosure, key: string): Source | null {
  const t1 = tableOf(doc, 'revenue-expenditure-summary');
  if (t1) {
    const rows = sideRows(t1, 'revenue').filter((r) => (r.key ?? sourceKey(r.name)) === key && (key === 'carryOver' || r.role === 'line'));
    if (key === 'fiscal' && !rows.length) return fiscalFromFunds(t1);
    const r = rows[0];
    const f = amountOf(r);
    if (r && f) return { figure: f, desc: `《${tableName(t1)}》“${r.name.replace(/\s+/g, '')}”`, location: { ...t1.loc, ...r.loc, where: `《${tableName(t1)}》“${r.name.replace(/\s+/g, '')}”` } };
    if (r) return null;
  }
  const t2 = tableOf(doc, 'revenue');
  const tr = t2 && totalRow(t2);
  if (t2 && tr) {
    const f = tr.values[key];
    if (f?.value) return { figure: f, desc: where(t2, tr, key), location: { ...tr.loc, where: where(t2, tr, key) } };
  }
  return null;
}

export const revenueSource = defineRule({
  meta: {
    id: 'narrative/revenue-source',
    title: '收入说明中各来源金额与表格一致',
    severity: 'error',
    category: 'narrative',
    basis: B,
    description: '说明所写一般公共预算收入、政府性基金收入、财政专户收入、事业收入、其他收入、上年结转等 = 收支总表对应收入行（无收支总表时取收入总表合计行对应列）；财政拨款收入 = 收支总表的财政拨款行，没有该行时 = 各财政拨款资金行（一般公共预算、政府性基金、国有资本经营）之和。表格该行空白时不比较。',
    example: { bad: '说明“一般公共预算收入312.27万元”，收支总表一般公共预算拨款收入 302.27', message: '说明中“一般公共预算收入” 312.27 万元，与《部门预算收支总表》“一、一般公共预算拨款收入” 302.27 万元不一致，相差 10.00 万元。' },
    messages: {
      differs: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，相差 {{difference}} 万元。',
      otherScope: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，但与{{other}}相同：文字所说可能是另一口径，请核对。',
    },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    for (const c of claimsOf(doc, 'revenue.source')) {
      const key = sourceKey(c.name ?? '');
      if (!key) continue;
      const s = sourceFigure(doc, key);
      if (s) compareClaim(ctx, c, s, key === 'fiscal' ? fiscalWithCarryOver(doc) : [], { messageId: 'differs', otherScopeMessageId: 'otherScope' });
    }
  },
});

/**
 * "财政拨款收入337,741.21万元，其中：一般公共预算拨款收入…、上年结转…": the text may count the
 * fiscal money carried over in — the 财政拨款收支总表's 收入总计.
 */
function fiscalWithCarryOver(doc: Disclosure): Source[] {
  const t4 = tableOf(doc, 'fiscal-summary');
  const r = t4 && sideRows(t4, 'revenue').find((x) => x.role === 'grand-total');
  const current = val(amountOf(t4 && sideRows(t4, 'revenue').find((x) => x.role === 'total')));
  const f = amountOf(r);
  // Only where something was carried over: otherwise the grand total is the year's figure again.
  if (!current || !val(f) || val(f)!.equals(current)) return [];
  return t4 && r && f ? [{ figure: f, desc: `《${tableName(t4)}》“${r.name.replace(/\s+/g, '')}”`, location: { ...t4.loc, ...r.loc, where: tableName(t4) } }] : [];
}
