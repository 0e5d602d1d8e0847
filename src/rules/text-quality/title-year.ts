import { BASIS } from '../lib/basis.js';
import { tableName } from '../lib/tables.js';
import { excerpt } from '../lib/texts.js';
import { defineRule } from '../types.js';

const YEAR_TITLE = /(?<![较比与和同至到~～\-—])(20\d{2})\s*年\s*度?\s*(?:部门|单位)(?:预算|决算)/;

export const titleYear = defineRule({
  meta: {
    id: 'text-quality/title-year',
    title: '标题或说明中的年度与文件年度不符',
    severity: 'warning',
    category: 'text-quality',
    basis: BASIS.identities('14'),
    description: '表格标题、文件标题或说明中写“XXXX年（度）部门预算/决算”的年份应为文件年度（比较用语“较/比 XXXX 年”除外）。常见于套用上年文件未改年份。',
    example: { bad: '2022 年文件中表格标题“2021年部门预算收支总表”', message: '《2021年部门预算收支总表》写的是 2021 年（“2021年部门预算收支总表”），而本文件为 2022 年度。' },
    messages: {
      titleYear: '{{where}}写的是 {{year}} 年（“{{excerpt}}”），而本文件为 {{docYear}} 年度。',
    },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    if (doc.year === null) return;
    const texts = [
      ...doc.tables.map((t) => ({ text: t.title, where: `《${tableName(t)}》`, loc: t.loc })),
      ...doc.paragraphs.map((p, i) => ({ text: p.text, where: `说明第 ${i + 1} 段`, loc: p.loc })),
      ...(doc.title ? [{ text: doc.title, where: '文件标题', loc: {} }] : []),
    ];
    const seen = new Set<string>();
    for (const t of texts) {
      const m = YEAR_TITLE.exec(t.text);
      if (!m || Number(m[1]) === doc.year) continue;
      if (seen.has(t.where)) continue;
      seen.add(t.where);
      ctx.report({ messageId: 'titleYear', data: { where: t.where, year: m[1], excerpt: excerpt(t.text, m.index), docYear: doc.year }, location: { ...t.loc, where: t.where } });
    }
  },
});
