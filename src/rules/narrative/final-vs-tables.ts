import type { Figure, Row, StdTable } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { FINAL } from '../lib/budget-vs-final.js';
import { checkSame } from '../lib/compare.js';
import { amount } from '../lib/figures.js';
import { statementWhere, threePublicKey, threePublicStage, vsName } from '../lib/final-statements.js';
import { codeRows, tableOf, totalRow, where } from '../lib/tables.js';
import { TP_NAMES } from '../lib/three-public.js';
import { defineRule } from '../types.js';

const FUND_TABLES = { generalBudget: 'general-budget-expenditure', govFund: 'gov-fund-expenditure', stateCapital: 'state-capital-expenditure' } as const;

const bare = (s: string) => s.replace(/\s+/g, '').replace(/^[一二三四五六七八九十]+[、.．]/, '');

/** The row of a 类/款/项 path: each level by name under the one above it. */
function rowOfPath(t: StdTable, path: string[]): Row | undefined {
  let scope = codeRows(t);
  let found: Row | undefined;
  for (const [level, name] of path.entries()) {
    const len = [3, 5, 7][level];
    found = scope.find((r) => r.code!.length === len && bare(r.name) === bare(name));
    if (!found) return undefined;
    const prefix = found.code!;
    scope = scope.filter((r) => r.code!.startsWith(prefix));
  }
  return found;
}

/** The 支出 amount of a row of a fund's 决算 table: 本年支出 合计. */
function spent(r: Row): Figure | null {
  return r.values.total ?? r.values.amount ?? null;
}

export const finalVsTables = defineRule({
  meta: {
    id: 'narrative/final-vs-tables',
    title: '说明中的支出决算数、“三公”年初预算与决算表一致',
    severity: 'error',
    category: 'narrative',
    basis: BASIS.identities('10'),
    description:
      '决算说明所写一般公共预算（政府性基金、国有资本经营预算）财政拨款支出决算 = 对应支出决算表合计行；各项级科目（按“类/款/项”名称逐级找到的行）的支出决算 = 该行本年支出合计；“三公”经费及各项的年初预算 = “三公”经费支出决算表预算数（三公决算数由 narrative/three-public 核对）。找不到对应行时不比较。',
    example: {
      bad: '说明“行政运行（项）……支出决算为114.30万元”，一般公共预算财政拨款支出决算表 2012601 行政运行 112.30',
      message: '说明中“一般公共服务支出/档案事务/行政运行”支出决算 114.30 万元，与《一般公共预算财政拨款支出决算表》“2012601 行政运行”行“合计”列 112.30 万元不一致，相差 2.00 万元。',
    },
    messages: {
      differs: '{{a}} {{actual}} 万元，与{{b}} {{expected}} 万元不一致，相差 {{difference}} 万元。',
    },
    appliesTo: [...FINAL],
    tables: ['general-budget-expenditure', 'gov-fund-expenditure', 'state-capital-expenditure', 'three-public'],
  },
  check(doc, ctx) {
    for (const b of doc.budgetVsFinal) {
      if (b.scope === 'three-public') {
        const key = threePublicKey(b.name);
        const stage = threePublicStage(doc, 'budget');
        if (!key || !stage || !b.budget) continue;
        checkSame(ctx, {
          messageId: 'differs',
          a: { desc: `说明中“${vsName(b)}”年初预算`, figure: b.budget },
          b: { desc: `《${stage.table.title}》${TP_NAMES[key]}预算数`, figure: stage.values[key] ?? null },
          location: statementWhere(b.loc),
        });
        continue;
      }
      if (!b.fund) continue;
      const t = tableOf(doc, FUND_TABLES[b.fund]);
      if (!t || t.empty) continue;
      const r = b.scope === 'total' ? totalRow(t) : rowOfPath(t, b.path);
      if (!r) continue;
      checkSame(ctx, {
        messageId: 'differs',
        a: { desc: `说明中“${vsName(b)}”支出决算`, figure: b.final },
        b: { desc: where(t, r, r.values.total ? 'total' : 'amount'), figure: spent(r) },
        location: statementWhere(b.loc),
      });
    }
  },
});
