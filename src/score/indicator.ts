/**
 * One indicator's score: quantitative targets earn marks × ratio; deadline and qualitative targets
 * earn a band of the marks by achievement level (profile.qualitative). A stated score inside its
 * band stands, since the band leaves the evaluator a judgement; outside it, the band's own point
 * is the recomputed score.
 */
import type { Indicator } from '../model/disclosure.js';
import { Money } from '../model/money.js';
import { judge, type Judgement } from './judge.js';
import type { ScoringProfile } from './profile.js';

export interface IndicatorScore {
  /** Position in the project's `indicators`. */
  index: number;
  level1: string;
  level2: string;
  level3: string;
  target: string;
  actual: string | null;
  marks: Money | null;
  /**
   * stated: the table gives the indicator's marks; split: the 一级 weight shared equally;
   * implied: marks adding up to the 一级 weight that explain every stated score (src/score/marks.ts).
   */
  marksSource: 'stated' | 'split' | 'implied' | null;
  judgement: Judgement;
  /** Scores the indicator may take: one point for quantitative targets, a band otherwise. */
  range: [Money, Money] | null;
  computed: Money | null;
  stated: Money | null;
  /** Whether the stated score lies in `range` (to 0.005); null when either is missing. */
  agrees: boolean | null;
}

/** Differences up to this are the printing of a score to 0.01, not a disagreement. */
export const SCORE_TOLERANCE = new Money('0.005');

export function roundScore(v: Money, profile: ScoringProfile): Money {
  return v.toDecimalPlaces(profile.decimals, Money.ROUND_HALF_UP);
}

export function isCostIndicator(i: Pick<Indicator, 'level1' | 'level2'>): boolean {
  return /成本/.test(i.level1) || /^成本指标?$/.test(i.level2.replace(/\s+/g, ''));
}

interface Judged {
  target: Indicator['target'];
  actual: Indicator['actual'];
  lateDeadline: ScoringProfile['lateDeadline'];
  judgement: Judgement;
}

// Re-scoring judges each indicator twice (implied marks, then the score) and runs per document:
// one judgement per indicator object while its values and the profile's rule for deadlines stay.
const judged = new WeakMap<Indicator, Judged>();

/** `judge` of the indicator's target and actual, remembered per indicator. */
export function judgementOf(ind: Indicator, profile: ScoringProfile): Judgement {
  const j = judged.get(ind);
  if (j && j.target === ind.target && j.actual === ind.actual && j.lateDeadline === profile.lateDeadline) return j.judgement;
  const judgement = judge(ind.target, ind.actual, { cost: isCostIndicator(ind), lateDeadline: profile.lateDeadline });
  judged.set(ind, { target: ind.target, actual: ind.actual, lateDeadline: profile.lateDeadline, judgement });
  return judgement;
}

/** 10^-decimals, made once per number of decimals (decimals are immutable). */
const units = new Map<number, Money>();
export function unitOf(decimals: number): Money {
  let u = units.get(decimals);
  if (!u) units.set(decimals, (u = new Money(10).pow(-decimals)));
  return u;
}

export function scoreIndicator(ind: Indicator, index: number, marks: Money | null, marksSource: IndicatorScore['marksSource'], profile: ScoringProfile): IndicatorScore {
  const judgement = judgementOf(ind, profile);
  const stated = ind.score?.value ?? null;
  let range: [Money, Money] | null = null;
  let computed: Money | null = null;
  if (marks && judgement.achievement !== 'unknown') {
    if (judgement.ratio) {
      const point = roundScore(marks.times(judgement.ratio), profile);
      range = [point, point];
      computed = point;
    } else {
      const band = profile.qualitative[judgement.achievement];
      range = [roundScore(marks.times(String(band.min)), profile), roundScore(marks.times(String(band.max)), profile)];
      computed = stated && inRange(stated, range) ? stated : roundScore(marks.times(String(band.score)), profile);
    }
  }
  // Unjudgeable: the evaluator's own score is all there is.
  if (computed === null && judgement.achievement === 'unknown') computed = stated;
  return {
    index,
    level1: ind.level1,
    level2: ind.level2,
    level3: ind.level3,
    target: ind.target.raw,
    actual: ind.actual?.raw ?? null,
    marks,
    marksSource,
    judgement,
    range,
    computed,
    stated,
    agrees: stated && range ? inRange(stated, range) : null,
  };
}

function inRange(v: Money, [lo, hi]: [Money, Money]): boolean {
  return v.greaterThanOrEqualTo(lo.minus(SCORE_TOLERANCE)) && v.lessThanOrEqualTo(hi.plus(SCORE_TOLERANCE));
}
