import { BASIS } from '../lib/basis.js';
import { claimsOf } from '../lib/claims.js';
import { amount, val } from '../lib/figures.js';
import { headline } from '../lib/headline.js';
import { defineRule } from '../types.js';

export const performanceTables = defineRule({
  meta: {
    id: 'completeness/performance-tables',
    expectation: true,
    title: '有项目支出须公开项目绩效目标表',
    severity: 'warning',
    category: 'completeness',
    basis: `${BASIS.performance}；各地预算绩效信息公开要求`,
    description: '项目支出大于 0（表格、说明或摘要）而文件中没有任何项目绩效目标表时报告。',
    example: { bad: '项目支出 63.85 万元，文件中无绩效目标表', message: '项目支出 63.85 万元，但文件中没有项目绩效目标表。' },
    messages: {
      performanceTables: '项目支出 {{projects}} 万元，但文件中没有项目绩效目标表。',
    },
    appliesTo: ['budget'],
  },
  check(doc, ctx) {
    if (doc.projects.length) return;
    const h = headline(doc, 'project');
    const c = claimsOf(doc, 'expenditure.project')[0];
    const v = h ? val(h.figure) : (c?.value ?? null);
    if (!v || !v.greaterThan(0)) return;
    ctx.report({ messageId: 'performanceTables', data: { projects: amount(v) }, location: { where: '预算绩效信息' }, actual: v });
  },
});
