/**
 * Amounts the 说明 states for totals, sources, 基本/人员/公用/项目, 机关运行经费, 政府采购, 资产 equal
 * the tables (the summary when the document has no table). Silent unless both sides exist.
 */
import type { Claim, ClaimSubject, Disclosure } from '../../model/disclosure.js';
import { BASIS } from '../lib/basis.js';
import { claimDesc, claimFigure, claimHalfStep, claimsOf, claimWhere } from '../lib/claims.js';
import { checkSame } from '../lib/compare.js';
import { amount, Money, val } from '../lib/figures.js';
import { foundInTables } from '../lib/table-figures.js';
import { headline, headlines, type HeadlineKey, type Source } from '../lib/headline.js';
import { amountOf, sideRows, tableName, tableOf, totalRow, where } from '../lib/tables.js';
import { defineRule, type RuleContext, type RuleMeta } from '../types.js';

function compareClaim(ctx: RuleContext, c: Claim, s: Source, alternatives: Source[] = []): void {
  const f = claimFigure(c);
  if (!f) return;
  // The text may mean another of the table's figures (e.g. 收入总计 rather than 本年收入合计).
  if (alternatives.some((a) => val(a.figure)!.minus(f.value!).abs().lessThanOrEqualTo(claimHalfStep(c).plus('0.005')))) return;
  const tolerance = claimHalfStep(c).plus(new Money('0.005'));
  const expected = val(s.figure);
  if (expected && f.value && expected.minus(f.value).abs().greaterThan(tolerance)) {
    const other = foundInTables(ctx.doc, f.value, tolerance);
    // A part of the very sum compared with is no other scope: the text left the other parts out.
    if (other && !s.parts?.includes(other.figure)) {
      ctx.report({
        message: `${claimDesc(c)} ${amount(f.value)} 万元，与${s.desc} ${amount(expected)} 万元不一致，但与${other.where}相同：文字所说可能是另一口径，请核对。`,
        location: claimWhere(c),
        expected,
        actual: f.value,
        difference: f.value.minus(expected),
        advisory: true,
      });
      return;
    }
  }
  checkSame(ctx, {
    a: { desc: claimDesc(c), figure: f },
    b: { desc: s.desc, figure: s.figure },
    tolerance: claimHalfStep(c).plus(new Money('0.005')),
    location: claimWhere(c),
  });
}

function fromSummary(s: Source): boolean {
  return s.desc.startsWith('摘要');
}

function claimRule(meta: Omit<RuleMeta, 'category' | 'severity'> & { severity?: RuleMeta['severity'] }, subject: ClaimSubject, key: HeadlineKey, alt: HeadlineKey[] = []) {
  return defineRule({
    meta: { severity: 'error', category: 'narrative', appliesTo: ['budget', 'final-accounts'], ...meta },
    check(doc: Disclosure, ctx: RuleContext) {
      const s = headline(doc, key);
      if (!s) return;
      const claims = claimsOf(doc, subject);
      // Without a table the summary is read from this very text: the text then disagrees with itself,
      // which the within-text rules judge, not this one.
      if (fromSummary(s) && claims.some((c) => c.value!.equals(val(s.figure)!))) return;
      const alternatives = alt.flatMap((k) => headlines(doc, k).slice(0, 1));
      for (const c of claims) compareClaim(ctx, c, s, alternatives);
    },
  });
}

const B = BASIS.identities('10');

export const revenueTotal = claimRule(
  {
    id: 'narrative/revenue-total',
    title: '收入说明中的收入总额与收支总表一致',
    basis: B,
    description: '说明所写收入预算总额 = 收支总表本年收入合计（也接受收入总计）；无收支总表时取收入总表合计行，再无则取摘要（摘要与说明中另一处同名数字相同时，说明它取自正文本身，不再比较）。',
    example: { bad: '说明“2022年预算收入312.27万元”，收支总表本年收入合计 302.27', message: '说明中收入预算 312.27 万元，与《部门预算收支总表》本年收入合计 302.27 万元不一致，相差 10.00 万元。' },
  },
  'revenue.total',
  'revenueTotal',
  ['revenueGrand'],
);

export const expenditureTotal = claimRule(
  {
    id: 'narrative/expenditure-total',
    title: '支出说明中的支出总额与收支总表一致',
    basis: B,
    description: '说明所写支出预算总额 = 收支总表本年支出合计（也接受支出总计）；无收支总表时取支出总表合计。',
    example: { bad: '说明“部门支出预算为300.27万元”，本年支出合计 302.27', message: '说明中支出预算 300.27 万元，与《部门预算收支总表》本年支出合计 302.27 万元不一致，相差 2.00 万元。' },
  },
  'expenditure.total',
  'expenditureTotal',
  ['expenditureGrand'],
);

