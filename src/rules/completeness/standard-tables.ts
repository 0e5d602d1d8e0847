import { z } from 'zod';
import type { Disclosure, TableKind } from '../../model/disclosure.js';
import { TABLE_KIND_IDS } from '../../model/table-kinds.js';
import { BASIS } from '../lib/basis.js';
import { has, hasStandardTables, STANDARD } from '../lib/completeness.js';
import { KIND_NAMES } from '../lib/tables.js';
import { defineRule } from '../types.js';

const NONE_OF: Partial<Record<TableKind, RegExp>> = {
  'gov-fund-expenditure': /无[^。；;，,]{0,12}政府性基金(预算)?(拨款)?(收支|收入|支出|预算)/,
  'state-capital-expenditure': /无[^。；;，,]{0,12}国有资本经营(预算)?(拨款)?(收支|收入|支出|预算)/,
};

/** The 说明 says the department has no money of the fund a table is about. */
function saysNone(doc: Disclosure, kind: TableKind): boolean {
  const re = NONE_OF[kind];
  return !!re && doc.paragraphs.some((p) => re.test(p.text.replace(/\s+/g, '')));
}

export const standardTables = defineRule({
  meta: {
    id: 'completeness/standard-tables',
    expectation: true,
    title: '九张公开表齐全',
    severity: 'error',
    category: 'completeness',
    basis: `${BASIS.procedure}（部门预决算公开九张表，无数据的表也要公开并说明）`,
    description: '文件含有公开表格时，九张标准表（收支总表、收入总表、支出总表、财政拨款收支总表、一般公共预算支出表、一般公共预算基本支出表、政府性基金支出表、国有资本经营支出表、三公经费支出表）应都在。各地表样不同时，在配置 options.required 中列出当地必须公开的表（表的 kind）。说明写明本部门无政府性基金或国有资本经营预算（收支）时，缺少相应的表不报告（有的地区表样不含该表，如陕西）。文件只有说明、没有任何表格时由 completeness/no-tables 提示。',
    example: { bad: '文件列出 7 张表，缺国有资本经营预算支出表和三公经费支出表', message: '公开表格不全：缺少国有资本经营预算财政拨款支出表、财政拨款“三公”经费支出表（共 9 张，本文件有 7 张）。' },
    messages: {
      standardTables: '公开表格不全：缺少{{missing}}（共 {{required}} 张，本文件有 {{present}} 张）。',
    },
    appliesTo: ['budget', 'final-accounts'],
    // The kinds' ids from their registry, not the model's TableKindSchema: the model's schemas are
    // for its JSON Schema and the server, and building them all cost every check some 10 ms.
    options: z.object({ required: z.array(z.enum(TABLE_KIND_IDS)).default(STANDARD) }).strict(),
  },
  check(doc, ctx) {
    if (!hasStandardTables(doc)) return;
    const required = (ctx.options.required as TableKind[] | undefined) ?? STANDARD;
    const present = new Set(doc.tables.map((t) => t.kind).filter((k) => required.includes(k)));
    // A fund table the region's template does not have (陕西 prints no 国有资本经营 table) is not
    // missing when the 说明 says the department has no such budget: the table would be empty.
    const missing = required.filter((k) => !present.has(k) && !saysNone(doc, k));
    if (!missing.length) return;
    ctx.report({
      messageId: 'standardTables', data: { missing: missing.map((k) => KIND_NAMES[k]).join('、'), required: required.length, present: present.size },
      location: { where: '公开表格' },
    });
  },
});
