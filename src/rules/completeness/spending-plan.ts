/** Parts of a project's 绩效目标表 the template prints and the unit must fill. */
import { BASIS } from '../lib/basis.js';
import { defineRule } from '../types.js';

/** A goal that states when the money is to be paid ("资金支付6月50%，11月90%，12月100%"). */
const PAYMENT_SCHEDULE = /(?:资金|经费)?(?:支付|支出|拨付)(?:进度)?[^。；]{0,20}?\d{1,2}\s*月[^。；]*\d\s*[%％]/;

export const spendingPlanFilled = defineRule({
  meta: {
    id: 'completeness/spending-plan',
    expectation: true,
    title: '绩效目标表须填写资金支出计划',
    severity: 'warning',
    category: 'completeness',
    basis: `${BASIS.identities('15')}；河北省 2021 年起的项目绩效目标表样（资金支出计划栏）`,
    description: '项目绩效目标表印有“资金支出计划（%）”栏（3月底、6月底……12月底），但各期全部空白。绩效目标中另写了支付进度时，消息中一并引出。表样没有这一栏时不检查；已填写的计划是否逐期递增由 indicator/spending-plan 检查。',
    example: { bad: '资金支出计划 3月底、6月底、10月底、12月底 均为空，绩效目标写“资金支付5月40%，9月80%，12月100%”', message: '项目“网站安全检测”绩效目标表的资金支出计划（3月底、6月底、10月底、12月底）均未填写，而绩效目标中写有“资金支付5月40%，9月80%，12月100%”。' },
    messages: {
      spendingPlan: '项目“{{name}}”绩效目标表的资金支出计划（{{periods}}）均未填写{{said}}。',
    },
    fix: '按绩效目标中写明的进度填写资金支出计划（3月底、6月底、10月底、12月底的累计支出比例）',
    appliesTo: ['budget'],
  },
  check(doc, ctx) {
    for (const p of doc.projects) {
      if (!p.spendingPlan.length || p.spendingPlan.some((s) => s.percent !== null && s.percent.raw.trim())) continue;
      const goal = p.goals.map((g) => PAYMENT_SCHEDULE.exec(g)?.[0]).find((m) => m);
      const said = goal ? `，而绩效目标中写有“${goal.replace(/^\d+[.、．]\s*/, '').trim()}”` : '';
      ctx.report({
        messageId: 'spendingPlan', data: { name: p.name, periods: p.spendingPlan.map((s) => s.period).join('、'), said },
        location: { ...p.loc, where: `项目“${p.name}”资金支出计划` },
      });
    }
  },
});
