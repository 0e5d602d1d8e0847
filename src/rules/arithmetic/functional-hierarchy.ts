import type { Disclosure, StdTable } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { BOTH, checkHierarchy } from '../lib/hierarchy.js';
import { CODED_KINDS, schemeOf, tablesOf } from '../lib/tables.js';
import { defineRule } from '../types.js';

function functionalTables(doc: Disclosure): StdTable[] {
  return CODED_KINDS.flatMap((k) => tablesOf(doc, k)).filter((t) => schemeOf(t) === 'functional');
}

export const functionalHierarchy = defineRule({
  meta: {
    id: 'arithmetic/functional-hierarchy',
    title: '功能分类类、款、项逐级相加',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('4'),
    description: '按功能分类列示的表中每个金额列：类（3位）= 其下各款（5位）之和；款 = 其下各项（7位）之和。子级编码以上级编码开头；同一编码重复出现时只取第一次。',
    example: { bad: '20133 宣传事务 176.20，其下只有 2013301 行政运行 170.20', message: '《部门预算支出总表》“20133 宣传事务”行“合计”列 176.20 万元，其下各项（2013301）之和为 170.20 万元，相差 6.00 万元。' },
    messages: {
      sumDiffers: '{{where}} {{total}} 万元，{{parts}}之和{{detail}}为 {{sum}} 万元，相差 {{difference}} 万元。',
    },
    appliesTo: [...BOTH],
    tables: CODED_KINDS,
  },
  check(doc, ctx) {
    for (const t of functionalTables(doc)) checkHierarchy(t, ctx, [[3, 5], [5, 7]], { messageId: 'sumDiffers' });
  },
});
