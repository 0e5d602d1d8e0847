import { z } from 'zod';
import { BASIS } from '../lib/basis.js';
import { val } from '../lib/figures.js';
import { fmtN } from '../lib/self-eval.js';
import { defineRule } from '../types.js';

const GRADES: [RegExp, string][] = [
  [/优/, '优'],
  [/良/, '良'],
  [/中|一般|合格/, '中'],
  [/差|不合格/, '差'],
];

function gradeOf(text: string): string | null {
  for (const [re, g] of GRADES) if (re.test(text)) return g;
  return null;
}

export const selfEvalGrade = defineRule({
  meta: {
    id: 'arithmetic/self-eval-grade',
    title: '评价等级与总得分相符',
    severity: 'error',
    category: 'arithmetic',
    basis: `${BASIS.performance}（优 ≥ 90，良 80–<90，中 60–<80，差 < 60）`,
    description: '自评报告所写等级须与总得分对应：优 ≥ 90，良 ≥ 80，中 ≥ 60，其余为差。分档可在配置 options.thresholds 中按地方办法调整。',
    example: { bad: '总得分 86 分，等级“优秀”', message: '自评总得分 86 分应评为“良”，报告写作“优秀”。' },
    messages: {
      selfEvalGrade: '自评总得分 {{total}} 分应评为“{{expected}}”，报告写作“{{grade}}”。',
    },
    appliesTo: ['self-evaluation', 'final-accounts'],
    options: z.object({ thresholds: z.object({ 优: z.number(), 良: z.number(), 中: z.number() }).strict().default({ 优: 90, 良: 80, 中: 60 }) }).strict(),
  },
  check(doc, ctx) {
    const se = doc.selfEvaluation;
    const total = val(se?.totalScore);
    if (!se || !total || !se.grade) return;
    const stated = gradeOf(se.grade);
    if (!stated) return;
    const th = ctx.options.thresholds as Record<string, number>;
    const expected = total.greaterThanOrEqualTo(th['优']) ? '优' : total.greaterThanOrEqualTo(th['良']) ? '良' : total.greaterThanOrEqualTo(th['中']) ? '中' : '差';
    if (expected === stated) return;
    ctx.report({
      messageId: 'selfEvalGrade', data: { total: fmtN(total), expected, grade: se.grade },
      location: { ...(se.totalScore?.loc ?? {}), where: '评价结论和评价等级' },
      figures: { 总得分: total },
      actual: total,
    });
  },
});
