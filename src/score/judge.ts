/**
 * Whether an indicator's actual value meets its target, and by how much: the part of scoring that
 * reads values. Quantitative targets give a ratio (achieved ÷ target, or target ÷ achieved for ≤
 * targets, capped at 1); deadlines and qualitative targets give an achievement level only.
 */
import type { Value } from '../model/disclosure.js';
import { Money } from '../model/money.js';

export type Achievement = 'met' | 'partial' | 'unmet' | 'unknown';
export type Method = 'higher' | 'lower' | 'range' | 'deadline' | 'qualitative' | 'unknown';

export interface Judgement {
  method: Method;
  achievement: Achievement;
  /** Achieved share of the target, 0…1, for quantitative targets. */
  ratio: Money | null;
  /** Chinese, short: how the achievement was decided, e.g. 95% ≥ 95%，达成. */
  reason: string;
}

const ONE = new Money(1);

const UNMET_WORDS = /未能?(?:达成|完成|实现|达到|达标|按时|按期|及时|开展|启动)|没有(?:完成|达到|实现)|不及时|延期|逾期|滞后|不合格|不满意|未通过/;
const PARTIAL_WORDS = /部分(?:达成|完成|实现|达到)|基本(?:达成|完成|实现|达到|达标|满意)|大部分/;
const MET_WORDS = /完全实现|全部(?:完成|实现|达成)|已?(?:达成|完成|实现|达到|达标)|按时|按期|如期|及时|合格|满意|预算内|全覆盖/;

const NEGATIVE_LEVELS = new Set(['未完成', '未达到', '不及时', '不能', '不合格', '不满意', '差']);
const PARTIAL_LEVELS = new Set(['基本完成', '基本达到', '基本满意', '一般']);
/** Levels that say nothing good or bad without knowing the question (否 to 是否发生事故 is good). */
const NEUTRAL_LEVELS = new Set(['否', '无', '有', '是', '低', '较低', '高', '较高', '下降', '提升']);
/** Families whose members answer each other: a different answer misses the target. */
const ANSWERS = [new Set(['是', '否']), new Set(['有', '无']), new Set(['能够', '不能'])];
/** Ordered scales: an actual level below the target's is partly achieved (差, 不满意: not at all). */
const SCALES: Record<string, number>[] = [
  { 优: 5, 优良: 4.5, 良: 4, 合格: 3, 中: 3, 一般: 2, 差: 1 },
  { 显著: 3, 明显: 2, 有所提升: 1 },
  { 满意: 2, 基本满意: 1, 不满意: 0 },
];

function squash(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '');
}

/** Money units and 万-prefixed counts convert; otherwise units must agree. Null when they cannot. */
const MONEY_SCALE: Record<string, number> = { 元: 1, 千元: 1e3, 万元: 1e4, 亿元: 1e8 };

function scaleBetween(targetUnit: string | null, actualUnit: string | null): Money | null {
  if (!targetUnit || !actualUnit || targetUnit === actualUnit) return ONE;
  const t = MONEY_SCALE[targetUnit];
  const a = MONEY_SCALE[actualUnit];
  if (t !== undefined && a !== undefined) return new Money(a).div(t);
  if (actualUnit === `万${targetUnit}`) return new Money(10000);
  if (targetUnit === `万${actualUnit}`) return new Money(1).div(10000);
  return null;
}

const num = (v: number) => new Money(String(v));

function show(v: Value): string {
  return v.raw.replace(/\s+/g, '');
}

function quantitative(target: Value, actual: Value, cost: boolean): Judgement | null {
  if (target.value === null || actual.value === null) return null;
  const scale = scaleBetween(target.unit, actual.unit);
  if (!scale) {
    return { method: 'unknown', achievement: 'unknown', ratio: null, reason: `实际完成值单位“${actual.unit}”与预期指标值单位“${target.unit}”不同，无法比较` };
  }
  const a = num(actual.value).times(scale);
  const x = num(target.value);
  const t = show(target);
  const s = show(actual);
  const clamp = (r: Money) => Money.max(Money.min(r, ONE), new Money(0));
  const done = (method: Method, ratio: Money, metText: string, missText: string): Judgement => {
    const met = ratio.greaterThanOrEqualTo(ONE);
    return { method, achievement: met ? 'met' : ratio.isZero() ? 'unmet' : 'partial', ratio: clamp(ratio), reason: met ? metText : missText };
  };
  if (target.operator === 'range') {
    const hi = num(target.max ?? target.value);
    if (a.lessThan(x)) return done('range', a.div(x), '', `${s} 低于区间下限，按 ${s} ÷ 下限计`);
    if (a.greaterThan(hi)) return done('range', hi.div(a), '', `${s} 高于区间上限，按上限 ÷ ${s} 计`);
    return done('range', ONE, `${s} 在区间 ${t} 内，达成`, '');
  }
  // A cost, or an exact zero (零事故 written as 0起), is a ceiling even without ≤.
  const lower = target.operator === '≤' || target.operator === '<' || (target.operator === null && (cost || x.isZero()));
  if (lower) {
    if (a.lessThanOrEqualTo(x)) return done('lower', ONE, `${s} 未超过 ${t}，达成`, '');
    return done('lower', a.isZero() ? ONE : x.div(a), '', `${s} 超过 ${t}，按目标 ÷ 实际计`);
  }
  if (x.isZero() || a.greaterThanOrEqualTo(x)) return done('higher', ONE, `${s} 达到 ${t}，达成`, '');
  return done('higher', a.div(x), '', `${s} 未达到 ${t}，按实际 ÷ 目标计`);
}

