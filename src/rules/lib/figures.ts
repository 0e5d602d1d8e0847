/**
 * Figures as rules need them: decimal values of possibly blank cells, the precision a figure was
 * printed with, and comparisons that forgive only what rounding explains (domain.md §4).
 */
import type { Figure } from '../../model/disclosure.js';
import { Money, fmt, money, sum } from '../../model/money.js';

export { fmt, money, sum, Money };
export { amountHalfStep, decimalsOf, halfStep, sameTolerance, stepOf, sumTolerance } from '../../model/tolerance.js';

/** The value of a cell; null when blank or not a number (blank = not stated, never zero). */
export function val(f: Figure | null | undefined): Money | null {
  return f && f.value ? f.value : null;
}

/** `1234.5` → `1,234.50` (two decimals unless the figure carries more). */
export function amount(v: Money | null | undefined): string {
  if (!v) return '—';
  const dp = Math.max(2, v.decimalPlaces());
  return fmt(v, Math.min(dp, 6));
}

/** A percentage as printed in messages: `99.97%`. */
export function percent(v: Money, dp = 2): string {
  return `${v.toDecimalPlaces(dp).toFixed(dp)}%`;
}

/** Sum of the values of figures, skipping blanks; null when every figure is blank. */
export function sumFigures(figures: (Figure | null | undefined)[]): Money | null {
  const vals = figures.map(val).filter((v): v is Money => v !== null);
  return vals.length ? sum(vals) : null;
}

/** A figure made from a claim or summary amount, so comparisons treat every source alike. */
export function asFigure(value: Money, raw: string, loc: Figure['loc'] = {}): Figure {
  return { raw, value, loc };
}

/** A summary amount as a decimal, whether the model holds it as a number or a decimal. */
export function summaryValue(v: unknown): Money | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Money) return v;
  if (typeof v === 'number' && Number.isFinite(v)) return money(String(v));
  if (typeof v === 'object' && v !== null && 'toFixed' in v) return money(String(v));
  return null;
}
