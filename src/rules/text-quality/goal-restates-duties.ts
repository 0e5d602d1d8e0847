import { z } from 'zod';
import { BASIS } from '../lib/basis.js';
import { defineRule } from '../types.js';

function bigrams(s: string): Set<string> {
  const n = s.replace(/[\s，,。；;：:、“”"（）()]/g, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < n.length; i++) out.add(n.slice(i, i + 2));
  return out;
}

/** Share of the text's character pairs that the duties also hold. */
function overlap(text: string, duties: Set<string>): { ratio: number; size: number } {
  const g = bigrams(text);
  let common = 0;
  for (const b of g) if (duties.has(b)) common++;
  return { ratio: g.size ? common / g.size : 0, size: g.size };
}

export const goalRestatesDuties = defineRule({
  meta: {
    id: 'text-quality/goal-restates-duties',
    title: '整体绩效目标照抄部门职责',
    severity: 'warning',
    category: 'text-quality',
    basis: `${BASIS.performance}（绩效目标应写明预期产出和效果）；domain.md §8`,
    description: '部门整体（总体）绩效目标的文字八成以上与部门职责相同：目标只是重述职责，没有说明年度要达到的产出和效果。分项绩效目标的目标或指标文字八成以上与职责相同时另报一条，列出这些分项。',
    example: { bad: '总体绩效目标一段就是“主要职责是：负责处理……”的原文', message: '部门整体绩效目标与部门职责的文字重合 96%，目标只是重述职责。' },
    messages: {
      overallGoal: '部门整体绩效目标与部门职责的文字重合 {{percent}}%，目标只是重述职责。',
      subGoals: '分项绩效目标 {{goals}} 项中有 {{copied}} 项（{{names}}）的绩效目标或绩效指标与部门职责的文字重合八成以上，只是重述职责。',
    },
    appliesTo: ['budget'],
    options: z.object({ threshold: z.number().min(0).max(1).default(0.8) }).strict(),
  },
  check(doc, ctx) {
    if (!doc.duties.length) return;
    const threshold = Number(ctx.options.threshold ?? 0.8);
    const d = bigrams(doc.duties.join(''));
    const goal = doc.performance.overallGoal;
    if (goal) {
      const o = overlap(goal, d);
      if (o.size >= 20 && o.ratio >= threshold) {
        ctx.report({ messageId: 'overallGoal', data: { percent: Math.round(o.ratio * 100) }, location: { where: '部门整体绩效目标' } });
      }
    }
    const copied = doc.performance.subGoals.filter((g) =>
      [g.goal, g.indicators].some((t) => {
        if (!t) return false;
        const o = overlap(t, d);
        return o.size >= 20 && o.ratio >= threshold;
      }),
    );
    if (!copied.length) return;
    ctx.report({
      messageId: 'subGoals', data: { goals: doc.performance.subGoals.length, copied: copied.length, names: copied.map((g) => `“${g.name}”`).join('') },
      location: { ...copied[0].loc, where: '分项绩效目标' },
    });
  },
});
