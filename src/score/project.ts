/**
 * One project's 绩效自评表 re-scored: execution rate and its score, every indicator, the subtotal
 * of each 一级指标, the total and its grade — next to what the table states.
 */
import type { Figure, Indicator, SelfEvalProject } from '../model/disclosure.js';
import { Money, sum } from '../model/money.js';
import { gradeOf, type GradeInfo } from './grade.js';
import { roundScore, scoreIndicator, unitOf, type IndicatorScore } from './indicator.js';
import { impliedMarks } from './marks.js';
import type { ScoringProfile } from './profile.js';

export const EXECUTION_KEY = '预算执行率';
const HUNDRED = new Money(100);

export interface ExecutionScore {
  weight: Money | null;
  weightSource: 'stated' | 'profile' | null;
  /** 执行数 ÷ 预算数 × 100 at full precision, or the stated rate when the amounts are missing. */
  rate: Money | null;
  rateSource: 'computed' | 'stated' | null;
  statedRate: Money | null;
  statedRateRaw: string | null;
  /** The stated rate equals the computed one to the stated rate's own printing precision. */
  rateAgrees: boolean | null;
  computed: Money | null;
  stated: Money | null;
}

export interface Level1Score {
  name: string;
  weight: Money | null;
  weightSource: 'stated' | 'profile' | null;
  /** The weight was shared equally among the indicators (their marks are not stated). */
  split: boolean;
  indicators: IndicatorScore[];
  computed: Money | null;
  stated: Money | null;
}

export interface ProjectScore {
  name: string;
  budget: Money | null;
  executed: Money | null;
  execution: ExecutionScore;
  level1: Level1Score[];
  total: { computed: Money | null; stated: Money | null; statedRaw: string | null };
  grade: GradeInfo | null;
  /** Chinese, one line each: how marks were found, what could not be scored. */
  notes: string[];
}

/** "产出指标（40）" → 产出指标; 效果指标 (Hebei 2020) → 效益指标; "满意度" → 满意度指标. */
export function level1Key(raw: string): string {
  let n = raw.replace(/\s+/g, '').replace(/[（(][^）)]*[)）]/g, '').replace(/[:：]$/, '');
  if (/执行率/.test(n)) return EXECUTION_KEY;
  n = n.replace(/^效果/, '效益');
  return n && !/指标$/.test(n) ? `${n}指标` : n;
}

/** Decimal places of a printed figure ("99.99%" → 2, "58%" → 0). */
export function printedDecimals(raw: string | null | undefined): number {
  const m = /\d+(?:[.．](\d+))?/.exec((raw ?? '').replace(/\s+/g, ''));
  return m?.[1]?.length ?? 0;
}

export function halfUnit(decimals: number): Money {
  return unitOf(decimals).div(2);
}

/** `total` in `n` shares of 10^-decimals that add up exactly, the larger shares first. */
export function splitEqually(total: Money, n: number, decimals: number): Money[] {
  const unit = unitOf(decimals);
  const base = total.div(n).toDecimalPlaces(decimals, Money.ROUND_DOWN);
  const extra = total.minus(base.times(n)).div(unit).round().toNumber();
  return Array.from({ length: n }, (_, i) => (i < extra ? base.plus(unit) : base));
}

const val = (f: Figure | null | undefined): Money | null => f?.value ?? null;

function stateWeights(p: SelfEvalProject): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, v] of Object.entries(p.weights)) out.set(level1Key(k), v);
  if (p.executionWeight !== null && !out.has(EXECUTION_KEY)) out.set(EXECUTION_KEY, p.executionWeight);
  return out;
}

function weightOf(key: string, stated: Map<string, number>, profile: ScoringProfile): { weight: Money | null; source: 'stated' | 'profile' | null } {
  if (stated.has(key)) return { weight: new Money(String(stated.get(key))), source: 'stated' };
  const w = profile.weights[key];
  return w === undefined ? { weight: null, source: null } : { weight: new Money(String(w)), source: 'profile' };
}

export function executionScore(rate: Money, weight: Money, profile: ScoringProfile): Money {
  const ex = profile.execution;
  if (ex.method === 'proportional') return roundScore(Money.min(rate, HUNDRED).div(100).times(weight), profile);
  const band = [...ex.bands].sort((a, b) => b.min - a.min).find((b) => rate.greaterThanOrEqualTo(String(b.min)));
  return roundScore(band ? weight.times(String(band.share)) : new Money(0), profile);
}