export const basicExpenditure = claimRule(
  {
    id: 'narrative/basic-expenditure',
    title: '支出说明中的基本支出与支出表一致',
    basis: B,
    description: '说明所写基本支出 = 支出总表合计行基本支出（无支出总表时取一般公共预算财政拨款支出表）。',
    example: { bad: '说明“基本支出248.42万元”，支出总表基本支出合计 238.42', message: '说明中基本支出 248.42 万元，与《部门预算支出总表》“合计”行“基本支出”列 238.42 万元不一致，相差 10.00 万元。' },
  },
  'expenditure.basic',
  'basic',
);

export const personnel = claimRule(
  {
    id: 'narrative/personnel',
    title: '说明中的人员经费与基本支出表一致',
    basis: B,
    description: '说明所写人员经费 = 一般公共预算财政拨款基本支出表合计行人员经费。',
    example: { bad: '说明“人员经费219.64万元”，基本支出表人员经费 209.64', message: '说明中人员经费 219.64 万元，与《部门预算一般公共预算财政拨款基本支出表》“合计”行“人员经费”列 209.64 万元不一致，相差 10.00 万元。' },
  },
  'expenditure.personnel',
  'personnel',
);

export const publicFunds = claimRule(
  {
    id: 'narrative/public-funds',
    title: '说明中的公用经费与基本支出表一致',
    basis: B,
    description: '说明所写（日常）公用经费 = 一般公共预算财政拨款基本支出表合计行公用经费。',
    example: { bad: '说明“日常公用经费27.78万元”，基本支出表公用经费 28.78', message: '说明中公用经费 27.78 万元，与《部门预算一般公共预算财政拨款基本支出表》“合计”行“公用经费”列 28.78 万元不一致，相差 1.00 万元。' },
  },
  'expenditure.public',
  'public',
);

export const projectExpenditure = claimRule(
  {
    id: 'narrative/project-expenditure',
    title: '支出说明中的项目支出与支出表一致',
    basis: B,
    description: '说明所写项目支出 = 支出总表合计行项目支出（无支出总表时取一般公共预算财政拨款支出表）。',
    example: { bad: '说明“项目支出73.85万元”，支出总表项目支出 63.85', message: '说明中项目支出 73.85 万元，与《部门预算支出总表》“合计”行“项目支出”列 63.85 万元不一致，相差 10.00 万元。' },
  },
  'expenditure.project',
  'project',
);

export const operatingCosts = claimRule(
  {
    id: 'narrative/operating-costs',
    title: '说明中的机关运行经费与表格一致',
    basis: B,
    description: '说明所写机关运行经费 = 机关运行经费表合计（无该表时取摘要）。',
    example: { bad: '说明“机关运行经费共计安排26.78万元”，机关运行经费表合计 28.78', message: '说明中机关运行经费 26.78 万元，与《机关运行经费预算表》合计 28.78 万元不一致，相差 2.00 万元。' },
  },
  'operatingCosts.total',
  'operatingCosts',
);

export const procurementTotal = claimRule(
  {
    id: 'narrative/procurement-total',
    title: '说明中的政府采购预算总额与采购表一致',
    basis: B,
    description: '说明所写政府采购预算总额 = 政府采购预算表合计金额（无合计行时为各明细之和；元已折算为万元）。',
    example: { bad: '说明“安排政府采购预算46.00万元”，采购表（单位：元）合计 459,928.00 元', message: '说明中政府采购预算 46.00 万元，与政府采购预算表合计金额 45.9928 万元不一致，相差 0.0072 万元。' },
  },
  'procurement.total',
  'procurementTotal',
);

export const assetsTotal = claimRule(
  {
    id: 'narrative/assets-total',
    title: '说明中的固定资产总额与资产表一致',
    basis: B,
    description: '说明所写上年末固定资产总额 = 固定资产占用情况表资产总额。',
    example: { bad: '说明“上年末固定资产总金额为38.12万元”，资产表总额 40.12', message: '说明中固定资产总额 38.12 万元，与固定资产占用情况表资产总额 40.12 万元不一致，相差 2.00 万元。' },
  },
  'assets.total',
  'assetsTotal',
);

/** Income source of a claim's or row's name. */
export function sourceKey(name: string): string | null {
  const n = name.replace(/\s+/g, '');
  if (/上年结转|结转结余|年初结转/.test(n)) return 'carryOver';
  if (/一般公共预算/.test(n)) return 'generalBudget';
  if (/国有资本/.test(n)) return 'stateCapital';
  if (/基金/.test(n)) return 'govFund';
  // 财政拨款收入 is the three funds together; a named fund was matched above.
  if (/财政拨款/.test(n)) return 'fiscal';
  if (/财政专户|^专户资金/.test(n)) return 'fiscalSpecial';
  if (/经营收入/.test(n)) return 'operatingIncome';
  if (/事业收入/.test(n)) return 'business';
  if (/上级补助/.test(n)) return 'superiorSubsidy';
  if (/附属单位/.test(n)) return 'subsidiaryIncome';
  if (/其他/.test(n)) return 'other';
  return null;
}

