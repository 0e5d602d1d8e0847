import { BASIS } from '../lib/basis.js';
import { checkSum } from '../lib/compare.js';
import { where } from '../lib/tables.js';
import { eachGetter } from '../lib/three-public-getters.js';
import { threePublicTables, TP_NAMES } from '../lib/three-public.js';
import { defineRule } from '../types.js';

export const threePublicVehicle = defineRule({
  meta: {
    id: 'arithmetic/three-public-vehicle',
    title: '公务用车购置及运行费等于购置费加运行费',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('8'),
    description: '公务用车购置及运行费 = 公务用车购置费 + 公务用车运行维护费（表中列出小计时检查）。',
    example: { bad: '公务用车购置及运行费 5.00，购置费 0，运行费 2.43', message: '《财政拨款“三公”经费支出表》“公务用车购置及运行费”行“合计”列 5.00 万元，公务用车购置费、公务用车运行维护费之和（0.00 + 2.43）为 2.43 万元，相差 2.57 万元。' },
    messages: {
      sumDiffers: '{{where}} {{total}} 万元，{{parts}}之和{{detail}}为 {{sum}} 万元，相差 {{difference}} 万元。',
    },
    tables: ['three-public'],
  },
  check(doc, ctx) {
    for (const t of threePublicTables(doc)) {
      eachGetter(t, (get, place) => {
        const p = place('vehicle');
        checkSum(ctx, {
          messageId: 'sumDiffers',
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
