/**
 * A published disclosure (any format gongkai reads) as a dataset: its tables' lowest rows become
 * line items, its 三公/机关运行经费/procurement/assets/projects/duties/units/glossary carry over.
 * Used two ways: a document's own figures as this year's (regenerating a disclosure), and last
 * year's document as the base of this year's (its figures the 上年 columns, its text the start).
 */
import { catalog } from '../catalog/index.js';
import type { Disclosure, Row, StdTable } from '../model/disclosure.js';
import { Money, ZERO } from '../model/money.js';
import type { DatasetInput, Source } from './dataset.js';
import { SOURCES, parseDataset, type Dataset } from './dataset.js';
import { computeFigures } from './figures.js';

type Json = DatasetInput;
const s = (m: Money | null | undefined) => (m ?? ZERO).toFixed(2);
const v = (r: Row | undefined, key: string): Money => r?.values[key]?.value ?? ZERO;

function table(d: Disclosure, kind: StdTable['kind']): StdTable | undefined {
  return d.tables.find((t) => t.kind === kind && !t.empty && t.reading?.status !== 'uncertain');
}

/** Rows with a code and no coded child below them: the line items a table is the sum of. */
function leaves(t: StdTable | undefined): Row[] {
  if (!t) return [];
  const coded = t.rows.filter((r) => r.code && r.role === 'line');
  return coded.filter((r) => !coded.some((o) => o !== r && o.code!.length > r.code!.length && o.code!.startsWith(r.code!)));
}

/** A functional code as a 7-digit 项: a 类 or 款 printed without items gets its 99 (其他) items. */
function asItem(code: string): string {
  return code.length === 7 ? code : code.length === 5 ? `${code}99` : `${code}9999`;
}

/** The name of a line: as printed for a 项; for a 款's 99 item the catalog's, else 其他…支出. */
function itemName(code: string, printed: string, year: number | null): string | undefined {
  if (code.length === 7) return printed || undefined;
  const item = asItem(code);
  if (catalog().lookup('functional', item, year)) return undefined;
  return printed.startsWith('其他') ? printed : `其他${printed.replace(/支出$/, '')}支出`;
}

export function expenditureItems(d: Disclosure): Json['expenditure'] {
  const t3 = table(d, 'expenditure');
  const t2 = table(d, 'revenue');
  const funds: [Source, StdTable | undefined][] = [
    ['generalBudget', table(d, 'general-budget-expenditure')],
    ['govFund', table(d, 'gov-fund-expenditure')],
    ['stateCapital', table(d, 'state-capital-expenditure')],
  ];
  const base = t3 ?? funds[0][1];
  const items: NonNullable<Json['expenditure']> = [];
  for (const row of leaves(base)) {
    const code = row.code!;
    let basic = v(row, 'basic');
    let project = v(row, 'project');
    if (basic.isZero() && project.isZero()) basic = v(row, 'total');
    for (const [fund, t] of funds) {
      const r = t?.rows.find((x) => x.code === code);
      if (!r || t === base) continue;
      const fb = v(r, 'basic');
      const fp = v(r, 'project');
      if (fb.isZero() && fp.isZero()) continue;
      items.push({ code: asItem(code), name: itemName(code, row.name, d.year), source: fund, basic: s(fb), project: s(fp) });
      basic = basic.minus(fb);
      project = project.minus(fp);
    }
    if (basic.isZero() && project.isZero()) continue;
    // What no fund table explains comes from the income source the 收入总表 gives the row most of.
    const income = t2?.rows.find((x) => x.code === code);
    const others = SOURCES.filter((x) => !['generalBudget', 'govFund', 'stateCapital'].includes(x));
    const largest = others.map((x) => [x, v(income, x)] as const).sort((a, b) => b[1].comparedTo(a[1]))[0];
    const source: Source = base === funds[0][1] ? 'generalBudget' : largest && !largest[1].isZero() ? largest[0] : 'generalBudget';
    items.push({ code: asItem(code), name: itemName(code, row.name, d.year), source, basic: s(basic), project: s(project) });
  }
  return items.filter((i) => !(new Money(i.basic as string).isNegative() || new Money(i.project as string).isNegative()));
}

/**
 * 尾差调整: figures rounded to 0.01 万元 one by one may not add up to their printed 类 (196.33
 * against 196.35). Within rounding (n × 0.005), the difference goes to the class's largest item,
 * as a budget office adjusts a tail; a larger difference is left for the gate to report.
 */
function adjustTails(items: { code: string; values: Record<string, Money> }[], parents: Row[], keys: string[]): void {
  for (const parent of parents) {
    const kids = items.filter((i) => i.code.startsWith(parent.code!) && i.code !== parent.code);
    if (!kids.length) continue;
    for (const k of keys) {
      const printed = parent.values[k]?.value;
      if (!printed) continue;
      const diff = printed.minus(kids.reduce((a, i) => a.plus(i.values[k] ?? ZERO), ZERO));
      if (diff.isZero() || diff.abs().greaterThan(new Money('0.005').times(kids.length))) continue;
      const largest = kids.reduce((a, b) => ((b.values[k] ?? ZERO).greaterThan(a.values[k] ?? ZERO) ? b : a));
      largest.values[k] = (largest.values[k] ?? ZERO).plus(diff);
    }
  }
}

