import { Money } from '../../model/money.js';
import { halfStep, sum, val } from '../lib/figures.js';
import { fmtN } from '../lib/self-eval.js';
import { defineRule } from '../types.js';

export const selfEvalDepartmentScore = defineRule({
  meta: {
    id: 'arithmetic/self-eval-department-score',
    title: '部门总得分是各项目得分的平均',
    severity: 'warning',
    category: 'arithmetic',
    basis: 'domain.md §5.19（部门得分按项目得分平均，简单平均或按预算加权）',
    description: '部门整体自评总得分应等于各项目自评总分的简单平均或按预算数加权的平均；两者都对不上时报告。',
    example: { bad: '项目得分 100、100、70，部门总得分 95', message: '部门自评总得分 95 分，与各项目得分的简单平均 90.00 分、按预算加权平均 92.50 分都不一致。' },
    messages: {
      selfEvalDepartmentScore: '部门自评总得分 {{total}} 分，与各项目得分的简单平均 {{plain}} 分{{text}}不一致。',
    },
    appliesTo: ['self-evaluation', 'final-accounts'],
  },
  check(doc, ctx) {
    const se = doc.selfEvaluation;
    const total = val(se?.totalScore);
    if (!se || !total) return;
    const scored = se.projects.filter((p) => val(p.totalScore) !== null);
    if (scored.length < 2) return;
    const plain = sum(scored.map((p) => val(p.totalScore))).div(scored.length);
    const tol = halfStep(se.totalScore!.raw, total).plus(new Money('0.005'));
    if (total.minus(plain).abs().lessThanOrEqualTo(tol)) return;
    const budgets = scored.map((p) => val(p.budget));
    let weighted: Money | null = null;
    if (budgets.every((b) => b && b.greaterThan(0))) {
      const wsum = sum(budgets);
      weighted = sum(scored.map((p, i) => val(p.totalScore)!.times(budgets[i]!))).div(wsum);
      if (total.minus(weighted).abs().lessThanOrEqualTo(tol)) return;
    }
    ctx.report({
      messageId: 'selfEvalDepartmentScore', data: { total: fmtN(total), plain: plain.toFixed(2), text: weighted ? `、按预算加权平均 ${weighted.toFixed(2)} 分都` : '' },
      location: { ...(se.totalScore?.loc ?? {}), where: '评价结论和评价等级' },
      figures: { 总得分: total, 简单平均: plain.toDecimalPlaces(2), 加权平均: weighted?.toDecimalPlaces(2) ?? null },
      expected: plain.toDecimalPlaces(2),
      actual: total,
      difference: total.minus(plain).toDecimalPlaces(2),
    });
  },
});
