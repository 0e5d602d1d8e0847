import { BASIS } from '../lib/basis.js';
import { isSatisfaction } from '../lib/indicators.js';
import { filled, loc, owners } from '../lib/owners.js';
import { defineRule } from '../types.js';

export const missingSatisfaction = defineRule({
  meta: {
    id: 'indicator/missing-satisfaction',
    title: '缺少满意度指标',
    severity: 'warning',
    category: 'indicator',
    basis: BASIS.performance,
    description: '项目绩效目标应包括满意度指标（服务对象满意度）。',
    example: { bad: '项目目标表只有产出指标和效益指标', message: '项目“网络执法”绩效目标表没有满意度指标。' },
    messages: {
      missingSatisfaction: '{{place}}没有满意度指标。',
    },
    fix: '补充满意度指标（二级指标“服务对象满意度指标”，写明调查对象和目标值，如“≥90%”）',
  },
  check(doc, ctx) {
    for (const o of owners(doc)) {
      const inds = filled(o);
      if (!inds.length || inds.some((i) => isSatisfaction(i.level1, i.level2))) continue;
      ctx.report({ messageId: 'missingSatisfaction', data: { place: o.place }, location: loc(o, null, '') });
    }
  },
});
