/**
 * Identities across the standard tables (domain.md §5.2, 5.5–5.7): totals and 类 of 收支总表 agree
 * with 收入总表/支出总表; the same code has the same amount in 收入总表 and 支出总表 (and in the
 * 一般公共预算 table when all money is 一般公共预算); 财政拨款收支总表 = T5 + T7 + T8; T5 基本 = T6 合计.
 */
import type { Figure, Row, StdTable } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { checkAtMost, checkSame, differs } from '../lib/compare.js';
import { amount, asFigure, sum, sumTolerance, val } from '../lib/figures.js';
import { amountOf, byCode, cellLocation, codeRows, columnLabel, linesBeforeTotal, rowLabel, sideRows, sourceLines, tableName, tableOf, totalRow, where } from '../lib/tables.js';
import { defineRule, type RuleContext } from '../types.js';

const BOTH = ['budget', 'final-accounts'] as const;

function sideRow(t: StdTable, side: 'revenue' | 'expenditure', role: Row['role']): Row | undefined {
  return sideRows(t, side).find((r) => r.role === role);
}

function sideDesc(t: StdTable, r: Row): string {
  return `《${tableName(t)}》${r.name.replace(/\s+/g, '')}`;
}

/** One amount in two tables; the location is the first table's cell. */
function same(ctx: RuleContext, ta: StdTable, ra: Row, fa: Figure | null, da: string, _tb: StdTable, _rb: Row | undefined, fb: Figure | null, db: string): void {
  checkSame(ctx, { a: { desc: da, figure: fa }, b: { desc: db, figure: fb }, location: cellLocation(ta, ra) });
}

const FUNDS = ['generalBudget', 'govFund', 'stateCapital'];

export const t1T2Revenue = defineRule({
  meta: {
    id: 'cross-table/t1-t2-revenue',
    title: '收支总表收入与收入总表一致',
    severity: 'error',
    category: 'cross-table',
    basis: BASIS.identities('2'),
    description: '收支总表的本年收入合计、上年结转、收入总计及各收入来源 = 收入总表合计行的本年收入小计、上年结转、合计及对应来源列（收入总表只列“财政拨款收入”时，与收支总表三项财政拨款之和比较）。',
    example: { bad: '收支总表本年收入合计 302.27，收入总表合计行小计 300.27', message: '《部门预算收支总表》本年收入合计 302.27 万元，与《部门预算收入总表》“合计”行“小计”列 300.27 万元不一致，相差 2.00 万元。' },
    appliesTo: [...BOTH],
    tables: ['revenue-expenditure-summary', 'revenue'],
  },
  check(doc, ctx) {
    const t1 = tableOf(doc, 'revenue-expenditure-summary');
    const t2 = tableOf(doc, 'revenue');
    const tr = t2 && totalRow(t2);
    if (!t1 || !t2 || !tr) return;
    const pairs: [Row | undefined, string][] = [
      [sideRow(t1, 'revenue', 'total'), 'currentIncome'],
      [sideRows(t1, 'revenue').find((r) => r.role === 'carry-over' && !r.key?.includes('.')), 'carryOver'],
      [sideRow(t1, 'revenue', 'grand-total'), 'total'],
    ];
    for (const [r, key] of pairs) {
      if (r) same(ctx, t1, r, amountOf(r), sideDesc(t1, r), t2, tr, tr.values[key] ?? null, where(t2, tr, key));
    }
    const lines = sourceLines(t1, 'revenue');
    for (const key of Object.keys(tr.values)) {
      if (['total', 'currentIncome', 'carryOver'].includes(key)) continue;
      if (key === 'fiscal') {
        const funds = lines.filter((r) => r.key && FUNDS.includes(r.key) && amountOf(r));
        if (!funds.length) continue;
        const s = sum(funds.map((r) => val(amountOf(r))));
        checkSame(ctx, {
          a: { desc: `《${tableName(t1)}》${funds.map((r) => r.name.replace(/\s+/g, '')).join('、')}合计`, figure: asFigure(s, s.toString()) },
          b: { desc: where(t2, tr, key), figure: tr.values[key] ?? null },
          location: cellLocation(t1, funds[0]),
        });
        continue;
      }
      const r = lines.find((x) => x.key === key);
      if (r) same(ctx, t1, r, amountOf(r), sideDesc(t1, r), t2, tr, tr.values[key] ?? null, where(t2, tr, key));
    }
  },
});

/** 类 rows of T1's expenditure side by code. */
function t1Classes(t1: StdTable): Map<string, Row> {
  const m = new Map<string, Row>();
  for (const r of linesBeforeTotal(t1, 'expenditure')) if (r.code && r.code.length === 3 && !m.has(r.code)) m.set(r.code, r);
  return m;
}

