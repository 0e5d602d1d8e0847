/**
 * Narrative statements other than plain amounts: 三公 figures and changes, direction words,
 * shares, the years named, project amounts.
 */
import type { ClaimSubject } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { claimDesc, claimFigure, claimHalfStep, claimsOf, claimWhere } from '../lib/claims.js';
import { checkSame } from '../lib/compare.js';
import { amount, halfStep, Money, percent, val } from '../lib/figures.js';
import { cellLocation, hasColumn, where } from '../lib/tables.js';
import { rowsByKey, threePublicFigures, threePublicTables, type TPKey } from '../lib/three-public.js';
import { defineRule } from '../types.js';

const TP_SUBJECTS: [ClaimSubject, TPKey][] = [
  ['threePublic.total', 'total'],
  ['threePublic.abroad', 'abroad'],
  ['threePublic.vehicle', 'vehicle'],
  ['threePublic.vehiclePurchase', 'vehiclePurchase'],
  ['threePublic.vehicleOperation', 'vehicleOperation'],
  ['threePublic.reception', 'reception'],
];

export const threePublic = defineRule({
  meta: {
    id: 'narrative/three-public',
    title: '说明中“三公”经费各项与三公表一致',
    severity: 'error',
    category: 'narrative',
    basis: BASIS.identities('10'),
    description: '说明所写三公经费总额、因公出国（境）费、公务用车购置及运行费（购置费、运行费）、公务接待费 = 三公经费表对应本年数（无表时取摘要）。',
    example: { bad: '说明“公务接待费1.00万元”，三公表公务接待费 0.60', message: '说明中公务接待费 1.00 万元，与《财政拨款“三公”经费支出表》“公务接待费”行“合计”列 0.60 万元不一致，相差 0.40 万元。' },
    appliesTo: ['budget', 'final-accounts'],
    tables: ['three-public'],
  },
  check(doc, ctx) {
    const figs = threePublicFigures(doc);
    for (const [subject, key] of TP_SUBJECTS) {
      const s = figs[key];
      if (!s) continue;
      for (const c of claimsOf(doc, subject)) {
        checkSame(ctx, {
          a: { desc: claimDesc(c), figure: claimFigure(c) },
          b: { desc: s.desc, figure: s.figure },
          tolerance: claimHalfStep(c).plus('0.005'),
          location: claimWhere(c),
        });
      }
    }
  },
});

export const threePublicChange = defineRule({
  meta: {
    id: 'narrative/three-public-change',
    title: '说明中“三公”经费增减与三公表一致',
    severity: 'error',
    category: 'narrative',
    basis: BASIS.identities('8, §5.12'),
    description: '说明所写三公经费比上年增减（含“持平”= 0）= 三公表合计行的增减额（无增减列时为本年数 − 上年数）。',
    example: { bad: '说明“三公经费与上年持平”，三公表上年 3.60、本年 2.43', message: '说明中“三公”经费增减 0.00 万元，与《“三公”经费预算表》“合计”行增减 -1.17 万元不一致，相差 1.17 万元。' },
    appliesTo: ['budget', 'final-accounts'],
    tables: ['three-public'],
  },
  check(doc, ctx) {
    const claims = claimsOf(doc, 'threePublic.change');
    if (!claims.length) return;
    for (const t of threePublicTables(doc)) {
      const total = rowsByKey(t).get('total');
      if (!total) continue;
      let change = total.values.change ?? null;
      if (!val(change) && hasColumn(t, 'prior') && hasColumn(t, 'current') && val(total.values.current) && val(total.values.prior)) {
        const v = val(total.values.current)!.minus(val(total.values.prior)!);
        change = { raw: v.toFixed(2), value: v, loc: total.loc };
      }
      if (!val(change)) continue;
      for (const c of claims) {
        checkSame(ctx, {
          a: { desc: claimDesc(c), figure: claimFigure(c) },
          b: { desc: `${where(t, total)}增减`, figure: change },
          tolerance: claimHalfStep(c).plus('0.01'),
          location: claimWhere(c),
        });
      }
      return;
    }
  },
});

