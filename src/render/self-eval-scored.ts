/**
 * From the input to the figures the report prints: the model of the self-evaluation with every
 * score the engine computed written in (rates to 0.01%, scores to the profile's decimals), and
 * the department's score and grade.
 */
import type { Figure, SelfEvaluation } from '../model/disclosure.js';
import { Money, sum } from '../model/money.js';
import type { GradeInfo } from '../score/grade.js';
import { scoreSelfEvaluation, type MeanKind, type ProjectScore, type Scorecard } from '../score/index.js';
import type { ScoringProfile } from '../score/profile.js';
import { inputToModel, type SelfEvalInput } from './self-eval-input.js';

export interface ScoredReport {
  input: SelfEvalInput;
  profile: ScoringProfile;
  /** The self-evaluation as the report states it: amounts, rates, scores, totals, grade. */
  model: SelfEvaluation;
  card: Scorecard;
  total: Money;
  grade: GradeInfo;
  /** The mean the report states, and the other one (for the explanation). */
  basis: MeanKind;
  other: { kind: MeanKind; value: Money | null };
}

/** Scores as printed: no trailing zeros (10, 5.78, 13.34). */
export function scoreText(v: Money): string {
  return v.toString();
}

function figure(v: Money, raw = scoreText(v)): Figure {
  return { raw, value: v, loc: {} };
}

/** Σ indicator scores ÷ Σ their marks: how much of what the indicators ask was done. */
function completionRate(s: ProjectScore): Money | null {
  const inds = s.level1.flatMap((l) => l.indicators);
  const marks = sum(inds.map((i) => i.marks));
  if (marks.isZero() || inds.some((i) => i.computed === null)) return null;
  return sum(inds.map((i) => i.computed)).div(marks).times(100).toDecimalPlaces(2);
}

export function scoreReport(input: SelfEvalInput, profile: ScoringProfile): ScoredReport {
  const model = inputToModel(input, profile);
  const card = scoreSelfEvaluation(model, profile);
  card.projects.forEach((s, k) => {
    const p = model.projects[k];
    const rate = s.execution.rate!.toDecimalPlaces(2);
    p.executionRate = figure(rate, `${rate.toFixed(2)}%`);
    p.executionScore = figure(s.execution.computed!);
    for (const l of s.level1) for (const i of l.indicators) p.indicators[i.index].score = figure(i.computed!);
    p.totalScore = figure(s.total.computed!);
    const c = completionRate(s);
    p.completionRate = c ? figure(c, `${c.toString()}%`) : null;
  });
  const d = card.department;
  const basis = profile.departmentMean;
  const total = d.computedMeans[basis] ?? d.computedMeans.plain!;
  const grade = card.department.grade!;
  const otherKind: MeanKind = basis === 'plain' ? 'weighted' : 'plain';
  model.totalScore = figure(total);
  model.grade = grade.label;
  return { input, profile, model, card, total, grade, basis: d.computedMeans[basis] ? basis : 'plain', other: { kind: otherKind, value: d.computedMeans[otherKind] } };
}
