import { BASIS } from '../lib/basis.js';
import { claimsOf } from '../lib/claims.js';
import { amount, val } from '../lib/figures.js';
import { linesBeforeTotal, sideRows, tableName, tablesOf } from '../lib/tables.js';
import { defineRule } from '../types.js';

export const emptyTableHasMoney = defineRule({
  meta: {
    id: 'cross-table/empty-table-has-money',
    title: '空表与其他表所列金额矛盾',
    severity: 'error',
    category: 'cross-table',
    basis: BASIS.procedure,
    description: '政府性基金、国有资本经营预算支出表或三公经费表注明为空表，而收支总表/财政拨款收支总表列有该类资金，或说明写有三公经费金额。',
    example: { bad: '政府性基金支出表“注：无政府性基金预算，空表列示”，收支总表政府性基金预算拨款收入 10.00', message: '《部门预算政府性基金预算财政拨款支出表》为空表，但《部门预算收支总表》“二、政府性基金预算拨款收入”为 10.00 万元。' },
    messages: {
      rowHasMoney: '《{{table}}》为空表，但《{{sourceTable}}》“{{name}}”为 {{amount}} 万元。',
      totalHasMoney: '《{{table}}》为空表，但《{{sourceTable}}》本年支出合计中该类资金为 {{amount}} 万元。',
      narrativeHasMoney: '《{{table}}》为空表，但说明中“三公”经费为 {{value}} 万元。',
    },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    const pairs: ['gov-fund-expenditure' | 'state-capital-expenditure', string][] = [
      ['gov-fund-expenditure', 'govFund'],
      ['state-capital-expenditure', 'stateCapital'],
    ];
    for (const [kind, key] of pairs) {
      for (const t of tablesOf(doc, kind)) {
        if (!t.empty) continue;
        for (const s of [...tablesOf(doc, 'revenue-expenditure-summary'), ...tablesOf(doc, 'fiscal-summary')]) {
          const r = linesBeforeTotal(s, 'revenue').find((x) => x.key === key);
          const f = r ? (r.values.amount ?? r.values.total ?? null) : null;
          if (r && val(f) && val(f)!.greaterThan(0)) {
            ctx.report({
              messageId: 'rowHasMoney', data: { table: tableName(t), sourceTable: tableName(s), name: r.name.replace(/\s+/g, ''), amount: amount(val(f)) },
              location: { ...t.loc, where: `《${tableName(t)}》` },
              actual: val(f),
            });
            break;
          }
          const e = sideRows(s, 'expenditure').find((x) => x.role === 'total');
          const fe = e?.values[key] ?? null;
          if (e && val(fe) && val(fe)!.greaterThan(0)) {
            ctx.report({
              messageId: 'totalHasMoney', data: { table: tableName(t), sourceTable: tableName(s), amount: amount(val(fe)) },
              location: { ...t.loc, where: `《${tableName(t)}》` },
              actual: val(fe),
            });
            break;
          }
        }
      }
    }
    for (const t of tablesOf(doc, 'three-public')) {
      if (!t.empty) continue;
      const c = claimsOf(doc, 'threePublic.total').find((x) => x.value!.greaterThan(0));
      if (c) {
        ctx.report({
          messageId: 'narrativeHasMoney', data: { table: tableName(t), value: amount(c.value) },
          location: { ...t.loc, where: `《${tableName(t)}》` },
          actual: c.value,
        });
      }
    }
  },
});
