import { BASIS } from '../lib/basis.js';
import { detail } from '../lib/completeness.js';
import { CODED_KINDS, schemeOf, tableName, tablesOf } from '../lib/tables.js';
import { defineRule } from '../types.js';

export const economicDetail = defineRule({
  meta: {
    id: 'completeness/economic-detail',
    expectation: true,
    title: '经济分类细化到款',
    severity: 'warning',
    category: 'completeness',
    basis: `${BASIS.budgetLaw}（基本支出按经济分类编列到款）；财政部公开检查“细化程度”`,
    description: '基本支出表等按经济分类列示的表中，有金额的“类”应列出其下的“款”。只列到类时报告。',
    example: { bad: '基本支出表 302 商品和服务支出 28.78，下面没有款', message: '《部门预算一般公共预算财政拨款基本支出表》科目 302 商品和服务支出只列到类，未细化到款。' },
    messages: {
      economicDetail: '《{{table}}》科目 {{label}}只列到类，未细化到款。',
    },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    for (const t of CODED_KINDS.flatMap((k) => tablesOf(doc, k)).filter((x) => schemeOf(x) === 'economic')) {
      for (const d of detail(t, 3, 5)) ctx.report({ messageId: 'economicDetail', data: { table: tableName(t), label: d.label }, location: d.loc });
    }
  },
});
