/**
 * Text helpers for the indicator value grammar: one normal form for the many ways a target is typed,
 * and readers for the two kinds of numerals found in targets (Arabic, possibly full-width or with
 * thousands separators, and Chinese counting numerals such as 两次 / 十个).
 */

/** Comparison signs that Unicode normalisation leaves alone but writers use for ≥ / ≤. */
const SIGNS: [RegExp, string][] = [
  [/>=|=>|≥=|[≧⩾≮]/g, '≥'],
  [/<=|=<|≤=|[≦⩽≯]/g, '≤'],
  [/[〜∼]/g, '~'],
  [/[—–―‐]/g, '-'],
];

/**
 * NFKC (full-width digits, ％, ＞, （）, ，→ ASCII), one spelling per comparison sign, and no
 * whitespace at all: Chinese needs none, and documents put stray spaces between number and unit
 * (≥6 次) or inside words (不少于 100人).
 */
export function normalizeValueText(raw: string): string {
  let s = raw.normalize('NFKC');
  for (const [re, to] of SIGNS) s = s.replace(re, to);
  s = s.replace(/\s+/g, '');
  // Sentence punctuation around a value carries nothing.
  return s.replace(/^[。.,;:、!?]+|[。.,;:、!?]+$/g, '');
}

/** A cell that only says "nothing here" (-, /, ——, 无数据 …) is an empty value. */
export function isPlaceholder(s: string): boolean {
  return s === '' || /^[-/\\*~_]+$/.test(s);
}

const CN_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_POWER: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Characters a Chinese counting numeral is made of (万/亿 are read as part of the unit instead). */
export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千';

/**
 * A Chinese counting numeral below 万: 两 → 2, 十二 → 12, 一百零五 → 105, 一千二 → 1200 (the
 * colloquial elided power). Null when the characters do not form a well-made numeral (十四五, 一二).
 * Written here rather than with nzh: nzh reads 两 as 0 and 一千二 as 1002.
 */
export function parseChineseNumeral(s: string): number | null {
  if (!s) return null;
  let total = 0;
  let digit: number | null = null;
  let lastPower = Infinity;
  let sawZero = false;
  for (const ch of s) {
    if (ch in CN_DIGIT) {
      if (digit !== null) return null; // two digits in a row: not a counting numeral
      digit = CN_DIGIT[ch];
      if (digit === 0) {
        sawZero = true;
        digit = null;
        if (lastPower === Infinity) return s.length === 1 ? 0 : null;
      }
    } else if (ch in CN_POWER) {
      const power = CN_POWER[ch];
      if (power >= lastPower) return null;
      total += (digit ?? 1) * power;
      digit = null;
      lastPower = power;
      sawZero = false;
    } else {
      return null;
    }
  }
  if (digit !== null) {
    // 一千二 = 1200, but 一千零二 = 1002 and 十二 = 12.
    total += !sawZero && lastPower > 10 && lastPower !== Infinity ? (digit * lastPower) / 10 : digit;
  }
  return total;
}

/** Arabic digits as printed (separators allowed) → number; `leadingZero` when written like 0100. */
export function parseDigits(intPart: string, fraction: string | undefined): { value: number; leadingZero: boolean } {
  const digits = intPart.replace(/,/g, '');
  return { value: Number(digits + (fraction ?? '')), leadingZero: /^0\d/.test(digits) };
}
