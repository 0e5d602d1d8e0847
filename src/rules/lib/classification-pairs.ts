/**
 * Functional and economic codes that name the same money (practice, warning level, domain.md §5.9):
 * 2080505 = 30108, 2080506 = 30109, 2210201 = 30113, 21011 ≈ 30110 + 30111 (+ 30112); and the 三公
 * items against their economic codes (30212 出国, 30217 接待, 30231 运行, 30913/31013 购置).
 */
import type { Disclosure, Figure } from '../../model/disclosure.js';
import { defineRule, type RuleContext, type RuleMeta } from '../types.js';
import { BASIS } from './basis.js';
import { checkSame, type Said } from './compare.js';
import { asFigure, sum, val } from './figures.js';
import { byCode, cellLocation, rowLabel, tableName, tableOf, where } from './tables.js';

interface Side {
  figure: Figure;
  desc: string;
  location: Record<string, unknown> & { where: string };
}

/** A functional code's basic expenditure: 一般公共预算支出表 first, else 支出总表. */
function functional(doc: Disclosure, code: string): Side | null {
  for (const kind of ['general-budget-expenditure', 'expenditure'] as const) {
    const t = tableOf(doc, kind);
    const r = t && byCode(t).get(code);
    if (!t || !r) continue;
    const key = val(r.values.basic) ? 'basic' : 'total';
    const f = r.values[key];
    if (f?.value) return { figure: f, desc: where(t, r, key), location: cellLocation(t, r, key) };
  }
  return null;
}

/** Σ of economic codes in 基本支出表 (null when none is printed). */
export function economic(doc: Disclosure, codes: string[]): Side | null {
  const t = tableOf(doc, 'general-budget-basic');
  if (!t) return null;
  const rows = codes.map((c) => byCode(t).get(c)).filter((r) => r && val(r.values.total));
  if (!rows.length) return null;
  const s = sum(rows.map((r) => val(r!.values.total)));
  const label = rows.map((r) => rowLabel(r!)).join('、');
  return {
    figure: rows.length === 1 ? rows[0]!.values.total! : asFigure(s, s.toString()),
    desc: `《${tableName(t)}》${label}${rows.length > 1 ? '合计' : ''}`,
    location: cellLocation(t, rows[0]!, 'total'),
  };
}

/**
 * A rule that the functional code's basic expenditure equals the economic codes' total (any of the
 * `ecodes` variants); `messageId` names its checkSame message (placeholders in compare.ts).
 */
export function pairRule<const Id extends string>(meta: Pick<RuleMeta<Id>, 'id' | 'title' | 'description' | 'example' | 'messages'>, pair: Said<NoInfer<Id>> & { fcode: string; ecodes: string[][] }) {
  const { fcode, ecodes, messageId } = pair;
  return defineRule({
    meta: {
      id: meta.id,
      title: meta.title,
      severity: 'warning',
      category: 'cross-table',
      basis: BASIS.practice('§5.9 功能分类与经济分类对应'),
      description: meta.description,
      example: meta.example,
      messages: meta.messages,
      appliesTo: ['budget', 'final-accounts'],
      tables: ['general-budget-expenditure', 'general-budget-basic'],
    },
    check(doc: Disclosure, ctx: RuleContext<Id>) {
      const f = functional(doc, fcode);
      if (!f) return;
      const variants = ecodes.map((codes) => economic(doc, codes)).filter((e): e is Side => e !== null);
      if (!variants.length) return;
      if (variants.some((e) => val(e.figure)!.equals(val(f.figure)!))) return;
      const e = variants[variants.length - 1];
      checkSame(ctx, { messageId, a: { desc: f.desc, figure: f.figure }, b: { desc: e.desc, figure: e.figure }, location: f.location });
    },
  });
}
