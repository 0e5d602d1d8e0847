import { assetLines } from '../lib/assets.js';
import { BASIS } from '../lib/basis.js';
import { claimFigure, claimsOf } from '../lib/claims.js';
import { val } from '../lib/figures.js';
import { byCode, tableOf, tablesOf } from '../lib/tables.js';
import { threePublicFigures } from '../lib/three-public.js';
import { defineRule } from '../types.js';

export const vehicleRunningCost = defineRule({
  meta: {
    id: 'cross-table/vehicle-running-cost',
    title: '有公务用车而运行维护费为零',
    severity: 'warning',
    category: 'cross-table',
    basis: BASIS.identities('17'),
    description: '固定资产表列有车辆（数量大于 0），而三公经费中公务用车运行维护费明确为 0（表、说明或摘要），基本支出表也无 30231 公务用车运行维护费：车辆的运行费用去向不明。运行费未填写时不判断。',
    example: { bad: '资产表车辆 1 辆，三公表公务用车运行费 0', message: '固定资产占用情况表列有车辆 1 辆，但公务用车运行维护费为 0，基本支出表也无 30231 公务用车运行维护费。' },
    messages: {
      vehicleRunningCost: '固定资产占用情况表列有车辆 {{count}} 辆，但公务用车运行维护费为 0，基本支出表也无 30231 公务用车运行维护费。',
    },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    const vehicle = assetLines(doc).find((l) => l.key === 'vehicle');
    const count = doc.assets.rows.find((r) => r.key === 'vehicle')?.quantity ?? tablesOf(doc, 'assets').flatMap((t) => t.rows).find((r) => r.key === 'vehicle')?.values.quantity ?? null;
    if (!vehicle || !val(count) || !val(count)!.greaterThan(0)) return;
    const tp = threePublicFigures(doc);
    const claims = claimsOf(doc, 'threePublic.vehicleOperation');
    const stated = tp.vehicleOperation?.figure ?? (claims.length ? claimFigure(claims[0]) : null) ?? tp.vehicle?.figure ?? null;
    if (!stated || !val(stated)!.isZero()) return;
    const t6 = tableOf(doc, 'general-budget-basic');
    const r = t6 && byCode(t6).get('30231');
    if (r && val(r.values.total) && val(r.values.total)!.greaterThan(0)) return;
    ctx.report({
      messageId: 'vehicleRunningCost', data: { count: val(count)!.toString() },
      location: { ...vehicle.loc, where: '固定资产占用情况表车辆' },
      figures: { 车辆数量: val(count), 运行维护费: val(stated) },
    });
  },
});
