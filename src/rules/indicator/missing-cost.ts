import { z } from 'zod';
import { BASIS } from '../lib/basis.js';
import { isCost } from '../lib/indicators.js';
import { filled, loc, owners } from '../lib/owners.js';
import { defineRule } from '../types.js';

export const missingCost = defineRule({
  meta: {
    id: 'indicator/missing-cost',
    title: '缺少成本指标',
    severity: 'warning',
    category: 'indicator',
    basis: BASIS.coreIndicators,
    description: '自 2021 年起（财预〔2021〕101号）项目绩效目标应设成本指标（产出指标下的成本指标或一级成本指标）。更早年度的文件缺成本指标只作提示（当时尚未强制）。年度门槛可在配置 options.fromYear 调整。',
    example: { bad: '2022 年项目目标表只有数量、质量、时效和效益、满意度指标', message: '项目“舆情监测”绩效目标表没有成本指标。' },
    messages: {
      missingCost: '{{place}}没有成本指标。',
      missingBeforeRequired: '{{place}}没有成本指标（{{from}} 年起要求设置，本文件为 {{year}} 年度，仅作提示）。',
    },
    fix: '补充成本指标（如“项目成本控制在预算数以内”，指标值写明金额上限）',
    options: z.object({ fromYear: z.number().int().default(2021) }).strict(),
  },
  check(doc, ctx) {
    const from = Number(ctx.options.fromYear ?? 2021);
    // Before the requirement the gap is still worth knowing, but it breaks no rule of its time.
    const early = doc.year !== null && doc.year < from;
    for (const o of owners(doc)) {
      const inds = filled(o);
      if (!inds.length || inds.some((i) => isCost(i.level1, i.level2))) continue;
      ctx.report({
        ...(early ? { messageId: 'missingBeforeRequired', data: { place: o.place, from, year: String(doc.year) } } : { messageId: 'missingCost', data: { place: o.place } }),
        location: loc(o, null, ''),
        advisory: early,
      });
    }
  },
});
