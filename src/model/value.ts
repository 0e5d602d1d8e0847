/**
 * The grammar of performance indicator values (指标值 / 预期指标值 / 实际完成值): free text such as
 * ≥95％, ≤0.84万元, 不低于90%, 80%-90%, 9月底完成, 及时, 优.良.中.差 read into a `Value`.
 *
 * Choices a consumer should know:
 * - `raw` is the text as given, trimmed; everything else is read from its NFKC form without spaces.
 * - `value` is the number as written and `unit` the unit as written (after normalisation: ％ → %,
 *   百分比 → %): 1万条 is 1 + 万条, ≤20万 is 20 + 万 (a bare 万 is left for the consumer, who knows
 *   whether the indicator is a cost). 每月不少于4次 → ≥ 4 次/月.
 * - A range is operator `range`, `value` = lower bound, `max` = upper bound.
 * - `deadline` is `MM-DD`, or `YYYY-MM-DD` when a year is written (月底 = last day of the month).
 *   Its operator is ≤ only when the text says 前/之前/以前/以内/截至; a number in the same text
 *   (第三季度完成30%) keeps its own operator.
 * - `level` is a short normalised word (及时, 按时, 完成, 达到, 提升, 优, 预算内 …); 按时完成 and
 *   按预计时间 are the level 按时 (no date to normalise). 100%完成 is 100 % with level 完成.
 * - A number with a unit and no operator (2名, 100%) is not a problem: that is how tables write
 *   "exactly" and how every actual value is written. A bare number gets both problems.
 * - `parsed` is false when nothing measurable was read; operator, value, max, unit, level and
 *   deadline are then all null.
 */
import type { Value } from './disclosure.js';
import { findDeadline, formatDeadline } from './value-deadline.js';
import { readLevel } from './value-levels.js';
import { isPlaceholder, normalizeValueText, parseChineseNumeral, parseDigits } from './value-text.js';
import { readUnit } from './value-units.js';

/** Problems a value can have; the order here is the order in `Value.problems`. */
export const VALUE_PROBLEMS = {
  empty: '未填写指标值',
  leadingZero: '数值有多余的前导 0',
  nonstandardUnit: '单位写法不规范',
  yearRepeated: '年份重复',
  badDate: '日期无效',
  operatorConflict: '比较符号前后矛盾',
  rangeReversed: '区间上下限颠倒',
  several: '含有多个指标值，只读取了第一个',
  scale: '填写了评价等级标尺而不是目标值',
  noOperator: '缺少比较符号',
  noUnit: '缺少计量单位',
  unmeasurable: '未给出可衡量的指标值',
} as const;
type ProblemKey = keyof typeof VALUE_PROBLEMS;
const PROBLEM_ORDER = Object.keys(VALUE_PROBLEMS) as ProblemKey[];

type Operator = NonNullable<Value['operator']>;

const OP_WORDS: [string, Operator][] = [
  ...(['大于或等于', '大于或者等于', '大于等于', '高于或等于', '不低于', '不少于', '不小于', '不得低于', '不得少于', '至少', '最少', '最低'].map(
    (w) => [w, '≥'] as [string, Operator],
  )),
  ...(['小于或等于', '小于或者等于', '小于等于', '低于或等于', '不高于', '不超过', '不多于', '不大于', '不超出', '不得超过', '不得高于', '不得多于', '最多', '至多', '最高', '控制在'].map(
    (w) => [w, '≤'] as [string, Operator],
  )),
  ...(['大于', '高于', '超过', '多于', '超出'].map((w) => [w, '>'] as [string, Operator])),
  ...(['小于', '低于', '少于', '不足', '不到'].map((w) => [w, '<'] as [string, Operator])),
  ...(['等于', '为', '达到', '达'].map((w) => [w, '='] as [string, Operator])),
];
const OP_OF = new Map(OP_WORDS);
/** Anchored at the end: the leftmost start that reaches the end is the longest word. */
const OP_BEFORE = new RegExp(`(?:[≥≤><=]|${OP_WORDS.map(([w]) => w).join('|')})$`);
const OP_AFTER: [RegExp, Operator][] = [
  [/^(?:及以上|或以上|以上|之上)/, '≥'],
  [/^(?:及以下|或以下|以下|以内|之内|内(?![容部涵外勤审控]))/, '≤'],
];
const OP_START = OP_WORDS.map(([w]) => w).join('|');

const NUM_RE = /(?<pct>百分之)?(?:(?<int>\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?<frac>\.\d+)?|(?<cn>[零〇一二两三四五六七八九十百千]+))/g;
const NUM_AT = /^(?:(?<int>\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?<frac>\.\d+)?|(?<cn>[零〇一二两三四五六七八九十百千]+))/;
const RANGE_SEP = /^(?:-|~|至|到)/;
const PERIOD_ANYWHERE = /每个?(天|日|周|月|季度|年)/;
/** 一年两次 is 每年两次: rewritten before anything else so 一年 is not read as a count or a date. */
const ONE_PERIOD = new RegExp(`一(个月|天|日|周|季度|年)(?=[≥≤><=\\d零〇一二两三四五六七八九十]|${OP_START})`, 'g');

