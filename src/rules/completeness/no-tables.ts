import { BASIS } from '../lib/basis.js';
import { hasStandardTables } from '../lib/completeness.js';
import { defineRule } from '../types.js';

export const noTables = defineRule({
  meta: {
    id: 'completeness/no-tables',
    title: '文件只有说明没有公开表格',
    severity: 'info',
    category: 'completeness',
    basis: BASIS.procedure,
    description: '文件有说明而没有标准公开表格（说明自带的三公经费表不算）。常见于说明与表格分开发布，故只作提示：请确认九张公开表已另行公开。',
    example: { bad: '部门预算公开说明 Word 文件，表格另附', message: '文件中没有预算公开表格，只有说明部分；请确认九张公开表已另行公开。' },
    messages: {
      noTables: '文件中没有预算公开表格，只有说明部分；请确认九张公开表已另行公开。',
    },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    if (hasStandardTables(doc)) return;
    if (!doc.paragraphs.length && !doc.claims.length) return;
    ctx.report({ messageId: 'noTables', location: { where: '全文' } });
  },
});
