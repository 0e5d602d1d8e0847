import { Money } from '../model/money.js';

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0C\uFF05\uFF0D\uFF0B]/g;

/** Full-width digits and punctuation → ASCII, so one grammar reads both. */
export function halfWidth(s: string): string {
  return s.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

// Thousands marks where a group of three follows: 2,940.05, and 120258,600 (a file marking the last group only).
const AMOUNT = /^[+-]?(?:\d+(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const BLANK = /^(?:[-—–－─]+|\/|无|－|—|\s*)$/;

/**
 * Reads a printed amount: "2,940.05", "２９４０．０５", "-0.57", "（0.57）" (negative), "459928.00".
 * A blank cell or a dash is "not stated": null. Text that is no number: undefined.
 */
export function parseAmount(raw: string): Money | null | undefined {
  let s = halfWidth(raw).replace(/[\s\u3000]/g, '');
  if (BLANK.test(s)) return null;
  let negative = false;
  const paren = /^[(（](.+)[)）]$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1];
  }
  s = s.replace(/^¥|^￥/, '').replace(/(万元|元)$/, '');
  if (!AMOUNT.test(s)) return undefined;
  const v = new Money(s.replace(/,/g, ''));
  return negative ? v.negated() : v;
}

/** "79.49%", "占 79.49%", "100" → 79.49 / 100 (percent points). */
export function parsePercent(raw: string): Money | null | undefined {
  const s = halfWidth(raw).replace(/[\s\u3000]/g, '').replace(/^占/, '').replace(/(%|百分比)$/, '');
  return parseAmount(s);
}

/** Converts a figure printed in `scale` to 万元. */
export function toWan(v: Money, scale: '万元' | '元'): Money {
  return scale === '元' ? v.div(10000) : v;
}
