import type { StdTable } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { checkSame } from '../lib/compare.js';
import { BOTH, sideRow } from '../lib/cross-tables.js';
import { amount, val } from '../lib/figures.js';
import { byCode, cellLocation, columnLabel, linesBeforeTotal, rowLabel, tableName, tableOf, totalRow, where } from '../lib/tables.js';
import { defineRule } from '../types.js';

export const t4FundTables = defineRule({
  meta: {
    id: 'cross-table/t4-fund-tables',
    title: '财政拨款收支总表与各财政拨款支出表一致',
    severity: 'error',
    category: 'cross-table',
    basis: BASIS.identities('6'),
    description: '财政拨款收支总表本年支出合计的一般公共预算列 = 一般公共预算财政拨款支出表合计；政府性基金列 = 政府性基金支出表合计；国有资本经营列 = 国有资本经营支出表合计；一般公共预算列的每一类 = 一般公共预算支出表同一类。空表按零计。',
    example: { bad: '财政拨款收支总表一般公共预算支出合计 302.27，一般公共预算财政拨款支出表合计 300.27', message: '《部门预算财政拨款收支总表》本年支出合计“一般公共预算财政拨款”列 302.27 万元，与《部门预算一般公共预算财政拨款支出表》“合计”行“合计”列 300.27 万元不一致，相差 2.00 万元。' },
    messages: {
      emptyTable: '《{{table}}》本年支出合计“{{column}}”列 {{amount}} 万元，而《{{emptyTable}}》为空表。',
      differs: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，相差 {{difference}} 万元。',
    },
    appliesTo: [...BOTH],
    tables: ['fiscal-summary', 'general-budget-expenditure', 'gov-fund-expenditure', 'state-capital-expenditure'],
  },
  check(doc, ctx) {
    const t4 = tableOf(doc, 'fiscal-summary');
    if (!t4) return;
    const total4 = sideRow(t4, 'expenditure', 'total');
    const pairs: [string, StdTable | undefined][] = [
      ['generalBudget', tableOf(doc, 'general-budget-expenditure')],
      ['govFund', tableOf(doc, 'gov-fund-expenditure')],
      ['stateCapital', tableOf(doc, 'state-capital-expenditure')],
    ];
    for (const [key, t] of pairs) {
      if (!t || !total4) continue;
      const f4 = total4.values[key] ?? null;
      const tr = totalRow(t);
      if (t.empty) {
        if (val(f4) && !val(f4)!.isZero())
          ctx.report({
            messageId: 'emptyTable',
            data: { table: tableName(t4), column: columnLabel(t4, key, 'expenditure'), amount: amount(val(f4)), emptyTable: tableName(t) },
            location: cellLocation(t4, total4, key),
            actual: val(f4),
          });
        continue;
      }
      if (tr) checkSame(ctx, { messageId: 'differs', a: { desc: `《${tableName(t4)}》本年支出合计“${columnLabel(t4, key, 'expenditure')}”列`, figure: f4 }, b: { desc: where(t, tr, 'total'), figure: tr.values.total ?? null }, location: cellLocation(t4, total4, key) });
    }
    const t5 = tableOf(doc, 'general-budget-expenditure');
    if (!t5 || t5.empty) return;
    const codes5 = byCode(t5);
    for (const r of linesBeforeTotal(t4, 'expenditure')) {
      if (!r.code || r.code.length !== 3) continue;
      const r5 = codes5.get(r.code);
      if (!r5) continue;
      checkSame(ctx, { messageId: 'differs', a: { desc: `《${tableName(t4)}》“${rowLabel(r)}”一般公共预算列`, figure: r.values.generalBudget ?? null }, b: { desc: where(t5, r5, 'total'), figure: r5.values.total ?? null }, location: cellLocation(t4, r, 'generalBudget') });
    }
  },
});
