/**
 * 决算: 年初预算 against 支出决算 as the 说明 states it (domain.md §3, §5.12, §5.18): the completion
 * rate is 决算 ÷ 年初预算; 决算数大于/小于/等于预算数 agrees with the figures; a difference has its
 * reason; and the figures are those of the 决算 tables.
 */
import type { BudgetVsFinal, Disclosure, Figure, Row, StdTable } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { checkSame } from '../lib/compare.js';
import { amount, amountHalfStep, percent, val } from '../lib/figures.js';
import { codeRows, tableOf, totalRow, where } from '../lib/tables.js';
import { TP_NAMES } from '../lib/three-public.js';
import { defineRule } from '../types.js';
import { percentStep, ratioTolerance, statementWhere, threePublicKey, threePublicStage, vsName } from './statements.js';

const FINAL = ['final-accounts'] as const;

/** The 年初预算 of a statement: stated, or for a 三公 part the 预算数 the 三公 决算表 prints. */
function budgetOf(doc: Disclosure, b: BudgetVsFinal): Figure | null {
  if (val(b.budget)) return b.budget;
  if (b.scope !== 'three-public') return null;
  const key = threePublicKey(b.name);
  return key ? (threePublicStage(doc, 'budget')?.values[key] ?? null) : null;
}

export const completionRate = defineRule({
  meta: {
    id: 'arithmetic/final-completion-rate',
    title: '完成年初预算的比例等于决算数除以年初预算数',
    severity: 'error',
    category: 'arithmetic',
    basis: BASIS.identities('18'),
    description:
      '决算说明写“年初预算为 A 万元，支出决算为 B 万元，完成年初预算的 x%”时：x = B ÷ A × 100，容差为百分比与两个金额的打印精度。“三公”经费各项只写决算数与完成比例时，年初预算取“三公”经费支出决算表的预算数。年初预算为零时不比较。',
    example: {
      bad: '年初预算 116.00，支出决算 114.30，“完成年初预算的 95.53%”',
      message: '说明中“一般公共服务支出/档案事务/行政运行”完成年初预算的 95.53%，按支出决算 114.30 ÷ 年初预算 116.00 应为 98.53%，相差 3.00 个百分点。',
    },
    appliesTo: [...FINAL],
  },
  check(doc, ctx) {
    for (const b of doc.budgetVsFinal) {
      const rate = val(b.rate);
      const budgetFig = budgetOf(doc, b);
      const budget = val(budgetFig);
      const final = val(b.final);
      if (!rate || !budget || !final || budget.isZero()) continue;
      const computed = final.div(budget).times(100);
      const diff = rate.minus(computed);
      if (diff.toDecimalPlaces(6).isZero()) continue;
      const tol = percentStep(b.rate!.raw).plus(ratioTolerance(final, budget, amountHalfStep(b.final!), amountHalfStep(budgetFig!)));
      ctx.report({
        message: `说明中“${vsName(b)}”完成年初预算的 ${b.rate!.raw.replace(/[%％]$/, '')}%，按支出决算 ${amount(final)} ÷ 年初预算 ${amount(budget)} 应为 ${percent(computed)}，相差 ${diff.abs().toDecimalPlaces(2).toFixed(2)} 个百分点。`,
        location: statementWhere(b.loc),
        figures: { 年初预算: budget, 支出决算: final, 完成比例: rate },
        expected: computed.toDecimalPlaces(2),
        actual: rate,
        difference: diff.toDecimalPlaces(2),
        rounding: diff.abs().lessThanOrEqualTo(tol),
      });
    }
  },
});

const WORDS: Record<NonNullable<BudgetVsFinal['comparison']>, string> = { greater: '大于', less: '小于', equal: '等于' };

export const comparisonWords = defineRule({
  meta: {
    id: 'narrative/final-vs-budget-comparison',
    title: '“决算数大于/小于/等于预算数”与数字一致',
    severity: 'error',
    category: 'narrative',
    basis: BASIS.identities('12'),
    description: '决算说明写“决算数大于（小于、等于）预算数”或“预决算持平”时，所写支出决算与年初预算须确实如此（按打印的两位小数比较）。模板中未删去的“大于（小于）”不算作说法，不比较。',
    example: {
      bad: '年初预算 116.00，支出决算 114.30，“决算数大于预算数”',
      message: '说明中“一般公共服务支出/档案事务/行政运行”写“决算数大于预算数”，但支出决算 114.30 万元小于年初预算 116.00 万元。',
    },
    appliesTo: [...FINAL],
  },
  check(doc, ctx) {
    for (const b of doc.budgetVsFinal) {
      const budget = val(b.budget);
      const final = val(b.final);
      if (!b.comparison || !budget || !final) continue;
      const actual = final.greaterThan(budget) ? 'greater' : final.lessThan(budget) ? 'less' : 'equal';
      if (actual === b.comparison) continue;
      ctx.report({
        message: `说明中“${vsName(b)}”写“决算数${WORDS[b.comparison]}预算数”，但支出决算 ${amount(final)} 万元${WORDS[actual]}年初预算 ${amount(budget)} 万元。`,
        location: statementWhere(b.loc),
        figures: { 年初预算: budget, 支出决算: final },
        expected: budget,
        actual: final,
        difference: final.minus(budget),
      });
    }
  },
});

export const differenceReason = defineRule({
  meta: {
    id: 'narrative/final-vs-budget-reason',
    title: '决算数与年初预算不同时说明原因',
    severity: 'warning',
    category: 'narrative',
    basis: `${BASIS.procedure}；部门决算公开模板：“决算数大于（小于）预算数的主要原因”`,
    description: '决算说明对一般公共预算（及政府性基金、国有资本经营预算）支出总额和各项级科目写明年初预算与支出决算；两者不同时须说明主要原因，持平的不必说明。',
    example: {
      bad: '“年初预算为24.00万元，支出决算为29.80万元。”后无原因',
      message: '说明中“一般公共服务支出/档案事务/档案馆”年初预算 24.00 万元、支出决算 29.80 万元，未说明决算数与预算数不同的原因。',
    },
    appliesTo: [...FINAL],
  },
  check(doc, ctx) {
    for (const b of doc.budgetVsFinal) {
      const budget = val(b.budget);
      const final = val(b.final);
      if (b.scope === 'three-public' && !budget) continue;
      if (!budget || !final || budget.equals(final) || b.reason) continue;
      ctx.report({
        message: `说明中“${vsName(b)}”年初预算 ${amount(budget)} 万元、支出决算 ${amount(final)} 万元，未说明决算数与预算数不同的原因。`,
        location: statementWhere(b.loc),
        figures: { 年初预算: budget, 支出决算: final },
      });
    }
  },
});

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
        a: { desc: `说明中“${vsName(b)}”支出决算`, figure: b.final },
        b: { desc: where(t, r, r.values.total ? 'total' : 'amount'), figure: spent(r) },
        location: statementWhere(b.loc),
      });
    }
  },
});

