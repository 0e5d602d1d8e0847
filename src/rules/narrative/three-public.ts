import type { ClaimSubject } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { claimDesc, claimFigure, claimHalfStep, claimsOf, claimWhere } from '../lib/claims.js';
import { checkSame } from '../lib/compare.js';
import { threePublicFigures, type TPKey } from '../lib/three-public.js';
import { defineRule } from '../types.js';

const TP_SUBJECTS: [ClaimSubject, TPKey][] = [
  ['threePublic.total', 'total'],
  ['threePublic.abroad', 'abroad'],
  ['threePublic.vehicle', 'vehicle'],
  ['threePublic.vehiclePurchase', 'vehiclePurchase'],
  ['threePublic.vehicleOperation', 'vehicleOperation'],
  ['threePublic.reception', 'reception'],
];

export const threePublic = defineRule({
  meta: {
    id: 'narrative/three-public',
    title: '说明中“三公”经费各项与三公表一致',
    severity: 'error',
    category: 'narrative',
    basis: BASIS.identities('10'),
    description: '说明所写三公经费总额、因公出国（境）费、公务用车购置及运行费（购置费、运行费）、公务接待费 = 三公经费表对应本年数（无表时取摘要）。',
    example: { bad: '说明“公务接待费1.00万元”，三公表公务接待费 0.60', message: '说明中公务接待费 1.00 万元，与《财政拨款“三公”经费支出表》“公务接待费”行“合计”列 0.60 万元不一致，相差 0.40 万元。' },
    messages: {
      differs: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，相差 {{difference}} 万元。',
    },
    appliesTo: ['budget', 'final-accounts'],
    tables: ['three-public'],
  },
  check(doc, ctx) {
    const figs = threePublicFigures(doc);
    for (const [subject, key] of TP_SUBJECTS) {
      const s = figs[key];
      if (!s) continue;
      for (const c of claimsOf(doc, subject)) {
        checkSame(ctx, {
          messageId: 'differs',
          a: { desc: claimDesc(c), figure: claimFigure(c) },
          b: { desc: s.desc, figure: s.figure },
          tolerance: claimHalfStep(c).plus('0.005'),
          location: claimWhere(c),
        });
      }
    }
  },
});
