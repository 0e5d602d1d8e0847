/**
 * Identities of the two-sided tables: 收支总表 (T1) and 财政拨款收支总表 (T4).
 * 本年收入合计 = Σ income lines; 本年支出合计 = Σ 类 lines; 总计 = 本年合计 + 结转; 收入总计 = 支出总计.
 */
import type { Row, StdTable, TableKind } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { checkSame, checkSum, type Part } from '../lib/compare.js';
import { amountOf, cellLocation, columnLabel, linesBeforeTotal, rowLabel, sideRows, tableName, tablesOf, totalHeads } from '../lib/tables.js';
import { defineRule, type Rule, type RuleContext } from '../types.js';

type Side = 'revenue' | 'expenditure';

function currentTotal(t: StdTable, side: Side): Row | undefined {
  return sideRows(t, side).find((r) => r.role === 'total');
}

function grandTotal(t: StdTable, side: Side): Row | undefined {
  return sideRows(t, side).find((r) => r.role === 'grand-total');
}

/** Expenditure lines that are 类: by code when the table has codes, else every line. */
function classLines(t: StdTable): Row[] {
  const lines = linesBeforeTotal(t, 'expenditure');
  const coded = lines.filter((r) => r.level === 'class' || (r.code && r.code.length === 3));
  return coded.length ? coded : lines;
}

/**
 * Rows between 本年合计 and 总计: carry-overs, 用事业基金弥补, 结余分配. A breakdown of a carry-over
 * (key `carryOver.x`) counts only when its head row is blank.
 */
function additions(t: StdTable, side: Side): Row[] {
  const rows = sideRows(t, side);
  // Without a 本年合计 row (一、财政拨款 … 二、上年结转结余 … 收入总计) the additions follow the lines.
  const lastLine = linesBeforeTotal(t, side).at(-1);
  const from = currentTotal(t, side) ? rows.findIndex((r) => r.role === 'total') : lastLine ? rows.indexOf(lastLine) : -1;
  const to = rows.findIndex((r) => r.role === 'grand-total');
  if (from < 0 || to < 0 || to < from) return [];
  const lines = totalHeads(rows) ? new Set(linesBeforeTotal(t, side)) : new Set<Row>();
  const between = rows.slice(from + 1, to).filter((r) => !/^其中/.test(r.name.trim()) && !lines.has(r) && !(lines.size && r.role === 'line' && !r.key));
  const heads = between.filter((r) => !r.key?.includes('.'));
  const subs = between.filter((r) => r.key?.includes('.'));
  const out = heads.filter((r) => amountOf(r));
  if (subs.length && heads.every((h) => !amountOf(h) || !/结转/.test(h.name))) out.push(...subs.filter((r) => amountOf(r)));
  return out;
}

/**
 * The lines that stand for a missing 本年合计 (支出总计 printed under the classes alone): the
 * expenditure 类 when coded. An income side without its 合计 is left alone: which of its lines are
 * headings of others only the 合计 can tell.
 */
function withoutTotal(t: StdTable, side: Side): Row[] {
  if (side === 'revenue') return [];
  return linesBeforeTotal(t, side).filter((r) => r.level === 'class' || (r.code && r.code.length === 3));
}

function parts(rows: Row[]): Part[] {
  return rows.map((r) => ({ label: rowLabel(r), figure: amountOf(r) }));
}

function lineTotal(kinds: TableKind[], side: Side, ctx: RuleContext, doc: Parameters<Rule['check']>[0]): void {
  for (const t of kinds.flatMap((k) => tablesOf(doc, k))) {
    const total = currentTotal(t, side);
    if (!total) continue;
    const lines = side === 'revenue' ? linesBeforeTotal(t, 'revenue') : classLines(t);
    const keys = side === 'expenditure' && t.kind === 'fiscal-summary' ? ['total', 'generalBudget', 'govFund', 'stateCapital'] : [null];
    for (const key of keys) {
      const totalFig = key ? total.values[key] ?? null : amountOf(total);
      checkSum(ctx, {
        where: `《${tableName(t)}》`,
        totalLabel: key && key !== 'total' ? `${total.name.replace(/\s+/g, '')}“${columnLabel(t, key, 'expenditure')}”列` : total.name.replace(/\s+/g, ''),
        total: totalFig,
        parts: lines.map((r) => ({ label: rowLabel(r), figure: key ? r.values[key] ?? null : amountOf(r) })),
        partsLabel: side === 'revenue' ? '各项收入' : '各类支出',
        location: cellLocation(t, total, key ?? undefined),
      });
    }
  }
}

