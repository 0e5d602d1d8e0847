/**
 * Every figure of the disclosure, computed once from the dataset's line items: totals by source,
 * the functional tree (类 → 款 → 项) per source and per 基本/项目, the economic tree of the basic
 * expenditure, the 三公, procurement by kind. Tables and 说明 both read from here.
 */
import { catalog } from '../catalog/index.js';
import { Money, ZERO, sum } from '../model/money.js';
import { FISCAL_SOURCES, SOURCES, type Dataset, type Source, type ThreePublic } from './dataset.js';

/** Amounts of one functional or economic node. */
export interface Node {
  code: string;
  name: string;
  level: 'class' | 'section' | 'item';
  basic: Money;
  project: Money;
  bySource: Record<Source, Money>;
  /** Per fund, split: the 一般公共预算/基金/国资 tables. */
  byFund: Record<Source, { basic: Money; project: Money }>;
  personnel: Money;
  public: Money;
  total: Money;
}

export interface Figures {
  year: number;
  bySource: Record<Source, Money>;
  revenueTotal: Money;
  fiscalTotal: Money;
  basic: Money;
  project: Money;
  personnel: Money;
  public: Money;
  /** Functional nodes, in code order (类 before its 款 before its 项). */
  functional: Node[];
  economic: Node[];
  threePublic: (ThreePublic & { vehicle: Money; total: Money }) | null;
  threePublicPrior: (ThreePublic & { vehicle: Money; total: Money }) | null;
  /** 决算: the 三公's 年初预算, printed beside the 决算数. */
  threePublicBudget: (ThreePublic & { vehicle: Money; total: Money }) | null;
  procurement: { total: Money; goods: Money; works: Money; services: Money };
  assetsTotal: Money | null;
}

const zeros = (): Record<Source, Money> => Object.fromEntries(SOURCES.map((s) => [s, ZERO])) as Record<Source, Money>;
const levelOf = (code: string): Node['level'] => (code.length === 3 ? 'class' : code.length === 5 ? 'section' : 'item');

/** The catalog's name of a code in the year; the printed name wins when the dataset gives one. */
export function codeName(scheme: 'functional' | 'economic', code: string, year: number, given?: string): string {
  return given ?? catalog().lookup(scheme, code, year)?.names[0] ?? catalog().lookup(scheme, code, null)?.names[0] ?? code;
}

function node(code: string, name: string): Node {
  const byFund = Object.fromEntries(SOURCES.map((s) => [s, { basic: ZERO, project: ZERO }])) as Node['byFund'];
  return { code, name, level: levelOf(code), basic: ZERO, project: ZERO, bySource: zeros(), byFund, personnel: ZERO, public: ZERO, total: ZERO };
}

function withVehicle(t: ThreePublic): ThreePublic & { vehicle: Money; total: Money } {
  const vehicle = t.vehiclePurchase.plus(t.vehicleOperation);
  return { ...t, vehicle, total: t.abroad.plus(vehicle).plus(t.reception) };
}

export function computeFigures(d: Dataset): Figures {
  const fn = new Map<string, Node>();
  for (const item of d.expenditure) {
    for (const code of [item.code.slice(0, 3), item.code.slice(0, 5), item.code]) {
      const n = fn.get(code) ?? node(code, codeName('functional', code, d.year, code === item.code ? item.name : undefined));
      n.basic = n.basic.plus(item.basic);
      n.project = n.project.plus(item.project);
      const amount = item.basic.plus(item.project);
      n.bySource[item.source] = n.bySource[item.source].plus(amount);
      n.byFund[item.source] = { basic: n.byFund[item.source].basic.plus(item.basic), project: n.byFund[item.source].project.plus(item.project) };
      n.total = n.total.plus(amount);
      fn.set(code, n);
    }
  }
  const ec = new Map<string, Node>();
  for (const item of d.basicEconomic) {
    for (const code of [item.code.slice(0, 3), item.code]) {
      const n = ec.get(code) ?? node(code, codeName('economic', code, d.year, code === item.code ? item.name : undefined));
      n.personnel = n.personnel.plus(item.personnel);
      n.public = n.public.plus(item.public);
      n.total = n.total.plus(item.personnel).plus(item.public);
      ec.set(code, n);
    }
  }
  const classes = [...fn.values()].filter((n) => n.level === 'class');
  const bySource = zeros();
  for (const s of SOURCES) bySource[s] = sum(classes.map((n) => n.bySource[s]));
  const economic = [...ec.values()].sort((a, b) => a.code.localeCompare(b.code));
  const proc = d.procurement;
  const kind = (k: string) => sum(proc.filter((p) => p.catalogCode.startsWith(k)).map((p) => p.amount));
  const a = d.assets;
  return {
    year: d.year,
    bySource,
    revenueTotal: sum(classes.map((n) => n.total)),
    fiscalTotal: sum(FISCAL_SOURCES.map((s) => bySource[s])),
    basic: sum(classes.map((n) => n.basic)),
    project: sum(classes.map((n) => n.project)),
    personnel: sum(economic.filter((n) => n.level === 'class').map((n) => n.personnel)),
    public: sum(economic.filter((n) => n.level === 'class').map((n) => n.public)),
    functional: [...fn.values()].sort((x, y) => x.code.localeCompare(y.code)),
    economic,
    threePublic: d.threePublic ? withVehicle(d.threePublic.current) : null,
    threePublicPrior: d.threePublic?.prior ? withVehicle(d.threePublic.prior) : null,
    threePublicBudget: d.threePublic?.budget ? withVehicle(d.threePublic.budget) : null,
    procurement: { total: sum(proc.map((p) => p.amount)), goods: kind('A'), works: kind('B'), services: kind('C') },
    assetsTotal: a ? sum([a.house?.value, a.vehicle?.value, a.equipment?.value, a.other?.value]) : null,
  };
}

/** The general-budget basic expenditure by function (T5's 基本支出 合计), which T6 must equal. */
export function generalBudgetBasic(f: Figures): Money {
  return sum(f.functional.filter((n) => n.level === 'class').map((n) => n.byFund.generalBudget.basic));
}

export const isZero = (m: Money | null | undefined): boolean => !m || m.isZero();
export { Money };

/** One 项 of the 一般公共预算财政拨款 with its 年初预算 (final accounts): what its 说明 compares. */
export interface BudgetVsFinalItem {
  code: string;
  /** 类, 款 and 项 names. */
  path: [string, string, string];
  budget: Money;
  final: Money;
}

/** The 项 whose lines give a 年初预算 (final accounts), general budget only, in code order. */
export function budgetVsFinalItems(d: Dataset, f: Figures): BudgetVsFinalItem[] {
  const budgets = new Map<string, Money>();
  for (const e of d.expenditure) {
    if (e.source !== 'generalBudget' || !e.initialBudget) continue;
    budgets.set(e.code, (budgets.get(e.code) ?? ZERO).plus(e.initialBudget));
  }
  const byCode = new Map(f.functional.map((n) => [n.code, n]));
  return [...budgets.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, budget]) => {
      const n = byCode.get(code)!;
      const name = (c: string) => byCode.get(c)?.name ?? c;
      return { code, path: [name(code.slice(0, 3)), name(code.slice(0, 5)), n.name], budget, final: n.byFund.generalBudget.basic.plus(n.byFund.generalBudget.project) };
    });
}
