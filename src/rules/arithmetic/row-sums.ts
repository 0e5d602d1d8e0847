/**
 * "Row total = Σ columns" for every table whose columns split a total: 收入总表 (T2), 支出总表 (T3),
 * 财政拨款收支总表 支出栏 (T4), 一般公共预算/政府性基金/国有资本经营支出表 (T5/T7/T8), 基本支出表 (T6).
 */
import type { Disclosure, Row, StdTable, TableKind } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { checkSum, sumDiffers } from '../lib/compare.js';
import { cellLocation, columnLabel, hasColumn, tablesOf, where } from '../lib/tables.js';
import { defineRule, type RuleContext, type RuleMeta } from '../types.js';

interface RowSumSpec {
  meta: RuleMeta;
  kinds: TableKind[];
  total: string;
  /** Part columns; a function may choose them from the table's columns. */
  parts: string[] | ((t: StdTable) => string[]);
  /** Rows to check (default: every row of the table). */
  rows?: (t: StdTable) => Row[];
  /** Fewest part columns the table must have for the identity to be checked. */
  minParts?: number;
}

export function rowSumRule(spec: RowSumSpec) {
  return defineRule({
    meta: { ...spec.meta, tables: spec.kinds },
    check(doc: Disclosure, ctx: RuleContext) {
      for (const t of spec.kinds.flatMap((k) => tablesOf(doc, k))) {
        if (!hasColumn(t, spec.total)) continue;
        const parts = (typeof spec.parts === 'function' ? spec.parts(t) : spec.parts).filter((k) => hasColumn(t, k));
        if (parts.length < (spec.minParts ?? 2)) continue;
        for (const r of spec.rows ? spec.rows(t) : t.rows) {
          if (!sumDiffers(r.values[spec.total] ?? null, parts.map((k) => r.values[k] ?? null))) continue;
          checkSum(ctx, {
            where: where(t, r, spec.total),
            totalLabel: '',
            total: r.values[spec.total] ?? null,
            parts: parts.map((k) => ({ label: columnLabel(t, k, r.side), figure: r.values[k] ?? null })),
            location: cellLocation(t, r, spec.total),
          });
        }
      }
    },
  });
}

const FUND_SOURCES = ['generalBudget', 'govFund', 'stateCapital'];
const OTHER_SOURCES = ['fiscalSpecial', 'business', 'operatingIncome', 'superiorSubsidy', 'subsidiaryIncome', 'other', 'unitFunds', 'fundMakeUp', 'priorBalance'];

/** Income source columns of 收入总表; 财政拨款收入 stands for its fund breakdown when both are printed. */
function sources(t: StdTable): string[] {
  const fiscal = hasColumn(t, 'fiscal') ? ['fiscal'] : FUND_SOURCES;
  return [...fiscal, ...OTHER_SOURCES];
}

const BOTH = ['budget', 'final-accounts'] as const;

/** 基本支出, or its 人员 and 公用 parts when the table prints only the parts under a 基本支出 head. */
function basicParts(t: StdTable): string[] {
  if (hasColumn(t, 'basic') || !hasColumn(t, 'personnel') || !hasColumn(t, 'public')) return ['basic'];
  return ['personnel', 'public'];
}

export const t2RowTotal = rowSumRule({
  meta: {
    id: 'arithmetic/t2-row-total',
    title: '收入总表合计等于本年收入小计加上年结转',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('2'),
    description: '收入总表每一行：合计 = 本年收入小计 + 上年结转。无“小计”列时，合计 = 各收入来源 + 上年结转。',
    example: { bad: '201 一般公共服务支出：合计 240.05，本年收入小计 230.05，上年结转 5.00', message: '《部门预算收入总表》“201 一般公共服务支出”行“合计”列 240.05 万元，小计、上年结转之和（230.05 + 5.00）为 235.05 万元，相差 5.00 万元。' },
    appliesTo: [...BOTH],
  },
  kinds: ['revenue'],
  total: 'total',
  parts: (t) => (hasColumn(t, 'currentIncome') ? ['currentIncome', 'carryOver'] : [...sources(t), 'carryOver']),
  minParts: 1,
});