function wordsOf(actual: Value): Achievement | null {
  const s = squash(actual.raw);
  if (UNMET_WORDS.test(s) || (actual.level !== null && NEGATIVE_LEVELS.has(actual.level))) return 'unmet';
  if (PARTIAL_WORDS.test(s) || (actual.level !== null && PARTIAL_LEVELS.has(actual.level))) return 'partial';
  return null;
}

/** MM-DD of a deadline, so a date with a year compares with one without. */
const monthDay = (d: string) => d.slice(-5);

function deadline(target: Value, actual: Value, late: 'partial' | 'unmet'): Judgement {
  const t = show(target);
  const said = wordsOf(actual);
  if (said === 'unmet') return { method: 'deadline', achievement: 'unmet', ratio: null, reason: `实际“${show(actual)}”未完成` };
  if (actual.deadline) {
    if (monthDay(actual.deadline) <= monthDay(target.deadline!)) {
      return { method: 'deadline', achievement: said ?? 'met', ratio: null, reason: `${show(actual)}，在 ${t} 期限内` };
    }
    return { method: 'deadline', achievement: late, ratio: null, reason: `${show(actual)}，晚于 ${t}` };
  }
  if (said) return { method: 'deadline', achievement: said, ratio: null, reason: `实际“${show(actual)}”` };
  if (MET_WORDS.test(squash(actual.raw))) return { method: 'deadline', achievement: 'met', ratio: null, reason: `实际“${show(actual)}”，按期完成` };
  return { method: 'deadline', achievement: 'unknown', ratio: null, reason: `实际“${show(actual)}”未说明完成时间` };
}

function qualitative(target: Value, actual: Value): Judgement {
  const s = show(actual);
  const j = (achievement: Achievement, reason: string): Judgement => ({ method: 'qualitative', achievement, ratio: null, reason });
  if (target.level && actual.level === target.level) return j('met', `实际“${s}”与预期“${show(target)}”一致，达成`);
  if (target.level && actual.level && ANSWERS.some((f) => f.has(target.level!) && f.has(actual.level!))) {
    return j('unmet', `实际“${s}”与预期“${show(target)}”相反，未达成`);
  }
  const scale = target.level && actual.level ? SCALES.find((sc) => sc[target.level!] !== undefined && sc[actual.level!] !== undefined) : undefined;
  if (scale) {
    const [a, t] = [scale[actual.level!], scale[target.level!]];
    if (a >= t) return j('met', `实际“${s}”不低于预期“${show(target)}”，达成`);
    return NEGATIVE_LEVELS.has(actual.level!) ? j('unmet', `实际“${s}”，未达成`) : j('partial', `实际“${s}”低于预期“${show(target)}”，部分达成`);
  }
  const said = wordsOf(actual);
  if (said === 'unmet') return j('unmet', `实际“${s}”，未达成`);
  if (said === 'partial') return j('partial', `实际“${s}”，部分达成`);
  if (MET_WORDS.test(squash(actual.raw)) || (actual.level !== null && !NEUTRAL_LEVELS.has(actual.level))) return j('met', `实际“${s}”，达成`);
  return j('unknown', `实际“${s}”无法判断是否达成`);
}

/**
 * How far `actual` meets `target`. `cost` marks a 成本指标, whose bare figure is a ceiling.
 * `lateDeadline` is what a deadline met after the date counts as.
 */
export function judge(target: Value, actual: Value | null, opts: { cost?: boolean; lateDeadline?: 'partial' | 'unmet' } = {}): Judgement {
  if (!actual || !squash(actual.raw)) return { method: 'unknown', achievement: 'unknown', ratio: null, reason: '未填写实际完成值' };
  if (target.deadline) return deadline(target, actual, opts.lateDeadline ?? 'partial');
  if (target.value !== null) {
    if (actual.value !== null) {
      const q = quantitative(target, actual, opts.cost ?? false);
      if (q) return q;
    }
    // A figure target answered in words (已完成): the words decide.
    const said = wordsOf(actual);
    if (said) return { method: 'qualitative', achievement: said, ratio: null, reason: `实际“${show(actual)}”` };
    if (MET_WORDS.test(squash(actual.raw))) return { method: 'qualitative', achievement: 'met', ratio: null, reason: `实际“${show(actual)}”，达成` };
    return { method: 'unknown', achievement: 'unknown', ratio: null, reason: `实际“${show(actual)}”不是可与 ${show(target)} 比较的数值` };
  }
  if (target.level || !target.parsed) return qualitative(target, actual);
  return { method: 'unknown', achievement: 'unknown', ratio: null, reason: `预期指标值“${show(target)}”无法计分` };
}
