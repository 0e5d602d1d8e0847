import { BASIS } from '../lib/basis.js';
import { val } from '../lib/figures.js';
import { loc } from '../lib/owners.js';
import { defineRule } from '../types.js';

export const spendingPlan = defineRule({
  meta: {
    id: 'indicator/spending-plan',
    title: '资金支出计划逐期递增并达到 100%',
    severity: 'warning',
    category: 'indicator',
    basis: BASIS.identities('15'),
    description: '项目绩效目标表的资金支出计划（%）是累计进度：后一期不低于前一期，最后一期（12月底）达到 100%。全部空白时不检查。',
    example: { bad: '3月底 30%，6月底 20%，12月底 90%', message: '项目“视频会议系统运行维护”资金支出计划 6月底 20% 低于 3月底 30%；最后一期 12月底 为 90%，未达到 100%。' },
    messages: {
      spendingPlan: '项目“{{name}}”资金支出计划 {{problems}}。',
    },
    appliesTo: ['budget'],
  },
  check(doc, ctx) {
    for (const p of doc.projects) {
      const stated = p.spendingPlan.filter((s) => val(s.percent) !== null);
      if (!stated.length) continue;
      const problems: string[] = [];
      for (let k = 1; k < stated.length; k++) {
        const prev = val(stated[k - 1].percent)!;
        const cur = val(stated[k].percent)!;
        if (cur.lessThan(prev)) problems.push(`${stated[k].period} ${cur.toString()}% 低于 ${stated[k - 1].period} ${prev.toString()}%`);
      }
      const last = stated[stated.length - 1];
      const lastV = val(last.percent)!;
      if (lastV.lessThan(100)) problems.push(`最后一期 ${last.period} 为 ${lastV.toString()}%，未达到 100%`);
      if (lastV.greaterThan(100)) problems.push(`最后一期 ${last.period} 为 ${lastV.toString()}%，超过 100%`);
      if (!problems.length) continue;
      ctx.report({ messageId: 'spendingPlan', data: { name: p.name, problems: problems.join('；') }, location: { ...p.loc, where: `项目“${p.name}”资金支出计划` } });
    }
  },
});
