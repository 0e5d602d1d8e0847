import { BASIS } from '../lib/basis.js';
import { filled, loc, owners, squash } from '../lib/owners.js';
import { defineRule } from '../types.js';

export const missingBasis = defineRule({
  meta: {
    id: 'indicator/missing-basis',
    title: '指标值确定依据未填写',
    severity: 'info',
    category: 'indicator',
    basis: `${BASIS.performance}；domain.md §6（指标值确定依据：工作计划、历史经验……）`,
    description: '预算绩效目标表中，一个项目的全部指标都没有填写“指标值确定依据”（工作计划、历史经验、行业标准……）。只要有一行填写即不报告。只检查印有“指标值确定依据”栏的表样（上海等地的表样和自评表没有这一栏）；模型未记录该栏时，以是否有“绩效指标描述”栏推断（河北等地的表样中两栏同时出现）。',
    example: { bad: '项目绩效目标表各行“指标值确定依据”一栏均为空', message: '项目“网络执法”绩效目标表 2 个指标的指标值确定依据均未填写。' },
    messages: {
      missingBasis: '{{place}} {{rowsCount}} 个指标的指标值确定依据均未填写。',
    },
    appliesTo: ['budget'],
  },
  check(doc, ctx) {
    for (const o of owners(doc)) {
      if (o.kind !== 'target') continue;
      const rows = filled(o);
      if (!rows.length || rows.some((i) => squash(i.basis))) continue;
      // A model read before the column was recorded: the 绩效指标描述 column comes with it in the
      // layouts that print it (Hebei), and Shanghai's layout has neither.
      const hasColumn = o.hasBasisColumn ?? rows.some((i) => squash(i.description));
      if (!hasColumn) continue;
      ctx.report({ messageId: 'missingBasis', data: { place: o.place, rowsCount: rows.length }, location: loc(o, null, '') });
    }
  },
});
