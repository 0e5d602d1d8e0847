import { BASIS } from '../lib/basis.js';
import { claimDesc, claimFigure, claimHalfStep, claimsOf, claimWhere } from '../lib/claims.js';
import { checkSame } from '../lib/compare.js';
import { val } from '../lib/figures.js';
import { defineRule } from '../types.js';

/** Names compared loosely: spaces, 项目/经费/费用/支出 endings aside. */
function looseName(s: string): string {
  return s.replace(/\s+/g, '').replace(/[（(][^)）]*[)）]/g, '').replace(/(项目|经费|费用|支出|资金)+$/g, '').replace(/费$/, '');
}

function sameProject(claimName: string, projectName: string): boolean {
  const a = looseName(claimName);
  const b = looseName(projectName);
  if (a.length < 2 || b.length < 2) return false;
  return a === b || (a.length >= 4 && b.includes(a)) || (b.length >= 4 && a.includes(b));
}

export const projectItemBudget = defineRule({
  meta: {
    id: 'narrative/project-item-budget',
    title: '说明所列项目金额与项目绩效目标表预算数一致',
    severity: 'warning',
    category: 'narrative',
    basis: BASIS.identities('10, §5.15'),
    description: '说明在项目支出中列出的项目金额 = 同名项目绩效目标表的预算数。名称按去掉“项目/经费/费用/支出”后的包含关系匹配，匹配不上时不比较。',
    example: { bad: '说明“新媒体宣传服务费20万元”，绩效目标表“新媒体宣传服务项目”预算数 15.00', message: '说明中“新媒体宣传服务费” 20.00 万元，与项目“新媒体宣传服务项目”绩效目标表预算数 15.00 万元不一致，相差 5.00 万元。' },
    messages: {
      differs: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，相差 {{difference}} 万元。',
    },
    appliesTo: ['budget'],
  },
  check(doc, ctx) {
    for (const c of claimsOf(doc, 'expenditure.projectItem')) {
      if (!c.name) continue;
      const matches = doc.projects.filter((p) => val(p.budget) && sameProject(c.name!, p.name));
      if (matches.length !== 1) continue;
      const p = matches[0];
      checkSame(ctx, {
        messageId: 'differs',
        a: { desc: claimDesc(c), figure: claimFigure(c) },
        b: { desc: `项目“${p.name}”绩效目标表预算数`, figure: p.budget },
        tolerance: claimHalfStep(c).plus('0.005'),
        location: claimWhere(c),
      });
    }
  },
});