function grand(kinds: TableKind[], side: Side, ctx: RuleContext, doc: Parameters<Rule['check']>[0]): void {
  for (const t of kinds.flatMap((k) => tablesOf(doc, k))) {
    const g = grandTotal(t, side);
    const c = currentTotal(t, side);
    if (!g) continue;
    // A side without a 本年合计 row: its lines stand for it.
    const current = c ? (amountOf(c) ? [{ label: c.name.replace(/\s+/g, ''), figure: amountOf(c) }] : []) : parts(withoutTotal(t, side).filter((r) => amountOf(r)));
    if (!current.length) continue;
    const extra = additions(t, side);
    checkSum(ctx, {
      where: `《${tableName(t)}》`,
      totalLabel: g.name.replace(/\s+/g, ''),
      total: amountOf(g),
      parts: [...current, ...parts(extra)],
      location: cellLocation(t, g),
    });
  }
}

function balance(kinds: TableKind[], ctx: RuleContext, doc: Parameters<Rule['check']>[0]): void {
  for (const t of kinds.flatMap((k) => tablesOf(doc, k))) {
    const r = grandTotal(t, 'revenue') ?? currentTotal(t, 'revenue');
    const e = grandTotal(t, 'expenditure') ?? currentTotal(t, 'expenditure');
    if (!r || !e) continue;
    checkSame(ctx, {
      a: { desc: `《${tableName(t)}》${r.name.replace(/\s+/g, '')}`, figure: amountOf(r) },
      b: { desc: `${e.name.replace(/\s+/g, '')}`, figure: amountOf(e) },
      location: cellLocation(t, r),
    });
  }
}

const T1: TableKind[] = ['revenue-expenditure-summary'];
const T4: TableKind[] = ['fiscal-summary'];
const BOTH = ['budget', 'final-accounts'] as const;

export const t1RevenueTotal = defineRule({
  meta: {
    id: 'arithmetic/t1-revenue-total',
    title: '收支总表本年收入合计等于各项收入之和',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('1'),
    description: '收支总表收入栏：本年收入合计 = 一般公共预算拨款收入 + 政府性基金 + … + 其他收入（本年收入合计行之前的各收入行；“其中”子行不重复相加）。空白单元格视为未填，不当作零。',
    example: { bad: '一般公共预算拨款收入 300.00、事业收入 2.27，本年收入合计 310.00', message: '《部门预算收支总表》本年收入合计 310.00 万元，各项收入之和（300.00 + 2.27）为 302.27 万元，相差 7.73 万元。' },
    appliesTo: [...BOTH],
    tables: T1,
  },
  check: (doc, ctx) => lineTotal(T1, 'revenue', ctx, doc),
});

export const t1ExpenditureTotal = defineRule({
  meta: {
    id: 'arithmetic/t1-expenditure-total',
    title: '收支总表本年支出合计等于各类支出之和',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('1'),
    description: '收支总表支出栏：本年支出合计 = 各功能分类“类”级支出行之和。表中同时列出基本支出、项目支出等按性质的行时，只取有类级科目的行。',
    example: { bad: '一般公共服务支出 240.05、社会保障和就业支出 28.29，本年支出合计 270.00', message: '《部门预算收支总表》本年支出合计 270.00 万元，各类支出之和（240.05 + 28.29）为 268.34 万元，相差 1.66 万元。' },
    appliesTo: [...BOTH],
    tables: T1,
  },
  check: (doc, ctx) => lineTotal(T1, 'expenditure', ctx, doc),
});

export const t1RevenueGrandTotal = defineRule({
  meta: {
    id: 'arithmetic/t1-revenue-grand-total',
    title: '收支总表收入总计等于本年收入合计加上年结转',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('1, §5.18'),
    description: '收入总计 = 本年收入合计 + 上年结转结余（决算另加使用非财政拨款结余、年初结转和结余）。',
    example: { bad: '本年收入合计 302.27，上年结转 10.00，收入总计 302.27', message: '《部门预算收支总表》收入总计 302.27 万元，本年收入合计、上年结转结余之和（302.27 + 10.00）为 312.27 万元，相差 10.00 万元。' },
    appliesTo: [...BOTH],
    tables: T1,
  },
  check: (doc, ctx) => grand(T1, 'revenue', ctx, doc),
});

