/**
 * Model fields the rules can use before the model has them. The lead adds them to
 * src/model/disclosure.ts; until then a recogniser (or a test) may set them on the object.
 */
import type { Disclosure, Loc } from '../../model/disclosure.js';
import type { Money } from '../../model/money.js';

/** A share the 说明 states: "公务接待费支出101.26万元，占“三公”经费的24.2%". */
export interface ShareClaim {
  /** What the part is, as the text names it (e.g. 公务接待费). */
  part: string;
  /** What it is a share of (e.g. “三公”经费). */
  whole: string;
  partValue: Money | null;
  wholeValue: Money | null;
  /** The stated percentage, e.g. 24.2. */
  percent: Money;
  raw: string;
  loc: Loc;
}

export function sharesOf(doc: Disclosure): ShareClaim[] {
  const x = (doc as Disclosure & { shares?: unknown }).shares;
  return Array.isArray(x) ? (x as ShareClaim[]) : [];
}
