/**
 * 政府采购 against the spending it is drawn from: goods, works and services are bought with
 * 公用经费 and 项目支出, never with 人员经费, so the procurement budget cannot exceed what is left of
 * the department's spending once personnel costs are taken out.
 */
import type { ClaimSubject, Disclosure, Figure } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { claimDesc, claimFigure, claimsOf } from '../lib/claims.js';
import { amount, amountHalfStep, sum, val } from '../lib/figures.js';
import { type HeadlineKey, headlines } from '../lib/headline.js';
import { defineRule } from '../types.js';

interface Stated {
  figure: Figure;
  desc: string;
}

/** The summary is mostly read from the text: a table first, then the text, the summary last. */
function ordered(doc: Disclosure, keys: HeadlineKey[], subjects: ClaimSubject[]): Stated[] {
  const fromTables = keys.flatMap((k) => headlines(doc, k));
  const isSummary = (s: Stated) => s.desc.startsWith('摘要');
  const fromText = subjects.flatMap((s) => claimsOf(doc, s).map((c) => ({ figure: claimFigure(c)!, desc: claimDesc(c) })));
  return [...fromTables.filter((s) => !isSummary(s)), ...fromText, ...fromTables.filter(isSummary)];
}

/** The largest total the document states for its spending (with carry-overs when it has them): the loosest bound. */
function largest(all: Stated[]): Stated | null {
  return all.reduce<Stated | null>((best, s) => (!best || val(s.figure)!.greaterThan(val(best.figure)!) ? s : best), null);
}

export const procurementWithinSpending = defineRule({
  meta: {
    id: 'cross-table/procurement-within-spending',
    title: '政府采购预算不超过人员经费以外的支出',
    severity: 'error',
    category: 'cross-table',
    basis: `${BASIS.identities('16')}；政府采购的货物、工程和服务由公用经费和项目支出安排，人员经费不用于采购`,
    description: '政府采购预算总额 ≤ 支出总额 − 人员经费（= 公用经费 + 项目支出）。支出总额取文件所列最大的一个（含结转的总计、本年合计、说明中的收支总额），人员经费取基本支出表（只含一般公共预算时数额更小，界限更宽），以免把用结转或其他资金安排的采购误报。',
    example: { bad: '政府采购预算 52.00 万元；支出预算 300.00 万元，其中人员经费 260.00 万元（公用经费 25.00、项目支出 15.00）', message: '说明中政府采购预算 52.00 万元，超过人员经费以外的全部支出 40.00 万元（说明中支出预算 300.00 − 说明中人员经费 260.00），超出 12.00 万元。' },
    messages: {
      procurementWithinSpending: '{{desc}} {{figure}} 万元，超过人员经费以外的全部支出 {{bound}} 万元（{{desc2}} {{figure2}} − {{desc3}} {{figure3}}），超出 {{diff}} 万元。',
    },
    appliesTo: ['budget'],
    tables: ['procurement', 'general-budget-basic'],
  },
  check(doc, ctx) {
    const p = ordered(doc, ['procurementTotal'], ['procurement.total'])[0];
    const t = largest(ordered(doc, ['expenditureGrand', 'revenueGrand', 'expenditureTotal', 'revenueTotal'], ['expenditure.total', 'revenue.total']));
    const n = ordered(doc, ['personnel'], ['expenditure.personnel'])[0];
    if (!p || !t || !n) return;
    const bound = val(t.figure)!.minus(val(n.figure)!);
    const diff = val(p.figure)!.minus(bound);
    if (!diff.greaterThan(0) || bound.isNegative()) return;
    const tol = sum([p.figure, t.figure, n.figure].map(amountHalfStep));
    ctx.report({
      messageId: 'procurementWithinSpending', data: { desc: p.desc, figure: amount(val(p.figure)), bound: amount(bound), desc2: t.desc, figure2: amount(val(t.figure)), desc3: n.desc, figure3: amount(val(n.figure)), diff: amount(diff) },
      location: { ...p.figure.loc, where: p.desc },
      figures: { 政府采购预算: val(p.figure), 支出总额: val(t.figure), 人员经费: val(n.figure) },
      expected: bound,
      actual: val(p.figure),
      difference: diff,
      rounding: diff.lessThanOrEqualTo(tol),
    });
  },
});
