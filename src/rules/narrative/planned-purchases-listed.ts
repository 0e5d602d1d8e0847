/**
 * The 国有资产 part of a budget's 说明 says what fixed assets the unit plans to buy and that they
 * are in the procurement budget. A template sentence kept for a year with nothing to buy says both.
 */
import type { Disclosure } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { claimsOf, claimWhere } from '../lib/claims.js';
import { amount, val } from '../lib/figures.js';
import { headline } from '../lib/headline.js';
import { defineRule } from '../types.js';

/** "已按要求列入政府采购预算", "已列入本年政府采购计划"; not "无需列入", "未列入". */
const LISTED = /(?<![未不无没须需])(?:已)?(?:按要求|按规定)?(?:全部)?(?:列入|纳入|编入)(?:了)?(?:本年度?|[0-9]{4}年)?政府采购(?:预算|计划)/;

function procurementText(doc: Disclosure): string {
  const h = headline(doc, 'procurementTotal');
  const v = h ? val(h.figure) : (claimsOf(doc, 'procurement.total')[0]?.value ?? null);
  return v === null ? '' : `（政府采购预算为 ${amount(v)} 万元）`;
}

export const plannedPurchasesListed = defineRule({
  meta: {
    id: 'narrative/planned-purchases-listed',
    title: '拟购置资产为零却称已列入政府采购预算',
    severity: 'warning',
    category: 'narrative',
    basis: `${BASIS.identities('17')}；domain.md §8（照抄模板的句子）`,
    description: '国有资产说明写本年度拟购置固定资产 0 万元，同一句却说“已按要求列入政府采购预算”：没有要购置的资产，这句话是模板原文未按实际情况改写。拟购置金额大于 0 时是否真在采购预算中，由 cross-table/planned-purchases-procurement 检查。',
    example: { bad: '“本年拟购置固定资产0万元，已全部列入政府采购预算。”（采购预算为 0）', message: '说明称本年度拟购置固定资产 0.00 万元“已全部列入政府采购预算”，但并无拟购置的资产可以列入（政府采购预算为 0.00 万元）。' },
    messages: {
      plannedPurchasesListed: '说明称本年度拟购置固定资产 {{value}} 万元“{{phrase}}”，但并无拟购置的资产可以列入{{procurement}}。',
    },
    appliesTo: ['budget'],
  },
  check(doc, ctx) {
    for (const c of claimsOf(doc, 'assets.planned')) {
      if (!c.value!.isZero()) continue;
      const m = LISTED.exec(c.loc.sentence ?? c.raw);
      if (!m) continue;
      ctx.report({
        messageId: 'plannedPurchasesListed', data: { value: amount(c.value), phrase: m[0], procurement: procurementText(doc) },
        location: claimWhere(c),
        actual: c.value,
      });
    }
  },
});
