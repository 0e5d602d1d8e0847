import { BASIS } from '../lib/basis.js';
import { filled, loc, owners, squash } from '../lib/owners.js';
import { defineRule } from '../types.js';

type Measure = 'count' | 'rate';

const MEASURE_NAMES: Record<Measure, string> = { count: '次数、人数等计数', rate: '比率' };

/** What an indicator name measures, judged only from its ending; null when the ending says nothing. */
export function measureOf(name: string | null | undefined): Measure | null {
  const n = squash(name).replace(/[。.，,；;：:]+$/, '');
  if (/(次数|人次|人数|个数|件数|场次|条数|户数|家数|篇数|期数|数量)$/.test(n)) return 'count';
  if (/(率|比例|占比|比重)$/.test(n)) return 'rate';
  return null;
}

export const nameDescriptionMismatch = defineRule({
  meta: {
    id: 'indicator/name-description-mismatch',
    title: '三级指标与指标描述所指不同',
    severity: 'warning',
    category: 'indicator',
    basis: `${BASIS.performance}（三级指标、指标描述和指标值应对应同一考核内容）`,
    description: '三级指标名称与绩效指标描述一个是计数（……次数、人数、数量），一个是比率（……率、比例），说的不是同一件事，多为复制其他指标行后未改全。名称或描述的结尾看不出计量类别时不判断。',
    example: { bad: '三级指标“系统故障次数”，描述“服务验收合格率”，指标值“≤2次”', message: '项目“网站安全检测”绩效目标表三级指标“系统故障次数”是次数、人数等计数，指标描述“服务验收合格率”却是比率，二者所指不同（指标值“≤2次”）。' },
    messages: {
      nameDescriptionMismatch: '{{place}}三级指标“{{level3}}”是{{MEASURE_NAMES}}，指标描述“{{description}}”却是{{MEASURE_NAMES2}}，二者所指不同{{text}}。',
    },
  },
  check(doc, ctx) {
    for (const o of owners(doc)) {
      for (const i of filled(o)) {
        const a = measureOf(i.level3);
        const b = measureOf(i.description);
        if (!a || !b || a === b) continue;
        const target = i.target.raw.trim();
        ctx.report({
          messageId: 'nameDescriptionMismatch', data: { place: o.place, level3: squash(i.level3), MEASURE_NAMES: MEASURE_NAMES[a], description: squash(i.description), MEASURE_NAMES2: MEASURE_NAMES[b], text: target ? `（指标值“${target}”）` : '' },
          location: loc(o, i, '指标描述'),
        });
      }
    }
  },
});