export const t1T3Expenditure = defineRule({
  meta: {
    id: 'cross-table/t1-t3-expenditure',
    title: '收支总表支出与支出总表一致',
    severity: 'error',
    category: 'cross-table',
    basis: BASIS.identities('5'),
    description: '收支总表本年支出合计 = 支出总表合计行合计；收支总表每一类支出 = 支出总表同一类级科目的合计。',
    example: { bad: '收支总表“社会保障和就业支出” 28.29，支出总表 208 类合计 30.29', message: '《部门预算收支总表》“208 八、社会保障和就业支出” 28.29 万元，与《部门预算支出总表》“208 社会保障和就业支出”行“合计”列 30.29 万元不一致，相差 2.00 万元。' },
    appliesTo: [...BOTH],
    tables: ['revenue-expenditure-summary', 'expenditure'],
  },
  check(doc, ctx) {
    const t1 = tableOf(doc, 'revenue-expenditure-summary');
    const t3 = tableOf(doc, 'expenditure');
    if (!t1 || !t3) return;
    const total1 = sideRow(t1, 'expenditure', 'total');
    const total3 = totalRow(t3);
    if (total1 && total3) same(ctx, t1, total1, amountOf(total1), sideDesc(t1, total1), t3, total3, total3.values.total ?? null, where(t3, total3, 'total'));
    const codes3 = byCode(t3);
    for (const [code, r1] of t1Classes(t1)) {
      const r3 = codes3.get(code);
      if (r3) same(ctx, t1, r1, amountOf(r1), `《${tableName(t1)}》“${rowLabel(r1)}”`, t3, r3, r3.values.total ?? null, where(t3, r3, 'total'));
    }
  },
});

/**
 * Code lengths a table prints (3 类, 5 款, 7 项). A code is "missing" from the other table only at a
 * depth that table prints at all: a table of units or of 类 only is another layout, not an omission.
 */
function depths(m: Map<string, Row>): Set<number> {
  return new Set([...m.keys()].map((c) => c.length));
}

function compareCodes(ctx: RuleContext, ta: StdTable, tb: StdTable, keys: string[], reportMissing: boolean): void {
  const a = byCode(ta);
  const b = byCode(tb);
  const depthsA = depths(a);
  const depthsB = depths(b);
  const ra = totalRow(ta);
  const rb = totalRow(tb);
  if (ra && rb) for (const k of keys) if (differs(ra.values[k] ?? null, rb.values[k] ?? null)) checkSame(ctx, { a: { desc: where(ta, ra, k), figure: ra.values[k] ?? null }, b: { desc: where(tb, rb, k), figure: rb.values[k] ?? null }, location: cellLocation(ta, ra, k) });
  for (const [code, r] of a) {
    const o = b.get(code);
    if (!o) {
      const f = r.values.total ?? null;
      if (reportMissing && depthsB.has(code.length) && val(f) && !val(f)!.isZero()) {
        ctx.report({
          message: `${where(ta, r, 'total')} ${amount(val(f))} 万元，而《${tableName(tb)}》未列科目 ${code}。`,
          location: cellLocation(ta, r, 'total'),
          actual: val(f),
        });
      }
      continue;
    }
    for (const k of keys) if (differs(r.values[k] ?? null, o.values[k] ?? null)) checkSame(ctx, { a: { desc: where(ta, r, k), figure: r.values[k] ?? null }, b: { desc: where(tb, o, k), figure: o.values[k] ?? null }, location: cellLocation(ta, r, k) });
  }
  if (!reportMissing) return;
  for (const [code, r] of b) {
    const f = r.values.total ?? null;
    if (!a.has(code) && depthsA.has(code.length) && val(f) && !val(f)!.isZero()) {
      ctx.report({
        message: `${where(tb, r, 'total')} ${amount(val(f))} 万元，而《${tableName(ta)}》未列科目 ${code}。`,
        location: cellLocation(tb, r, 'total'),
        actual: val(f),
      });
    }
  }
}

export const t2T3Codes = defineRule({
  meta: {
    id: 'cross-table/t2-t3-codes',
    title: '收入总表与支出总表同一科目金额一致',
    severity: 'error',
    category: 'cross-table',
    basis: BASIS.identities('5'),
    description: '部门收入总表与部门支出总表都按功能分类列示全部资金：同一科目编码的合计相等，一方列出而另一方未列的非零科目也报告。',
    example: { bad: '收入总表 2013704 合计 20.00，支出总表 2013704 合计 25.00', message: '《部门预算收入总表》“2013704 信息安全事务”行“合计”列 20.00 万元，与《部门预算支出总表》“2013704 信息安全事务”行“合计”列 25.00 万元不一致，相差 5.00 万元。' },
    appliesTo: ['budget'],
    tables: ['revenue', 'expenditure'],
  },
  check(doc, ctx) {
    const t2 = tableOf(doc, 'revenue');
    const t3 = tableOf(doc, 'expenditure');
    // A 收入总表 that lists budget units instead of functional codes has no code to compare.
    if (t2 && t3 && !t2.empty && !t3.empty && codeRows(t2).length) compareCodes(ctx, t2, t3, ['total'], true);
  },
});

