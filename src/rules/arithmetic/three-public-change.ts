import type { Row, StdTable } from '../../model/disclosure.js';
import { ZERO } from '../../model/money.js';
import { BASIS } from '../lib/basis.js';
import { amount, sumTolerance, val } from '../lib/figures.js';
import { cellLocation, hasColumn, where } from '../lib/tables.js';
import { threePublicTables } from '../lib/three-public.js';
import { defineRule, type RuleContext } from '../types.js';

export const threePublicChange = defineRule({
  meta: {
    id: 'arithmetic/three-public-change',
    title: '“三公”经费增减额等于本年减上年',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('8'),
    description: '列有上年数、本年数、增减额的三公表中，每一行：增减额 = 本年数 − 上年数。',
    example: { bad: '公务接待费 上年 0.60，本年 0，增减 -0.50', message: '《“三公”经费预算表》“公务接待费”行：增减额 -0.50 万元，本年 0.00 − 上年 0.60 应为 -0.60 万元，相差 0.10 万元。' },
    messages: {
      threePublicChange: '{{where}}：增减额 {{change}} 万元，本年 {{current}} − 上年 {{prior}} 应为 {{expected}} 万元，相差 {{diff}} 万元。',
    },
    tables: ['three-public'],
  },
  check(doc, ctx) {
    for (const t of threePublicTables(doc)) {
      if (!hasColumn(t, 'change') || !hasColumn(t, 'prior') || !hasColumn(t, 'current')) continue;
      for (const r of t.rows) checkChangeRow(t, r, ctx);
    }
  },
});

function checkChangeRow(t: StdTable, r: Row, ctx: RuleContext): void {
  const change = r.values.change ?? null;
  const prior = r.values.prior ?? null;
  const current = r.values.current ?? null;
  const c = val(change);
  if (c === null || (!val(prior) && !val(current))) return;
  const cur = val(current) ?? ZERO;
  const pri = val(prior) ?? ZERO;
  const expected = cur.minus(pri);
  const diff = c.minus(expected);
  if (diff.isZero()) return;
  const tol = sumTolerance([change, prior, current]);
  const w = where(t, r);
  ctx.report({
    messageId: 'threePublicChange', data: { where: w, change: amount(c), current: amount(cur), prior: amount(pri), expected: amount(expected), diff: amount(diff.abs()) },
    location: cellLocation(t, r, 'change'),
    figures: { 上年: val(prior), 本年: val(current), 增减: c },
    expected,
    actual: c,
    difference: diff,
    rounding: diff.abs().lessThanOrEqualTo(tol),
  });
}
