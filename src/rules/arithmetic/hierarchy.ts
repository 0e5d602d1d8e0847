/**
 * Classification hierarchy sums: 类 = Σ 款 = Σ 项 in every amount column (a child's code starts
 * with its parent's), and the 合计 row = Σ 类.
 */
import type { Disclosure, Row, StdTable } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { checkSum, sumDiffers } from '../lib/compare.js';
import { amountKeys, cellLocation, childrenOf, codeRows, CODED_KINDS, printedOnce, repeatsClasses, rowLabel, schemeOf, tablesOf, totalRow, where } from '../lib/tables.js';
import { defineRule, type RuleContext } from '../types.js';

const LEVEL_NAMES: Record<number, string> = { 5: '款', 7: '项' };

/**
 * First row per code: a repeated code would otherwise count twice. A table of class blocks
 * (repeatsClasses) keeps every block's rows.
 */
function uniqueCoded(t: StdTable): Row[] {
  if (repeatsClasses(t.rows)) return printedOnce(t.rows);
  const seen = new Set<string>();
  return codeRows(t).filter((r) => !seen.has(r.code!) && seen.add(r.code!));
}

function checkHierarchy(t: StdTable, ctx: RuleContext, depths: [number, number][]): void {
  const rows = uniqueCoded(t);
  const keys = amountKeys(t);
  const blocks = repeatsClasses(t.rows);
  for (const [parentLen, childLen] of depths) {
    for (const parent of rows.filter((r) => r.code!.length === parentLen)) {
      // In class blocks a printing adds up the rows printed under it, not every row of its code.
      const children = childrenOf(rows, parent, childLen, blocks);
      if (!children.length) continue;
      for (const key of keys) {
        if (!sumDiffers(parent.values[key] ?? null, children.map((c) => c.values[key] ?? null))) continue;
        checkSum(ctx, {
          where: where(t, parent, key),
          totalLabel: '',
          total: parent.values[key] ?? null,
          parts: children.map((c) => ({ label: rowLabel(c), figure: c.values[key] ?? null })),
          partsLabel: `其下各${LEVEL_NAMES[childLen]}（${children.map((c) => c.code).join('、')}）`,
          location: cellLocation(t, parent, key),
        });
      }
    }
  }
}

function functionalTables(doc: Disclosure): StdTable[] {
  return CODED_KINDS.flatMap((k) => tablesOf(doc, k)).filter((t) => schemeOf(t) === 'functional');
}

function economicTables(doc: Disclosure): StdTable[] {
  return CODED_KINDS.flatMap((k) => tablesOf(doc, k)).filter((t) => schemeOf(t) === 'economic');
}

const BOTH = ['budget', 'final-accounts'] as const;

export const functionalHierarchy = defineRule({
  meta: {
    id: 'arithmetic/functional-hierarchy',
    title: '功能分类类、款、项逐级相加',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('4'),
    description: '按功能分类列示的表中每个金额列：类（3位）= 其下各款（5位）之和；款 = 其下各项（7位）之和。子级编码以上级编码开头；同一编码重复出现时只取第一次。',
    example: { bad: '20133 宣传事务 176.20，其下只有 2013301 行政运行 170.20', message: '《部门预算支出总表》“20133 宣传事务”行“合计”列 176.20 万元，其下各项（2013301）之和为 170.20 万元，相差 6.00 万元。' },
    appliesTo: [...BOTH],
    tables: CODED_KINDS,
  },
  check(doc, ctx) {
    for (const t of functionalTables(doc)) checkHierarchy(t, ctx, [[3, 5], [5, 7]]);
  },
});

export const economicHierarchy = defineRule({
  meta: {
    id: 'arithmetic/economic-hierarchy',
    title: '经济分类类等于其下各款之和',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('7'),
    description: '按经济分类列示的表（基本支出表等）中每个金额列：类（3位，如 301）= 其下各款（5位，如 30101…30199）之和。',
    example: { bad: '302 商品和服务支出 28.78，其下各款合计 27.78', message: '《部门预算一般公共预算财政拨款基本支出表》“302 商品和服务支出”行“合计”列 28.78 万元，其下各款（30201、30207）之和（20.00 + 7.78）为 27.78 万元，相差 1.00 万元。' },
    appliesTo: [...BOTH],
    tables: ['general-budget-basic'],
  },
  check(doc, ctx) {
    for (const t of economicTables(doc)) checkHierarchy(t, ctx, [[3, 5]]);
  },
});

export const totalRowClasses = defineRule({
  meta: {
    id: 'arithmetic/total-row',
    title: '合计行等于各类之和',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('4'),
    description: '按科目列示的表中，合计行每个金额列 = 各“类”级行之和（功能分类与经济分类都适用）。',
    example: { bad: '合计 300.00；201 类 240.05、208 类 28.29、210 类 14.08、221 类 19.85', message: '《部门预算支出总表》“合计”行“合计”列 300.00 万元，各类（201、208、210、221）之和（240.05 + 28.29 + 14.08 + 19.85）为 302.27 万元，相差 2.27 万元。' },
    appliesTo: [...BOTH],
    tables: CODED_KINDS,
  },
  check(doc, ctx) {
    for (const t of CODED_KINDS.flatMap((k) => tablesOf(doc, k))) {
      const total = totalRow(t);
      if (!total) continue;
      const classes = uniqueCoded(t).filter((r) => r.code!.length === 3);
      if (!classes.length) continue;
      for (const key of amountKeys(t)) {
        if (!sumDiffers(total.values[key] ?? null, classes.map((c) => c.values[key] ?? null))) continue;
        checkSum(ctx, {
          where: where(t, total, key),
          totalLabel: '',
          total: total.values[key] ?? null,
          parts: classes.map((c) => ({ label: rowLabel(c), figure: c.values[key] ?? null })),
          partsLabel: `各类（${classes.map((c) => c.code).join('、')}）`,
          location: cellLocation(t, total, key),
        });
      }
    }
  },
});