interface NumberRead {
  value: number;
  end: number;
  leadingZero: boolean;
  chinese: boolean;
}

function readNumberAt(s: string, at: number): NumberRead | null {
  const m = NUM_AT.exec(s.slice(at));
  if (!m?.groups) return null;
  return numberOf(m.groups, at + m[0].length);
}

function numberOf(g: Record<string, string | undefined>, end: number): NumberRead | null {
  if (g.int !== undefined) {
    const { value, leadingZero } = parseDigits(g.int, g.frac);
    // A run of digits too long to be a number is not one (a code, or noise).
    return Number.isFinite(value) ? { value, end, leadingZero, chinese: false } : null;
  }
  const cn = g.cn ?? '';
  // A counting numeral starts with a digit or 十 (百分之百 is the exception, handled by the caller).
  if (!g.pct && !/^[零〇一二两三四五六七八九十]/.test(cn)) return null;
  const value = parseChineseNumeral(cn);
  return value === null ? null : { value, end, leadingZero: false, chinese: true };
}

interface Quantity {
  start: number;
  end: number;
  operator: Operator | null;
  value: number;
  max: number | null;
  unit: string | null;
  problems: ProblemKey[];
}

/** Every number-with-context in the text, left to right. */
function readQuantities(s: string): Quantity[] {
  const found: Quantity[] = [];
  let prevEnd = 0;
  NUM_RE.lastIndex = 0;
  for (let m = NUM_RE.exec(s); m; m = NUM_RE.exec(s)) {
    const g = m.groups!;
    const num = numberOf(g, m.index + m[0].length);
    if (!num) continue;
    if (num.chinese && s[m.index - 1] === '第') continue; // an ordinal
    const problems: ProblemKey[] = [];
    if (num.leadingZero) problems.push('leadingZero');
    let value = num.value;
    let pos = num.end;
    let operator: Operator | null = null;

    // 5000余条, 20多个: more than the number.
    let approx = false;
    if ((s[pos] === '余' || s[pos] === '多') && readUnit(s, pos + 1)) {
      approx = true;
      pos++;
    }
    let unit: string | null = g.pct ? '%' : null;
    if (!g.pct) {
      const u = readUnit(s, pos);
      if (u) {
        unit = u.unit;
        pos = u.end;
        if (u.nonstandard) problems.push('nonstandardUnit');
      }
    }
    if (unit && s[pos] === '性') continue; // 一次性 is an adverb, not a count
    if (unit === '年' && !g.frac && /^(?:19|20)\d\d$/.test(g.int ?? '')) continue; // 2023年度: a year, not a count

    let max: number | null = null;
    const sep = RANGE_SEP.exec(s.slice(pos));
    const second = sep ? readNumberAt(s, pos + sep[0].length) : null;
    if (sep && second && !(s[pos] === '-' && second.chinese)) {
      let end = second.end;
      const u2 = readUnit(s, end);
      if (u2) {
        if (u2.nonstandard) problems.push('nonstandardUnit');
        unit = u2.unit;
        end = u2.end;
      }
      if (unit || !second.chinese) {
        if (second.leadingZero) problems.push('leadingZero');
        max = second.value;
        pos = end;
        if (s.startsWith('之间', pos)) pos += 2;
      }
    }
    if (num.chinese && !unit) continue; // 一 or 十 inside words, not a count

    let start = m.index;
    let before = s.slice(prevEnd, start);
    if (before.endsWith('-') && (before.length === 1 || OP_BEFORE.test(before.slice(0, -1)))) {
      value = -value;
      start--;
      before = before.slice(0, -1);
    }
    const inside = before.endsWith('在') && !before.endsWith('控制在') ? 1 : 0;
    const opBefore = OP_BEFORE.exec(before.slice(0, before.length - inside));
    if (opBefore) {
      operator = OP_OF.get(opBefore[0]) ?? (opBefore[0] as Operator);
      start -= opBefore[0].length + inside;
    }
    for (const [re, op] of OP_AFTER) {
      const after = re.exec(s.slice(pos));
      if (!after) continue;
      if (operator && operator !== op) problems.push('operatorConflict');
      operator ??= op;
      pos += after[0].length;
      break;
    }
    if (approx) operator ??= '>';
    if (max !== null) {
      operator = 'range';
      if (max < value) problems.push('rangeReversed');
    }
    const period = PERIOD_ANYWHERE.exec(before);
    if (period && unit && !unit.includes('/')) unit = `${unit}/${period[1]}`;

    found.push({ start, end: pos, operator, value, max, unit, problems });
    prevEnd = pos;
    NUM_RE.lastIndex = pos;
  }
  return found;
}

