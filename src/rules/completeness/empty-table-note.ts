import { BASIS } from '../lib/basis.js';
import { has, STANDARD_KINDS } from '../lib/completeness.js';
import { tableName } from '../lib/tables.js';
import { defineRule } from '../types.js';

export const emptyTableNote = defineRule({
  meta: {
    id: 'completeness/empty-table-note',
    expectation: true,
    title: '空表须注明原因',
    severity: 'error',
    category: 'completeness',
    basis: `${BASIS.procedure}（空表应公开并作出说明）`,
    description: '没有数据的公开表也要公开，并注明原因：表内或表下的注（如“注：无政府性基金预算财政拨款预算，空表列示。”），目录中的“是否空表 / 表格为空的理由”，或说明中的一句（如“本部门无当年政府性基金预算收支，并已公开空表”）都算注明。',
    example: { bad: '国有资本经营预算财政拨款支出表为空，表下无说明', message: '《部门预算国有资本经营预算财政拨款支出表》为空表，但没有注明原因（如“注：无……，空表列示”）。' },
    messages: {
      emptyTableNote: '《{{table}}》为空表，但没有注明原因（如“注：无……，空表列示”）。',
    },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    for (const t of doc.tables) {
      if (!t.empty || !STANDARD_KINDS.has(t.kind)) continue;
      if (t.note && t.note.trim()) continue;
      ctx.report({ messageId: 'emptyTableNote', data: { table: tableName(t) }, location: { ...t.loc, where: `《${tableName(t)}》` } });
    }
  },
});