export function economicItems(d: Disclosure): Json['basicEconomic'] {
  const t6 = table(d, 'general-budget-basic');
  const items = leaves(t6)
    .filter((r) => r.code!.length === 5)
    .map((r) => ({ code: r.code!, name: r.name, values: { personnel: v(r, 'personnel'), public: v(r, 'public') } }));
  adjustTails(items, t6?.rows.filter((r) => r.code?.length === 3) ?? [], ['personnel', 'public']);
  return items
    .map((r) => ({ code: r.code, name: r.name, personnel: s(r.values.personnel), public: s(r.values.public) }))
    .filter((r) => r.personnel !== '0.00' || r.public !== '0.00');
}

function claimed(d: Disclosure, subject: string): Money | null {
  return d.claims.find((c) => c.subject === subject && c.value !== null)?.value ?? null;
}

/** A 决算's 三公 年初预算: the 预算数 its 三公 table prints beside the 决算数. */
function threePublicBudget(d: Disclosure): Record<'abroad' | 'vehiclePurchase' | 'vehicleOperation' | 'reception', string> | undefined {
  if (d.kind !== 'final-accounts') return undefined;
  const r = d.tables.find((t) => t.kind === 'three-public' && t.reading?.status !== 'uncertain')?.rows.find((x) => x.key === 'budget');
  if (!r || Object.values(r.values).every((f) => !f?.value)) return undefined;
  const v = (k: string) => r.values[k]?.value ?? null;
  // A table printing only the 小计 of the vehicles gives it as the purchase, as the 决算数 side does.
  const purchase = v('vehiclePurchase') ?? (v('vehicleOperation') === null ? v('vehicle') : null);
  return { abroad: s(v('abroad')), vehiclePurchase: s(purchase), vehicleOperation: s(v('vehicleOperation')), reception: s(v('reception')) };
}

/** The disclosure's own figures as this year's dataset. */
export function datasetFromDisclosure(d: Disclosure): Dataset {
  const year = d.year ?? new Date().getFullYear();
  const sum = d.summary;
  const tp = sum.threePublic;
  const exp = expenditureItems(d);
  const changeTotal = claimed(d, 'change.total');
  const amounts = projectAmounts(d);
  const json: Json = {
    kind: d.kind === 'final-accounts' ? 'final-accounts' : 'budget',
    year,
    entity: { name: d.entity.name ?? '（单位名称）', code: d.entity.code ?? undefined, region: d.entity.region ?? undefined },
    duties: d.duties,
    units: d.units.map((u) => ({ name: u.name, nature: u.nature ?? '行政', rank: u.rank ?? '', funding: u.funding ?? '财政拨款' })),
    expenditure: exp,
    basicEconomic: economicItems(d),
    operatingCosts: sum.operatingCosts ? { current: s(sum.operatingCosts) } : undefined,
    threePublic:
      tp.total !== null
        ? { current: { abroad: s(tp.abroad), vehiclePurchase: s(tp.vehiclePurchase ?? (tp.vehiclePurchase === null && tp.vehicleOperation === null ? tp.vehicle : null)), vehicleOperation: s(tp.vehicleOperation), reception: s(tp.reception) }, budget: threePublicBudget(d) }
        : undefined,
    procurement: d.procurement.items
      .filter((p) => p.role === 'line' && p.amount?.value && /^[ABC]\d*$/.test(p.catalogCode ?? ''))
      .map((p) => ({
        project: p.project ?? p.item,
        projectBudget: p.projectBudget?.value ? s(p.projectBudget.value) : undefined,
        item: p.item,
        catalogCode: p.catalogCode!,
        measure: p.measure ?? '项',
        quantity: p.quantity?.value?.toNumber() || 1,
        unitPrice: p.unitPrice?.value ? s(p.unitPrice.value) : undefined,
        amount: s(p.amount!.value),
      })),
    assets: assetsOf(d),
    performance: d.performance.overallGoal
      ? {
          overallGoal: d.performance.overallGoal,
          subGoals: d.performance.subGoals.filter((g) => g.goal && g.indicators).map((g) => ({ name: g.name, goal: g.goal!, indicators: g.indicators! })),
          safeguards: d.performance.safeguards.map((x) => x.replace(/^\d+[、.．]\s*/, '')),
        }
      : undefined,
    projects: d.projects
      .filter((p) => !p.managedFund)
      .map((p) => ({
        name: p.name,
        code: p.code ?? undefined,
        budget: s(p.budget?.value ?? amounts.get(p.name)),
        fiscalFunds: p.fiscalFunds?.value ? s(p.fiscalFunds.value) : undefined,
        purpose: p.purpose ?? undefined,
        goals: p.goals.map((g) => g.replace(/^\d+[.．、]\s*/, '')),
        indicators: p.indicators.filter((i) => i.target.raw.trim()).map((i) => ({ level1: i.level1 || '产出指标', level2: i.level2 || '数量指标', level3: i.level3 || i.description || '指标', description: i.description ?? undefined, target: i.target.raw, basis: i.basis ?? undefined })),
      })),
    glossary: d.glossary.map((g) => ({ term: g.term, definition: g.definition })),
  };
  const data = parseDataset(json);
  if (changeTotal) {
    const f = computeFigures(data);
    const basic = claimed(d, 'change.basic');
    const project = claimed(d, 'change.project');
    data.prior = {
      expenditureTotal: f.revenueTotal.minus(changeTotal),
      basic: basic ? f.basic.minus(basic) : undefined,
      project: project ? f.project.minus(project) : undefined,
    };
  }
  return data;
}

