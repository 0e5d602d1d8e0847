/**
 * Where else the tables print an amount. A figure of the 说明 that differs from the table cell a
 * rule compares it with, but equals another total of the tables, most likely speaks of another
 * scope (财政拨款 rather than all funds, 收入总计 rather than 本年收入合计): which one the sentence
 * means is then the uncertain part, not the figure.
 */
import type { Disclosure, Figure, Row } from '../../model/disclosure.js';
import type { Money } from '../../model/money.js';
import { amountKeys, cellLocation, where } from './tables.js';

function headlineRow(r: Row): boolean {
  return r.role !== 'line' || r.side !== undefined || (!!r.code && r.code.length === 3);
}

/** The first total-like cell of the (trusted) tables that equals `value` within `tolerance`. */
export function foundInTables(doc: Disclosure, value: Money, tolerance: Money): { figure: Figure; where: string; location: Record<string, unknown> } | null {
  for (const t of doc.tables) {
    if (t.empty) continue;
    const keys = amountKeys(t);
    for (const r of t.rows) {
      if (!headlineRow(r)) continue;
      for (const k of keys) {
        const f = r.values[k];
        const v = f?.value;
        if (f && v && !v.isZero() && v.minus(value).abs().lessThanOrEqualTo(tolerance)) return { figure: f, where: where(t, r, k), location: cellLocation(t, r, k) };
      }
    }
  }
  return null;
}
