import type { Figure } from '../../model/disclosure.js';
import { Money } from '../../model/money.js';
import { BASIS } from '../lib/basis.js';
import { amount, summaryValue, val } from '../lib/figures.js';
import { statementWhere } from '../lib/final-statements.js';
import { defineRule, type RuleContext } from '../types.js';

const ZERO = new Money(0);

/** A count and the amount it goes with: one stated zero while the other is not is implausible. */
function zeroAgainst(ctx: RuleContext, count: Figure | null, countWords: string, spent: Money | null, spentWords: string): void {
  const n = val(count) ?? (count?.value?.isZero() ? ZERO : null);
  if (!count || n === null || spent === null) return;
  if (n.isZero() && spent.greaterThan(0)) {
    ctx.report({ messageId: 'noneButSpent', data: { countWords, spentWords, spent: amount(spent) }, location: statementWhere(count.loc), figures: { [countWords]: n, [spentWords]: spent } });
  } else if (n.greaterThan(0) && spent.isZero()) {
    ctx.report({ messageId: 'countButNothingSpent', data: { countWords, count: n.toString(), spentWords }, location: statementWhere(count.loc), figures: { [countWords]: n, [spentWords]: spent } });
  }
}

/** "people ≥ groups": a 人次 count below its 团组/批次 count. */
function atLeast(ctx: RuleContext, more: Figure | null, moreWords: string, fewer: Figure | null, fewerWords: string): void {
  if (!more?.value || !fewer?.value) return;
  if (more.value.lessThan(fewer.value)) {
    ctx.report({
      messageId: 'fewerThan', data: { moreWords, more: more.value.toString(), fewerWords, fewer: fewer.value.toString() },
      location: statementWhere(more.loc),
      figures: { [moreWords]: more.value, [fewerWords]: fewer.value },
    });
  }
}

export const threePublicCounts = defineRule({
  meta: {
    id: 'narrative/three-public-counts',
    title: '“三公”经费的团组、车辆、接待批次与金额相符',
    severity: 'warning',
    category: 'narrative',
    basis: `${BASIS.procedure}；财政部部门决算公开检查要点（三公经费须说明团组/人次、车辆购置数/保有量、接待批次/人次）`,
    description:
      '说明所写“三公”数量与金额相符：因公出国（境）团组为 0 而费用大于 0（或反之）；购置公务用车 0 辆而购置费大于 0（或反之）；公务用车保有量为 0 而运行维护费大于 0；接待批次为 0 而接待费大于 0（或反之）；人次少于团组数或批次；外宾批次多于接待总批次；财政拨款公务用车保有量多于国有资产中的车辆总数。金额取“三公”经费表（决算取决算数），无表时取说明。',
    example: { bad: '“全年安排因公出国（境）团组0个”，因公出国（境）费决算 2.40', message: '说明中因公出国（境）团组数为 0，但因公出国（境）费 2.40 万元。' },
    messages: {
      noneButSpent: '说明中{{countWords}}为 0，但{{spentWords}} {{spent}} 万元。',
      countButNothingSpent: '说明中{{countWords}}为 {{count}}，但{{spentWords}}为 0。',
      fewerThan: '说明中{{moreWords}} {{more}}，少于{{fewerWords}} {{fewer}}。',
      noVehiclesButRunningCost: '说明中公务用车保有量为 0，但公务用车运行维护费 {{operation}} 万元。',
    },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    const c = doc.threePublicCounts;
    const s = doc.summary.threePublic;
    zeroAgainst(ctx, c.abroadGroups, '因公出国（境）团组数', summaryValue(s.abroad), '因公出国（境）费');
    zeroAgainst(ctx, c.vehiclesPurchased, '公务用车购置数', summaryValue(s.vehiclePurchase), '公务用车购置费');
    const operation = summaryValue(s.vehicleOperation);
    const held = val(c.vehiclesHeld) ?? (c.vehiclesHeld?.value?.isZero() ? ZERO : null);
    if (c.vehiclesHeld && held?.isZero() && operation?.greaterThan(0)) {
      ctx.report({ messageId: 'noVehiclesButRunningCost', data: { operation: amount(operation) }, location: statementWhere(c.vehiclesHeld.loc), figures: { 公务用车保有量: held, 公务用车运行维护费: operation } });
    }
    zeroAgainst(ctx, c.receptionBatches, '公务接待批次', summaryValue(s.reception), '公务接待费');
    atLeast(ctx, c.abroadPeople, '因公出国（境）人次', c.abroadGroups, '团组数');
    atLeast(ctx, c.receptionPeople, '公务接待人次', c.receptionBatches, '接待批次');
    atLeast(ctx, c.receptionBatches, '公务接待批次', c.foreignReceptionBatches, '其中外宾接待批次');
    atLeast(ctx, c.receptionPeople, '公务接待人次', c.foreignReceptionPeople, '其中外宾接待人次');
    atLeast(ctx, doc.assetCounts.vehicles, '车辆总数', c.vehiclesHeld, '财政拨款公务用车保有量');
  },
});
