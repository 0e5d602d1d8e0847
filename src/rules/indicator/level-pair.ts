import type { Finding } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { level1Name, level2Name, LEVEL_PAIRS } from '../lib/indicators.js';
import { filled, loc, owners, squash } from '../lib/owners.js';
import { defineRule } from '../types.js';

export const levelPair = defineRule({
  meta: {
    id: 'indicator/level-pair',
    title: '一级、二级指标搭配符合指标体系',
    severity: 'warning',
    category: 'indicator',
    basis: `${BASIS.performance}；${BASIS.coreIndicators}`,
    description: '产出指标下为数量、质量、时效、成本指标；效益指标（“效果指标”视为同义）下为经济效益、社会效益、生态效益、可持续影响指标；满意度指标下为服务对象满意度指标；按 101 号文把成本指标作为一级时，下为经济成本、社会成本、生态环境成本指标。同一项目同一搭配只报告一次。',
    example: { bad: '满意度指标 / 满意度指标 / 党员满意度', message: '项目“党建活动经费”绩效自评表二级指标“满意度指标”不属于一级指标“满意度指标”（应为：服务对象满意度指标）。' },
    messages: {
      unknownLevel1: '{{place}}一级指标“{{level1}}”不在指标体系中（应为产出、效益、满意度或成本指标）。',
      wrongLevel2: '{{place}}二级指标“{{level2}}”不属于一级指标“{{level1}}”（应为：{{allowed}}）。',
    },
    fix: levelPairFix,
  },
  check(doc, ctx) {
    for (const o of owners(doc)) {
      const seen = new Set<string>();
      for (const i of filled(o)) {
        const l1 = level1Name(i.level1);
        const l2 = level2Name(i.level2);
        if (!l1 || !l2) continue;
        const allowed = LEVEL_PAIRS[l1];
        const key = `${l1}|${l2}`;
        if (seen.has(key)) continue;
        if (!allowed) {
          seen.add(key);
          ctx.report({ messageId: 'unknownLevel1', data: { place: o.place, level1: squash(i.level1) }, location: loc(o, i, '一级指标') });
          continue;
        }
        if (allowed.includes(l2)) continue;
        seen.add(key);
        ctx.report({ messageId: 'wrongLevel2', data: { place: o.place, level2: squash(i.level2), level1: squash(i.level1).replace(/[（(][^）)]*[)）]/g, ''), allowed: allowed.join('、') }, location: loc(o, i, '二级指标') });
      }
    }
  },
});

/** 将二级指标“满意度指标”改为“服务对象满意度指标”: the level-2 names the framework allows under the level-1. */
function levelPairFix(f: Finding): string | undefined {
  const one = /一级指标“([^”]+)”不在指标体系中/.exec(f.message);
  if (one) return `将一级指标“${one[1]}”改为“产出指标”“效益指标”“满意度指标”或“成本指标”中相应的一个`;
  const m = /二级指标“([^”]+)”不属于一级指标“[^”]+”（应为：([^）]+)）/.exec(f.message);
  if (!m) return undefined;
  return `将二级指标“${m[1]}”改为${m[2].split('、').map((x) => `“${x}”`).join('或')}`;
}
