/**
 * The two comparisons almost every rule makes — a printed total against the sum of its parts, and
 * one amount printed in two places — with the rounding tolerance of domain.md §4. What is said is
 * the calling rule's: it passes a messageId of its own meta.messages, and the helper fills that
 * template's placeholders (listed at each check) with the figures as printed.
 */
import type { Figure } from '../../model/disclosure.js';
import type { Money } from '../../model/money.js';
import type { FindingLocation, RuleContext } from '../types.js';
import { amount as amountOf, Money as M, sameTolerance, sum, sumTolerance, val } from './figures.js';

export interface Part {
  label: string;
  figure: Figure | null;
}

/**
 * A key of the calling rule's meta.messages. Its template may use the placeholders the helper
 * documents; `{{unit}}` is 万元 unless the check says otherwise.
 */
export interface Said<Id extends string = string> {
  messageId: Id;
}

/**
 * Placeholders: `{{where}}`, `{{totalLabel}}`, `{{total}}`, `{{parts}}` (partsLabel or the labels),
 * `{{detail}}` (“（a + b）” for two to six stated parts, else empty), `{{sum}}`, `{{difference}}`
 * (absolute), `{{unit}}`. The usual template:
 * `{{where}}{{totalLabel}} {{total}} 万元，{{parts}}之和{{detail}}为 {{sum}} 万元，相差 {{difference}} 万元。`
 */
export interface SumCheck<Id extends string = string> extends Said<Id> {
  /** Place, e.g. 《部门支出总表》“201 一般公共服务支出”行. */
  where: string;
  totalLabel: string;
  total: Figure | null;
  parts: Part[];
  /** How the parts are named in the message, e.g. "基本支出、项目支出". Defaults to the labels. */
  partsLabel?: string;
  location?: FindingLocation;
  /** Check even when every part is blank (the total must then be zero). */
  blankPartsAreZero?: boolean;
  unit?: string;
  /** How figures print (default: amounts with two decimals). */
  format?: (v: Money) => string;
}

/**
 * total = Σ parts. Silent when the total is blank, or when every part is blank (nothing stated to
 * add up) unless `blankPartsAreZero`. Returns true when a finding was reported.
 */
export function checkSum<Id extends string>(ctx: RuleContext<Id>, c: SumCheck<NoInfer<Id>>): boolean {
  const total = val(c.total);
  if (!total) return false;
  const stated = c.parts.filter((p) => val(p.figure) !== null);
  if (!stated.length && !c.blankPartsAreZero) return false;
  const computed = sum(stated.map((p) => val(p.figure)));
  const diff = total.minus(computed);
  if (diff.isZero()) return false;
  const tol = sumTolerance([c.total, ...stated.map((p) => p.figure)]);
  const unit = c.unit ?? '万元';
  const amount = c.format ?? amountOf;
  const label = c.partsLabel ?? (stated.length ? stated.map((p) => p.label).join('、') : c.parts.map((p) => p.label).join('、'));
  const detail = stated.length > 1 && stated.length <= 6 ? `（${stated.map((p) => amount(val(p.figure)!)).join(' + ')}）` : '';
  const figures: Record<string, Money | null> = { [c.totalLabel]: total };
  for (const p of c.parts) figures[p.label] = val(p.figure);
  ctx.report({
    messageId: c.messageId,
    data: { where: c.where, totalLabel: c.totalLabel, total: amount(total), unit, parts: label, detail, sum: amount(computed), difference: amount(diff.abs()) },
    location: c.location ?? { where: c.where },
    figures,
    expected: computed,
    actual: total,
    difference: diff,
    rounding: diff.abs().lessThanOrEqualTo(tol),
  });
  return true;
}

export interface Side {
  /** Who states it, e.g. "支出说明中基本支出" or "《部门支出总表》合计行基本支出". */
  desc: string;
  figure: Figure | null;
}

