import type { BudgetVsFinal } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { FINAL } from '../lib/budget-vs-final.js';
import { amount, val } from '../lib/figures.js';
import { statementWhere, vsName } from '../lib/final-statements.js';
import { defineRule } from '../types.js';

const WORDS: Record<NonNullable<BudgetVsFinal['comparison']>, string> = { greater: '大于', less: '小于', equal: '等于' };

export const comparisonWords = defineRule({
  meta: {
    id: 'narrative/final-vs-budget-comparison',
    title: '“决算数大于/小于/等于预算数”与数字一致',
    severity: 'error',
    category: 'narrative',
    basis: BASIS.identities('12'),
    description: '决算说明写“决算数大于（小于、等于）预算数”或“预决算持平”时，所写支出决算与年初预算须确实如此（按打印的两位小数比较）。模板中未删去的“大于（小于）”不算作说法，不比较。',
    example: {
      bad: '年初预算 116.00，支出决算 114.30，“决算数大于预算数”',
      message: '说明中“一般公共服务支出/档案事务/行政运行”写“决算数大于预算数”，但支出决算 114.30 万元小于年初预算 116.00 万元。',
    },
    messages: {
      finalVsBudgetComparison: '说明中“{{item}}”写“决算数{{claimed}}预算数”，但支出决算 {{final}} 万元{{actual}}年初预算 {{budget}} 万元。',
    },
    appliesTo: [...FINAL],
  },
  check(doc, ctx) {
    for (const b of doc.budgetVsFinal) {
      const budget = val(b.budget);
      const final = val(b.final);
      if (!b.comparison || !budget || !final) continue;
      const actual = final.greaterThan(budget) ? 'greater' : final.lessThan(budget) ? 'less' : 'equal';
      if (actual === b.comparison) continue;
      ctx.report({
        messageId: 'finalVsBudgetComparison', data: { item: vsName(b), claimed: WORDS[b.comparison], final: amount(final), actual: WORDS[actual], budget: amount(budget) },
        location: statementWhere(b.loc),
        figures: { 年初预算: budget, 支出决算: final },
        expected: budget,
        actual: final,
        difference: final.minus(budget),
      });
    }
  },
});
