/** 基本支出表: 人员经费 = 301 + 303, 公用经费 = 302 (+ 310 …) — the usual split (practice, domain.md §5.7). */
import type { Row, StdTable } from '../../model/disclosure.js';
import { type RuleContext } from '../types.js';
import { checkSum, type Said } from './compare.js';
import { sum, sumTolerance, val } from './figures.js';
import { byCode, cellLocation, schemeOf, totalRow, where } from './tables.js';

const PERSONNEL = ['301', '303'];

/** Each class once; a class printed in several blocks (repeatsClasses) with its printings added up. */
function classRows(t: StdTable): Row[] {
  return [...byCode(t).values()].filter((r) => r.code!.length === 3);
}

// A side-by-side 基本支出决算表 (人员经费 codes | 公用经费 codes) has no 合计 column: its 类 rows
// carry their amount in the column of their half.
const classFigure = (r: Row, key: 'personnel' | 'public') => r.values.total ?? r.values[key] ?? null;

/**
 * Whether 人员经费 and 公用经费 differ from their classes by one amount moved between them (人员
 * +10.13, 公用 −10.15), their sum holding: the table counts some items on the other side than the
 * 类 do — a region's way of splitting (车补, 福利费 …), not a wrong figure.
 */
function splitElsewhere(t: StdTable, total: Row): boolean {
  const diffs = (['personnel', 'public'] as const).map((key) => {
    const printed = val(total.values[key]);
    const classes = classRows(t).filter((r) => (key === 'personnel') === PERSONNEL.includes(r.code!));
    const figures = classes.map((r) => classFigure(r, key));
    const parts = figures.map(val).filter((v) => v !== null);
    return printed && parts.length ? { diff: printed.minus(sum(parts)), figures: [total.values[key], ...figures] } : null;
  });
  const [p, q] = diffs;
  if (!p || !q || p.diff.isZero()) return false;
  return p.diff.plus(q.diff).abs().lessThanOrEqualTo(sumTolerance([...p.figures, ...q.figures]));
}

/** `said` is a checkSum message (placeholders in compare.ts). */
export function check<Id extends string>(ctx: RuleContext<Id>, t: StdTable, key: 'personnel' | 'public', said: Said<NoInfer<Id>>): void {
  const total = totalRow(t);
  // A 基本支出表 by functional class (陕西 prints one beside the economic one) has no 301/303 to add.
  if (!total || schemeOf(t) !== 'economic') return;
  const classes = classRows(t).filter((r) => (key === 'personnel' ? PERSONNEL.includes(r.code!) : !PERSONNEL.includes(r.code!)));
  if (!classes.length || splitElsewhere(t, total)) return;
  checkSum(ctx, {
    ...said,
    where: where(t, total, key),
    totalLabel: '',
    total: total.values[key] ?? null,
    parts: classes.map((r) => ({ label: `${r.code} ${r.name}`, figure: classFigure(r, key) })),
    partsLabel: `经济分类 ${classes.map((r) => r.code).join('、')} 类合计`,
    location: cellLocation(t, total, key),
  });
}
