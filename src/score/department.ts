/**
 * The department's score from its projects: the plain mean and the budget-weighted mean (weights =
 * each project's budget), both, for the stated and the recomputed project totals — and which of
 * them the report's own total is.
 */
import type { SelfEvaluation } from '../model/disclosure.js';
import { Money, sum } from '../model/money.js';
import { gradeOf, gradeOfText, type GradeInfo } from './grade.js';
import { SCORE_TOLERANCE, roundScore } from './indicator.js';
import { halfUnit, printedDecimals, type ProjectScore } from './project.js';
import type { ScoringProfile } from './profile.js';

export type MeanKind = 'plain' | 'weighted';

export interface Means {
  plain: Money | null;
  /** Null when a project has no budget (nothing to weight by). */
  weighted: Money | null;
}

export interface DepartmentScore {
  stated: Money | null;
  statedRaw: string | null;
  statedGrade: string | null;
  /** The profile grade the stated words name. */
  statedGradeKey: string | null;
  /** Means of the project totals as the tables state them. */
  statedMeans: Means;
  /** Which mean of the stated project totals the report's total is; null when neither. */
  statedBasis: MeanKind | 'both' | null;
  /** Means of the recomputed project totals. */
  computedMeans: Means;
  /** The mean the recomputed department score takes: the report's own kind, else the profile's. */
  basis: MeanKind;
  computed: Money | null;
  grade: GradeInfo | null;
}

export function means(totals: (Money | null)[], budgets: (Money | null)[], profile: ScoringProfile): Means {
  const scored = totals.map((t, i) => ({ t, b: budgets[i] })).filter((x): x is { t: Money; b: Money | null } => x.t !== null);
  if (!scored.length) return { plain: null, weighted: null };
  const plain = roundScore(sum(scored.map((x) => x.t)).div(scored.length), profile);
  const withBudget = scored.every((x) => x.b && x.b.greaterThan(0));
  const weighted = withBudget
    ? roundScore(sum(scored.map((x) => x.t.times(x.b!))).div(sum(scored.map((x) => x.b))), profile)
    : null;
  return { plain, weighted };
}

export function scoreDepartment(se: SelfEvaluation, projects: ProjectScore[], profile: ScoringProfile): DepartmentScore {
  const budgets = projects.map((p) => p.budget);
  const statedMeans = means(projects.map((p) => p.total.stated), budgets, profile);
  const computedMeans = means(projects.map((p) => p.total.computed), budgets, profile);
  const stated = se.totalScore?.value ?? null;
  let statedBasis: DepartmentScore['statedBasis'] = null;
  if (stated) {
    const tol = Money.max(halfUnit(printedDecimals(se.totalScore!.raw)), SCORE_TOLERANCE);
    const near = (m: Money | null) => m !== null && m.minus(stated).abs().lessThanOrEqualTo(tol);
    const p = near(statedMeans.plain);
    const w = near(statedMeans.weighted);
    statedBasis = p && w ? 'both' : p ? 'plain' : w ? 'weighted' : null;
  }
  const basis: MeanKind = statedBasis === 'weighted' ? 'weighted' : statedBasis ? 'plain' : profile.departmentMean;
  const computed = computedMeans[basis] ?? computedMeans.plain;
  return {
    stated,
    statedRaw: se.totalScore?.raw ?? null,
    statedGrade: se.grade,
    statedGradeKey: se.grade ? gradeOfText(se.grade, profile) : null,
    statedMeans,
    statedBasis,
    computedMeans,
    basis: computedMeans[basis] ? basis : 'plain',
    computed,
    grade: computed ? gradeOf(computed, profile) : null,
  };
}
