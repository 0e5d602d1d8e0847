/** 基本支出表: 人员经费 = 301 + 303, 公用经费 = 302 (+ 310 …) — the usual split (practice, domain.md §5.7). */
import type { Row, StdTable } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { checkSum } from '../lib/compare.js';
import { byCode, cellLocation, schemeOf, tablesOf, totalRow, where } from '../lib/tables.js';
import { defineRule, type RuleContext } from '../types.js';

const PERSONNEL = ['301', '303'];

/** Each class once; a class printed in several blocks (repeatsClasses) with its printings added up. */
function classRows(t: StdTable): Row[] {
  return [...byCode(t).values()].filter((r) => r.code!.length === 3);
}

function check(ctx: RuleContext, t: StdTable, key: 'personnel' | 'public'): void {
  const total = totalRow(t);
  // A 基本支出表 by functional class (陕西 prints one beside the economic one) has no 301/303 to add.
  if (!total || schemeOf(t) !== 'economic') return;
  const classes = classRows(t).filter((r) => (key === 'personnel' ? PERSONNEL.includes(r.code!) : !PERSONNEL.includes(r.code!)));
  if (!classes.length) return;
  checkSum(ctx, {
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

export const t6PersonnelEconomic = defineRule({
  meta: {
    id: 'arithmetic/t6-personnel-economic',
    title: '人员经费等于工资福利支出加对个人和家庭的补助',
    severity: 'warning',
    category: 'arithmetic',
    basis: BASIS.practice('§5.7：人员经费 = 301 + 303'),
    description: '基本支出表合计行的人员经费 = 301 工资福利支出 + 303 对个人和家庭的补助（各类“合计”列之和；左右并列的决算表没有合计列，取各类所在半边的金额）。这是编制惯例，故为警告。',
    example: { bad: '人员经费 209.64；301 类 196.35，303 类 10.29', message: '《部门预算一般公共预算财政拨款基本支出表》“合计”行“人员经费”列 209.64 万元，经济分类 301、303 类合计之和（196.35 + 10.29）为 206.64 万元，相差 3.00 万元。' },
    appliesTo: ['budget', 'final-accounts'],
    tables: ['general-budget-basic'],
  },
  check(doc, ctx) {
    for (const t of tablesOf(doc, 'general-budget-basic')) check(ctx, t, 'personnel');
  },
});

export const t6PublicEconomic = defineRule({
  meta: {
    id: 'arithmetic/t6-public-economic',
    title: '公用经费等于商品和服务支出（及资本性支出等）',
    severity: 'warning',
    category: 'arithmetic',
    basis: BASIS.practice('§5.7：公用经费 = 302 (+ 310 …)'),
    description: '基本支出表合计行的公用经费 = 除 301、303 以外各类（302 商品和服务支出、310 资本性支出等）的合计（左右并列的决算表取各类所在半边的金额）。编制惯例，故为警告。',
    example: { bad: '公用经费 28.78；302 类 25.78', message: '《部门预算一般公共预算财政拨款基本支出表》“合计”行“公用经费”列 28.78 万元，经济分类 302 类合计之和为 25.78 万元，相差 3.00 万元。' },
    appliesTo: ['budget', 'final-accounts'],
    tables: ['general-budget-basic'],
  },
  check(doc, ctx) {
    for (const t of tablesOf(doc, 'general-budget-basic')) check(ctx, t, 'public');
  },
});
