/**
 * How the rows of a standard table relate, as both the recogniser (to verify a reading) and the rules
 * (to check a document) need it: the amount of a row, the rows of one side of a two-sided table, the
 * lines that add up to a side's 本年合计.
 */
import type { Figure, Row, StdTable } from './disclosure.js';

/** The amount of a row of a two-sided table (收支总表) or a one-amount table. */
export function amountOf(row: Row | undefined): Figure | null {
  if (!row) return null;
  for (const k of ['total', 'amount', 'current', 'value']) {
    const f = row.values[k];
    if (f && f.value) return f;
  }
  const stated = Object.values(row.values).filter((f): f is Figure => !!f && !!f.value);
  return stated.length === 1 ? stated[0] : null;
}

export function sideRows(t: StdTable, side: 'revenue' | 'expenditure'): Row[] {
  return t.rows.filter((r) => r.side === side);
}

/**
 * The 'line' rows of one side printed before that side's 本年合计 row: the income sources or
 * expenditure classes (rows after it break down carry-overs).
 */
export function linesBeforeTotal(t: StdTable, side: 'revenue' | 'expenditure'): Row[] {
  // A row read as part of another (其中, a group's items: Row.within) is never added to its siblings.
  return topLevel(sideLines(t, side).filter((r) => r.within === undefined));
}

/** The 'line' rows of a side up to its 本年合计 (or, where that total heads the side, after it). */
function sideLines(t: StdTable, side: 'revenue' | 'expenditure'): Row[] {
  const out: Row[] = [];
  const rows = sideRows(t, side);
  // "一、本年支出合计" may head the side, its classes printed under it.
  const head = totalHeads(rows) ? rows.findIndex((r) => r.role === 'total') + 1 : 0;
  for (const r of rows.slice(head)) {
    if (r.role === 'total' || r.role === 'grand-total' || r.role === 'carry-over') break;
    // "当年收入小计" read as a plain line still ends the list it totals.
    if (/(小计|合计|总计)$/.test(r.name.replace(/\s+/g, ''))) break;
    if (r.role === 'line') out.push(r);
  }
  return out;
}

/**
 * Shanghai's 收支总表 prints "一、财政拨款收入" with "1. 一般公共预算资金" under it: when rows of
 * both numberings are present, only the Chinese-numbered ones are summed.
 */
function topLevel(rows: Row[]): Row[] {
  const chinese = rows.filter((r) => /^[一二三四五六七八九十]+[、.．]/.test(r.name.trim()));
  const sub = rows.filter((r) => /^(\d+[.．、)]|[（(]\d+[)）]|其中)/.test(r.name.trim()));
  if (chinese.length && sub.length) return rows.filter((r) => !sub.includes(r));
  return rows;
}

/** The side's 本年合计 is printed above its lines (一、本年支出合计 over the classes), not under them. */
export function totalHeads(rows: Row[]): boolean {
  const at = rows.findIndex((r) => r.role === 'total');
  return at >= 0 && !rows.slice(0, at).some((r) => r.role === 'line') && rows[at + 1]?.role === 'line';
}

/**
 * The lines of one side before its 本年合计, items of group headings included (一般公共预算 under
 * 一、财政拨款): where a source is looked up by its key, not added to its siblings.
 */
export function sourceLines(t: StdTable, side: 'revenue' | 'expenditure'): Row[] {
  return sideLines(t, side);
}
