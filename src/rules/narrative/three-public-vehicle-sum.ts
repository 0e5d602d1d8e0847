import { sumRule } from '../lib/sums.js';

export const threePublicVehicleSum = sumRule(
  {
    id: 'narrative/three-public-vehicle-sum',
    title: '说明中公务用车购置及运行费等于购置费加运行费',
    description: '三公经费说明中：公务用车购置及运行费 = 公务用车购置费 + 公务用车运行维护费。',
    example: { bad: '“公务用车购置及运维费5万元（其中：公务用车购置费0万元，公务用车运行维护费2.43万元）”', message: '说明中公务用车购置及运行费 5.00 万元，所列各项之和为 2.43 万元（公务用车购置费 0.00 + 公务用车运行维护费 2.43），相差 2.57 万元。' },
    messages: {
      sumDiffers: '说明中公务用车购置及运行费 {{total}} 万元，所列各项之和为 {{sum}} 万元{{detail}}，相差 {{difference}} 万元。',
    },
  },
  'threePublic.vehicle',
  ['threePublic.vehiclePurchase', 'threePublic.vehicleOperation'],
  { messageId: 'sumDiffers' },
);
