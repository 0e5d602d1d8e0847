import type { ClaimSubject, Disclosure, Figure } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { claimFigure, claimsOf } from '../lib/claims.js';
import { checkAtMost, checkSame } from '../lib/compare.js';
import { type HeadlineKey, headlines } from '../lib/headline.js';
import { defineRule } from '../types.js';

/** A table's figure, else the text's, else the summary's (which the text usually fed). */
function figureOf(doc: Disclosure, key: HeadlineKey, subject: ClaimSubject, desc: string): { figure: Figure; desc: string } | null {
  const [first, ...rest] = headlines(doc, key);
  if (first && !first.desc.startsWith('摘要')) return first;
  const c = claimsOf(doc, subject)[0];
  if (c) return { figure: claimFigure(c)!, desc };
  return first ?? rest[0] ?? null;
}

function operatingCostsFigure(doc: Disclosure): { figure: Figure; desc: string } | null {
  return figureOf(doc, 'operatingCosts', 'operatingCosts.total', '说明中机关运行经费');
}

function publicFigure(doc: Disclosure): { figure: Figure; desc: string } | null {
  return figureOf(doc, 'public', 'expenditure.public', '说明中公用经费');
}

export const operatingCostsPublic = defineRule({
  meta: {
    id: 'cross-table/operating-costs-public',
    title: '机关运行经费与公用经费相符',
    severity: 'warning',
    category: 'cross-table',
    basis: BASIS.practice('§5.13：机关运行经费 ≈ 行政/参公单位的公用经费'),
    description: '机关运行经费是行政单位（含参公事业单位）的公用经费：部门所属单位都是行政/参公单位时二者应相等；有其他事业单位时机关运行经费不超过公用经费。',
    example: { bad: '单位均为行政单位；机关运行经费 26.78，公用经费 28.78', message: '说明中机关运行经费 26.78 万元，与《部门预算一般公共预算财政拨款基本支出表》“合计”行“公用经费”列 28.78 万元不一致，相差 2.00 万元。' },
    messages: {
      differs: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，相差 {{difference}} 万元。',
      exceeds: '{{a}} {{actual}} 万元，超过{{b}} {{limit}} 万元，超出 {{difference}} 万元。',
    },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    const o = operatingCostsFigure(doc);
    const p = publicFigure(doc);
    if (!o || !p) return;
    const allAdministrative = doc.units.length > 0 && doc.units.every((u) => /行政|参公|参照/.test(u.nature ?? ''));
    const c = { a: { desc: o.desc, figure: o.figure }, b: { desc: p.desc, figure: p.figure }, location: { ...o.figure.loc, where: o.desc } };
    if (allAdministrative) checkSame(ctx, { ...c, messageId: 'differs' });
    else checkAtMost(ctx, { ...c, messageId: 'exceeds' });
  },
});
