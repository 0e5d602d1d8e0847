/**
 * Deadlines in indicator values (时效指标): 9月底完成, 12月底前, 2022年12月31日前, 年底前, 第三季度,
 * 上半年. A deadline is normalised to `MM-DD`, or `YYYY-MM-DD` when the text names the year; a month
 * without a day means its last day (月底, 12月 → 12-31), 上旬 the 10th, 中旬 the 20th.
 */
import { parseChineseNumeral } from './value-text.js';

export interface DeadlineRead {
  /** MM-DD or YYYY-MM-DD; null when the date is impossible (13月, 2月30日). */
  deadline: string | null;
  /** ≤ when the text says 前 / 之前 / 以前 / 以内 / 截至 / 不晚于; otherwise null. */
  operator: '≤' | null;
  start: number;
  end: number;
  yearRepeated: boolean;
  invalid: boolean;
}

const YEAR = '(?<y>(?:19|20)\\d{2})(?<y2>\\d{4})?';
const CN_MONTH = '十[一二]?|[一二三四五六七八九]';
const CN_DAY = '[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]';

/** Tried in order; the first that matches anywhere in the text is the deadline. */
const PATTERNS: RegExp[] = [
  // 2022-12-31, 2022.12.31, 2022/12/31
  new RegExp(`(?<![\\d.])${YEAR}[-./](?<m>\\d{1,2})[-./](?<d>\\d{1,2})(?![\\d.])日?`),
  // [2022年]12月[31日|底|上旬…]; of a span of months (10-12月, 10月至12月) the last one
  new RegExp(
    `(?:${YEAR}年度?)?(?:(?<![\\d.])\\d{1,2}(?:月份?)?[-~至到])?(?<![\\d.个每第])(?<m>\\d{1,2}|${CN_MONTH})月份?` +
      `(?:(?<d>\\d{1,2}|${CN_DAY})[日号]|(?<part>底|末|上旬|中旬|下旬|初|中))?`,
  ),
  // [2022年]第三季度[末]
  new RegExp(`(?:${YEAR}年度?)?第?(?<q>[一二三四1-4])季度(?:末|底)?`),
  // 2022年底, 2022年内, 20222022年底, 2022年上半年, 2022年 (alone or before 前/完成)
  new RegExp(
    `(?<![\\d.])${YEAR}年度?(?:(?<half>上半年|下半年)|(?<ye>底|末|终|内|中))?(?=$|前|之前|以前|以内|内|完成)`,
  ),
  // 年底, 年内, 上半年, 当年 …
  /(?<half>上半年|下半年|年中)|(?<ye>年底|年末|年终|年度末|年度内|年内|本年度内?|当年|本年内?)/,
];

const BEFORE_AFTER = /^(?:之前|以前|以内|之内|前|内|止)/;
const BEFORE_PREFIX = /(?:截至|截止到?|不晚于|最迟|最晚)$/;

function num(s: string | undefined): number | null {
  if (s === undefined) return null;
  return /^\d+$/.test(s) ? Number(s) : parseChineseNumeral(s);
}

function lastDay(month: number, year: number | null): number {
  if (month === 2) return year !== null && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function findDeadline(s: string): DeadlineRead | null {
  for (const re of PATTERNS) {
    const m = re.exec(s);
    if (!m?.groups) continue;
    const g = m.groups;
    const year = g.y ? Number(g.y) : null;
    let month: number | null = null;
    let day: number | null = null;
    if (g.m !== undefined) {
      month = num(g.m);
      day = num(g.d);
      if (day === null && month !== null && month >= 1 && month <= 12) {
        day = g.part === '上旬' || g.part === '初' ? 10 : g.part === '中旬' || g.part === '中' ? 20 : lastDay(month, year);
      }
    } else if (g.q !== undefined) {
      month = (num(g.q) ?? 0) * 3;
      day = lastDay(month, year);
    } else if (g.half === '上半年' || g.half === '年中' || g.ye === '中') {
      month = 6;
      day = 30;
    } else {
      month = 12;
      day = 31;
    }
    // Without a year, 2月29日 may be right: check against a leap year.
    const impossible = month === null || day === null || month < 1 || month > 12 || day < 1 || day > lastDay(month, year ?? 2000);
    const yearsDiffer = g.y2 !== undefined && g.y2 !== g.y;
    const start = m.index;
    let end = m.index + m[0].length;
    let operator: '≤' | null = /内$/.test(m[0]) ? '≤' : null;
    const after = BEFORE_AFTER.exec(s.slice(end));
    if (after) {
      operator = '≤';
      end += after[0].length;
    }
    let from = start;
    const before = BEFORE_PREFIX.exec(s.slice(0, start));
    if (before) {
      operator = '≤';
      from -= before[0].length;
    }
    const invalid = impossible || yearsDiffer;
    const deadline = invalid ? null : `${year === null ? '' : `${year}-`}${pad(month!)}-${pad(day!)}`;
    return { deadline, operator, start: from, end, yearRepeated: g.y2 !== undefined && !yearsDiffer, invalid };
  }
  return null;
}

/** 09-30 → 9月底, 2022-06-15 → 2022年6月15日. */
export function formatDeadline(deadline: string): string {
  const m = /^(?:(\d{4})-)?(\d{2})-(\d{2})$/.exec(deadline);
  if (!m) return deadline;
  const year = m[1] ? Number(m[1]) : null;
  const month = Number(m[2]);
  const day = Number(m[3]);
  const y = year === null ? '' : `${year}年`;
  return day === lastDay(month, year) ? `${y}${month}月底` : `${y}${month}月${day}日`;
}
