/**
 * 绩效自评 arithmetic (domain.md §5.19): 执行率 = 执行数/预算数; 执行率得分 = 执行率 × 分值;
 * 总分 = Σ 指标得分 + 执行率得分; 一级指标得分 ≤ 其分值; 等级由总分定; 部门得分是项目得分的平均.
 */
import type { Figure, SelfEvalProject } from '../../model/disclosure.js';
import { Money } from '../../model/money.js';
import { amountHalfStep, val } from './figures.js';

export const HUNDRED = new Money(100);

export function place(p: SelfEvalProject): string {
  return `项目“${p.name}”绩效自评表`;
}

// Several rules (and the re-scoring) ask for the same project's rate: computed once per project
// while its two figures stay the same objects.
const rates = new WeakMap<SelfEvalProject, { budget: Figure | null; executed: Figure | null; rate: { rate: Money; tol: Money } | null }>();

/** 执行数 / 预算数 × 100 and how far rounding of both may move it. */
export function computedRate(p: SelfEvalProject): { rate: Money; tol: Money } | null {
  const known = rates.get(p);
  if (known && known.budget === p.budget && known.executed === p.executed) return known.rate;
  const rate = rateOf(p);
  rates.set(p, { budget: p.budget, executed: p.executed, rate });
  return rate;
}

function rateOf(p: SelfEvalProject): { rate: Money; tol: Money } | null {
  const b = val(p.budget);
  const e = val(p.executed);
  if (!b || !e || b.isZero()) return null;
  const hb = amountHalfStep(p.budget!);
  const he = amountHalfStep(p.executed!);
  const rate = e.div(b).times(100);
  const tol = he.div(b).plus(e.times(hb).div(b.times(b))).times(100);
  return { rate, tol };
}

export function executionWeight(p: SelfEvalProject): number | null {
  if (p.executionWeight !== null) return p.executionWeight;
  const k = Object.keys(p.weights).find((x) => /执行率/.test(x));
  return k ? p.weights[k] : null;
}

export function fmtN(v: Money): string {
  return v.toDecimalPlaces(2).toString();
}