function scoreExecution(p: SelfEvalProject, weights: Map<string, number>, profile: ScoringProfile, notes: string[]): ExecutionScore {
  const { weight, source } = weightOf(EXECUTION_KEY, weights, profile);
  const budget = val(p.budget);
  const executed = val(p.executed);
  const statedRate = val(p.executionRate);
  let rate: Money | null = null;
  let rateSource: ExecutionScore['rateSource'] = null;
  if (budget && executed && !budget.isZero()) {
    rate = executed.div(budget).times(100);
    rateSource = 'computed';
  } else if (statedRate) {
    rate = statedRate;
    rateSource = 'stated';
    notes.push(`项目“${p.name}”缺少预算数或执行数，执行率沿用表中所填 ${statedRate.toString()}%。`);
  }
  const rateAgrees =
    rateSource === 'computed' && statedRate ? statedRate.minus(rate!).abs().lessThanOrEqualTo(halfUnit(printedDecimals(p.executionRate!.raw))) : null;
  if (source === 'profile') notes.push(`项目“${p.name}”表中未写预算执行率分值，按计分办法取 ${weight!.toString()} 分。`);
  return {
    weight,
    weightSource: source,
    rate,
    rateSource,
    statedRate,
    statedRateRaw: p.executionRate?.raw ?? null,
    rateAgrees,
    computed: rate && weight ? executionScore(rate, weight, profile) : null,
    stated: val(p.executionScore),
  };
}

/** Whether a group's stated scores can stand for its marks: all stated, all met, adding up to the weight. */
function sameMarks(a: Money[], b: Money[]): boolean {
  return a.every((m, k) => m.equals(b[k]));
}

export function scoreProject(p: SelfEvalProject, profile: ScoringProfile): ProjectScore {
  const notes: string[] = [];
  const weights = stateWeights(p);
  const execution = scoreExecution(p, weights, profile, notes);

  const groups = new Map<string, { ind: Indicator; index: number }[]>();
  p.indicators.forEach((ind, index) => {
    const key = level1Key(ind.level1) || '（未填一级指标）';
    groups.set(key, [...(groups.get(key) ?? []), { ind, index }]);
  });
  const level1: Level1Score[] = [];
  const splits: string[] = [];
  const implied: string[] = [];
  for (const [name, members] of groups) {
    const { weight, source } = weightOf(name, weights, profile);
    const allStated = members.every((m) => m.ind.weight !== null);
    let marks: (Money | null)[];
    let marksSource: IndicatorScore['marksSource'] = null;
    let allocation: Money[] | null = null;
    const equal = !allStated && weight ? splitEqually(weight, members.length, profile.decimals) : null;
    if (allStated) {
      marks = members.map((m) => new Money(String(m.ind.weight)));
      marksSource = 'stated';
    } else if (weight && (allocation = impliedMarks(members.map((m) => m.ind), weight, profile)) && !sameMarks(allocation, equal!)) {
      marks = allocation;
      marksSource = 'implied';
      implied.push(`${name} ${weight.toString()} 分（${allocation.map((m) => m.toString()).join('、')}）`);
    } else if (weight) {
      const shares = equal!;
      marks = shares;
      marksSource = 'split';
      const [hi, lo] = [shares[0], shares[shares.length - 1]];
      const each = hi.equals(lo) ? `每项 ${hi.toString()} 分` : `每项 ${lo.toString()}～${hi.toString()} 分`;
      splits.push(`${name} ${weight.toString()} 分 ${members.length} 项（${each}）`);
    } else {
      marks = members.map(() => null);
      notes.push(`项目“${p.name}”${name}没有分值（表中未写，计分办法也未规定），其指标沿用表中所填得分。`);
    }
    const split = marksSource === 'split';
    if (source === 'profile' && weight) notes.push(`项目“${p.name}”表中未写${name}分值，按计分办法取 ${weight.toString()} 分。`);
    const indicators = members.map((m, k) => scoreIndicator(m.ind, m.index, marks[k], marksSource, profile));
    for (const s of indicators) {
      if (s.judgement.achievement === 'unknown') notes.push(`项目“${p.name}”指标“${s.level3}”${s.judgement.reason}，沿用表中所填得分${s.stated ? ` ${s.stated.toString()} 分` : '（未填）'}。`);
    }
    const computedParts = indicators.map((s) => s.computed);
    const statedParts = indicators.map((s) => s.stated);
    level1.push({
      name,
      weight,
      weightSource: allStated ? 'stated' : source,
      split,
      indicators,
      computed: computedParts.every((x) => x !== null) ? sum(computedParts) : null,
      stated: statedParts.some((x) => x !== null) ? sum(statedParts) : null,
    });
  }
  if (implied.length) notes.unshift(`项目“${p.name}”指标分值未逐项列明，所填得分与按完成情况计分的一种分值分配相符，按该分配计：${implied.join('、')}。`);
  if (splits.length) notes.unshift(`项目“${p.name}”指标分值未逐项列明，按一级指标分值由所填指标均分：${splits.join('、')}。`);
  const parts = [execution.computed, ...level1.map((l) => l.computed)];
  const computed = parts.every((x) => x !== null) ? sum(parts) : null;
  return {
    name: p.name,
    budget: val(p.budget),
    executed: val(p.executed),
    execution,
    level1,
    total: { computed, stated: val(p.totalScore), statedRaw: p.totalScore?.raw ?? null },
    grade: computed ? gradeOf(computed, profile) : null,
    notes,
  };
}
