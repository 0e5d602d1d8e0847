/**
 * "Row total = Σ columns" for every table whose columns split a total: 收入总表 (T2), 支出总表 (T3),
 * 财政拨款收支总表 支出栏 (T4), 一般公共预算/政府性基金/国有资本经营支出表 (T5/T7/T8), 基本支出表 (T6).
 */
import type { Disclosure, Row, StdTable, TableKind } from '../../model/disclosure.js';
import { defineRule, type RuleContext, type RuleMeta } from '../types.js';
import { checkSum, type Said, sumDiffers } from './compare.js';
import { cellLocation, columnLabel, hasColumn, tablesOf, where } from './tables.js';

interface RowSumSpec<Id extends string> extends Said<NoInfer<Id>> {
  /** With the checkSum message (placeholders in compare.ts) that `messageId` names. */
  meta: RuleMeta<Id>;
  kinds: TableKind[];
  total: string;
  /** Part columns; a function may choose them from the table's columns. */
  parts: string[] | ((t: StdTable) => string[]);
  /** Rows to check (default: every row of the table). */
  rows?: (t: StdTable) => Row[];
  /** Fewest part columns the table must have for the identity to be checked. */
  minParts?: number;
}

export function rowSumRule<const Id extends string>(spec: RowSumSpec<Id>) {
  return defineRule({
    meta: { ...spec.meta, tables: spec.kinds },
    check(doc: Disclosure, ctx: RuleContext<Id>) {
      for (const t of spec.kinds.flatMap((k) => tablesOf(doc, k))) {
        if (!hasColumn(t, spec.total)) continue;
        const parts = (typeof spec.parts === 'function' ? spec.parts(t) : spec.parts).filter((k) => hasColumn(t, k));
        if (parts.length < (spec.minParts ?? 2)) continue;
        for (const r of spec.rows ? spec.rows(t) : t.rows) {
          if (!sumDiffers(r.values[spec.total] ?? null, parts.map((k) => r.values[k] ?? null))) continue;
          checkSum(ctx, {
            messageId: spec.messageId,
            where: where(t, r, spec.total),
            totalLabel: '',
            total: r.values[spec.total] ?? null,
            parts: parts.map((k) => ({ label: columnLabel(t, k, r.side), figure: r.values[k] ?? null })),
            location: cellLocation(t, r, spec.total),
          });
        }
      }
    },
  });
}

export const FUND_SOURCES = ['generalBudget', 'govFund', 'stateCapital'];

const OTHER_SOURCES = ['fiscalSpecial', 'business', 'operatingIncome', 'superiorSubsidy', 'subsidiaryIncome', 'other', 'unitFunds', 'fundMakeUp', 'priorBalance'];

/** Income source columns of 收入总表; 财政拨款收入 stands for its fund breakdown when both are printed. */
export function sources(t: StdTable): string[] {
  const fiscal = hasColumn(t, 'fiscal') ? ['fiscal'] : FUND_SOURCES;
  return [...fiscal, ...OTHER_SOURCES];
}

export const BOTH = ['budget', 'final-accounts'] as const;

/** 基本支出, or its 人员 and 公用 parts when the table prints only the parts under a 基本支出 head. */
export function basicParts(t: StdTable): string[] {
  if (hasColumn(t, 'basic') || !hasColumn(t, 'personnel') || !hasColumn(t, 'public')) return ['basic'];
  return ['personnel', 'public'];
}
