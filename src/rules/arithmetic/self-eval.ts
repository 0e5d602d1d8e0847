/**
 * 绩效自评 arithmetic (domain.md §5.19): 执行率 = 执行数/预算数; 执行率得分 = 执行率 × 分值;
 * 总分 = Σ 指标得分 + 执行率得分; 一级指标得分 ≤ 其分值; 等级由总分定; 部门得分是项目得分的平均.
 */
import type { Figure, SelfEvalProject, Value } from '../../model/disclosure.js';
import { Money } from '../../model/money.js';
import { BASIS } from '../lib/basis.js';
import { checkAtMost, checkSum } from '../lib/compare.js';
import { amount, amountHalfStep, asFigure, halfStep, money, sum, val } from '../lib/figures.js';
import { isBlankRow, level1Name } from '../lib/indicators.js';
import { defineRule, type RuleContext } from '../types.js';

const HUNDRED = new Money(100);

function place(p: SelfEvalProject): string {
  return `项目“${p.name}”绩效自评表`;
}

// Several rules (and the re-scoring) ask for the same project's rate: computed once per project
// while its two figures stay the same objects.
const rates = new WeakMap<SelfEvalProject, { budget: Figure | null; executed: Figure | null; rate: { rate: Money; tol: Money } | null }>();

/** 执行数 / 预算数 × 100 and how far rounding of both may move it. */
function computedRate(p: SelfEvalProject): { rate: Money; tol: Money } | null {
  const known = rates.get(p);
  if (known && known.budget === p.budget && known.executed === p.executed) return known.rate;
  const rate = rateOf(p);
  rates.set(p, { budget: p.budget, executed: p.executed, rate });
  return rate;
}

function rateOf(p: SelfEvalProject): { rate: Money; tol: Money } | null {
  const b = val(p.budget);
  const e = val(p.executed);
  if (!b || !e || b.isZero()) return null;
  const hb = amountHalfStep(p.budget!);
  const he = amountHalfStep(p.executed!);
  const rate = e.div(b).times(100);
  const tol = he.div(b).plus(e.times(hb).div(b.times(b))).times(100);
  return { rate, tol };
}

function executionWeight(p: SelfEvalProject): number | null {
  if (p.executionWeight !== null) return p.executionWeight;
  const k = Object.keys(p.weights).find((x) => /执行率/.test(x));
  return k ? p.weights[k] : null;
}

function fmtN(v: Money): string {
  return v.toDecimalPlaces(2).toString();
}

export const selfEvalExecutionRate = defineRule({
  meta: {
    id: 'arithmetic/self-eval-execution-rate',
    title: '预算执行率等于执行数除以预算数',
    severity: 'error',
    category: 'arithmetic',
    basis: `${BASIS.performance}；domain.md §5.19`,
    description: '项目自评表：所填预算执行进度（%）= 执行数 ÷ 预算数（调整后）× 100，按两数的打印精度容差。',
    example: { bad: '预算数 10，执行数 5.78，预算执行进度 100%', message: '项目“信息化及人员培训费”绩效自评表预算执行率填 100%，按执行数 5.78 ÷ 预算数 10.00 应为 57.80%，相差 42.2 个百分点。' },
    appliesTo: ['self-evaluation', 'final-accounts'],
  },
  check(doc, ctx) {
    for (const p of doc.selfEvaluation?.projects ?? []) {
      const stated = val(p.executionRate);
      const c = computedRate(p);
      if (!stated || !c) continue;
      const diff = stated.minus(c.rate);
      if (diff.abs().lessThanOrEqualTo(new Money('1e-9'))) continue;
      const tol = c.tol.plus(halfStep(p.executionRate!.raw, stated));
      ctx.report({
        message: `${place(p)}预算执行率填 ${fmtN(stated)}%，按执行数 ${amount(val(p.executed))} ÷ 预算数 ${amount(val(p.budget))} 应为 ${c.rate.toFixed(2)}%，相差 ${fmtN(diff.abs())} 个百分点。`,
        location: { ...p.loc, ...(p.executionRate?.loc ?? {}), where: `${place(p)}预算执行进度` },
        figures: { 预算数: val(p.budget), 执行数: val(p.executed), 预算执行率: stated },
        expected: c.rate.toDecimalPlaces(2),
        actual: stated,
        difference: diff.toDecimalPlaces(2),
        rounding: diff.abs().lessThanOrEqualTo(tol),
      });
    }
  },
});

