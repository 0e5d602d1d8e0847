/**
 * Functional and economic codes that name the same money (practice, warning level, domain.md §5.9):
 * 2080505 = 30108, 2080506 = 30109, 2210201 = 30113, 21011 ≈ 30110 + 30111 (+ 30112); and the 三公
 * items against their economic codes (30212 出国, 30217 接待, 30231 运行, 30913/31013 购置).
 */
import type { Disclosure, Figure } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { checkAtMost, checkSame } from '../lib/compare.js';
import { asFigure, sum, val } from '../lib/figures.js';
import { byCode, cellLocation, rowLabel, tableName, tableOf, where } from '../lib/tables.js';
import { threePublicFigures, type TPKey } from '../lib/three-public.js';
import { defineRule, type RuleContext } from '../types.js';

interface Side {
  figure: Figure;
  desc: string;
  location: Record<string, unknown> & { where: string };
}

/** A functional code's basic expenditure: 一般公共预算支出表 first, else 支出总表. */
function functional(doc: Disclosure, code: string): Side | null {
  for (const kind of ['general-budget-expenditure', 'expenditure'] as const) {
    const t = tableOf(doc, kind);
    const r = t && byCode(t).get(code);
    if (!t || !r) continue;
    const key = val(r.values.basic) ? 'basic' : 'total';
    const f = r.values[key];
    if (f?.value) return { figure: f, desc: where(t, r, key), location: cellLocation(t, r, key) };
  }
  return null;
}

/** Σ of economic codes in 基本支出表 (null when none is printed). */
function economic(doc: Disclosure, codes: string[]): Side | null {
  const t = tableOf(doc, 'general-budget-basic');
  if (!t) return null;
  const rows = codes.map((c) => byCode(t).get(c)).filter((r) => r && val(r.values.total));
  if (!rows.length) return null;
  const s = sum(rows.map((r) => val(r!.values.total)));
  const label = rows.map((r) => rowLabel(r!)).join('、');
  return {
    figure: rows.length === 1 ? rows[0]!.values.total! : asFigure(s, s.toString()),
    desc: `《${tableName(t)}》${label}${rows.length > 1 ? '合计' : ''}`,
    location: cellLocation(t, rows[0]!, 'total'),
  };
}

function pairRule(id: string, title: string, fcode: string, ecodes: string[][], description: string, example: { bad: string; message: string }) {
  return defineRule({
    meta: {
      id,
      title,
      severity: 'warning',
      category: 'cross-table',
      basis: BASIS.practice('§5.9 功能分类与经济分类对应'),
      description,
      example,
      appliesTo: ['budget', 'final-accounts'],
      tables: ['general-budget-expenditure', 'general-budget-basic'],
    },
    check(doc: Disclosure, ctx: RuleContext) {
      const f = functional(doc, fcode);
      if (!f) return;
      const variants = ecodes.map((codes) => economic(doc, codes)).filter((e): e is Side => e !== null);
      if (!variants.length) return;
      if (variants.some((e) => val(e.figure)!.equals(val(f.figure)!))) return;
      const e = variants[variants.length - 1];
      checkSame(ctx, { a: { desc: f.desc, figure: f.figure }, b: { desc: e.desc, figure: e.figure }, location: f.location });
    },
  });
}

export const pensionContribution = pairRule(
  'cross-table/pension-contribution',
  '养老保险缴费功能科目与经济科目一致',
  '2080505',
  [['30108']],
  '功能科目 2080505 机关事业单位基本养老保险缴费支出 = 经济科目 30108 机关事业单位基本养老保险缴费（编制惯例，警告）。',
  { bad: '2080505 基本支出 14.67，30108 合计 15.67', message: '《部门预算一般公共预算财政拨款支出表》“2080505 机关事业单位基本养老保险缴费支出”行“基本支出”列 14.67 万元，与《部门预算一般公共预算财政拨款基本支出表》30108 机关事业单位基本养老保险缴费 15.67 万元不一致，相差 1.00 万元。' },
);

