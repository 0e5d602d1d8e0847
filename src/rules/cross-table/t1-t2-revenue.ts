import type { Row } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { checkSame } from '../lib/compare.js';
import { BOTH, FUNDS, same, sideDesc, sideRow } from '../lib/cross-tables.js';
import { asFigure, sum, val } from '../lib/figures.js';
import { amountOf, cellLocation, sideRows, sourceLines, tableName, tableOf, totalRow, where } from '../lib/tables.js';
import { defineRule } from '../types.js';

export const t1T2Revenue = defineRule({
  meta: {
    id: 'cross-table/t1-t2-revenue',
    title: '收支总表收入与收入总表一致',
    severity: 'error',
    category: 'cross-table',
    basis: BASIS.identities('2'),
    description: '收支总表的本年收入合计、上年结转、收入总计及各收入来源 = 收入总表合计行的本年收入小计、上年结转、合计及对应来源列（收入总表只列“财政拨款收入”时，与收支总表三项财政拨款之和比较）。',
    example: { bad: '收支总表本年收入合计 302.27，收入总表合计行小计 300.27', message: '《部门预算收支总表》本年收入合计 302.27 万元，与《部门预算收入总表》“合计”行“小计”列 300.27 万元不一致，相差 2.00 万元。' },
    messages: {
      differs: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，相差 {{difference}} 万元。',
    },
    appliesTo: [...BOTH],
    tables: ['revenue-expenditure-summary', 'revenue'],
  },
  check(doc, ctx) {
    const t1 = tableOf(doc, 'revenue-expenditure-summary');
    const t2 = tableOf(doc, 'revenue');
    const tr = t2 && totalRow(t2);
    if (!t1 || !t2 || !tr) return;
    const pairs: [Row | undefined, string][] = [
      [sideRow(t1, 'revenue', 'total'), 'currentIncome'],
      [sideRows(t1, 'revenue').find((r) => r.role === 'carry-over' && !r.key?.includes('.')), 'carryOver'],
      [sideRow(t1, 'revenue', 'grand-total'), 'total'],
    ];
    for (const [r, key] of pairs) {
      if (r) same(ctx, t1, r, amountOf(r), sideDesc(t1, r), t2, tr, tr.values[key] ?? null, where(t2, tr, key), { messageId: 'differs' });
    }
    const lines = sourceLines(t1, 'revenue');
    for (const key of Object.keys(tr.values)) {
      if (['total', 'currentIncome', 'carryOver'].includes(key)) continue;
      if (key === 'fiscal') {
        const funds = lines.filter((r) => r.key && FUNDS.includes(r.key) && amountOf(r));
        if (!funds.length) continue;
        const s = sum(funds.map((r) => val(amountOf(r))));
        checkSame(ctx, {
          messageId: 'differs',
          a: { desc: `《${tableName(t1)}》${funds.map((r) => r.name.replace(/\s+/g, '')).join('、')}合计`, figure: asFigure(s, s.toString()) },
          b: { desc: where(t2, tr, key), figure: tr.values[key] ?? null },
          location: cellLocation(t1, funds[0]),
        });
        continue;
      }
      const r = lines.find((x) => x.key === key);
      if (r) same(ctx, t1, r, amountOf(r), sideDesc(t1, r), t2, tr, tr.values[key] ?? null, where(t2, tr, key), { messageId: 'differs' });
    }
  },
});
