import { BASIS } from '../lib/basis.js';
import { checkAtMost } from '../lib/compare.js';
import { statementWhere } from '../lib/final-statements.js';
import { defineRule } from '../types.js';
import { procurementSplit } from './procurement-split.js';

export const procurementSme = defineRule({
  meta: {
    id: 'arithmetic/procurement-sme',
    title: '授予（预留给）中小企业的采购金额不超过其所属总额',
    severity: 'error',
    category: 'arithmetic',
    basis: `${BASIS.identities('16')}；《政府采购促进中小企业发展管理办法》`,
    description: '授予中小企业合同金额 ≤ 政府采购支出总额；其中授予小微企业 ≤ 授予中小企业；面向小微企业预留 ≤ 面向中小企业预留。占比由 narrative/share 核对。',
    example: { bad: '采购总额 12.50，授予中小企业合同金额 13.00', message: '说明中授予中小企业合同金额 13.00 万元，超过政府采购支出总额 12.50 万元，超出 0.50 万元。' },
    messages: {
      exceeds: '{{a}} {{actual}} 万元，超过{{b}} {{limit}} 万元，超出 {{difference}} 万元。',
    },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    const p = doc.procurementSplit;
    const pairs = [
      [p.smeAwarded, '授予中小企业合同金额', p.total, '政府采购支出总额'],
      [p.smallMicroAwarded, '授予小微企业合同金额', p.smeAwarded, '授予中小企业合同金额'],
      [p.smallMicroReserved, '面向小微企业预留金额', p.smeReserved, '面向中小企业预留金额'],
    ] as const;
    for (const [part, partName, whole, wholeName] of pairs) {
      if (!part || !whole) continue;
      checkAtMost(ctx, { messageId: 'exceeds', a: { desc: `说明中${partName}`, figure: part }, b: { desc: wholeName, figure: whole }, location: statementWhere(part.loc) });
    }
  },
});