/** True when every yuan is 一般公共预算: T5's total equals T3's. */
function allGeneralBudget(t3: StdTable, t5: StdTable): boolean {
  const a = val(totalRow(t3)?.values.total);
  const b = val(totalRow(t5)?.values.total);
  return !!a && !!b && a.equals(b);
}

export const t3T5Codes = defineRule({
  meta: {
    id: 'cross-table/t3-t5-codes',
    title: '支出总表与一般公共预算支出表同一科目一致',
    severity: 'error',
    category: 'cross-table',
    basis: BASIS.identities('5'),
    description: '全部资金为一般公共预算时（两表合计相等），支出总表与一般公共预算财政拨款支出表同一科目的合计、基本支出、项目支出相等；否则一般公共预算支出表中每一科目的合计不超过支出总表同一科目。',
    example: { bad: '两表合计都为 302.27；2013301 行基本支出：支出总表 176.20，一般公共预算支出表 170.20', message: '《部门预算支出总表》“2013301 行政运行”行“基本支出”列 176.20 万元，与《部门预算一般公共预算财政拨款支出表》“2013301 行政运行”行“基本支出”列 170.20 万元不一致，相差 6.00 万元。' },
    appliesTo: ['budget', 'final-accounts'],
    tables: ['expenditure', 'general-budget-expenditure'],
  },
  check(doc, ctx) {
    const t3 = tableOf(doc, 'expenditure');
    const t5 = tableOf(doc, 'general-budget-expenditure');
    if (!t3 || !t5 || t3.empty || t5.empty) return;
    if (allGeneralBudget(t3, t5)) {
      compareCodes(ctx, t3, t5, ['total', 'basic', 'project'], true);
      return;
    }
    const codes3 = byCode(t3);
    for (const [code, r5] of byCode(t5)) {
      const r3 = codes3.get(code);
      if (!r3) continue;
      checkAtMost(ctx, {
        a: { desc: where(t5, r5, 'total'), figure: r5.values.total ?? null },
        b: { desc: where(t3, r3, 'total'), figure: r3.values.total ?? null },
        location: cellLocation(t5, r5, 'total'),
      });
    }
  },
});

export const t4FundTables = defineRule({
  meta: {
    id: 'cross-table/t4-fund-tables',
    title: '财政拨款收支总表与各财政拨款支出表一致',
    severity: 'error',
    category: 'cross-table',
    basis: BASIS.identities('6'),
    description: '财政拨款收支总表本年支出合计的一般公共预算列 = 一般公共预算财政拨款支出表合计；政府性基金列 = 政府性基金支出表合计；国有资本经营列 = 国有资本经营支出表合计；一般公共预算列的每一类 = 一般公共预算支出表同一类。空表按零计。',
    example: { bad: '财政拨款收支总表一般公共预算支出合计 302.27，一般公共预算财政拨款支出表合计 300.27', message: '《部门预算财政拨款收支总表》本年支出合计“一般公共预算财政拨款”列 302.27 万元，与《部门预算一般公共预算财政拨款支出表》“合计”行“合计”列 300.27 万元不一致，相差 2.00 万元。' },
    appliesTo: [...BOTH],
    tables: ['fiscal-summary', 'general-budget-expenditure', 'gov-fund-expenditure', 'state-capital-expenditure'],
  },
  check(doc, ctx) {
    const t4 = tableOf(doc, 'fiscal-summary');
    if (!t4) return;
    const total4 = sideRow(t4, 'expenditure', 'total');
    const pairs: [string, StdTable | undefined][] = [
      ['generalBudget', tableOf(doc, 'general-budget-expenditure')],
      ['govFund', tableOf(doc, 'gov-fund-expenditure')],
      ['stateCapital', tableOf(doc, 'state-capital-expenditure')],
    ];
    for (const [key, t] of pairs) {
      if (!t || !total4) continue;
      const f4 = total4.values[key] ?? null;
      const tr = totalRow(t);
      if (t.empty) {
        if (val(f4) && !val(f4)!.isZero())
          ctx.report({
            message: `《${tableName(t4)}》本年支出合计“${columnLabel(t4, key, 'expenditure')}”列 ${amount(val(f4))} 万元，而《${tableName(t)}》为空表。`,
            location: cellLocation(t4, total4, key),
            actual: val(f4),
          });
        continue;
      }
      if (tr) checkSame(ctx, { a: { desc: `《${tableName(t4)}》本年支出合计“${columnLabel(t4, key, 'expenditure')}”列`, figure: f4 }, b: { desc: where(t, tr, 'total'), figure: tr.values.total ?? null }, location: cellLocation(t4, total4, key) });
    }
    const t5 = tableOf(doc, 'general-budget-expenditure');
    if (!t5 || t5.empty) return;
    const codes5 = byCode(t5);
    for (const r of linesBeforeTotal(t4, 'expenditure')) {
      if (!r.code || r.code.length !== 3) continue;
      const r5 = codes5.get(r.code);
      if (!r5) continue;
      checkSame(ctx, { a: { desc: `《${tableName(t4)}》“${rowLabel(r)}”一般公共预算列`, figure: r.values.generalBudget ?? null }, b: { desc: where(t5, r5, 'total'), figure: r5.values.total ?? null }, location: cellLocation(t4, r, 'generalBudget') });
    }
  },
});

