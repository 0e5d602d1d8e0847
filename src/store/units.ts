/**
 * Amounts as integers of millionths, beside their exact decimal text: SQLite's own integer `sum`
 * adds those exactly and fast, where the decimal `dsum` calls into JavaScript once per row. An
 * amount with more than six decimals, or too large for a safe integer, has no units; a query that
 * meets one (or an integer overflow) adds the decimal text instead, so totals stay exact.
 */
import { Money } from '../model/money.js';

export const UNIT_DECIMALS = 6;
const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;
const MAX = BigInt(Number.MAX_SAFE_INTEGER);

export function toUnits(amount: string | number | null | undefined): number | null {
  if (amount === null || amount === undefined) return null;
  const m = PLAIN.exec(String(amount).trim());
  if (!m) return null;
  const decimals = (m[3] ?? '').replace(/0+$/, '');
  if (decimals.length > UNIT_DECIMALS) return null;
  const v = BigInt(m[1] + m[2] + decimals.padEnd(UNIT_DECIMALS, '0'));
  return v > MAX || v < -MAX ? null : Number(v);
}

/** A sum of units (as text, from `CAST(sum(units) AS TEXT)`) back as a decimal. */
export function fromUnits(total: string | number | bigint): Money {
  return new Money(String(total)).div(10 ** UNIT_DECIMALS);
}
