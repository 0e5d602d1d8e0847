/**
 * 政府采购 as the 决算 说明 states it (domain.md §5.16): 货物 + 工程 + 服务 = 采购总额; the amounts
 * awarded to or reserved for small and medium enterprises never exceed what they are part of.
 */
import { BASIS } from '../lib/basis.js';
import { checkAtMost, checkSum } from '../lib/compare.js';
import { defineRule } from '../types.js';
import { statementWhere } from './statements.js';

export const procurementSplit = defineRule({
  meta: {
    id: 'arithmetic/procurement-split',
    title: '政府采购货物、工程、服务之和等于采购总额',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('16'),
    description: '说明“政府采购支出总额 X 万元，其中：货物 a 万元、工程 b 万元、服务 c 万元”：X = a + b + c（未写的类别不计）。',
    example: { bad: '总额 12.50，货物 4.30、工程 6.00、服务 3.20', message: '说明中政府采购支出总额 12.50 万元，货物、工程、服务之和（4.30 + 6.00 + 3.20）为 13.50 万元，相差 1.00 万元。' },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    const p = doc.procurementSplit;
    if (!p.total) return;
    checkSum(ctx, {
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

export const procurementSme = defineRule({
  meta: {
    id: 'arithmetic/procurement-sme',
    title: '授予（预留给）中小企业的采购金额不超过其所属总额',
    severity: 'error',
    category: 'arithmetic',
    basis: `${BASIS.identities('16')}；《政府采购促进中小企业发展管理办法》`,
    description: '授予中小企业合同金额 ≤ 政府采购支出总额；其中授予小微企业 ≤ 授予中小企业；面向小微企业预留 ≤ 面向中小企业预留。占比由 narrative/share 核对。',
    example: { bad: '采购总额 12.50，授予中小企业合同金额 13.00', message: '说明中授予中小企业合同金额 13.00 万元，超过政府采购支出总额 12.50 万元，超出 0.50 万元。' },
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
      checkAtMost(ctx, { a: { desc: `说明中${partName}`, figure: part }, b: { desc: wholeName, figure: whole }, location: statementWhere(part.loc) });
    }
  },
});
