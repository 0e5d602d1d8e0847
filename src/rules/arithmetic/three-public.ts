/** 三公 identities (domain.md §5.8): 合计 = 出国 + 公务用车 + 接待; 公务用车 = 购置 + 运行; 增减 = 本年 − 上年. */
import type { Figure, Row, StdTable } from '../../model/disclosure.js';
import { ZERO } from '../../model/money.js';
import { BASIS } from '../lib/basis.js';
import { checkSum, sumHolds, type Part } from '../lib/compare.js';
import { amount, sumTolerance, val } from '../lib/figures.js';
import { amountKeys, cellLocation, columnLabel, hasColumn, where } from '../lib/tables.js';
import { itemsAsColumns, rowsByKey, threePublicTables, TP_NAMES, type TPKey } from '../lib/three-public.js';
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

function eachGetter(t: StdTable, fn: (get: (k: TPKey) => Figure | null, place: (k: TPKey) => { where: string; loc: Record<string, unknown> & { where: string } }) => void): void {
  if (itemsAsColumns(t)) {
    for (const r of t.rows) {
      fn(
        (k) => r.values[k] ?? null,
        (k) => ({ where: where(t, r, k), loc: cellLocation(t, r, k) }),
      );
    }
  } else {
    const rows = rowsByKey(t);
    for (const col of amountKeys(t)) {
      fn(
        (k) => rows.get(k)?.values[col] ?? null,
        (k) => {
          const r = rows.get(k);
          return r ? { where: where(t, r, col), loc: cellLocation(t, r, col) } : { where: `《${t.title}》“${columnLabel(t, col)}”列`, loc: { where: '' } };
        },
      );
    }
  }
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
        checkSum(ctx, { where: p.where, totalLabel: '', total: get('total'), parts, location: p.loc, blankPartsAreZero: true });
      });
    }
  },
});

export const threePublicVehicle = defineRule({
  meta: {
    id: 'arithmetic/three-public-vehicle',
    title: '公务用车购置及运行费等于购置费加运行费',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('8'),
    description: '公务用车购置及运行费 = 公务用车购置费 + 公务用车运行维护费（表中列出小计时检查）。',
    example: { bad: '公务用车购置及运行费 5.00，购置费 0，运行费 2.43', message: '《财政拨款“三公”经费支出表》“公务用车购置及运行费”行“合计”列 5.00 万元，公务用车购置费、公务用车运行维护费之和（0.00 + 2.43）为 2.43 万元，相差 2.57 万元。' },
    tables: ['three-public'],
  },
  check(doc, ctx) {
    for (const t of threePublicTables(doc)) {
      eachGetter(t, (get, place) => {
        const p = place('vehicle');
        checkSum(ctx, {
          where: p.where,
          totalLabel: '',
          total: get('vehicle'),
          parts: [
            { label: TP_NAMES.vehiclePurchase, figure: get('vehiclePurchase') },
            { label: TP_NAMES.vehicleOperation, figure: get('vehicleOperation') },
          ],
          location: p.loc,
        });
      });
    }
  },
});

export const threePublicChange = defineRule({
  meta: {
    id: 'arithmetic/three-public-change',
    title: '“三公”经费增减额等于本年减上年',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('8'),
    description: '列有上年数、本年数、增减额的三公表中，每一行：增减额 = 本年数 − 上年数。',
    example: { bad: '公务接待费 上年 0.60，本年 0，增减 -0.50', message: '《“三公”经费预算表》“公务接待费”行：增减额 -0.50 万元，本年 0.00 − 上年 0.60 应为 -0.60 万元，相差 0.10 万元。' },
    tables: ['three-public'],
  },
  check(doc, ctx) {
    for (const t of threePublicTables(doc)) {
      if (!hasColumn(t, 'change') || !hasColumn(t, 'prior') || !hasColumn(t, 'current')) continue;
      for (const r of t.rows) checkChangeRow(t, r, ctx);
    }
  },
});

function checkChangeRow(t: StdTable, r: Row, ctx: RuleContext): void {
  const change = r.values.change ?? null;
  const prior = r.values.prior ?? null;
  const current = r.values.current ?? null;
  const c = val(change);
  if (c === null || (!val(prior) && !val(current))) return;
  const cur = val(current) ?? ZERO;
  const pri = val(prior) ?? ZERO;
  const expected = cur.minus(pri);
  const diff = c.minus(expected);
  if (diff.isZero()) return;
  const tol = sumTolerance([change, prior, current]);
  const w = where(t, r);
  ctx.report({
    message: `${w}：增减额 ${amount(c)} 万元，本年 ${amount(cur)} − 上年 ${amount(pri)} 应为 ${amount(expected)} 万元，相差 ${amount(diff.abs())} 万元。`,
    location: cellLocation(t, r, 'change'),
    figures: { 上年: val(prior), 本年: val(current), 增减: c },
    expected,
    actual: c,
    difference: diff,
    rounding: diff.abs().lessThanOrEqualTo(tol),
  });
}
