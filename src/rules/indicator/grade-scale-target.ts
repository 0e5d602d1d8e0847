import { BASIS } from '../lib/basis.js';
import { isScale } from '../lib/indicator-targets.js';
import { filled, loc, owners, squash } from '../lib/owners.js';
import { defineRule } from '../types.js';

export const gradeScaleTarget = defineRule({
  meta: {
    id: 'indicator/grade-scale-target',
    title: '把评价等级表当作指标值',
    severity: 'warning',
    category: 'indicator',
    basis: `${BASIS.performance}（指标值应为可衡量的目标）`,
    description: '指标值写成“优.良.中.差”这样的等级表，没有给出要达到的目标（应写明如“优”或“≥90分”）。',
    example: { bad: '社会效益指标：优.良.中.差', message: '项目“互联网专业培训”绩效目标表“通过培训,弘扬主旋律”指标值“优.良.中.差”是评价等级表，不是目标值。' },
    messages: {
      gradeScaleTarget: '{{place}}“{{indicator}}”指标值“{{raw}}”是评价等级表，不是目标值。',
    },
    fix: '把评价等级表改为具体的目标值（如“≥90%”或“优”）',
    appliesTo: ['budget'],
  },
  check(doc, ctx) {
    for (const o of owners(doc)) {
      for (const i of filled(o)) {
        if (!isScale(i.target)) continue;
        ctx.report({ messageId: 'gradeScaleTarget', data: { place: o.place, indicator: squash(i.level3) || squash(i.description), raw: i.target.raw.trim() }, location: loc(o, i, '指标值') });
      }
    }
  },
});