const DIRECTION_WORDS = { increase: '增加', decrease: '减少', flat: '持平' } as const;

export const changeDirection = defineRule({
  meta: {
    id: 'narrative/change-direction',
    title: '增加/减少/持平与数字方向一致',
    severity: 'error',
    category: 'narrative',
    basis: BASIS.identities('12'),
    description: '说明中“增加/减少/持平”须与所述数字方向一致：写“持平/无增减变化”的增减额须为零，写“增加”的不应为负，写“减少”的不应为正；三公表“变化原因”写“无增减变化/持平”的行，增减额须为零。',
    example: { bad: '三公表公务用车运行费增减 -0.57，原因“无增减变化”', message: '《“三公”经费预算表》“公务用车运行经费”行增减额 -0.57 万元，而变化原因写“无增减变化”。' },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    for (const c of doc.claims) {
      if (!c.direction || !c.value) continue;
      const v = c.value;
      const bad = (c.direction === 'flat' && !v.isZero()) || (c.direction === 'increase' && v.isNegative() && !v.isZero()) || (c.direction === 'decrease' && v.isPositive() && !v.isZero());
      if (!bad) continue;
      ctx.report({
        message: `说明中写“${DIRECTION_WORDS[c.direction]}”，但所述增减额为 ${amount(v)} 万元。`,
        location: claimWhere(c),
        actual: v,
      });
    }
    for (const t of threePublicTables(doc)) {
      for (const r of t.rows) {
        const reason = r.texts?.reason ?? '';
        const ch = val(r.values.change);
        if (!ch) continue;
        const saysFlat = /无增减|持平|无变化|没有变化/.test(reason);
        const saysUp = /^(增加|增长|上升)/.test(reason);
        const saysDown = /^(减少|下降|压减|降低)/.test(reason);
        if ((saysFlat && !ch.isZero()) || (saysUp && !ch.greaterThan(0)) || (saysDown && !ch.lessThan(0))) {
          ctx.report({
            message: `${where(t, r)}增减额 ${amount(ch)} 万元，而变化原因写“${reason}”。`,
            location: cellLocation(t, r, 'change'),
            actual: ch,
          });
        }
      }
    }
  },
});

export const share = defineRule({
  meta: {
    id: 'narrative/share',
    title: '说明中的占比等于部分除以整体',
    severity: 'error',
    category: 'narrative',
    basis: BASIS.identities('11'),
    description: '说明写“占……的 x%”时：x = 部分 ÷ 整体 × 100，按百分比与金额的打印精度容差。需要识别器提供占比陈述（见 docs/rules.md 的模型扩展说明）。整体读出来就是部分本身时（句中所说的整体在文件中没有打印），不判断。',
    example: { bad: '“公务接待费支出101.26万元，占“三公”经费（418.26万元）的34.2%”', message: '说明中公务接待费占“三公”经费的比例写作 34.2%，按 101.26 ÷ 418.26 应为 24.21%，相差 9.99 个百分点。' },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    for (const s of doc.shares) {
      if (!s.partValue || !s.wholeValue || s.wholeValue.isZero()) continue;
      // A whole that came out as the part's own figure was not found: the whole the sentence names
      // (e.g. “财政性资金（…除外）总额”) is printed nowhere, so the share cannot be judged.
      if (s.partValue.equals(s.wholeValue) && !s.percent.equals(100)) continue;
      const computed = s.partValue.div(s.wholeValue).times(100);
      const diff = s.percent.minus(computed);
      if (diff.isZero()) continue;
      const hp = new Money('0.005');
      const tol = halfStep(s.percent.toString()).plus(hp.div(s.wholeValue).plus(s.partValue.times(hp).div(s.wholeValue.times(s.wholeValue))).times(100));
      ctx.report({
        message: `说明中${s.part}占${s.whole}的比例写作 ${s.percent.toString()}%，按 ${amount(s.partValue)} ÷ ${amount(s.wholeValue)} 应为 ${percent(computed)}，相差 ${diff.abs().toDecimalPlaces(2).toString()} 个百分点。`,
        location: { ...s.loc, where: s.loc.sentence ? `说明：“${s.loc.sentence}”` : '说明' },
        figures: { 部分: s.partValue, 整体: s.wholeValue, 占比: s.percent },
        expected: computed.toDecimalPlaces(2),
        actual: s.percent,
        difference: diff.toDecimalPlaces(2),
        rounding: diff.abs().lessThanOrEqualTo(tol),
      });
    }
  },
});

