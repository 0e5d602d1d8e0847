import { BASIS } from '../lib/basis.js';
import { loc, owners, squash } from '../lib/owners.js';
import { defineRule } from '../types.js';

export const missingLevel3 = defineRule({
  meta: {
    id: 'indicator/missing-level3',
    title: '缺少三级指标名称',
    severity: 'warning',
    category: 'indicator',
    basis: `${BASIS.performance}（三级指标是具体的考核内容）`,
    description: '指标行填了指标值或描述，却没有三级指标名称。',
    example: { bad: '产出指标 / 时效指标 / （空）/ 及时足额发放 / ≥0100%', message: '项目“劳动聘用人员”绩效目标表有一行时效指标没有三级指标名称（描述“及时足额发放”）。' },
    messages: {
      missingLevel3: '{{place}}有一行{{level2}}没有三级指标名称（{{text}}）。',
    },
    fix: '填写该行的三级指标名称',
  },
  check(doc, ctx) {
    for (const o of owners(doc)) {
      for (const i of o.indicators) {
        const l3 = squash(i.level3).replace(/^指标\d*[:：]?/, '');
        if (l3) continue;
        if (!squash(i.target.raw) && !squash(i.description)) continue;
        const desc = squash(i.description);
        ctx.report({
          messageId: 'missingLevel3', data: { place: o.place, level2: squash(i.level2) || squash(i.level1), text: desc ? `描述“${desc}”` : `指标值“${i.target.raw.trim()}”` },
          location: loc(o, i, ''),
        });
      }
    }
  },
});
