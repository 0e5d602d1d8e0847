import { BASIS } from '../lib/basis.js';
import { detail } from '../lib/completeness.js';
import { CODED_KINDS, schemeOf, tableName, tablesOf } from '../lib/tables.js';
import { defineRule } from '../types.js';

export const functionalDetail = defineRule({
  meta: {
    id: 'completeness/functional-detail',
    expectation: true,
    title: '功能分类细化到项',
    severity: 'warning',
    category: 'completeness',
    basis: `${BASIS.budgetLaw}（本级一般公共预算支出按功能分类编列到项）；财政部公开检查“细化程度”`,
    description: '按功能分类列示的表中，有金额的“款”应列出其下的“项”。只列到款时报告。',
    example: { bad: '支出总表 20133 宣传事务 176.20，下面没有项', message: '《部门预算支出总表》科目 20133 宣传事务只列到款，未细化到项。' },
    messages: {
      functionalDetail: '《{{table}}》科目 {{label}}只列到款，未细化到项。',
    },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    for (const t of CODED_KINDS.flatMap((k) => tablesOf(doc, k)).filter((x) => schemeOf(x) === 'functional')) {
      for (const d of detail(t, 5, 7)) ctx.report({ messageId: 'functionalDetail', data: { table: tableName(t), label: d.label }, location: d.loc });
    }
  },
});