export const t4T1Revenue = defineRule({
  meta: {
    id: 'cross-table/t4-t1-revenue',
    title: '财政拨款收入与收支总表一致',
    severity: 'error',
    category: 'cross-table',
    basis: BASIS.identities('6'),
    description: '财政拨款收支总表的一般公共预算拨款、政府性基金预算拨款、国有资本经营预算拨款收入 = 收支总表同名收入行。',
    example: { bad: '财政拨款收支总表一般公共预算拨款 302.27，收支总表一般公共预算拨款收入 300.00', message: '《部门预算财政拨款收支总表》一、一般公共预算拨款 302.27 万元，与《部门预算收支总表》一、一般公共预算拨款收入 300.00 万元不一致，相差 2.27 万元。' },
    appliesTo: [...BOTH],
    tables: ['fiscal-summary', 'revenue-expenditure-summary'],
  },
  check(doc, ctx) {
    const t4 = tableOf(doc, 'fiscal-summary');
    const t1 = tableOf(doc, 'revenue-expenditure-summary');
    if (!t4 || !t1) return;
    const l1 = sourceLines(t1, 'revenue');
    for (const r4 of sourceLines(t4, 'revenue')) {
      if (!r4.key || !FUNDS.includes(r4.key)) continue;
      const r1 = l1.find((r) => r.key === r4.key);
      if (r1) same(ctx, t4, r4, amountOf(r4), sideDesc(t4, r4), t1, r1, amountOf(r1), sideDesc(t1, r1));
    }
  },
});

export const t5T6Basic = defineRule({
  meta: {
    id: 'cross-table/t5-t6-basic',
    title: '一般公共预算基本支出与基本支出表合计一致',
    severity: 'error',
    category: 'cross-table',
    basis: BASIS.identities('7'),
    description: '一般公共预算财政拨款支出表合计行的基本支出 = 一般公共预算财政拨款基本支出表合计行合计。',
    example: { bad: '支出表基本支出 238.42，基本支出表合计 248.42', message: '《部门预算一般公共预算财政拨款支出表》“合计”行“基本支出”列 238.42 万元，与《部门预算一般公共预算财政拨款基本支出表》“合计”行“合计”列 248.42 万元不一致，相差 10.00 万元。' },
    appliesTo: [...BOTH],
    tables: ['general-budget-expenditure', 'general-budget-basic'],
  },
  check(doc, ctx) {
    const t5 = tableOf(doc, 'general-budget-expenditure');
    const t6 = tableOf(doc, 'general-budget-basic');
    const r5 = t5 && totalRow(t5);
    const r6 = t6 && totalRow(t6);
    if (!t5 || !t6 || !r5 || !r6) return;
    // Both tables print the same 人员经费 and 公用经费: a 基本支出 that differs by no more than their
    // rounding is one table adding rounded parts and the other rounding the exact sum.
    const parts = ['personnel', 'public'].map((k) => [r5.values[k] ?? null, r6.values[k] ?? null] as const);
    const partsAgree = parts.every(([a, b]) => val(a) && val(b) && val(a)!.equals(val(b)!));
    const tolerance = partsAgree ? sumTolerance(parts.map(([a]) => a)) : undefined;
    checkSame(ctx, { a: { desc: where(t5, r5, 'basic'), figure: r5.values.basic ?? null }, b: { desc: where(t6, r6, 'total'), figure: r6.values.total ?? null }, location: cellLocation(t5, r5, 'basic'), tolerance });
  },
});

