import { valueProblems } from '../lib/indicator-targets.js';
import { filled, loc, owners, squash } from '../lib/owners.js';
import { defineRule } from '../types.js';

export const malformedTarget = defineRule({
  meta: {
    id: 'indicator/malformed-target',
    title: '指标值书写错误',
    severity: 'warning',
    category: 'indicator',
    basis: 'domain.md §6（指标值的书写）',
    description: '指标值（及自评的实际完成值）书写有误：取值解析器（src/model/value.ts）报告的问题，如多余的前导 0（≥0100%）、单位写法不规范（≥100百分比）、年份重复（20222022年底）、日期无效、区间颠倒；解析器未报告时另查这些写法。评价等级标尺、缺单位或比较符、不可衡量的值由 indicator/grade-scale-target、indicator/missing-unit、indicator/unparsed-target 分别报告，这里不重复。',
    example: { bad: '时效指标：20222022年底', message: '项目“新媒体宣传服务”绩效目标表“项目完成时间”指标值“20222022年底”书写有误：年份重复。' },
    messages: {
      malformedTarget: '{{place}}“{{indicator}}”{{what}}“{{raw}}”书写有误：{{problems}}。',
    },
    fix: '按“比较符 + 数值 + 单位”重写指标值，每格只填一个指标值',
  },
  check(doc, ctx) {
    for (const o of owners(doc)) {
      for (const i of filled(o)) {
        for (const [v, what] of [[i.target, '指标值'], [i.actual, '实际完成值']] as const) {
          if (!v || !v.raw.trim()) continue;
          const problems = valueProblems(v);
          if (!problems.length) continue;
          ctx.report({ messageId: 'malformedTarget', data: { place: o.place, indicator: squash(i.level3) || squash(i.description), what, raw: v.raw.trim(), problems: problems.join('；') }, location: loc(o, i, what) });
        }
      }
    }
  },
});
