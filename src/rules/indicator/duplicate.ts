import type { Indicator } from '../../model/disclosure.js';
import { level1Name, level2Name } from '../lib/indicators.js';
import { filled, loc, owners, squash } from '../lib/owners.js';
import { defineRule } from '../types.js';

export const duplicate = defineRule({
  meta: {
    id: 'indicator/duplicate',
    title: '重复的指标行',
    severity: 'warning',
    category: 'indicator',
    basis: 'domain.md §6；文本质量（复制粘贴）',
    description: '同一项目中一级、二级、三级指标和指标值都相同的行出现两次以上。',
    example: { bad: '同一表中两行“质量指标 / 专款专用率 / 100%”', message: '项目“新媒体宣传服务”绩效目标表指标“专款专用率”（质量指标，指标值“100%”）重复出现 2 次。' },
    messages: {
      duplicate: '{{place}}指标“{{indicator}}”（{{level2}}，指标值“{{raw}}”）重复出现 {{times}} 次。',
    },
  },
  check(doc, ctx) {
    for (const o of owners(doc)) {
      const counts = new Map<string, { n: number; i: Indicator }>();
      for (const i of filled(o)) {
        const key = [level1Name(i.level1), level2Name(i.level2), squash(i.level3), squash(i.target.raw)].join('|');
        const c = counts.get(key);
        if (c) c.n++;
        else counts.set(key, { n: 1, i });
      }
      for (const { n, i } of counts.values()) {
        if (n < 2) continue;
        ctx.report({ messageId: 'duplicate', data: { place: o.place, indicator: squash(i.level3), level2: squash(i.level2), raw: i.target.raw.trim(), times: n }, location: loc(o, i, '') });
      }
    }
  },
});
