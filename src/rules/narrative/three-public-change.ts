import { BASIS } from '../lib/basis.js';
import { claimDesc, claimFigure, claimHalfStep, claimsOf, claimWhere } from '../lib/claims.js';
import { checkSame } from '../lib/compare.js';
import { val } from '../lib/figures.js';
import { hasColumn, where } from '../lib/tables.js';
import { rowsByKey, threePublicTables } from '../lib/three-public.js';
import { defineRule } from '../types.js';

export const threePublicChange = defineRule({
  meta: {
    id: 'narrative/three-public-change',
    title: '说明中“三公”经费增减与三公表一致',
    severity: 'error',
    category: 'narrative',
    basis: BASIS.identities('8, §5.12'),
    description: '说明所写三公经费比上年增减（含“持平”= 0）= 三公表合计行的增减额（无增减列时为本年数 − 上年数）。',
    example: { bad: '说明“三公经费与上年持平”，三公表上年 3.60、本年 2.43', message: '说明中“三公”经费增减 0.00 万元，与《“三公”经费预算表》“合计”行增减 -1.17 万元不一致，相差 1.17 万元。' },
    messages: {
      differs: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，相差 {{difference}} 万元。',
    },
    appliesTo: ['budget', 'final-accounts'],
    tables: ['three-public'],
  },
  check(doc, ctx) {
    const claims = claimsOf(doc, 'threePublic.change');
    if (!claims.length) return;
    for (const t of threePublicTables(doc)) {
      const total = rowsByKey(t).get('total');
      if (!total) continue;
      let change = total.values.change ?? null;
      if (!val(change) && hasColumn(t, 'prior') && hasColumn(t, 'current') && val(total.values.current) && val(total.values.prior)) {
        const v = val(total.values.current)!.minus(val(total.values.prior)!);
        change = { raw: v.toFixed(2), value: v, loc: total.loc };
      }
      if (!val(change)) continue;
      for (const c of claims) {
        checkSame(ctx, {
          messageId: 'differs',
          a: { desc: claimDesc(c), figure: claimFigure(c) },
          b: { desc: `${where(t, total)}增减`, figure: change },
          tolerance: claimHalfStep(c).plus('0.01'),
          location: claimWhere(c),
        });
      }
      return;
    }
  },
});
