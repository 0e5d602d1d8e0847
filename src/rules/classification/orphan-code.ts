import { BASIS } from '../lib/basis.js';
import { cellLocation, CODED_KINDS, codeRows, rowLabel, tableName, tablesOf } from '../lib/tables.js';
import { defineRule } from '../types.js';

function parentCode(code: string): string | null {
  return code.length > 3 ? code.slice(0, code.length - 2) : null;
}

export const orphanCode = defineRule({
  meta: {
    id: 'classification/orphan-code',
    title: '项、款缺少上级科目',
    severity: 'error',
    category: 'classification',
    basis: `${BASIS.budgetLaw}（功能分类列示到项）；domain.md §5.4`,
    description: '按科目列示的表中，列出了“项”（7 位）就应列出其“款”（5 位）和“类”（3 位），列出了“款”就应列出其“类”，上级金额才能核对。表中根本不列某一级（如只列类和项）是表样的做法，不按缺少上级报告；只列项目及其所用科目的项目清单（如陕西上年结转资金支出表，不列类级科目）不是科目层级表，不检查。',
    example: { bad: '支出总表列 2013301 行政运行，但没有 20133 宣传事务', message: '《部门预算支出总表》列有科目 2013301 行政运行，但未列其上级科目 20133。' },
    messages: {
      orphanCode: '《{{table}}》列有科目 {{row}}，但未列其上级科目 {{parent}}。',
    },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    for (const t of CODED_KINDS.flatMap((k) => tablesOf(doc, k))) {
      const codes = new Set(codeRows(t).map((r) => r.code!));
      // A list of projects with the 项 each is paid from (陕西 上年结转资金支出表) is no hierarchy of codes.
      if (t.kind === 'project-expenditure' && ![...codes].some((c) => c.length === 3)) continue;
      // A table that prints no 款 at all (类 and 项 only, a regional layout) omits a level, not a parent.
      const depths = new Set([...codes].map((c) => c.length));
      const reported = new Set<string>();
      for (const r of codeRows(t)) {
        for (let p = parentCode(r.code!); p; p = parentCode(p)) {
          if (codes.has(p) || !depths.has(p.length) || reported.has(`${r.code}|${p}`)) continue;
          reported.add(`${r.code}|${p}`);
          ctx.report({ messageId: 'orphanCode', data: { table: tableName(t), row: rowLabel(r), parent: p }, location: cellLocation(t, r) });
        }
      }
    }
  },
});
