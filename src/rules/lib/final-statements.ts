/** Reading the 决算 statements of the model the way the final-accounts rules talk about them. */
import type { BudgetVsFinal, Disclosure, Figure, Loc, StdTable } from '../../model/disclosure.js';
import { Money } from '../../model/money.js';
import { halfStep } from './figures.js';
import { tablesOf } from './tables.js';
import { keyOfName, type TPKey } from './three-public.js';

/** Where a statement of the 说明 stands, for a finding. */
export function statementWhere(loc: Loc): Record<string, unknown> & { where: string } {
  return { ...loc, where: loc.sentence ? `说明：“${loc.sentence}”` : '说明' };
}

/** How the 说明 names a 年初预算 vs 决算 statement in messages. */
export function vsName(b: BudgetVsFinal): string {
  return b.path.length ? b.path.join('/') : b.name;
}

/** The 三公 决算 table's row of one stage (预算数 or 决算数), when the table prints both. */
export function threePublicStage(doc: Disclosure, stage: 'budget' | 'final'): { table: StdTable; values: Record<string, Figure | null> } | null {
  for (const t of tablesOf(doc, 'three-public')) {
    const r = t.rows.find((x) => x.key === stage);
    if (r) return { table: t, values: r.values };
  }
  return null;
}

/** The 三公 item a statement speaks of (“三公”经费 → total). */
export function threePublicKey(name: string): TPKey | undefined {
  return /三公/.test(name) ? 'total' : keyOfName(name);
}

/**
 * How far a printed percentage may be from the exact ratio: one step of its last digit ("68.00%"
 * → 0.01, "15%" → 1), since documents cut percentages off as often as they round them.
 */
export function percentStep(raw: string): Money {
  const m = /(\d+(?:\.\d+)?)\s*[%％]/.exec(raw);
  return halfStep(m ? m[1] : raw).times(2);
}

/**
 * How far a ratio a/b × 100 may move when a and b are each off by half their printed step: the
 * tolerance a stated percentage gets on top of its own rounding.
 */
export function ratioTolerance(a: Money, b: Money, ha: Money, hb: Money): Money {
  const bb = b.abs();
  return ha.div(bb).plus(a.abs().times(hb).div(bb.times(bb))).times(100);
}
