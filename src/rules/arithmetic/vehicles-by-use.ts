import { BASIS } from '../lib/basis.js';
import { checkSum } from '../lib/compare.js';
import { statementWhere } from '../lib/final-statements.js';
import { defineRule } from '../types.js';

export const vehiclesByUse = defineRule({
  meta: {
    id: 'arithmetic/vehicles-by-use',
    title: '各类用车之和等于车辆总数',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('17'),
    description: '国有资产占有使用情况说明“共有车辆 N 辆，其中：……用车 a 辆、……用车 b 辆……”：N = a + b + …。',
    example: { bad: '“共有车辆3辆，其中：机要通信用车1辆、应急保障用车1辆”', message: '国有资产说明中车辆总数 3 辆，各类用车之和（1 + 1）为 2 辆，相差 1 辆。' },
    messages: {
      sumDiffers: '国有资产说明中车辆总数 {{total}} 辆，各类用车之和{{detail}}为 {{sum}} 辆，相差 {{difference}} 辆。',
    },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    const a = doc.assetCounts;
    if (!a.vehicles || !a.vehiclesByUse.length) return;
    checkSum(ctx, {
      messageId: 'sumDiffers',
      where: '国有资产说明中',
      totalLabel: '车辆总数',
      total: a.vehicles,
      parts: a.vehiclesByUse.map((v) => ({ label: v.name, figure: v.count })),
      partsLabel: '各类用车',
      location: statementWhere(a.vehicles.loc),
      unit: '辆',
      format: (v) => v.toString(),
    });
  },
});
