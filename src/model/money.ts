import { Decimal as DecimalBase } from 'decimal.js';

/**
 * Money and every other figure read from a document: decimal, never binary floating point.
 * Its JSON form is a plain number (the JSON text of a 2-decimal amount is exact), so
 * `JSON.stringify` of the model gives the numbers the CLI's JSON output promises.
 */
export const Money = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });
export type Money = InstanceType<typeof Money>;
(Money.prototype as unknown as { toJSON(): number }).toJSON = function (this: Money) {
  return this.toNumber();
};

export const ZERO = new Money(0);

export function money(v: string | number | Money): Money {
  return new Money(v);
}

export function isMoney(v: unknown): v is Money {
  return v instanceof Money;
}

export function sum(values: Iterable<Money | null | undefined>): Money {
  let total = ZERO;
  for (const v of values) if (v) total = total.plus(v);
  return total;
}

/**
 * Printed figures are rounded to 0.01, so a sum of n of them may differ from the printed total by
 * up to n × 0.005 (domain.md §4). `terms` is how many rounded figures went into the comparison
 * (both sides); the result is the largest difference that is only rounding.
 */
export function roundingTolerance(terms: number, step = new Money('0.01')): Money {
  return step.div(2).times(Math.max(terms, 1));
}

export function differs(a: Money, b: Money, terms = 2): boolean {
  return a.minus(b).abs().greaterThan(roundingTolerance(terms));
}

/** `1234.5` → `1,234.50`: how messages print amounts (万元, two decimals). */
export function fmt(v: Money | null | undefined, dp = 2): string {
  if (!v) return '—';
  const [int, frac] = v.toFixed(dp).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}
