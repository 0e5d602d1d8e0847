/**
 * Amounts the 说明 states for totals, sources, 基本/人员/公用/项目, 机关运行经费, 政府采购, 资产 equal
 * the tables (the summary when the document has no table). Silent unless both sides exist.
 */
import type { Claim, ClaimSubject, Disclosure } from '../../model/disclosure.js';
import { defineRule, type RuleContext, type RuleMeta } from '../types.js';
import { BASIS } from './basis.js';
import { claimDesc, claimFigure, claimHalfStep, claimsOf, claimWhere } from './claims.js';
import { checkSame, type Said } from './compare.js';
import { amount, Money, val } from './figures.js';
import { headline, type HeadlineKey, headlines, type Source } from './headline.js';
import { foundInTables } from './table-figures.js';
import { where } from './tables.js';

/**
 * What a claim rule says: `messageId` is a checkSame message (placeholders in compare.ts);
 * `otherScopeMessageId` the hint that the text's amount differs from the table's but equals another
 * of the tables' figures, filled with `{{a}}`, `{{actual}}`, `{{b}}`, `{{expected}}` as checkSame's
 * and `{{other}}` (where the equal figure is printed).
 */
export interface ClaimSaid<Id extends string = string> extends Said<Id> {
  otherScopeMessageId: Id;
}

export function compareClaim<Id extends string>(ctx: RuleContext<Id>, c: Claim, s: Source, alternatives: Source[], said: ClaimSaid<NoInfer<Id>>): void {
  const f = claimFigure(c);
  if (!f) return;
  // The text may mean another of the table's figures (e.g. 收入总计 rather than 本年收入合计).
  if (alternatives.some((a) => val(a.figure)!.minus(f.value!).abs().lessThanOrEqualTo(claimHalfStep(c).plus('0.005')))) return;
  const tolerance = claimHalfStep(c).plus(new Money('0.005'));
  const expected = val(s.figure);
  if (expected && f.value && expected.minus(f.value).abs().greaterThan(tolerance)) {
    const other = foundInTables(ctx.doc, f.value, tolerance);
    // A part of the very sum compared with is no other scope: the text left the other parts out.
    if (other && !s.parts?.includes(other.figure)) {
      ctx.report({
        messageId: said.otherScopeMessageId,
        data: { a: claimDesc(c), actual: amount(f.value), b: s.desc, expected: amount(expected), other: other.where },
        location: claimWhere(c),
        expected,
        actual: f.value,
        difference: f.value.minus(expected),
        advisory: true,
      });
      return;
    }
  }
  checkSame(ctx, {
    messageId: said.messageId,
    a: { desc: claimDesc(c), figure: f },
    b: { desc: s.desc, figure: s.figure },
    tolerance: claimHalfStep(c).plus(new Money('0.005')),
    location: claimWhere(c),
  });
}

function fromSummary(s: Source): boolean {
  return s.desc.startsWith('摘要');
}

/**
 * A rule that the amount the 说明 states for `subject` equals the table figure `key` (or one of `alt`).
 * The ids name messages of `meta.messages` (see ClaimSaid).
 */
export function claimRule<const Id extends string>(meta: Omit<RuleMeta<Id>, 'category' | 'severity'> & { severity?: RuleMeta['severity'] }, claim: ClaimSaid<NoInfer<Id>> & { subject: ClaimSubject; key: HeadlineKey; alt?: HeadlineKey[] }) {
  const { subject, key, alt = [] } = claim;
  const said: ClaimSaid<Id> = { messageId: claim.messageId, otherScopeMessageId: claim.otherScopeMessageId };
  return defineRule({
    meta: { severity: 'error', category: 'narrative', appliesTo: ['budget', 'final-accounts'], ...meta },
    check(doc: Disclosure, ctx: RuleContext<Id>) {
      const s = headline(doc, key);
      if (!s) return;
      const claims = claimsOf(doc, subject);
      // Without a table the summary is read from this very text: the text then disagrees with itself,
      // which the within-text rules judge, not this one.
      if (fromSummary(s) && claims.some((c) => c.value!.equals(val(s.figure)!))) return;
      const alternatives = alt.flatMap((k) => headlines(doc, k).slice(0, 1));
      for (const c of claims) compareClaim(ctx, c, s, alternatives, said);
    },
  });
}

export const B = BASIS.identities('10');

/** Income source of a claim's or row's name. */
export function sourceKey(name: string): string | null {
  const n = name.replace(/\s+/g, '');
  if (/上年结转|结转结余|年初结转/.test(n)) return 'carryOver';
  if (/一般公共预算/.test(n)) return 'generalBudget';
  if (/国有资本/.test(n)) return 'stateCapital';
  if (/基金/.test(n)) return 'govFund';
  // 财政拨款收入 is the three funds together; a named fund was matched above.
  if (/财政拨款/.test(n)) return 'fiscal';
  if (/财政专户|^专户资金/.test(n)) return 'fiscalSpecial';
  if (/经营收入/.test(n)) return 'operatingIncome';
  if (/事业收入/.test(n)) return 'business';
  if (/上级补助/.test(n)) return 'superiorSubsidy';
  if (/附属单位/.test(n)) return 'subsidiaryIncome';
  if (/其他/.test(n)) return 'other';
  return null;
}
