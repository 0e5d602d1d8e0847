/**
 * The rounding tolerance of domain.md §4: each printed figure is rounded to its last digit, so a sum
 * of n figures may differ from its printed total by up to half a step per figure. Shared by the
 * recogniser (which checks a table's own identities to know it read the table right) and the rules.
 */
import type { Figure } from './disclosure.js';
import { Money, money, sum } from './money.js';

const NUMBER_IN = /-?\d[\d,，]*(?:[.．](\d+))?/;

/** Decimals the number in `raw` was printed with ("20" → 0, "2,940.05" → 2); 2 when unknown. */
export function decimalsOf(raw: string | null | undefined): number {
  if (!raw) return 2;
  const m = NUMBER_IN.exec(raw.replace(/\s+/g, ''));
  if (!m) return 2;
  return m[1] ? m[1].length : 0;
}

const STEPS = new Map<number, Money>();

/** 10^-d, made once per d: rules ask for it on every figure they compare. */
export function stepOf(d: number): Money {
  let s = STEPS.get(d);
  if (!s) STEPS.set(d, (s = new Money(10).pow(-d)));
  return s;
}

/**
 * Half a unit of the last printed digit, in the figure's own (normalised) unit: "20万元" → 0.5,
 * "238.42" → 0.005, "459928.00" in 元 → 0.000001 万元.
 */
export function halfStep(raw: string | null | undefined, value?: Money | null): Money {
  const d = decimalsOf(raw);
  let step = stepOf(d);
  if (raw && value) {
    const printed = printedNumber(raw);
    // The figure was rescaled (元 → 万元): rescale the step the same way.
    if (printed && !printed.isZero() && !printed.abs().equals(value.abs())) step = step.times(value.abs().div(printed.abs()));
  }
  return step.div(2);
}

function printedNumber(raw: string): Money | null {
  const m = NUMBER_IN.exec(raw.replace(/\s+/g, ''));
  if (!m) return null;
  try {
    return money(m[0].replace(/[,，]/g, '').replace('．', '.'));
  } catch {
    return null;
  }
}

const HALF_CENT = new Money('0.005');

/**
 * Half a step of a table amount. Tables print amounts to 0.01 万元 even when they drop trailing
 * zeros ("3" is 3.00, "0" is 0.00), so the step is never taken coarser than 0.01; a figure printed
 * finer (in 元, or with more decimals) keeps its own finer step.
 */
export function amountHalfStep(f: { raw: string; value: Money | null }): Money {
  return Money.min(halfStep(f.raw, f.value), HALF_CENT);
}

/** Tolerance for comparing a sum of figures with a printed total: half a step for each figure. */
export function sumTolerance(figures: (Figure | null | undefined)[]): Money {
  return sum(figures.filter((f): f is Figure => !!f && !!f.value).map(amountHalfStep));
}

/** Tolerance for two printings of the same amount: the coarser one's half step. */
export function sameTolerance(a: { raw: string; value: Money | null }, b: { raw: string; value: Money | null }): Money {
  return Money.max(amountHalfStep(a), amountHalfStep(b));
}

