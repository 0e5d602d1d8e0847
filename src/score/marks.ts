/**
 * Marks a table does not print but its scores imply. When a 一级's weight is not given per
 * indicator, the evaluator may still have shared it unequally (20, 10, 10, 10 of 50). Each stated
 * score, read with its indicator's achievement, bounds that indicator's marks: a met target's
 * score is its marks; a share r of a quantitative target scores marks × r; a band [min, max]
 * scores between marks × min and marks × max. When some choice of marks inside those bounds adds
 * up to the weight, the scores are consistent with an allocation and that allocation is used;
 * otherwise the weight is shared equally and the scores that do not fit are reported.
 */
import type { Indicator } from '../model/disclosure.js';
import { Money, sum } from '../model/money.js';
import { SCORE_TOLERANCE, judgementOf, unitOf } from './indicator.js';
import type { ScoringProfile } from './profile.js';

interface Bounds {
  lo: Money;
  /** null: no upper bound (an indicator that cannot be judged, or a band that reaches 0). */
  hi: Money | null;
}

function bounds(ind: Indicator, profile: ScoringProfile): Bounds | null {
  const s = ind.score?.value;
  if (!s) return null;
  const j = judgementOf(ind, profile);
  const lo = s.minus(SCORE_TOLERANCE);
  const hi = s.plus(SCORE_TOLERANCE);
  if (j.achievement === 'unknown') return { lo: s, hi: null };
  if (j.ratio) {
    if (j.ratio.isZero()) return s.isZero() ? { lo: new Money(0), hi: null } : null;
    return { lo: lo.div(j.ratio), hi: hi.div(j.ratio) };
  }
  const band = profile.qualitative[j.achievement];
  return { lo: lo.div(String(band.max)), hi: band.min > 0 ? hi.div(String(band.min)) : null };
}

/** Marks for each indicator, adding up to `weight`, that explain every stated score; null when none do. */
export function impliedMarks(inds: Indicator[], weight: Money, profile: ScoringProfile): Money[] | null {
  const b = inds.map((i) => bounds(i, profile));
  if (b.some((x) => x === null)) return null;
  const all = b as Bounds[];
  const low = sum(all.map((x) => Money.max(x.lo, new Money(0))));
  const open = all.some((x) => x.hi === null);
  if (low.greaterThan(weight)) return null;
  if (!open && sum(all.map((x) => x.hi)).lessThan(weight)) return null;
  // Start at the lower bounds (rounded), then give what is left to those that may take more.
  const unit = unitOf(profile.decimals);
  const marks = all.map((x) => Money.max(x.lo, new Money(0)).toDecimalPlaces(profile.decimals, Money.ROUND_HALF_UP));
  let left = weight.minus(sum(marks));
  for (let k = 0; k < marks.length && !left.isZero(); k++) {
    const room = all[k].hi === null ? left : Money.max(all[k].hi!.toDecimalPlaces(profile.decimals, Money.ROUND_DOWN).minus(marks[k]), new Money(0));
    const give = left.greaterThan(0) ? Money.min(room, left) : left;
    marks[k] = marks[k].plus(give);
    left = left.minus(give);
  }
  if (!left.abs().lessThan(unit) || marks.some((m) => m.isNegative())) return null;
  return marks;
}
