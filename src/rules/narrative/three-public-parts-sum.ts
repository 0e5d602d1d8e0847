import { sumRule } from '../lib/sums.js';

export const threePublicPartsSum = sumRule(
  {
    id: 'narrative/three-public-parts-sum',
    title: '说明中“三公”经费等于各项之和',
    description: '三公经费说明中：总额 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费；未写公务用车合计时取购置费 + 运行费。',
    example: { bad: '“三公经费预算3.00万元，其中因公出国（境）费0万元，公务用车购置及运维费2.43万元，公务接待费0万元”', message: '说明中“三公”经费 3.00 万元，所列各项之和为 2.43 万元（因公出国（境）费 0.00 + 公务用车购置及运行费 2.43 + 公务接待费 0.00），相差 0.57 万元。' },
    messages: {
      sumDiffers: '说明中“三公”经费 {{total}} 万元，所列各项之和为 {{sum}} 万元{{detail}}，相差 {{difference}} 万元。',
    },
  },
  'threePublic.total',
  ['threePublic.abroad', 'threePublic.vehicle', 'threePublic.vehiclePurchase', 'threePublic.vehicleOperation', 'threePublic.reception'],
  {
    messageId: 'sumDiffers',
    variants: (parts) => {
      const hasVehicle = parts.some((p) => p.subject === 'threePublic.vehicle');
      const keep = parts.filter((p) => !(hasVehicle && (p.subject === 'threePublic.vehiclePurchase' || p.subject === 'threePublic.vehicleOperation')));
      return [keep];
    },
    required: (has) => has('threePublic.abroad') && has('threePublic.reception') && (has('threePublic.vehicle') || (has('threePublic.vehiclePurchase') && has('threePublic.vehicleOperation'))),
  },
);
