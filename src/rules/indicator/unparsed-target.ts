import { isScale, repeatsName, valueProblems } from '../lib/indicator-targets.js';
import { filled, loc, owners, squash } from '../lib/owners.js';
import { defineRule } from '../types.js';

export const unparsedTarget = defineRule({
  meta: {
    id: 'indicator/unparsed-target',
    title: '指标值无法识别',
    severity: 'info',
    category: 'indicator',
    basis: 'domain.md §6（指标值的写法）',
    description: '取值解析器无法读出指标值（不是“比较符 + 数字 + 单位”、区间、期限，也不是定性等级），且没有具体问题可报。多为定性描述写成了目标，提示人工核对。',
    example: { bad: '效益指标：做好宣传网络', message: '项目“网络安全和网络宣传费用”绩效目标表“项目持续影响效果”指标值“做好宣传网络”无法识别为可衡量的目标。' },
    messages: {
      unparsedTarget: '{{place}}“{{indicator}}”指标值“{{raw}}”无法识别为可衡量的目标。',
    },
    appliesTo: ['budget'],
  },
  check(doc, ctx) {
    for (const o of owners(doc)) {
      for (const i of filled(o)) {
        const v = i.target;
        if (v.parsed || !v.raw.trim() || valueProblems(v).length || isScale(v) || repeatsName(i)) continue;
        ctx.report({ messageId: 'unparsedTarget', data: { place: o.place, indicator: squash(i.level3) || squash(i.description), raw: v.raw.trim() }, location: loc(o, i, '指标值') });
      }
    }
  },
});