/** A stated percentage (实际完成值 "100%", "99.5", "100百分比") as a number; null for words. */
function statedPercent(v: Value | null | undefined): Money | null {
  if (!v || v.value === null || v.operator === 'range' || (v.unit !== null && v.unit !== '%')) return null;
  return new Money(v.value);
}

export const selfEvalExecutionActual = defineRule({
  meta: {
    id: 'arithmetic/self-eval-execution-actual',
    title: '预算执行率指标的实际完成值与执行数除以预算数一致',
    severity: 'warning',
    category: 'arithmetic',
    basis: `${BASIS.performance}；domain.md §5.19`,
    description:
      '项目自评表：“预算执行率”指标行所填实际完成值（%）应为执行数 ÷ 预算数（调整后）× 100，按所填百分数和两个金额的打印精度容差。填 100% 即称资金全部执行，执行数少于预算数时不以四舍五入解释。实际完成值为文字（如“已完成”）时不判断。',
    example: {
      bad: '预算数 10，执行数 5.78，预算执行率指标实际完成值 100%',
      message: '项目“信息化及人员培训费”绩效自评表预算执行率指标实际完成值填 100%，按执行数 5.78 ÷ 预算数 10.00 为 57.80%，相差 42.2 个百分点。',
    },
    appliesTo: ['self-evaluation', 'final-accounts'],
  },
  check(doc, ctx) {
    for (const p of doc.selfEvaluation?.projects ?? []) {
      const actual = p.executionIndicator?.actual;
      const stated = statedPercent(actual);
      const c = computedRate(p);
      if (!actual || !stated || !c) continue;
      const diff = stated.minus(c.rate);
      if (diff.abs().lessThanOrEqualTo(new Money('1e-9'))) continue;
      // "100%" says every yuan was spent: a printed 执行数 below the printed 预算数 says otherwise.
      const fullClaim = stated.greaterThanOrEqualTo(HUNDRED) && val(p.executed)!.lessThan(val(p.budget)!);
      const tol = c.tol.plus(halfStep(actual.raw, stated));
      ctx.report({
        message: `${place(p)}预算执行率指标实际完成值填 ${fmtN(stated)}%，按执行数 ${amount(val(p.executed))} ÷ 预算数 ${amount(val(p.budget))} 为 ${c.rate.toFixed(2)}%，相差 ${fmtN(diff.abs())} 个百分点。`,
        location: { ...p.loc, where: `${place(p)}预算执行率指标实际完成值` },
        figures: { 预算数: val(p.budget), 执行数: val(p.executed), 实际完成值: stated },
        expected: c.rate.toDecimalPlaces(2),
        actual: stated,
        difference: diff.toDecimalPlaces(2),
        rounding: !fullClaim && diff.abs().lessThanOrEqualTo(tol),
      });
    }
  },
});

