/**
 * A note saying a table is empty under a table that prints figures: one of the two is wrong — a
 * template note left in, or figures in a table that should have none (万里 2024 p31).
 */
import type { StdTable } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { amount, val } from '../lib/figures.js';
import { tableName } from '../lib/tables.js';
import { defineRule } from '../types.js';

const SAYS_EMPTY = /空表|本表无数据|本表无内容/;

/** The first non-zero figure of the table, with the row it is in. */
function firstFigure(t: StdTable): { name: string; value: string } | null {
  for (const r of t.rows) {
    for (const f of Object.values(r.values)) {
      const v = val(f);
      if (v && !v.isZero()) return { name: (r.code ? `${r.code} ` : '') + r.name.replace(/\s+/g, ''), value: amount(v) };
    }
  }
  return null;
}

export const emptyNoteWithFigures = defineRule({
  meta: {
    id: 'completeness/empty-note-with-figures',
    title: '注明为空表的表格不应有数字',
    severity: 'warning',
    category: 'completeness',
    basis: `${BASIS.procedure}（空表应公开并作出说明）`,
    description: '表下注明“空表”（如“本部门无……预算，故本表为空表”），表中却列有非零金额：说明与表格至少有一处不对（多为模板说明未删，或不应有数的表填了数）。',
    example: {
      bad: '“三公”经费表列有公务接待费 2.40，表下注“本部门无“三公”经费预算，故本表为空表”',
      message: '《“三公”经费和机关运行经费预算表》注明为空表（“注：本部门无“三公”经费预算，故本表为空表。”），表中却有金额（“合计”2.40 万元）。',
    },
    messages: {
      emptyNoteWithFigures: '《{{table}}》注明为空表（“{{note}}”），表中却有金额（“{{name}}”{{value}} 万元）。',
    },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    for (const t of doc.tables) {
      if (!t.note || !SAYS_EMPTY.test(t.note.replace(/\s+/g, ''))) continue;
      const first = firstFigure(t);
      if (!first) continue;
      ctx.report({
        messageId: 'emptyNoteWithFigures', data: { table: tableName(t), note: t.note.trim(), name: first.name, value: first.value },
        location: { ...t.loc, where: `《${tableName(t)}》表下说明` },
      });
    }
  },
});
