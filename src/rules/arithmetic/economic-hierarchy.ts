import type { Disclosure, StdTable } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { BOTH, checkHierarchy } from '../lib/hierarchy.js';
import { CODED_KINDS, schemeOf, tablesOf } from '../lib/tables.js';
import { defineRule } from '../types.js';

function economicTables(doc: Disclosure): StdTable[] {
  return CODED_KINDS.flatMap((k) => tablesOf(doc, k)).filter((t) => schemeOf(t) === 'economic');
}

export const economicHierarchy = defineRule({
  meta: {
    id: 'arithmetic/economic-hierarchy',
    title: '经济分类类等于其下各款之和',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('7'),
    description: '按经济分类列示的表（基本支出表等）中每个金额列：类（3位，如 301）= 其下各款（5位，如 30101…30199）之和。',
    example: { bad: '302 商品和服务支出 28.78，其下各款合计 27.78', message: '《部门预算一般公共预算财政拨款基本支出表》“302 商品和服务支出”行“合计”列 28.78 万元，其下各款（30201、30207）之和（20.00 + 7.78）为 27.78 万元，相差 1.00 万元。' },
    messages: {
      sumDiffers: '{{where}} {{total}} 万元，{{parts}}之和{{detail}}为 {{sum}} 万元，相差 {{difference}} 万元。',
    },
    appliesTo: [...BOTH],
    tables: ['general-budget-basic'],
  },
  check(doc, ctx) {
    for (const t of economicTables(doc)) checkHierarchy(t, ctx, [[3, 5]], { messageId: 'sumDiffers' });
  },
});