export const selfEvalExecutionScore = defineRule({
  meta: {
    id: 'arithmetic/self-eval-execution-score',
    title: '预算执行率得分等于执行率乘分值',
    severity: 'warning',
    category: 'arithmetic',
    basis: `${BASIS.performance}（预算执行率得分 = 执行率 × 分值）；domain.md §5.19`,
    description: '项目自评表：预算执行率指标得分 = min(执行数 ÷ 预算数, 100%) × 该指标分值。部分地方另有分档计分办法，故为警告，可在配置中调整。',
    example: { bad: '预算数 10，执行数 5.78，执行率指标分值 10，得分 10', message: '项目“信息化及人员培训费”绩效自评表预算执行率得分 10 分，按执行率 57.80% × 分值 10 应为 5.78 分，相差 4.22 分。' },
    appliesTo: ['self-evaluation', 'final-accounts'],
  },
  check(doc, ctx) {
    for (const p of doc.selfEvaluation?.projects ?? []) {
      const score = val(p.executionScore);
      const weight = executionWeight(p);
      const c = computedRate(p);
      if (!score || weight === null || !c) continue;
      const rate = Money.min(c.rate, HUNDRED);
      const expected = rate.times(weight).div(100);
      const diff = score.minus(expected);
      if (diff.isZero()) continue;
      const tol = halfStep(p.executionScore!.raw, score).plus(c.tol.times(weight).div(100));
      ctx.report({
        message: `${place(p)}预算执行率得分 ${fmtN(score)} 分，按执行率 ${rate.toFixed(2)}% × 分值 ${weight} 应为 ${fmtN(expected)} 分，相差 ${fmtN(diff.abs())} 分。`,
        location: { ...p.loc, ...(p.executionScore?.loc ?? {}), where: `${place(p)}预算执行率指标得分` },
        figures: { 执行率: rate, 分值: money(weight), 得分: score },
        expected: expected.toDecimalPlaces(2),
        actual: score,
        difference: diff.toDecimalPlaces(2),
        rounding: diff.abs().lessThanOrEqualTo(tol),
      });
    }
  },
});

export const selfEvalTotalScore = defineRule({
  meta: {
    id: 'arithmetic/self-eval-total-score',
    title: '自评总分等于各指标得分加执行率得分',
    severity: 'error',
    category: 'arithmetic',
    basis: `${BASIS.performance}；domain.md §5.19`,
    description: '项目自评表：总分 = 各绩效指标自评得分之和 + 预算执行率指标得分。有填写内容的指标行缺得分（多为未能读出）时不判断。',
    example: { bad: '指标得分 10、10、10、10、10、10，执行率得分 10，总分 80', message: '项目“党建活动经费”绩效自评表总分 80 分，各指标得分与预算执行率得分之和为 70 分，相差 10 分。' },
    appliesTo: ['self-evaluation', 'final-accounts'],
  },
  check(doc, ctx) {
    for (const p of doc.selfEvaluation?.projects ?? []) {
      // Judge only a table whose every filled indicator row has its score read.
      const filled = p.indicators.filter((i) => !isBlankRow(i.level3, i.target.raw));
      if (!filled.length || filled.some((i) => val(i.score) === null)) continue;
      const scores: (Figure | null)[] = p.indicators.map((i) => i.score);
      checkSum(ctx, {
        where: place(p),
        totalLabel: '总分',
        total: p.totalScore,
        parts: [...scores.map((f, i) => ({ label: p.indicators[i].level3, figure: f })), { label: '预算执行率得分', figure: p.executionScore }],
        partsLabel: '各指标得分与预算执行率得分',
        unit: '分',
        format: fmtN,
        location: { ...p.loc, ...(p.totalScore?.loc ?? {}), where: `${place(p)}总分` },
      });
    }
  },
});

export const selfEvalLevel1Weight = defineRule({
  meta: {
    id: 'arithmetic/self-eval-level1-weight',
    title: '一级指标得分不超过其分值',
    severity: 'error',
    category: 'arithmetic',
    basis: `${BASIS.performance}；domain.md §5.19`,
    description: '项目自评表：同一一级指标（产出、效益、满意度……）下各指标得分之和不超过表中该一级指标的分值。',
    example: { bad: '效益指标（30）下得分 40', message: '项目“网络宣传费用”绩效自评表效益指标得分合计 40 分，超过该一级指标分值 30 分，超出 10 分。' },
    appliesTo: ['self-evaluation', 'final-accounts'],
  },
  check(doc, ctx) {
    for (const p of doc.selfEvaluation?.projects ?? []) {
      const weights = new Map(Object.entries(p.weights).map(([k, v]) => [level1Name(k), v]));
      const groups = new Map<string, Money[]>();
      for (const i of p.indicators) {
        const s = val(i.score);
        if (!s) continue;
        const k = level1Name(i.level1);
        groups.set(k, [...(groups.get(k) ?? []), s]);
      }
      for (const [l1, scores] of groups) {
        const w = weights.get(l1);
        if (w === undefined) continue;
        const total = sum(scores);
        checkAtMost(ctx, {
          a: { desc: `${place(p)}${l1}得分合计`, figure: asFigure(total, total.toString()) },
          b: { desc: '该一级指标分值', figure: asFigure(money(w), String(w)) },
          verb: '超过',
          unit: '分',
          format: fmtN,
          tolerance: new Money('0.005'),
          location: { ...p.loc, where: `${place(p)}${l1}` },
        });
      }
    }
  },
});