export const occupationalAnnuity = pairRule(
  'cross-table/occupational-annuity',
  '职业年金缴费功能科目与经济科目一致',
  '2080506',
  [['30109']],
  '功能科目 2080506 机关事业单位职业年金缴费支出 = 经济科目 30109 职业年金缴费（编制惯例，警告）。',
  { bad: '2080506 基本支出 7.33，30109 合计 7.00', message: '《部门预算一般公共预算财政拨款支出表》“2080506 机关事业单位职业年金缴费支出”行“基本支出”列 7.33 万元，与《部门预算一般公共预算财政拨款基本支出表》30109 职业年金缴费 7.00 万元不一致，相差 0.33 万元。' },
);

export const housingFund = pairRule(
  'cross-table/housing-fund',
  '住房公积金功能科目与经济科目一致',
  '2210201',
  [['30113']],
  '功能科目 2210201 住房公积金 = 经济科目 30113 住房公积金（编制惯例，警告）。',
  { bad: '2210201 基本支出 19.85，30113 合计 18.85', message: '《部门预算一般公共预算财政拨款支出表》“2210201 住房公积金”行“基本支出”列 19.85 万元，与《部门预算一般公共预算财政拨款基本支出表》30113 住房公积金 18.85 万元不一致，相差 1.00 万元。' },
);

export const medicalInsurance = pairRule(
  'cross-table/medical-insurance',
  '行政事业单位医疗与医疗保险缴费一致',
  '21011',
  [['30110', '30111'], ['30110', '30111', '30112']],
  '功能科目 21011 行政事业单位医疗 ≈ 经济科目 30110 职工基本医疗保险缴费 + 30111 公务员医疗补助缴费（部分地方含 30112 其他社会保障缴费，两种口径任一相等即可；编制惯例，警告）。',
  { bad: '21011 基本支出 14.08，30110 + 30111 = 13.08，30112 = 0.76', message: '《部门预算一般公共预算财政拨款支出表》“21011 行政事业单位医疗”行“基本支出”列 14.08 万元，与《部门预算一般公共预算财政拨款基本支出表》30110 职工基本医疗保险缴费、30111 公务员医疗补助缴费、30112 其他社会保障缴费合计 13.84 万元不一致，相差 0.24 万元。' },
);

const TP_ECONOMIC: [TPKey, string[]][] = [
  ['abroad', ['30212']],
  ['reception', ['30217']],
  ['vehicleOperation', ['30231']],
  ['vehiclePurchase', ['30913', '31013']],
];

export const threePublicEconomic = defineRule({
  meta: {
    id: 'cross-table/three-public-economic',
    title: '基本支出中的三公经济科目不超过三公预算',
    severity: 'warning',
    category: 'cross-table',
    basis: BASIS.practice('§5.9：出国 ≈ 30212，接待 ≈ 30217，运行 ≈ 30231，购置 ≈ 30913/31013'),
    description: '三公经费覆盖全部财政拨款（基本和项目），基本支出表只含基本支出，所以基本支出表中 30212 因公出国（境）费用、30217 公务接待费、30231 公务用车运行维护费、30913/31013 公务用车购置不应超过三公表（或说明摘要）的对应金额。',
    example: { bad: '基本支出表 30217 公务接待费 1.00，三公表公务接待费 0', message: '《部门预算一般公共预算财政拨款基本支出表》30217 公务接待费 1.00 万元，超过《财政拨款“三公”经费支出表》“公务接待费”行“合计”列 0.00 万元，超出 1.00 万元。' },
    appliesTo: ['budget', 'final-accounts'],
    tables: ['general-budget-basic', 'three-public'],
  },
  check(doc, ctx) {
    const tp = threePublicFigures(doc);
    for (const [key, codes] of TP_ECONOMIC) {
      const t = tp[key];
      const e = economic(doc, codes);
      if (!t || !e) continue;
      checkAtMost(ctx, { a: { desc: e.desc, figure: e.figure }, b: { desc: t.desc, figure: t.figure }, location: e.location });
    }
  },
});
