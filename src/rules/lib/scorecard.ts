/**
 * The re-scoring rules share one scorecard per document and scoring profile: the engine runs once
 * however many of them are on.
 */
import { z } from 'zod';
import type { Disclosure } from '../../model/disclosure.js';
import type { Money } from '../../model/money.js';
import { type Scorecard, scoreSelfEvaluation, type ScoringProfile, scoringProfileFor } from '../../score/index.js';
import type { RuleContext } from '../types.js';

export interface Scoring {
  card: Scorecard;
  profile: ScoringProfile;
}

const cache = new WeakMap<Disclosure, Map<string, Scoring>>();

/** Rule option shared by every re-scoring rule: the scoring profile (name, path or auto). */
export const SCORING_OPTIONS = z.object({ scoringProfile: z.string().min(1).default('auto') }).strict();

export function scoringOf(doc: Disclosure, ctx: RuleContext): Scoring | null {
  if (!doc.selfEvaluation?.projects.length) return null;
  const ref = String(ctx.options.scoringProfile ?? 'auto');
  const byProfile = cache.get(doc) ?? new Map<string, Scoring>();
  cache.set(doc, byProfile);
  let scoring = byProfile.get(ref);
  if (!scoring) {
    const profile = scoringProfileFor(ref, doc);
    scoring = { card: scoreSelfEvaluation(doc.selfEvaluation, profile), profile };
    byProfile.set(ref, scoring);
  }
  return scoring;
}

/** Scores in messages: at most two decimals, no trailing zeros (10, 5.78, 99.5). */
export function pts(v: Money): string {
  return v.toDecimalPlaces(2).toString();
}

export function place(name: string): string {
  return `项目“${name}”绩效自评表`;
}
