import { BASIS } from '../lib/basis.js';
import { claimsOf } from '../lib/claims.js';
import { checkAtMost } from '../lib/compare.js';
import { asFigure, sum, val } from '../lib/figures.js';
import { headline } from '../lib/headline.js';
import { tableOf, totalRow } from '../lib/tables.js';
import { sumTolerance } from '../../model/tolerance.js';
import { defineRule } from '../types.js';

export const projectBudgetsWithin = defineRule({
  meta: {
    id: 'completeness/project-budgets-within',
    title: '绩效目标表预算合计不超过项目支出',
    severity: 'error',
    category: 'completeness',
    basis: BASIS.identities('15'),
    description: '各项目绩效目标表预算数之和 ≤ 项目支出（每个项目都有目标表时应相等，相差时多为漏表）。部门主管专项资金的绩效目标表不计入；各表预算数分别四舍五入，合计容差按每个数半个末位累计；超出部分不超过支出总表另列的经营支出、上缴上级、对附属单位补助时不报（项目清单可含这些用途的项目）。',
    example: { bad: '两张目标表预算数 40.00、30.00，项目支出 63.85', message: '各项目绩效目标表预算数合计 70.00 万元，超过项目支出（《部门预算支出总表》“合计”行“项目支出”列） 63.85 万元，超出 6.15 万元。' },
    messages: {
      exceeds: '各项目绩效目标表预算数合计 {{actual}} 万元，超过{{b}} {{limit}} 万元，超出 {{difference}} 万元。',
    },
    appliesTo: ['budget'],
  },
  check(doc, ctx) {
    // 部门主管专项资金 are managed for others: they are no part of the department's 项目支出.
    const printed = doc.projects.filter((p) => !p.managedFund && val(p.budget)).map((p) => p.budget!);
    const budgets = printed.map((f) => val(f)!);
    if (!budgets.length) return;
    const h = headline(doc, 'project');
    const c = claimsOf(doc, 'expenditure.project')[0];
    const whole = h ? { desc: `项目支出（${h.desc}）`, figure: h.figure } : c ? { desc: '项目支出（说明）', figure: asFigure(c.value!, c.value!.toString()) } : null;
    if (!whole) return;
    const total = sum(budgets);
    // A list of projects may count a project the 支出总表 books as 经营支出 (or 上缴上级, 对附属单位补助):
    // an excess those columns explain is a template's way of booking, not a missing or extra form.
    const t3 = tableOf(doc, 'expenditure');
    const t3Total = t3 && totalRow(t3);
    const elsewhere = sum(['operating', 'toSuperior', 'toSubsidiary'].map((k) => val(t3Total?.values[k] ?? null)).filter((v) => v !== null));
    const excess = total.minus(val(whole.figure) ?? total);
    if (excess.greaterThan(0) && !elsewhere.isZero() && excess.lessThanOrEqualTo(elsewhere)) return;
    checkAtMost(ctx, {
      messageId: 'exceeds',
      a: { desc: '各项目绩效目标表预算数合计', figure: asFigure(total, total.toString()) },
      b: whole,
      // Each form's budget is rounded on its own: their sum may stray by half a step per form.
      tolerance: sumTolerance([...printed, whole.figure]),
      location: { where: '项目绩效目标表' },
    });
  },
});
