import { z } from 'zod';
import { BASIS } from '../lib/basis.js';
import { level1Name } from '../lib/indicators.js';
import { loc } from '../lib/owners.js';
import { defineRule } from '../types.js';

export const standardWeights = defineRule({
  meta: {
    id: 'indicator/standard-weights',
    title: '自评分值与规定权重不同',
    severity: 'info',
    category: 'indicator',
    basis: `${BASIS.performance}（原则上预算执行率 10 分、产出 50 分、效益 30 分、满意度 10 分）`,
    description: '项目自评表各一级指标分值与规定（默认 10 号文：执行率 10、产出 50、效益 30、满意度 10）不同。各省办法不同，在配置 options.weights 中按地方规定设置（如河北 2022：产出 40、效益 40）。',
    example: { bad: '产出指标（40）、效益指标（40）', message: '项目“党建活动经费”绩效自评表分值为 产出指标 40、效益指标 40、满意度指标 10、预算执行率 10，与规定的 产出指标 50、效益指标 30、满意度指标 10、预算执行率 10 不同。' },
    messages: {
      standardWeights: '项目“{{name}}”绩效自评表分值为 {{actual}}，与规定的 {{expected}} 不同。',
    },
    appliesTo: ['self-evaluation', 'final-accounts'],
    options: z.object({ weights: z.record(z.string(), z.number().min(0)).default({ 产出指标: 50, 效益指标: 30, 满意度指标: 10, 预算执行率: 10 }) }).strict(),
  },
  check(doc, ctx) {
    const expected = ctx.options.weights as Record<string, number>;
    for (const p of doc.selfEvaluation?.projects ?? []) {
      if (!Object.keys(p.weights).length) continue;
      const actual: Record<string, number> = {};
      for (const [k, v] of Object.entries(p.weights)) actual[/执行率/.test(k) ? '预算执行率' : level1Name(k)] = v;
      if (actual['预算执行率'] === undefined && p.executionWeight !== null) actual['预算执行率'] = p.executionWeight;
      const differs = Object.keys(expected).some((k) => actual[k] !== undefined && actual[k] !== expected[k]);
      if (!differs) continue;
      const show = (w: Record<string, number>) => Object.keys(expected).filter((k) => w[k] !== undefined).map((k) => `${k} ${w[k]}`).join('、');
      ctx.report({ messageId: 'standardWeights', data: { name: p.name, actual: show(actual), expected: show(expected) }, location: { ...p.loc, where: `项目“${p.name}”绩效自评表` } });
    }
  },
});
