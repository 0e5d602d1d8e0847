import { describeGrades } from '../../score/index.js';
import { BASIS } from '../lib/basis.js';
import { APPLIES } from '../lib/rescore.js';
import { SCORING_OPTIONS, scoringOf } from '../lib/scorecard.js';
import { defineRule } from '../types.js';

export const rescoredGrade = defineRule({
  meta: {
    id: 'arithmetic/rescored-grade',
    title: '评价等级与重新计分的总得分不符',
    severity: 'warning',
    category: 'arithmetic',
    basis: `${BASIS.performance}（优 ≥ 90，良 80–<90，中 60–<80，差 < 60，分档见计分办法）`,
    description: '按重新计分的部门总得分（见 arithmetic/rescored-department-score）定等级，与报告所写等级比较。所写等级与所写总得分不符的，由 arithmetic/self-eval-grade 报告。',
    example: { bad: '报告写“总得分 92 分为优秀”，重新计分后为 78.40 分', message: '部门自评等级写作“优秀”，按重新计分的总得分 78.40 分应为“中”（优 ≥ 90、良 80–90、中 60–80、差 < 60）。' },
    messages: {
      rescoredGrade: '部门自评等级写作“{{statedGrade}}”，按重新计分的总得分 {{computed}} 分应为“{{grade}}”（{{profile}}）。',
    },
    appliesTo: APPLIES,
    options: SCORING_OPTIONS,
  },
  check(doc, ctx) {
    const scoring = scoringOf(doc, ctx);
    const d = scoring?.card.department;
    if (!scoring || !d || !d.computed || !d.grade || !d.statedGradeKey || d.statedGradeKey === d.grade.grade) return;
    const profile = scoring.profile;
    ctx.report({
      messageId: 'rescoredGrade', data: { statedGrade: String(d.statedGrade), computed: d.computed.toFixed(2), grade: d.grade.grade, profile: describeGrades(profile) },
      location: { ...(doc.selfEvaluation!.totalScore?.loc ?? {}), where: '评价结论和评价等级' },
      figures: { 重新计分: d.computed },
      actual: d.computed,
    });
  },
});
