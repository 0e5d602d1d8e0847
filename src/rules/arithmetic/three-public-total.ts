import type { Figure } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { checkSum, type Part, sumHolds } from '../lib/compare.js';
import { val } from '../lib/figures.js';
import { where } from '../lib/tables.js';
import { eachGetter } from '../lib/three-public-getters.js';
import { threePublicTables, TP_NAMES, type TPKey } from '../lib/three-public.js';
import { defineRule, type RuleContext } from '../types.js';

/** 公务用车 as one figure: its own row/column when printed, else 购置 + 运行. */
function vehicleParts(get: (k: TPKey) => Figure | null): Part[] {
  const v = get('vehicle');
  if (val(v) !== null) return [{ label: TP_NAMES.vehicle, figure: v }];
  return [
    { label: TP_NAMES.vehiclePurchase, figure: get('vehiclePurchase') },
    { label: TP_NAMES.vehicleOperation, figure: get('vehicleOperation') },
  ];
}

function totalParts(get: (k: TPKey) => Figure | null): Part[] {
  return [
    { label: TP_NAMES.abroad, figure: get('abroad') },
    ...vehicleParts(get),
    { label: TP_NAMES.reception, figure: get('reception') },
    { label: TP_NAMES.meeting, figure: get('meeting') },
    { label: TP_NAMES.training, figure: get('training') },
  ];
}

export const threePublicTotal = defineRule({
  meta: {
    id: 'arithmetic/three-public-total',
    title: '“三公”经费合计等于各项之和',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('8'),
    description: '三公经费表（两种排列都适用）：合计 = 因公出国（境）费 + 公务用车购置及运行费（未列小计时取购置费 + 运行费）+ 公务接待费；表中列出会议费、培训费时，合计为三公小计或含会议费、培训费的总数，两种都接受。合计为零时各项也须为零。',
    example: { bad: '因公出国 0，公务用车运行 2.43，公务接待 0，合计 3.00', message: '《财政拨款“三公”经费支出表》“合计”行“2022年预算数”列 3.00 万元，公务用车运行维护费之和为 2.43 万元，相差 0.57 万元。' },
    messages: {
      sumDiffers: '{{where}} {{total}} 万元，{{parts}}之和{{detail}}为 {{sum}} 万元，相差 {{difference}} 万元。',
    },
    tables: ['three-public'],
  },
  check(doc, ctx: RuleContext) {
    for (const t of threePublicTables(doc)) {
      eachGetter(t, (get, place) => {
        const p = place('total');
        const parts = totalParts(get);
        // With 会议费/培训费 columns the 合计 may be the 三公 subtotal or include them: either holds.
        const extra = (x: Part) => x.label === TP_NAMES.meeting || x.label === TP_NAMES.training;
        const threeOnly = parts.filter((x) => !extra(x));
        if (parts.some((x) => extra(x) && val(x.figure) !== null) && sumHolds(get('total'), threeOnly.map((x) => x.figure))) return;
        checkSum(ctx, { messageId: 'sumDiffers', where: p.where, totalLabel: '', total: get('total'), parts, location: p.loc, blankPartsAreZero: true });
      });
    }
  },
});
