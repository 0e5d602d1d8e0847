import type { Row, StdTable } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { BOTH, same, sideDesc, sideRow } from '../lib/cross-tables.js';
import { amountOf, byCode, linesBeforeTotal, rowLabel, tableName, tableOf, totalRow, where } from '../lib/tables.js';
import { defineRule } from '../types.js';

/** 类 rows of T1's expenditure side by code. */
function t1Classes(t1: StdTable): Map<string, Row> {
  const m = new Map<string, Row>();
  for (const r of linesBeforeTotal(t1, 'expenditure')) if (r.code && r.code.length === 3 && !m.has(r.code)) m.set(r.code, r);
  return m;
}

export const t1T3Expenditure = defineRule({
  meta: {
    id: 'cross-table/t1-t3-expenditure',
    title: '收支总表支出与支出总表一致',
    severity: 'error',
    category: 'cross-table',
    basis: BASIS.identities('5'),
    description: '收支总表本年支出合计 = 支出总表合计行合计；收支总表每一类支出 = 支出总表同一类级科目的合计。',
    example: { bad: '收支总表“社会保障和就业支出” 28.29，支出总表 208 类合计 30.29', message: '《部门预算收支总表》“208 八、社会保障和就业支出” 28.29 万元，与《部门预算支出总表》“208 社会保障和就业支出”行“合计”列 30.29 万元不一致，相差 2.00 万元。' },
    messages: {
      differs: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，相差 {{difference}} 万元。',
    },
    appliesTo: [...BOTH],
    tables: ['revenue-expenditure-summary', 'expenditure'],
  },
  check(doc, ctx) {
    const t1 = tableOf(doc, 'revenue-expenditure-summary');
    const t3 = tableOf(doc, 'expenditure');
    if (!t1 || !t3) return;
    const total1 = sideRow(t1, 'expenditure', 'total');
    const total3 = totalRow(t3);
    if (total1 && total3) same(ctx, t1, total1, amountOf(total1), sideDesc(t1, total1), t3, total3, total3.values.total ?? null, where(t3, total3, 'total'), { messageId: 'differs' });
    const codes3 = byCode(t3);
    for (const [code, r1] of t1Classes(t1)) {
      const r3 = codes3.get(code);
      if (r3) same(ctx, t1, r1, amountOf(r1), `《${tableName(t1)}》“${rowLabel(r1)}”`, t3, r3, r3.values.total ?? null, where(t3, r3, 'total'), { messageId: 'differs' });
    }
  },
});
