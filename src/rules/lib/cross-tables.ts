/**
 * Identities across the standard tables (domain.md §5.2, 5.5–5.7): totals and 类 of 收支总表 agree
 * with 收入总表/支出总表; the same code has the same amount in 收入总表 and 支出总表 (and in the
 * 一般公共预算 table when all money is 一般公共预算); 财政拨款收支总表 = T5 + T7 + T8; T5 基本 = T6 合计.
 */
import type { Figure, Row, StdTable } from '../../model/disclosure.js';
import { type RuleContext } from '../types.js';
import { checkSame, differs, type Said } from './compare.js';
import { amount, val } from './figures.js';
import { byCode, cellLocation, sideRows, tableName, totalRow, where } from './tables.js';

export const BOTH = ['budget', 'final-accounts'] as const;

export function sideRow(t: StdTable, side: 'revenue' | 'expenditure', role: Row['role']): Row | undefined {
  return sideRows(t, side).find((r) => r.role === role);
}

export function sideDesc(t: StdTable, r: Row): string {
  return `《${tableName(t)}》${r.name.replace(/\s+/g, '')}`;
}

/** One amount in two tables; the location is the first table's cell. `said` is a checkSame message (compare.ts). */
export function same<Id extends string>(ctx: RuleContext<Id>, ta: StdTable, ra: Row, fa: Figure | null, da: string, _tb: StdTable, _rb: Row | undefined, fb: Figure | null, db: string, said: Said<NoInfer<Id>>): void {
  checkSame(ctx, { ...said, a: { desc: da, figure: fa }, b: { desc: db, figure: fb }, location: cellLocation(ta, ra) });
}

export const FUNDS = ['generalBudget', 'govFund', 'stateCapital'];

/**
 * Code lengths a table prints (3 类, 5 款, 7 项). A code is "missing" from the other table only at a
 * depth that table prints at all: a table of units or of 类 only is another layout, not an omission.
 */
function depths(m: Map<string, Row>): Set<number> {
  return new Set([...m.keys()].map((c) => c.length));
}

/**
 * The same code has the same amounts in both tables: `said.messageId` is a checkSame message
 * (compare.ts). With `missingMessageId` a non-zero code one table lists and the other does not is
 * reported too, its template filled with `{{where}}` (the listing table's cell), `{{amount}}`,
 * `{{table}}` (the other table's name) and `{{code}}`.
 */
export function compareCodes<Id extends string>(ctx: RuleContext<Id>, ta: StdTable, tb: StdTable, keys: string[], said: Said<NoInfer<Id>> & { missingMessageId?: NoInfer<Id> }): void {
  const { messageId, missingMessageId } = said;
  const reportMissing = missingMessageId !== undefined;
  const a = byCode(ta);
  const b = byCode(tb);
  const depthsA = depths(a);
  const depthsB = depths(b);
  const ra = totalRow(ta);
  const rb = totalRow(tb);
  if (ra && rb) for (const k of keys) if (differs(ra.values[k] ?? null, rb.values[k] ?? null)) checkSame(ctx, { messageId, a: { desc: where(ta, ra, k), figure: ra.values[k] ?? null }, b: { desc: where(tb, rb, k), figure: rb.values[k] ?? null }, location: cellLocation(ta, ra, k) });
  for (const [code, r] of a) {
    const o = b.get(code);
    if (!o) {
      const f = r.values.total ?? null;
      if (reportMissing && depthsB.has(code.length) && val(f) && !val(f)!.isZero()) {
        ctx.report({
          messageId: missingMessageId!,
          data: { where: where(ta, r, 'total'), amount: amount(val(f)), table: tableName(tb), code },
          location: cellLocation(ta, r, 'total'),
          actual: val(f),
        });
      }
      continue;
    }
    for (const k of keys) if (differs(r.values[k] ?? null, o.values[k] ?? null)) checkSame(ctx, { messageId, a: { desc: where(ta, r, k), figure: r.values[k] ?? null }, b: { desc: where(tb, o, k), figure: o.values[k] ?? null }, location: cellLocation(ta, r, k) });
  }
  if (!reportMissing) return;
  for (const [code, r] of b) {
    const f = r.values.total ?? null;
    if (!a.has(code) && depthsA.has(code.length) && val(f) && !val(f)!.isZero()) {
      ctx.report({
        messageId: missingMessageId!,
        data: { where: where(tb, r, 'total'), amount: amount(val(f)), table: tableName(ta), code },
        location: cellLocation(tb, r, 'total'),
        actual: val(f),
      });
    }
  }
}
