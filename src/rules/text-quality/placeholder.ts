import { tableName } from '../lib/tables.js';
import { excerpt, proseTexts } from '../lib/texts.js';
import { defineRule } from '../types.js';

const PLACEHOLDERS = /(?<![A-Za-z])(?:XX+|xx+|ＸＸ+|××+|某某|待补充|待填写|待完善|[{｛][^}｝]{0,12}[}｝]|□□+|○○+)(?![A-Za-z])/;

export const placeholder = defineRule({
  meta: {
    id: 'text-quality/placeholder',
    title: '残留占位符',
    severity: 'error',
    category: 'text-quality',
    basis: 'domain.md §8（占位符 XX、××、某某、待补充、{单位}）',
    description: '说明或表格中残留模板占位符：XX、××、某某、待补充、待填写、{单位}、□□ 等。',
    example: { bad: '“XX单位2022年部门预算收入……”', message: '说明第 3 段残留占位符“XX”：“XX单位2022年部门预算收入……”。' },
    messages: {
      placeholder: '{{where}}残留占位符“{{placeholder}}”：“{{excerpt}}”。',
    },
    fix: '用本单位的实际内容替换占位符',
  },
  check(doc, ctx) {
    const texts = [
      ...proseTexts(doc),
      ...(doc.title ? [{ text: doc.title, where: '标题', loc: {}, kind: 'cell' as const }] : []),
      ...doc.tables.flatMap((t) => [
        { text: t.title, where: `《${tableName(t)}》标题`, loc: t.loc, kind: 'cell' as const },
        ...t.rows.map((r) => ({ text: r.name, where: `《${tableName(t)}》“${r.name}”行`, loc: r.loc, kind: 'cell' as const })),
      ]),
      ...doc.projects.map((p) => ({ text: p.name, where: `项目“${p.name}”绩效目标表`, loc: p.loc, kind: 'cell' as const })),
    ];
    for (const t of texts) {
      const m = PLACEHOLDERS.exec(t.text);
      if (!m) continue;
      ctx.report({ messageId: 'placeholder', data: { where: t.where, placeholder: m[0], excerpt: excerpt(t.text, m.index) }, location: { ...t.loc, where: t.where } });
    }
  },
});