export const selfEvalWeightsSum = defineRule({
  meta: {
    id: 'arithmetic/self-eval-weights-sum',
    title: '各一级指标分值合计为 100 分',
    severity: 'warning',
    category: 'arithmetic',
    basis: `${BASIS.performance}（满分 100 分）`,
    description: '项目自评表：各一级指标分值与预算执行率分值之和为 100。',
    example: { bad: '产出 40、效益 40、满意度 10，执行率 20', message: '项目“网络宣传费用”绩效自评表各一级指标分值与预算执行率分值合计 110 分，应为 100 分。' },
    appliesTo: ['self-evaluation', 'final-accounts'],
  },
  check(doc, ctx) {
    for (const p of doc.selfEvaluation?.projects ?? []) {
      const entries = Object.entries(p.weights);
      // Judge only weights read for the main 一级 indicators, not a stray one.
      const names = entries.map(([k]) => level1Name(k));
      if (!names.includes('产出指标') || !names.includes('效益指标')) continue;
      const hasExec = entries.some(([k]) => /执行率/.test(k));
      const w = executionWeight(p);
      const total = sum([...entries.map(([, v]) => money(v)), ...(!hasExec && w !== null ? [money(w)] : [])]);
      if (total.equals(HUNDRED)) continue;
      ctx.report({
        message: `${place(p)}各一级指标分值与预算执行率分值合计 ${total.toString()} 分，应为 100 分。`,
        location: { ...p.loc, where: place(p) },
        expected: HUNDRED,
        actual: total,
        difference: total.minus(HUNDRED),
      });
    }
  },
});

const GRADES: [RegExp, string][] = [
  [/优/, '优'],
  [/良/, '良'],
  [/中|一般|合格/, '中'],
  [/差|不合格/, '差'],
];

function gradeOf(text: string): string | null {
  for (const [re, g] of GRADES) if (re.test(text)) return g;
  return null;
}

export const selfEvalGrade = defineRule({
  meta: {
    id: 'arithmetic/self-eval-grade',
    title: '评价等级与总得分相符',
    severity: 'error',
    category: 'arithmetic',
    basis: `${BASIS.performance}（优 ≥ 90，良 80–<90，中 60–<80，差 < 60）`,
    description: '自评报告所写等级须与总得分对应：优 ≥ 90，良 ≥ 80，中 ≥ 60，其余为差。分档可在配置 options.thresholds 中按地方办法调整。',
    example: { bad: '总得分 86 分，等级“优秀”', message: '自评总得分 86 分应评为“良”，报告写作“优秀”。' },
    appliesTo: ['self-evaluation', 'final-accounts'],
  },
  defaults: { thresholds: { 优: 90, 良: 80, 中: 60 } },
  check(doc, ctx) {
    const se = doc.selfEvaluation;
    const total = val(se?.totalScore);
    if (!se || !total || !se.grade) return;
    const stated = gradeOf(se.grade);
    if (!stated) return;
    const th = ctx.options.thresholds as Record<string, number>;
    const expected = total.greaterThanOrEqualTo(th['优']) ? '优' : total.greaterThanOrEqualTo(th['良']) ? '良' : total.greaterThanOrEqualTo(th['中']) ? '中' : '差';
    if (expected === stated) return;
    ctx.report({
      message: `自评总得分 ${fmtN(total)} 分应评为“${expected}”，报告写作“${se.grade}”。`,
      location: { ...(se.totalScore?.loc ?? {}), where: '评价结论和评价等级' },
      figures: { 总得分: total },
      actual: total,
    });
  },
});

