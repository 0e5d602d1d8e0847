import type { Disclosure } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { claimsOf } from '../lib/claims.js';
import { tablesOf } from '../lib/tables.js';
import { defineRule } from '../types.js';

interface Part {
  name: string;
  present: (doc: Disclosure, text: string) => boolean;
}

const PARTS: Part[] = [
  { name: '部门职责', present: (d, text) => d.duties.length > 0 || /职责|职能/.test(text) },
  { name: '机构设置', present: (d, text) => d.units.length > 0 || /机构设置|单位构成|内设机构/.test(text) },
  { name: '收入说明', present: (d, text) => claimsOf(d, 'revenue.total').length > 0 || /收入(说明|预算|情况)/.test(text) },
  { name: '支出说明', present: (d, text) => claimsOf(d, 'expenditure.total').length > 0 || /支出(说明|预算|情况)/.test(text) },
  { name: '机关运行经费', present: (d, text) => claimsOf(d, 'operatingCosts.total').length > 0 || tablesOf(d, 'operating-costs').length > 0 || /机关运行(经)?费/.test(text) },
  { name: '“三公”经费', present: (d, text) => tablesOf(d, 'three-public').length > 0 || d.claims.some((c) => c.subject.startsWith('threePublic.')) || /三公/.test(text) },
  { name: '预算绩效信息', present: (d, text) => d.projects.length > 0 || !!d.performance.overallGoal || /绩效/.test(text) },
  { name: '政府采购', present: (d, text) => d.procurement.items.length > 0 || claimsOf(d, 'procurement.total').length > 0 || /政府采购/.test(text) },
  { name: '国有资产', present: (d, text) => d.assets.rows.length > 0 || tablesOf(d, 'assets').length > 0 || /国有资产|固定资产/.test(text) },
  { name: '名词解释', present: (d, text) => d.glossary.length > 0 || /名词解释/.test(text) },
];

export const sections = defineRule({
  meta: {
    id: 'completeness/sections',
    expectation: true,
    title: '预算说明各部分齐全',
    severity: 'warning',
    category: 'completeness',
    basis: `${BASIS.procedure}；domain.md §2（说明的九个部分）`,
    description: '部门预算说明应包括：部门职责、机构设置、收入说明、支出说明、机关运行经费、“三公”经费、预算绩效信息、政府采购、国有资产、名词解释。按模型中已识别的内容和段落文字判断；文件没有说明部分（段落中只见到不到四个部分，多为只含表格的文件）时不检查。',
    example: { bad: '说明中没有政府采购和国有资产的内容', message: '预算说明缺少以下部分：政府采购、国有资产。' },
    messages: {
      sections: '预算说明缺少以下部分：{{missing}}。',
    },
    appliesTo: ['budget'],
  },
  check(doc, ctx) {
    if (!doc.paragraphs.length) return;
    const text = doc.paragraphs.map((p) => `${p.section ?? ''} ${p.text}`).join('\n');
    const missing = PARTS.filter((p) => !p.present(doc, text)).map((p) => p.name);
    // A file with hardly any of the parts is a tables-only file with a few captions, not a 说明 with gaps.
    if (!missing.length || PARTS.length - missing.length < 4) return;
    ctx.report({ messageId: 'sections', data: { missing: missing.join('、') }, location: { where: '预算说明' } });
  },
});
