/**
 * Classification hierarchy sums: 类 = Σ 款 = Σ 项 in every amount column (a child's code starts
 * with its parent's), and the 合计 row = Σ 类.
 */
import type { Row, StdTable } from '../../model/disclosure.js';
import { type RuleContext } from '../types.js';
import { checkSum, type Said, sumDiffers } from './compare.js';
import { amountKeys, cellLocation, childrenOf, codeRows, printedOnce, repeatsClasses, rowLabel, where } from './tables.js';

const LEVEL_NAMES: Record<number, string> = { 5: '款', 7: '项' };

/**
 * First row per code: a repeated code would otherwise count twice. A table of class blocks
 * (repeatsClasses) keeps every block's rows.
 */
export function uniqueCoded(t: StdTable): Row[] {
  if (repeatsClasses(t.rows)) return printedOnce(t.rows);
  const seen = new Set<string>();
  return codeRows(t).filter((r) => !seen.has(r.code!) && seen.add(r.code!));
}

/** Parent = Σ children at each pair of code depths; `said` is a checkSum message (compare.ts). */
export function checkHierarchy<Id extends string>(t: StdTable, ctx: RuleContext<Id>, depths: [number, number][], said: Said<NoInfer<Id>>): void {
  const rows = uniqueCoded(t);
  const keys = amountKeys(t);
  const blocks = repeatsClasses(t.rows);
  for (const [parentLen, childLen] of depths) {
    for (const parent of rows.filter((r) => r.code!.length === parentLen)) {
      // In class blocks a printing adds up the rows printed under it, not every row of its code.
      const children = childrenOf(rows, parent, childLen, blocks);
      if (!children.length) continue;
      for (const key of keys) {
        if (!sumDiffers(parent.values[key] ?? null, children.map((c) => c.values[key] ?? null))) continue;
        checkSum(ctx, {
          ...said,
          where: where(t, parent, key),
          totalLabel: '',
          total: parent.values[key] ?? null,
          parts: children.map((c) => ({ label: rowLabel(c), figure: c.values[key] ?? null })),
          partsLabel: `其下各${LEVEL_NAMES[childLen]}（${children.map((c) => c.code).join('、')}）`,
          location: cellLocation(t, parent, key),
        });
      }
    }
  }
}

export const BOTH = ['budget', 'final-accounts'] as const;
