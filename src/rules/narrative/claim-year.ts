import type { ClaimSubject } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { claimDesc, claimWhere } from '../lib/claims.js';
import { amount } from '../lib/figures.js';
import { defineRule } from '../types.js';

/** Subjects whose year is the prior year's end (上年末固定资产) or a comparison. */
const PRIOR_OK: ClaimSubject[] = ['assets.total', 'change.total', 'change.basic', 'change.project', 'change.other', 'threePublic.change'];

export const claimYear = defineRule({
  meta: {
    id: 'narrative/claim-year',
    title: '说明中金额所属年度与文件年度一致',
    severity: 'warning',
    category: 'narrative',
    basis: BASIS.identities('14'),
    description: '说明中为金额写明的年度应是文件年度（固定资产为上年末、增减比较为上年，可早一年）。常见于套用上年模板未改年份。',
    example: { bad: '2022 年预算文件写“2021年预算收入302.27万元”', message: '说明中收入预算 302.27 万元写作 2021 年，而本文件为 2022 年度。' },
    messages: {
      claimYear: '{{claim}} {{value}} 万元写作 {{year}} 年，而本文件为 {{docYear}} 年度。',
    },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    if (doc.year === null) return;
    for (const c of doc.claims) {
      if (c.year === null || c.year === doc.year) continue;
      if (c.year === doc.year - 1 && PRIOR_OK.includes(c.subject)) continue;
      ctx.report({
        messageId: 'claimYear', data: { claim: claimDesc(c), value: amount(c.value), year: c.year, docYear: doc.year },
        location: claimWhere(c),
      });
    }
  },
});
