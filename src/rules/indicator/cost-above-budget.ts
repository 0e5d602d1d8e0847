import type { Value } from '../../model/disclosure.js';
import { Money } from '../../model/money.js';
import { BASIS } from '../lib/basis.js';
import { amount, money, val } from '../lib/figures.js';
import { isCost } from '../lib/indicators.js';
import { filled, loc, owners, squash } from '../lib/owners.js';
import { defineRule } from '../types.js';

/** A target's ceiling in 万元, when it states one in money. */
function ceilingWan(v: Value): Money | null {
  const n = v.operator === 'range' ? v.max : v.operator === '≤' || v.operator === '<' || v.operator === '=' ? v.value : null;
  if (n === null || !v.unit) return null;
  const u = v.unit.replace(/\s+/g, '');
  if (u === '万元' || u === '万') return money(String(n));
  if (u === '元') return money(String(n)).div(10000);
  if (u === '千元') return money(String(n)).div(10);
  return null;
}

export const costAboveBudget = defineRule({
  meta: {
    id: 'indicator/cost-above-budget',
    title: '成本指标上限超过项目预算',
    severity: 'error',
    category: 'indicator',
    basis: BASIS.identities('15'),
    description: '成本指标以金额给出上限（≤ x 万元/元）时，x 不应超过项目预算数。人均、单价类以“元”计的标准只有在没有比较符时才会出现，不在此检查。上限约为预算数的一万倍（1,000–100,000 倍）时，是元与万元之一读错，只作提示。',
    example: { bad: '预算数 12.00，成本指标“≤15万元”', message: '项目“政务外网安全检测”绩效目标表成本指标“项目成本”上限 15.00 万元，超过项目预算数 12.00 万元。' },
    messages: {
      aboveBudget: '{{place}}成本指标“{{indicator}}”上限 {{ceiling}} 万元，超过项目预算数 {{budget}} 万元。',
      unitInDoubt: '{{place}}成本指标“{{indicator}}”上限 {{ceiling}} 万元，约为项目预算数 {{budget}} 万元的一万倍：两者之一的金额单位（元/万元）可能未正确读取，未作为错误。',
    },
  },
  check(doc, ctx) {
    for (const o of owners(doc)) {
      const budget = val(o.budget);
      if (!budget) continue;
      for (const i of filled(o)) {
        if (!isCost(i.level1, i.level2)) continue;
        const c = ceilingWan(i.target);
        if (!c || !c.greaterThan(budget)) continue;
        // A ceiling some 10,000 times the budget is one of them read in 元 for 万元 (or the other way
        // round): the unit is in doubt, not the figure — said as info.
        const ratio = c.div(budget);
        const unitDoubt = ratio.greaterThanOrEqualTo(1000) && ratio.lessThanOrEqualTo(100000);
        ctx.report({
          advisory: unitDoubt,
          messageId: unitDoubt ? 'unitInDoubt' : 'aboveBudget',
          data: { place: o.place, indicator: squash(i.level3), ceiling: amount(c), budget: amount(budget) },
          location: loc(o, i, '指标值'),
          expected: budget,
          actual: c,
          difference: c.minus(budget),
        });
      }
    }
  },
});
