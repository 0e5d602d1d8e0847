import { assetLines } from '../lib/assets.js';
import { BASIS } from '../lib/basis.js';
import { checkSum } from '../lib/compare.js';
import { defineRule } from '../types.js';

const PART_NAMES: Record<string, string> = { house: '房屋', vehicle: '车辆', equipment: '设备', equipmentGeneral: '通用设备', equipmentSpecial: '专用设备', land: '土地', other: '其他固定资产' };

export const assetsTotal = defineRule({
  meta: {
    id: 'arithmetic/assets-total',
    title: '固定资产总额等于各类资产之和',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('17'),
    description: '固定资产占用情况表：资产总额（价值）= 房屋 + 车辆 + 单价在规定金额以上的设备 + 其他固定资产。“其中：办公用房”“其中：通用/专用设备”不重复相加（未列设备合计行时取其通用、专用设备）。',
    example: { bad: '车辆 15.50，其他固定资产 22.62，资产总额 40.12', message: '固定资产占用情况表资产总额 40.12 万元，车辆、其他固定资产之和（15.50 + 22.62）为 38.12 万元，相差 2.00 万元。' },
    messages: {
      sumDiffers: '固定资产占用情况表资产总额 {{total}} 万元，{{parts}}之和{{detail}}为 {{sum}} 万元，相差 {{difference}} 万元。',
    },
    appliesTo: ['budget', 'final-accounts'],
    tables: ['assets'],
  },
  check(doc, ctx) {
    const lines = assetLines(doc);
    const total = lines.find((l) => l.key === 'total');
    if (!total) return;
    const has = (k: string) => lines.some((l) => l.key === k);
    const keys = ['house', 'vehicle', ...(has('equipment') ? ['equipment'] : ['equipmentGeneral', 'equipmentSpecial']), 'land', 'other'];
    const parts = keys.flatMap((k) => lines.filter((l) => l.key === k).slice(0, 1));
    checkSum(ctx, {
      messageId: 'sumDiffers',
      where: '固定资产占用情况表',
      totalLabel: '资产总额',
      total: total.value,
      parts: parts.map((l) => ({ label: PART_NAMES[l.key] ?? l.name, figure: l.value })),
      location: { ...total.loc, where: '固定资产占用情况表资产总额' },
    });
  },
});