export const t1ExpenditureGrandTotal = defineRule({
  meta: {
    id: 'arithmetic/t1-expenditure-grand-total',
    title: '收支总表支出总计等于本年支出合计加年终结转',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('1, §5.18'),
    description: '支出总计 = 本年支出合计 + 年终结转结余（决算另加结余分配、年末结转和结余）。',
    example: { bad: '本年支出合计 302.27，年终结转结余 5.00，支出总计 302.27', message: '《部门预算收支总表》支出总计 302.27 万元，本年支出合计、年终结转结余之和（302.27 + 5.00）为 307.27 万元，相差 5.00 万元。' },
    appliesTo: [...BOTH],
    tables: T1,
  },
  check: (doc, ctx) => grand(T1, 'expenditure', ctx, doc),
});

export const t1Balance = defineRule({
  meta: {
    id: 'arithmetic/t1-balance',
    title: '收支总表收入总计等于支出总计',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('1'),
    description: '收支平衡：收入总计 = 支出总计（无总计行时比较本年收入合计与本年支出合计）。',
    example: { bad: '收入总计 302.27，支出总计 300.27', message: '《部门预算收支总表》收入总计 302.27 万元，与支出总计 300.27 万元不一致，相差 2.00 万元。' },
    appliesTo: [...BOTH],
    tables: T1,
  },
  check: (doc, ctx) => balance(T1, ctx, doc),
});

export const t4RevenueTotal = defineRule({
  meta: {
    id: 'arithmetic/t4-revenue-total',
    title: '财政拨款收支总表本年收入合计等于各项拨款之和',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('6'),
    description: '财政拨款收支总表收入栏：本年收入合计 = 一般公共预算拨款 + 政府性基金预算拨款 + 国有资本经营预算拨款（年初结转下的分项不计入）。',
    example: { bad: '一般公共预算拨款 302.27，政府性基金预算拨款 10.00，本年收入合计 302.27', message: '《部门预算财政拨款收支总表》本年收入合计 302.27 万元，各项收入之和（302.27 + 10.00）为 312.27 万元，相差 10.00 万元。' },
    appliesTo: [...BOTH],
    tables: T4,
  },
  check: (doc, ctx) => lineTotal(T4, 'revenue', ctx, doc),
});

export const t4ExpenditureTotal = defineRule({
  meta: {
    id: 'arithmetic/t4-expenditure-total',
    title: '财政拨款收支总表本年支出合计等于各类支出之和',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('6'),
    description: '财政拨款收支总表支出栏：每个金额列（合计、一般公共预算、政府性基金、国有资本经营）的本年支出合计 = 各类支出之和。',
    example: { bad: '一般公共服务支出合计 240.05、住房保障支出 19.85，本年支出合计 250.00', message: '《部门预算财政拨款收支总表》本年支出合计 250.00 万元，各类支出之和（240.05 + 19.85）为 259.90 万元，相差 9.90 万元。' },
    appliesTo: [...BOTH],
    tables: T4,
  },
  check: (doc, ctx) => lineTotal(T4, 'expenditure', ctx, doc),
});

export const t4GrandTotals = defineRule({
  meta: {
    id: 'arithmetic/t4-grand-totals',
    title: '财政拨款收支总表总计等于本年合计加结转',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('6'),
    description: '收入总计 = 本年收入合计 + 年初财政拨款结转和结余；支出总计 = 本年支出合计 + 年末财政拨款结转和结余。',
    example: { bad: '本年收入合计 302.27，年初结转 3.00，收入总计 302.27', message: '《部门预算财政拨款收支总表》收入总计 302.27 万元，本年收入合计、年初财政拨款结转和结余之和（302.27 + 3.00）为 305.27 万元，相差 3.00 万元。' },
    appliesTo: [...BOTH],
    tables: T4,
  },
  check(doc, ctx) {
    grand(T4, 'revenue', ctx, doc);
    grand(T4, 'expenditure', ctx, doc);
  },
});

export const t4Balance = defineRule({
  meta: {
    id: 'arithmetic/t4-balance',
    title: '财政拨款收支总表收入总计等于支出总计',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('6'),
    description: '财政拨款收入总计 = 财政拨款支出总计。',
    example: { bad: '收入总计 302.27，支出总计 301.00', message: '《部门预算财政拨款收支总表》收入总计 302.27 万元，与支出总计 301.00 万元不一致，相差 1.27 万元。' },
    appliesTo: [...BOTH],
    tables: T4,
  },
  check: (doc, ctx) => balance(T4, ctx, doc),
});