export const selfEvalDepartmentScore = defineRule({
  meta: {
    id: 'arithmetic/self-eval-department-score',
    title: '部门总得分是各项目得分的平均',
    severity: 'warning',
    category: 'arithmetic',
    basis: 'domain.md §5.19（部门得分按项目得分平均，简单平均或按预算加权）',
    description: '部门整体自评总得分应等于各项目自评总分的简单平均或按预算数加权的平均；两者都对不上时报告。',
    example: { bad: '项目得分 100、100、70，部门总得分 95', message: '部门自评总得分 95 分，与各项目得分的简单平均 90.00 分、按预算加权平均 92.50 分都不一致。' },
    appliesTo: ['self-evaluation', 'final-accounts'],
  },
  check(doc, ctx) {
    const se = doc.selfEvaluation;
    const total = val(se?.totalScore);
    if (!se || !total) return;
    const scored = se.projects.filter((p) => val(p.totalScore) !== null);
    if (scored.length < 2) return;
    const plain = sum(scored.map((p) => val(p.totalScore))).div(scored.length);
    const tol = halfStep(se.totalScore!.raw, total).plus(new Money('0.005'));
    if (total.minus(plain).abs().lessThanOrEqualTo(tol)) return;
    const budgets = scored.map((p) => val(p.budget));
    let weighted: Money | null = null;
    if (budgets.every((b) => b && b.greaterThan(0))) {
      const wsum = sum(budgets);
      weighted = sum(scored.map((p, i) => val(p.totalScore)!.times(budgets[i]!))).div(wsum);
      if (total.minus(weighted).abs().lessThanOrEqualTo(tol)) return;
    }
    ctx.report({
      message: `部门自评总得分 ${fmtN(total)} 分，与各项目得分的简单平均 ${plain.toFixed(2)} 分${weighted ? `、按预算加权平均 ${weighted.toFixed(2)} 分都` : ''}不一致。`,
      location: { ...(se.totalScore?.loc ?? {}), where: '评价结论和评价等级' },
      figures: { 总得分: total, 简单平均: plain.toDecimalPlaces(2), 加权平均: weighted?.toDecimalPlaces(2) ?? null },
      expected: plain.toDecimalPlaces(2),
      actual: total,
      difference: total.minus(plain).toDecimalPlaces(2),
    });
  },
});

export const selfEvalFunds = defineRule({
  meta: {
    id: 'arithmetic/self-eval-funds',
    title: '自评资金：执行数不超过到位数，财政资金不超过总数',
    severity: 'warning',
    category: 'arithmetic',
    basis: `${BASIS.performance}；domain.md §5.19`,
    description: '项目自评表：执行数 ≤ 到位数；其中财政资金 ≤ 对应总数（预算、到位、执行）。部门整体：支出 ≤ 调整预算数。',
    example: { bad: '到位数 30，执行数 32', message: '项目“网络安全防护及处置经费”绩效自评表执行数 32.00 万元，超过到位数 30.00 万元，超出 2.00 万元。' },
    appliesTo: ['self-evaluation', 'final-accounts'],
  },
  check(doc, ctx: RuleContext) {
    const se = doc.selfEvaluation;
    if (!se) return;
    for (const p of se.projects) {
      const w = place(p);
      const pairs: [string, Figure | null, string, Figure | null][] = [
        ['执行数', p.executed, '到位数', p.available],
        ['预算数中财政资金', p.budgetFiscal, '预算数', p.budget],
        ['到位数中财政资金', p.availableFiscal, '到位数', p.available],
        ['执行数中财政资金', p.executedFiscal, '执行数', p.executed],
      ];
      for (const [an, a, bn, b] of pairs) {
        checkAtMost(ctx, { a: { desc: `${w}${an}`, figure: a }, b: { desc: bn, figure: b }, location: { ...p.loc, where: w } });
      }
    }
    checkAtMost(ctx, {
      a: { desc: '部门整体支出', figure: se.spent },
      b: { desc: '调整预算数', figure: se.adjustedBudget },
      location: { ...(se.spent?.loc ?? {}), where: '部门收支预算情况' },
    });
  },
});

