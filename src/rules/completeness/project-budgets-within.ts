import { BASIS } from '../lib/basis.js';
import { claimsOf } from '../lib/claims.js';
import { checkAtMost } from '../lib/compare.js';
import { asFigure, sum, val } from '../lib/figures.js';
import { headline } from '../lib/headline.js';
import { defineRule } from '../types.js';

export const projectBudgetsWithin = defineRule({
  meta: {
    id: 'completeness/project-budgets-within',
    title: '绩效目标表预算合计不超过项目支出',
    severity: 'error',
    category: 'completeness',
    basis: BASIS.identities('15'),
    description: '各项目绩效目标表预算数之和 ≤ 项目支出（每个项目都有目标表时应相等，相差时多为漏表）。部门主管专项资金的绩效目标表不计入。',
    example: { bad: '两张目标表预算数 40.00、30.00，项目支出 63.85', message: '各项目绩效目标表预算数合计 70.00 万元，超过项目支出（《部门预算支出总表》“合计”行“项目支出”列） 63.85 万元，超出 6.15 万元。' },
    appliesTo: ['budget'],
  },
  check(doc, ctx) {
    // 部门主管专项资金 are managed for others: they are no part of the department's 项目支出.
    const budgets = doc.projects.filter((p) => !p.managedFund).map((p) => val(p.budget)).filter((v) => v !== null);
    if (!budgets.length) return;
    const h = headline(doc, 'project');
    const c = claimsOf(doc, 'expenditure.project')[0];
    const whole = h ? { desc: `项目支出（${h.desc}）`, figure: h.figure } : c ? { desc: '项目支出（说明）', figure: asFigure(c.value!, c.value!.toString()) } : null;
    if (!whole) return;
    const total = sum(budgets);
    checkAtMost(ctx, {
      a: { desc: '各项目绩效目标表预算数合计', figure: asFigure(total, total.toString()) },
      b: whole,
      location: { where: '项目绩效目标表' },
    });
  },
});