const FUNDS = ['generalBudget', 'govFund', 'stateCapital'];

/**
 * 财政拨款收入 in a 收支总表 that prints only the funds (一般公共预算 / 政府性基金 / 国有资本经营):
 * the sum of the fund rows that have a figure.
 */
function fiscalFromFunds(t1: NonNullable<ReturnType<typeof tableOf>>): Source | null {
  const rows = sideRows(t1, 'revenue').filter((r) => r.role === 'line' && FUNDS.includes(r.key ?? sourceKey(r.name) ?? ''));
  const parts = rows.map((r) => ({ r, f: amountOf(r) })).filter((x) => x.f && val(x.f));
  // The first row per fund: the 1./（1） sub-rows under a fund are no second fund.
  const seen = new Set<string>();
  const firsts = parts.filter(({ r }) => {
    const k = r.key ?? sourceKey(r.name) ?? '';
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  if (!firsts.length) return null;
  const total = firsts.reduce((a, { f }) => a.plus(val(f)!), new Money(0));
  const names = firsts.map(({ r }) => `“${r.name.replace(/\s+/g, '')}”`).join('、');
  const desc = `《${tableName(t1)}》${names}${firsts.length > 1 ? '之和' : ''}`;
  const raw = firsts.map(({ f }) => f!.raw).join(' + ');
  return { figure: { raw, value: total, loc: { ...firsts[0].f!.loc } }, desc, location: { ...t1.loc, ...firsts[0].r.loc, where: desc }, parts: firsts.map(({ f }) => f!) };
}

/** The table figure for an income source: 收支总表 row, else 收入总表 合计 row column. */
function sourceFigure(doc: Disclosure, key: string): Source | null {
  const t1 = tableOf(doc, 'revenue-expenditure-summary');
  if (t1) {
    const rows = sideRows(t1, 'revenue').filter((r) => (r.key ?? sourceKey(r.name)) === key && (key === 'carryOver' || r.role === 'line'));
    if (key === 'fiscal' && !rows.length) return fiscalFromFunds(t1);
    const r = rows[0];
    const f = amountOf(r);
    if (r && f) return { figure: f, desc: `《${tableName(t1)}》“${r.name.replace(/\s+/g, '')}”`, location: { ...t1.loc, ...r.loc, where: `《${tableName(t1)}》“${r.name.replace(/\s+/g, '')}”` } };
    if (r) return null;
  }
  const t2 = tableOf(doc, 'revenue');
  const tr = t2 && totalRow(t2);
  if (t2 && tr) {
    const f = tr.values[key];
    if (f?.value) return { figure: f, desc: where(t2, tr, key), location: { ...tr.loc, where: where(t2, tr, key) } };
  }
  return null;
}

export const revenueSource = defineRule({
  meta: {
    id: 'narrative/revenue-source',
    title: '收入说明中各来源金额与表格一致',
    severity: 'error',
    category: 'narrative',
    basis: B,
    description: '说明所写一般公共预算收入、政府性基金收入、财政专户收入、事业收入、其他收入、上年结转等 = 收支总表对应收入行（无收支总表时取收入总表合计行对应列）；财政拨款收入 = 收支总表的财政拨款行，没有该行时 = 各财政拨款资金行（一般公共预算、政府性基金、国有资本经营）之和。表格该行空白时不比较。',
    example: { bad: '说明“一般公共预算收入312.27万元”，收支总表一般公共预算拨款收入 302.27', message: '说明中“一般公共预算收入” 312.27 万元，与《部门预算收支总表》“一、一般公共预算拨款收入” 302.27 万元不一致，相差 10.00 万元。' },
    appliesTo: ['budget', 'final-accounts'],
  },
  check(doc, ctx) {
    for (const c of claimsOf(doc, 'revenue.source')) {
      const key = sourceKey(c.name ?? '');
      if (!key) continue;
      const s = sourceFigure(doc, key);
      if (s) compareClaim(ctx, c, s, key === 'fiscal' ? fiscalWithCarryOver(doc) : []);
    }
  },
});

/**
 * "财政拨款收入337,741.21万元，其中：一般公共预算拨款收入…、上年结转…": the text may count the
 * fiscal money carried over in — the 财政拨款收支总表's 收入总计.
 */
function fiscalWithCarryOver(doc: Disclosure): Source[] {
  const t4 = tableOf(doc, 'fiscal-summary');
  const r = t4 && sideRows(t4, 'revenue').find((x) => x.role === 'grand-total');
  const current = val(amountOf(t4 && sideRows(t4, 'revenue').find((x) => x.role === 'total')));
  const f = amountOf(r);
  // Only where something was carried over: otherwise the grand total is the year's figure again.
  if (!current || !val(f) || val(f)!.equals(current)) return [];
  return t4 && r && f ? [{ figure: f, desc: `《${tableName(t4)}》“${r.name.replace(/\s+/g, '')}”`, location: { ...t4.loc, ...r.loc, where: tableName(t4) } }] : [];
}