/** Subjects whose year is the prior year's end (上年末固定资产) or a comparison. */
const PRIOR_OK: ClaimSubject[] = ['assets.total', 'change.total', 'change.basic', 'change.project', 'change.other', 'threePublic.change'];

export const claimYear = defineRule({
  meta: {
    id: 'narrative/claim-year',
    title: '说明中金额所属年度与文件年度一致',
    severity: 'warning',
    category: 'narrative',
    basis: BASIS.identities('14'),
    description: '说明中为金额写明的年度应是文件年度（固定资产为上年末、增减比较为上年，可早一年）。常见于套用上年模板未改年份。',
    example: { bad: '2022 年预算文件写“2021年预算收入302.27万元”', message: '说明中收入预算 302.27 万元写作 2021 年，而本文件为 2022 年度。' },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    if (doc.year === null) return;
    for (const c of doc.claims) {
      if (c.year === null || c.year === doc.year) continue;
      if (c.year === doc.year - 1 && PRIOR_OK.includes(c.subject)) continue;
      ctx.report({
        message: `${claimDesc(c)} ${amount(c.value)} 万元写作 ${c.year} 年，而本文件为 ${doc.year} 年度。`,
        location: claimWhere(c),
      });
    }
  },
});

/** Names compared loosely: spaces, 项目/经费/费用/支出 endings aside. */
function looseName(s: string): string {
  return s.replace(/\s+/g, '').replace(/[（(][^)）]*[)）]/g, '').replace(/(项目|经费|费用|支出|资金)+$/g, '').replace(/费$/, '');
}

function sameProject(claimName: string, projectName: string): boolean {
  const a = looseName(claimName);
  const b = looseName(projectName);
  if (a.length < 2 || b.length < 2) return false;
  return a === b || (a.length >= 4 && b.includes(a)) || (b.length >= 4 && a.includes(b));
}

export const projectItemBudget = defineRule({
  meta: {
    id: 'narrative/project-item-budget',
    title: '说明所列项目金额与项目绩效目标表预算数一致',
    severity: 'warning',
    category: 'narrative',
    basis: BASIS.identities('10, §5.15'),
    description: '说明在项目支出中列出的项目金额 = 同名项目绩效目标表的预算数。名称按去掉“项目/经费/费用/支出”后的包含关系匹配，匹配不上时不比较。',
    example: { bad: '说明“新媒体宣传服务费20万元”，绩效目标表“新媒体宣传服务项目”预算数 15.00', message: '说明中“新媒体宣传服务费” 20.00 万元，与项目“新媒体宣传服务项目”绩效目标表预算数 15.00 万元不一致，相差 5.00 万元。' },
    appliesTo: ['budget'],
  },
  check(doc, ctx) {
    for (const c of claimsOf(doc, 'expenditure.projectItem')) {
      if (!c.name) continue;
      const matches = doc.projects.filter((p) => val(p.budget) && sameProject(c.name!, p.name));
      if (matches.length !== 1) continue;
      const p = matches[0];
      checkSame(ctx, {
        a: { desc: claimDesc(c), figure: claimFigure(c) },
        b: { desc: `项目“${p.name}”绩效目标表预算数`, figure: p.budget },
        tolerance: claimHalfStep(c).plus('0.005'),
        location: claimWhere(c),
      });
    }
  },
});

