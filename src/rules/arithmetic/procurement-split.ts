import { BASIS } from '../lib/basis.js';
import { checkSum } from '../lib/compare.js';
import { statementWhere } from '../lib/final-statements.js';
import { defineRule } from '../types.js';

export const procurementSplit = defineRule({
  meta: {
    id: 'arithmetic/procurement-split',
    title: '政府采购货物、工程、服务之和等于采购总额',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('16'),
    description: '说明“政府采购支出总额 X 万元，其中：货物 a 万元、工程 b 万元、服务 c 万元”：X = a + b + c（未写的类别不计）。',
    example: { bad: '总额 12.50，货物 4.30、工程 6.00、服务 3.20', message: '说明中政府采购支出总额 12.50 万元，货物、工程、服务之和（4.30 + 6.00 + 3.20）为 13.50 万元，相差 1.00 万元。' },
    messages: {
      sumDiffers: '说明中政府采购支出总额 {{total}} 万元，货物、工程、服务之和{{detail}}为 {{sum}} 万元，相差 {{difference}} 万元。',
    },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    const p = doc.procurementSplit;
    if (!p.total) return;
    checkSum(ctx, {
      messageId: 'sumDiffers',
      where: '说明中',
      totalLabel: '政府采购支出总额',
      total: p.total,
      parts: [
        { label: '货物', figure: p.goods },
        { label: '工程', figure: p.works },
        { label: '服务', figure: p.services },
      ],
      partsLabel: '货物、工程、服务',
      location: statementWhere(p.total.loc),
    });
  },
});
