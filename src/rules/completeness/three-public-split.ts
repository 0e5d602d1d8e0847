import { claimsOf } from '../lib/claims.js';
import { amount, val } from '../lib/figures.js';
import { threePublicFigures } from '../lib/three-public.js';
import { defineRule } from '../types.js';

export const threePublicSplit = defineRule({
  meta: {
    id: 'completeness/three-public-split',
    expectation: true,
    title: '公务用车须分列购置费和运行费',
    severity: 'warning',
    category: 'completeness',
    basis: '财政部部门预决算公开检查：“三公”经费须分别公开公务用车购置费和运行费；domain.md §9',
    description: '三公经费表或说明给出了公务用车购置及运行费（非零），却没有分别给出购置费和运行维护费时报告。',
    example: { bad: '说明“公务用车购置及运行费2.43万元”，未分列购置与运行', message: '“三公”经费中公务用车购置及运行费 2.43 万元，未分别列出购置费和运行维护费。' },
    messages: {
      threePublicSplit: '“三公”经费中公务用车购置及运行费 {{vehicle}} 万元，未分别列出购置费和运行维护费。',
    },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    const tp = threePublicFigures(doc);
    const vehicleClaim = claimsOf(doc, 'threePublic.vehicle')[0];
    const vehicle = tp.vehicle ? val(tp.vehicle.figure) : (vehicleClaim?.value ?? null);
    if (!vehicle || vehicle.isZero()) return;
    const split =
      !!tp.vehiclePurchase ||
      !!tp.vehicleOperation ||
      claimsOf(doc, 'threePublic.vehiclePurchase').length > 0 ||
      claimsOf(doc, 'threePublic.vehicleOperation').length > 0;
    if (split) return;
    ctx.report({
      messageId: 'threePublicSplit', data: { vehicle: amount(vehicle) },
      location: tp.vehicle?.location ?? { ...(vehicleClaim?.loc ?? {}), where: '“三公”经费说明' },
      actual: vehicle,
    });
  },
});