/**
 * Projects' amounts from the 说明's list of projects when their forms print none: by name (one
 * containing the other), then — when exactly one project and one listed amount are left — the one
 * to the other, as the list and the forms then name the same project two ways.
 */
function projectAmounts(d: Disclosure): Map<string, Money> {
  const items = d.claims.filter((c) => c.subject === 'expenditure.projectItem' && c.name && c.value);
  const out = new Map<string, Money>();
  const used = new Set<number>();
  const names = d.projects.filter((p) => !p.budget?.value).map((p) => p.name);
  for (const name of names) {
    const k = items.findIndex((c, i) => !used.has(i) && (c.name!.includes(name) || name.includes(c.name!.replace(/(费|经费|支出)$/, ''))));
    if (k >= 0) {
      used.add(k);
      out.set(name, items[k].value!);
    }
  }
  const leftNames = names.filter((n) => !out.has(n));
  const leftItems = items.filter((_, i) => !used.has(i));
  if (leftNames.length === 1 && leftItems.length === 1) out.set(leftNames[0], leftItems[0].value!);
  return out;
}

function assetsOf(d: Disclosure): Json['assets'] {
  const rows = d.assets.rows;
  if (!rows.length) return undefined;
  const line = (key: string) => {
    const r = rows.find((x) => x.key === key);
    if (!r) return undefined;
    return { quantity: r.quantity?.value?.toNumber() ?? undefined, value: r.value?.value ? s(r.value.value) : undefined };
  };
  const total = rows.find((x) => x.key === 'total')?.value?.value;
  const parts = ['house', 'vehicle', 'equipment'].map((k) => rows.find((x) => x.key === k)?.value?.value ?? ZERO);
  const named = parts.reduce((a, b) => a.plus(b), ZERO);
  const other = line('other');
  // The 资产总额 is the sum of its parts: what the parts leave unexplained is 其他.
  if (total && !total.minus(named).equals(other?.value ? new Money(other.value) : ZERO)) {
    return { asOf: d.assets.asOf ?? `${(d.year ?? 2000) - 1}-12-31`, house: line('house'), office: line('office'), vehicle: line('vehicle'), equipment: line('equipment'), other: { quantity: other?.quantity, value: s(total.minus(named)) } };
  }
  return { asOf: d.assets.asOf ?? `${(d.year ?? 2000) - 1}-12-31`, house: line('house'), office: line('office'), vehicle: line('vehicle'), equipment: line('equipment'), other };
}

/**
 * Last year's published disclosure as the base of this year's dataset: its totals become the
 * 上年 figures of every stated change, its duties, units, glossary and performance safeguards the
 * starting text where this year's dataset has none.
 */
export function withPriorYear(data: Dataset, last: Disclosure): Dataset {
  const out: Dataset = { ...data };
  const sm = last.summary;
  if (!out.prior && sm.expenditureTotal) out.prior = { expenditureTotal: sm.expenditureTotal, basic: sm.basicExpenditure ?? undefined, project: sm.projectExpenditure ?? undefined, revenueTotal: sm.revenueTotal ?? undefined };
  if (out.operatingCosts && !out.operatingCosts.prior && sm.operatingCosts) out.operatingCosts = { ...out.operatingCosts, prior: sm.operatingCosts };
  const tp = sm.threePublic;
  if (out.threePublic && !out.threePublic.prior && tp.total !== null) {
    out.threePublic = { ...out.threePublic, prior: { abroad: tp.abroad ?? ZERO, vehiclePurchase: tp.vehiclePurchase ?? ZERO, vehicleOperation: tp.vehicleOperation ?? ZERO, reception: tp.reception ?? ZERO } };
  }
  if (!out.duties.length) out.duties = last.duties;
  if (!out.units.length) out.units = last.units.map((u) => ({ name: u.name, nature: u.nature ?? '行政', rank: u.rank ?? '', funding: u.funding ?? '财政拨款' }));
  if (!out.glossary.length) out.glossary = last.glossary.map((g) => ({ term: g.term, definition: g.definition }));
  if (!out.performance && last.performance.overallGoal) out.performance = { overallGoal: last.performance.overallGoal, subGoals: [], safeguards: last.performance.safeguards };
  return out;
}
