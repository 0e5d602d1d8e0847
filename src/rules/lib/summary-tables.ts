/**
 * Identities of the two-sided tables: 收支总表 (T1) and 财政拨款收支总表 (T4).
 * 本年收入合计 = Σ income lines; 本年支出合计 = Σ 类 lines; 总计 = 本年合计 + 结转; 收入总计 = 支出总计.
 */
import type { Row, StdTable, TableKind } from '../../model/disclosure.js';
import { type Rule, type RuleContext } from '../types.js';
import { checkSame, checkSum, type Part, type Said } from './compare.js';
import { amountOf, cellLocation, columnLabel, linesBeforeTotal, rowLabel, sideRows, tableName, tablesOf, totalHeads } from './tables.js';

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

/** 本年合计 = Σ lines; `said` is a checkSum message (placeholders in compare.ts). */
export function lineTotal<Id extends string>(kinds: TableKind[], side: Side, ctx: RuleContext<Id>, doc: Parameters<Rule['check']>[0], said: Said<NoInfer<Id>>): void {
  for (const t of kinds.flatMap((k) => tablesOf(doc, k))) {
    const total = currentTotal(t, side);
    if (!total) continue;
    const lines = side === 'revenue' ? linesBeforeTotal(t, 'revenue') : classLines(t);
    const keys = side === 'expenditure' && t.kind === 'fiscal-summary' ? ['total', 'generalBudget', 'govFund', 'stateCapital'] : [null];
    for (const key of keys) {
      const totalFig = key ? total.values[key] ?? null : amountOf(total);
      checkSum(ctx, {
        ...said,
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

/** 总计 = 本年合计 + additions; `said` is a checkSum message. */
export function grand<Id extends string>(kinds: TableKind[], side: Side, ctx: RuleContext<Id>, doc: Parameters<Rule['check']>[0], said: Said<NoInfer<Id>>): void {
  for (const t of kinds.flatMap((k) => tablesOf(doc, k))) {
    const g = grandTotal(t, side);
    const c = currentTotal(t, side);
    if (!g) continue;
    // A side without a 本年合计 row: its lines stand for it.
    const current = c ? (amountOf(c) ? [{ label: c.name.replace(/\s+/g, ''), figure: amountOf(c) }] : []) : parts(withoutTotal(t, side).filter((r) => amountOf(r)));
    if (!current.length) continue;
    const extra = additions(t, side);
    checkSum(ctx, {
      ...said,
      where: `《${tableName(t)}》`,
      totalLabel: g.name.replace(/\s+/g, ''),
      total: amountOf(g),
      parts: [...current, ...parts(extra)],
      location: cellLocation(t, g),
    });
  }
}

/** 收入总计 = 支出总计; `said` is a checkSame message. */
export function balance<Id extends string>(kinds: TableKind[], ctx: RuleContext<Id>, doc: Parameters<Rule['check']>[0], said: Said<NoInfer<Id>>): void {
  for (const t of kinds.flatMap((k) => tablesOf(doc, k))) {
    const r = grandTotal(t, 'revenue') ?? currentTotal(t, 'revenue');
    const e = grandTotal(t, 'expenditure') ?? currentTotal(t, 'expenditure');
    if (!r || !e) continue;
    checkSame(ctx, {
      ...said,
      a: { desc: `《${tableName(t)}》${r.name.replace(/\s+/g, '')}`, figure: amountOf(r) },
      b: { desc: `${e.name.replace(/\s+/g, '')}`, figure: amountOf(e) },
      location: cellLocation(t, r),
    });
  }
}

export const T1: TableKind[] = ['revenue-expenditure-summary'];

export const T4: TableKind[] = ['fiscal-summary'];

export const BOTH = ['budget', 'final-accounts'] as const;
