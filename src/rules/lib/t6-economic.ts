/** 基本支出表: 人员经费 = 301 + 303, 公用经费 = 302 (+ 310 …) — the usual split (practice, domain.md §5.7). */
import type { Row, StdTable } from '../../model/disclosure.js';
import { type RuleContext } from '../types.js';
import { checkSum, type Said } from './compare.js';
import { byCode, cellLocation, schemeOf, totalRow, where } from './tables.js';

const PERSONNEL = ['301', '303'];

/** Each class once; a class printed in several blocks (repeatsClasses) with its printings added up. */
function classRows(t: StdTable): Row[] {
  return [...byCode(t).values()].filter((r) => r.code!.length === 3);
}

/** `said` is a checkSum message (placeholders in compare.ts). */
export function check<Id extends string>(ctx: RuleContext<Id>, t: StdTable, key: 'personnel' | 'public', said: Said<NoInfer<Id>>): void {
  const total = totalRow(t);
  // A 基本支出表 by functional class (陕西 prints one beside the economic one) has no 301/303 to add.
  if (!total || schemeOf(t) !== 'economic') return;
  const classes = classRows(t).filter((r) => (key === 'personnel' ? PERSONNEL.includes(r.code!) : !PERSONNEL.includes(r.code!)));
  if (!classes.length) return;
  checkSum(ctx, {
    ...said,
    where: where(t, total, key),
    totalLabel: '',
    total: total.values[key] ?? null,
    // A side-by-side 基本支出决算表 (人员经费 codes | 公用经费 codes) has no 合计 column: its 类 rows
    // carry their amount in the column of their half.
    parts: classes.map((r) => ({ label: `${r.code} ${r.name}`, figure: r.values.total ?? r.values[key] ?? null })),
    partsLabel: `经济分类 ${classes.map((r) => r.code).join('、')} 类合计`,
    location: cellLocation(t, total, key),
  });
}