/**
 * Placeholders: `{{a}}` and `{{b}}` (the sides' desc), `{{actual}}` (a's amount), `{{expected}}`
 * (checkSame) or `{{limit}}` (checkAtMost) for b's amount, `{{difference}}` (absolute), `{{unit}}`.
 * The usual templates: `{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，相差 {{difference}} 万元。`
 * and `{{a}} {{actual}} 万元，超过{{b}} {{limit}} 万元，超出 {{difference}} 万元。`
 */
export interface SameCheck<Id extends string = string> extends Said<Id> {
  /** The figure checked (actual). */
  a: Side;
  /** The figure it must equal (expected). */
  b: Side;
  location?: FindingLocation;
  unit?: string;
  /** Extra tolerance, e.g. for figures the text rounds further. */
  tolerance?: Money;
  format?: (v: Money) => string;
}

/** a = b, for one amount printed in two places. */
export function checkSame<Id extends string>(ctx: RuleContext<Id>, c: SameCheck<NoInfer<Id>>): boolean {
  const a = val(c.a.figure);
  const b = val(c.b.figure);
  if (!a || !b) return false;
  const diff = a.minus(b);
  if (diff.isZero()) return false;
  const tol = c.tolerance ?? sameTolerance(c.a.figure!, c.b.figure!);
  const unit = c.unit ?? '万元';
  const amount = c.format ?? amountOf;
  ctx.report({
    messageId: c.messageId,
    data: { a: c.a.desc, actual: amount(a), b: c.b.desc, expected: amount(b), difference: amount(diff.abs()), unit },
    location: c.location ?? { ...(c.a.figure?.loc ?? {}), where: c.a.desc },
    figures: { [c.a.desc]: a, [c.b.desc]: b },
    expected: b,
    actual: a,
    difference: diff,
    rounding: diff.abs().lessThanOrEqualTo(tol),
  });
  return true;
}

/** a ≤ b (e.g. a part never above its whole). */
export function checkAtMost<Id extends string>(ctx: RuleContext<Id>, c: SameCheck<NoInfer<Id>>): boolean {
  const a = val(c.a.figure);
  const b = val(c.b.figure);
  if (!a || !b) return false;
  const diff = a.minus(b);
  if (!diff.greaterThan(0)) return false;
  const tol = c.tolerance ?? sameTolerance(c.a.figure!, c.b.figure!);
  const unit = c.unit ?? '万元';
  const amount = c.format ?? amountOf;
  ctx.report({
    messageId: c.messageId,
    data: { a: c.a.desc, actual: amount(a), b: c.b.desc, limit: amount(b), difference: amount(diff), unit },
    location: c.location ?? { ...(c.a.figure?.loc ?? {}), where: c.a.desc },
    figures: { [c.a.desc]: a, [c.b.desc]: b },
    expected: b,
    actual: a,
    difference: diff,
    rounding: diff.lessThanOrEqualTo(tol),
  });
  return true;
}

/** Whether total = Σ parts holds within rounding (blank parts left out); false when the total is blank. */
export function sumHolds(total: Figure | null, parts: (Figure | null)[]): boolean {
  const t = val(total);
  if (!t) return false;
  const stated = parts.filter((p) => val(p) !== null);
  const diff = t.minus(sum(stated.map(val)));
  return diff.abs().lessThanOrEqualTo(sumTolerance([total, ...stated]));
}

/**
 * Whether total ≠ Σ parts would be reported at all (exactly, before tolerance): lets the busiest
 * callers skip building places and labels for the many cells that add up.
 */
export function sumDiffers(total: Figure | null, parts: (Figure | null)[], blankPartsAreZero = false): boolean {
  const t = val(total);
  if (!t) return false;
  const stated = parts.filter((p) => val(p) !== null);
  if (!stated.length && !blankPartsAreZero) return false;
  return !t.equals(sum(stated.map(val)));
}

/** Whether two printings of an amount differ (both stated). */
export function differs(a: Figure | null, b: Figure | null): boolean {
  const x = val(a);
  const y = val(b);
  return !!x && !!y && !x.equals(y);
}

export const ZERO = new M(0);
