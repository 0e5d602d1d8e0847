import { repeatsName } from '../lib/indicator-targets.js';
import { filled, loc, owners, squash } from '../lib/owners.js';
import { defineRule } from '../types.js';

export const nameAsTarget = defineRule({
  meta: {
    id: 'indicator/name-as-target',
    title: '指标值重复了指标名称',
    severity: 'warning',
    category: 'indicator',
    basis: 'domain.md §6（畸形指标值：重复指标名称）',
    description: '指标值与三级指标名称或指标描述相同（如三级指标“专款专用率”、指标值“专款专用”），没有给出目标。',
    example: { bad: '三级指标“专款专用率”，描述“专款专用”，指标值“专款专用”', message: '项目“网络安全和网络宣传费用”绩效目标表“专款专用率”指标值“专款专用”只是重复了指标名称或描述。' },
    messages: {
      nameAsTarget: '{{place}}“{{indicator}}”指标值“{{raw}}”只是重复了指标名称或描述。',
    },
    fix: '填写可衡量的目标值（比较符 + 数值 + 单位，或明确的完成时间、等级），不要重复指标名称',
  },
  check(doc, ctx) {
    for (const o of owners(doc)) {
      for (const i of filled(o)) {
        if (!repeatsName(i)) continue;
        ctx.report({ messageId: 'nameAsTarget', data: { place: o.place, indicator: squash(i.level3) || squash(i.description), raw: i.target.raw.trim() }, location: loc(o, i, '指标值') });
      }
    }
  },
});