const strength = (q: Quantity) => (q.operator ? 2 : 0) + (q.unit ? 1 : 0);

function unparsed(raw: string, problems: Set<ProblemKey>): Value {
  return { raw, operator: null, value: null, max: null, unit: null, level: null, deadline: null, parsed: false, problems: listProblems(problems) };
}

function listProblems(problems: Set<ProblemKey>): string[] {
  return PROBLEM_ORDER.filter((k) => problems.has(k)).map((k) => VALUE_PROBLEMS[k]);
}

export function parseValue(raw: string): Value {
  const text = raw.trim();
  const s = normalizeValueText(text).replace(ONE_PERIOD, (_, p: string) => `每${p.replace('个', '')}`);
  const problems = new Set<ProblemKey>();
  if (isPlaceholder(s)) return unparsed(text, new Set(['empty']));

  const dl = findDeadline(s);
  let rest = s;
  if (dl) {
    rest = `${s.slice(0, dl.start)}|${s.slice(dl.end)}`;
    if (dl.yearRepeated) problems.add('yearRepeated');
    if (dl.invalid) problems.add('badDate');
  }

  const quantities = readQuantities(rest);
  let best: Quantity | null = null;
  for (const q of quantities) if (!best || strength(q) > strength(best)) best = q;
  const leftover = best ? `${rest.slice(0, best.start)}|${rest.slice(best.end)}` : rest;
  const level = readLevel(leftover);

  if (!best && !dl?.deadline && level?.kind === 'scale') return unparsed(text, problems.add('scale'));
  if (!best && !dl?.deadline && level?.kind !== 'level') return unparsed(text, problems.add('unmeasurable'));

  if (best) {
    for (const p of best.problems) problems.add(p);
    if (quantities.some((q) => q !== best && strength(q) > 0)) problems.add('several');
    if (!best.unit) {
      if (!best.operator) problems.add('noOperator');
      problems.add('noUnit');
    }
  }
  if (level?.kind === 'scale') problems.add('scale');

  return {
    raw: text,
    operator: best ? best.operator : (dl?.operator ?? null),
    value: best?.value ?? null,
    max: best?.max ?? null,
    unit: best?.unit ?? null,
    level: level?.kind === 'level' ? level.level : null,
    deadline: dl?.deadline ?? null,
    parsed: true,
    problems: listProblems(problems),
  };
}

/**
 * A normalised one-line form for reports: ≥95%, ≤0.84万元, 80～90%, 9月底前, 12月底前完成, 及时,
 * 100%完成. An unparsed value prints as written.
 */
export function formatValue(v: Value): string {
  if (!v.parsed) return v.raw;
  let out = '';
  if (v.deadline) out += formatDeadline(v.deadline) + (v.value === null && v.operator === '≤' ? '前' : '');
  if (v.value !== null) {
    const unit = v.unit ?? '';
    if (v.operator === 'range') out += `${v.value}～${v.max}${unit}`;
    else out += `${v.operator ?? ''}${v.value}${unit}`;
  }
  if (v.level) out += v.level;
  return out;
}

/**
 * The unit an indicator's name gives in a closing bracket — 人民调解案件数(件), 调解补贴（元/件）,
 * 完成率（%）: some templates print the unit once in the name and only the number as the value
 * (≥1000). The whole bracket must read as units (件次, 元/件), so 人民币 or 试行 give none.
 */
export function unitOfName(name: string): string | null {
  const m = /[（(]([^（）()]{1,8})[）)]\s*$/.exec(name);
  if (!m) return null;
  const s = normalizeValueText(m[1]);
  // A bare 月 or 时 after a number is a date or a time (9月, 10时); alone in the name's bracket, the unit.
  if (s === '月' || s === '时') return m[1].trim();
  let at = 0;
  while (at < s.length) {
    if (at > 0 && (s[at] === '/' || s[at] === '·')) at++;
    const u = readUnit(s, at);
    if (!u || u.end <= at) return null;
    at = u.end;
  }
  return at > 0 ? m[1].trim() : null;
}

/**
 * A value read with the unit its indicator's name gives (unitOfName) when the value has none: ≥1000
 * under 人民调解案件数(件) is ≥ 1000 件. A number with a unit needs no operator (see above).
 */
export function withNameUnit(v: Value, name: string): Value {
  if (v.value === null || v.unit || v.level || v.deadline) return v;
  const unit = unitOfName(name);
  if (!unit) return v;
  const dropped: string[] = [VALUE_PROBLEMS.noUnit, VALUE_PROBLEMS.noOperator];
  return { ...v, unit, problems: v.problems.filter((p) => !dropped.includes(p)) };
}
