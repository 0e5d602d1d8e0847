import { BASIS } from '../lib/basis.js';
import { excerpt } from '../lib/texts.js';
import { defineRule } from '../types.js';

function goalText(s: string): string {
  return s.replace(/\s+/g, '').replace(/^[（(]?[0-9一二三四五六七八九十]+[)）、.．]+/, '').replace(/[。.；;，,]+$/, '');
}

export const duplicateGoal = defineRule({
  meta: {
    id: 'text-quality/duplicate-goal',
    title: '同一项目的绩效目标重复',
    severity: 'warning',
    category: 'text-quality',
    basis: `${BASIS.performance}（绩效目标应分条写明预期产出和效果）；domain.md §8（复制粘贴）`,
    description: '项目绩效目标表中两条（或更多）绩效目标文字相同（忽略序号、空白和句末标点），多为复制第一条后忘了改写。',
    example: { bad: '“1、按月足额发放聘用人员报酬 2、按月足额发放聘用人员报酬”', message: '项目“聘用人员经费”绩效目标表第 1、2 条绩效目标相同：“按月足额发放聘用人员报酬”。' },
    messages: {
      duplicateGoal: '项目“{{name}}”绩效目标表第 {{numbers}} 条绩效目标相同：“{{excerpt}}”。',
    },
    fix: '删除重复的绩效目标，或改写为不同的目标',
    appliesTo: ['budget'],
  },
  check(doc, ctx) {
    for (const p of doc.projects) {
      const byText = new Map<string, number[]>();
      p.goals.forEach((g, i) => {
        const t = goalText(g);
        if (t.length < 4) return;
        byText.set(t, [...(byText.get(t) ?? []), i + 1]);
      });
      for (const [t, at] of byText) {
        if (at.length < 2) continue;
        ctx.report({ messageId: 'duplicateGoal', data: { name: p.name, numbers: at.join('、'), excerpt: excerpt(t) }, location: { ...p.loc, where: `项目“${p.name}”绩效目标表绩效目标` } });
      }
    }
  },
});