export const t2Sources = rowSumRule({
  meta: {
    id: 'arithmetic/t2-sources',
    title: '收入总表本年收入小计等于各收入来源之和',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('2'),
    description: '收入总表每一行：本年收入小计 = 财政拨款收入（或一般公共预算 + 政府性基金 + 国有资本经营）+ 财政专户 + 事业收入 + 经营收入 + 上级补助 + 附属单位上缴 + 其他收入。',
    example: { bad: '合计行：小计 302.27，财政拨款收入 300.00，事业收入 1.00', message: '《部门预算收入总表》“合计”行“小计”列 302.27 万元，财政拨款收入、事业收入之和（300.00 + 1.00）为 301.00 万元，相差 1.27 万元。' },
    appliesTo: [...BOTH],
  },
  kinds: ['revenue'],
  total: 'currentIncome',
  parts: sources,
  minParts: 1,
});

export const t3RowTotal = rowSumRule({
  meta: {
    id: 'arithmetic/t3-row-total',
    title: '支出总表合计等于基本、项目、经营、上缴上级、对附属单位补助之和',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('3'),
    description: '支出总表每一行：合计 = 基本支出 + 项目支出 + 经营支出 + 上缴上级支出 + 对附属单位补助支出（表中只分列人员支出、公用支出而无基本支出合计列时，以两者之和作基本支出）。',
    example: { bad: '201 一般公共服务支出：合计 240.05，基本支出 176.20，项目支出 60.85', message: '《部门预算支出总表》“201 一般公共服务支出”行“合计”列 240.05 万元，基本支出、项目支出之和（176.20 + 60.85）为 237.05 万元，相差 3.00 万元。' },
    appliesTo: [...BOTH],
  },
  kinds: ['expenditure'],
  total: 'total',
  parts: (t) => [...basicParts(t), 'project', 'operating', 'toSuperior', 'toSubsidiary', 'reserve'],
});

export const basicProjectRowTotal = rowSumRule({
  meta: {
    id: 'arithmetic/basic-project-row-total',
    title: '财政拨款支出表合计等于基本支出加项目支出',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('4'),
    description: '一般公共预算、政府性基金预算、国有资本经营预算财政拨款支出表每一行：合计 = 基本支出 + 项目支出。',
    example: { bad: '合计行：合计 302.27，基本支出 238.42，项目支出 53.85', message: '《部门预算一般公共预算财政拨款支出表》“合计”行“合计”列 302.27 万元，基本支出、项目支出之和（238.42 + 53.85）为 292.27 万元，相差 10.00 万元。' },
    appliesTo: [...BOTH],
  },
  kinds: ['general-budget-expenditure', 'gov-fund-expenditure', 'state-capital-expenditure'],
  total: 'total',
  parts: (t) => [...basicParts(t), 'project'],
});

export const t6RowTotal = rowSumRule({
  meta: {
    id: 'arithmetic/t6-row-total',
    title: '基本支出表合计等于人员经费加公用经费',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('7'),
    description: '一般公共预算财政拨款基本支出表每一行：合计 = 人员经费 + 公用经费。',
    example: { bad: '合计行：合计 238.42，人员经费 209.64，公用经费 27.78', message: '《部门预算一般公共预算财政拨款基本支出表》“合计”行“合计”列 238.42 万元，人员经费、公用经费之和（209.64 + 27.78）为 237.42 万元，相差 1.00 万元。' },
    appliesTo: [...BOTH],
  },
  kinds: ['general-budget-basic'],
  total: 'total',
  parts: ['personnel', 'public'],
});

export const t4RowFunds = rowSumRule({
  meta: {
    id: 'arithmetic/t4-row-funds',
    title: '财政拨款收支总表每类支出合计等于各项财政拨款之和',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('6'),
    description: '财政拨款收支总表支出栏每一行：合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算财政拨款。',
    example: { bad: '一般公共服务支出：合计 240.05，一般公共预算 230.05', message: '《部门预算财政拨款收支总表》“201 一般公共服务支出”行“合计”列 240.05 万元，一般公共预算财政拨款之和为 230.05 万元，相差 10.00 万元。' },
    appliesTo: [...BOTH],
  },
  kinds: ['fiscal-summary'],
  total: 'total',
  parts: FUND_SOURCES,
  minParts: 1,
  rows: (t) => t.rows.filter((r) => r.side === 'expenditure'),
});
