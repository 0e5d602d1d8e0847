import type { StdTable } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { checkAtMost } from '../lib/compare.js';
import { compareCodes } from '../lib/cross-tables.js';
import { val } from '../lib/figures.js';
import { byCode, cellLocation, tableOf, totalRow, where } from '../lib/tables.js';
import { defineRule } from '../types.js';

/** True when every yuan is 一般公共预算: T5's total equals T3's. */
function allGeneralBudget(t3: StdTable, t5: StdTable): boolean {
  const a = val(totalRow(t3)?.values.total);
  const b = val(totalRow(t5)?.values.total);
  return !!a && !!b && a.equals(b);
}

export const t3T5Codes = defineRule({
  meta: {
    id: 'cross-table/t3-t5-codes',
    title: '支出总表与一般公共预算支出表同一科目一致',
    severity: 'error',
    category: 'cross-table',
    basis: BASIS.identities('5'),
    description: '全部资金为一般公共预算时（两表合计相等），支出总表与一般公共预算财政拨款支出表同一科目的合计、基本支出、项目支出相等；否则一般公共预算支出表中每一科目的合计不超过支出总表同一科目。',
    example: { bad: '两表合计都为 302.27；2013301 行基本支出：支出总表 176.20，一般公共预算支出表 170.20', message: '《部门预算支出总表》“2013301 行政运行”行“基本支出”列 176.20 万元，与《部门预算一般公共预算财政拨款支出表》“2013301 行政运行”行“基本支出”列 170.20 万元不一致，相差 6.00 万元。' },
    messages: {
      differs: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，相差 {{difference}} 万元。',
      missingCode: '{{where}} {{amount}} 万元，而《{{table}}》未列科目 {{code}}。',
      exceeds: '{{a}} {{actual}} 万元，超过{{b}} {{limit}} 万元，超出 {{difference}} 万元。',
    },
    appliesTo: ['budget', 'final-accounts'],
    tables: ['expenditure', 'general-budget-expenditure'],
  },
  check(doc, ctx) {
    const t3 = tableOf(doc, 'expenditure');
    const t5 = tableOf(doc, 'general-budget-expenditure');
    if (!t3 || !t5 || t3.empty || t5.empty) return;
    if (allGeneralBudget(t3, t5)) {
      compareCodes(ctx, t3, t5, ['total', 'basic', 'project'], { messageId: 'differs', missingMessageId: 'missingCode' });
      return;
    }
    const codes3 = byCode(t3);
    for (const [code, r5] of byCode(t5)) {
      const r3 = codes3.get(code);
      if (!r3) continue;
      checkAtMost(ctx, {
        messageId: 'exceeds',
        a: { desc: where(t5, r5, 'total'), figure: r5.values.total ?? null },
        b: { desc: where(t3, r3, 'total'), figure: r3.values.total ?? null },
        location: cellLocation(t5, r5, 'total'),
      });
    }
  },
});
