import type { Row } from '../../model/disclosure.js';
import { cellLocation, CODED_KINDS, codeRows, rowLabel, tableName, tablesOf } from '../lib/tables.js';
import { defineRule, type RuleContext } from '../types.js';

export const misplacedCode = defineRule({
  meta: {
    id: 'classification/misplaced-code',
    expectation: true,
    title: '科目列在别的上级科目之下',
    severity: 'warning',
    category: 'classification',
    basis: 'domain.md §5.4（子级编码以上级编码开头）',
    description: '表中按顺序列示时，每个款、项应排在其所属的类、款之下：紧邻的上一级行的编码应是它的前缀。排在别的类或款下面的科目容易被错加到别的上级。',
    example: { bad: '201 一般公共服务支出之后直接列 20805 行政事业单位养老支出', message: '《部门预算支出总表》科目 20805 行政事业单位养老支出列在 201 一般公共服务支出之下，而它的上级应为 208。' },
    messages: {
      misplacedCode: '《{{table}}》科目 {{row}}列在 {{parent}}之下，而它的上级应为 {{expectedParent}}。',
    },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx: RuleContext) {
    for (const t of CODED_KINDS.flatMap((k) => tablesOf(doc, k))) {
      const codes = new Set(codeRows(t).map((r) => r.code!));
      let last: Record<number, Row | undefined> = {};
      for (const r of codeRows(t)) {
        const code = r.code!;
        const len = code.length;
        if (len === 3) last = { 3: r };
        else {
          const parentLen = len - 2;
          const parent = last[parentLen];
          // Only judge when the table does print the real parent (missing parents are orphan-code's).
          if (parent && !code.startsWith(parent.code!) && codes.has(code.slice(0, parentLen))) {
            ctx.report({
              messageId: 'misplacedCode', data: { table: tableName(t), row: rowLabel(r), parent: rowLabel(parent), expectedParent: code.slice(0, parentLen) },
              location: cellLocation(t, r),
            });
          }
          last[len] = r;
          for (const k of Object.keys(last).map(Number)) if (k > len) delete last[k];
        }
      }
    }
  },
});
