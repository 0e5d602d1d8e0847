import { filled, loc, owners, squash } from '../lib/owners.js';
import { defineRule } from '../types.js';

export const missingUnit = defineRule({
  meta: {
    id: 'indicator/missing-unit',
    title: '指标值缺少计量单位',
    severity: 'warning',
    category: 'indicator',
    basis: 'domain.md §6（指标值 = 比较符 + 数字 + 单位）',
    description: '指标值只有数字（如“≥10”“100”），没有计量单位（次、个、%、万元……），无法判断目标的含义。',
    example: { bad: '数量指标“培训次数”：≥10', message: '项目“互联网专业培训”绩效目标表“培训次数”指标值“≥10”只有数字，缺少计量单位。' },
    messages: {
      missingUnit: '{{place}}“{{indicator}}”指标值“{{raw}}”只有数字，缺少计量单位{{andOperator}}。',
    },
    fix: '在数值后写明计量单位（如“次”“个”“%”），并写明比较符（≥、≤、=）',
  },
  check(doc, ctx) {
    for (const o of owners(doc)) {
      for (const i of filled(o)) {
        const v = i.target;
        if (v.value === null || v.unit || v.level || v.deadline) continue;
        ctx.report({ messageId: 'missingUnit', data: { place: o.place, indicator: squash(i.level3) || squash(i.description), raw: v.raw.trim(), andOperator: v.operator ? '' : '和比较符' }, location: loc(o, i, '指标值') });
      }
    }
  },
});
