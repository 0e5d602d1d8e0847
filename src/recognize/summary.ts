/** The headline amounts: from the tables where the document has them, else from the text. */
import type { Claim, ClaimSubject, Disclosure, Row, StdTable, Summary, TableKind } from '../model/disclosure.js';
import { Money, type Money as M } from '../model/money.js';
import { emptySummary } from '../model/empty.js';

/** A 基本支出表 is read by economic class, the others by function, when a document prints both. */
function table(d: Disclosure, kind: TableKind): StdTable | undefined {
  const native = kind === 'general-budget-basic' ? 'economic' : 'functional';
  const all = d.tables.filter((t) => t.kind === kind && !t.empty);
  return all.find((t) => t.classification === native) ?? all[0];
}

function totalRow(t: StdTable | undefined, side?: Row['side']): Row | undefined {
  return t?.rows.find((r) => r.role === 'total' && (side === undefined || r.side === side));
}

/** 上海 prints only 收入总计 when nothing is carried over: then it is the year's total too. */
function grandWithoutCarry(t: StdTable | undefined, side: Row['side']): Row | undefined {
  const rows = t?.rows.filter((r) => r.side === side) ?? [];
  if (rows.some((r) => r.role === 'carry-over' && Object.values(r.values).some((f) => f?.value && !f.value.isZero()))) return undefined;
  return rows.find((r) => r.role === 'grand-total');
}

function val(r: Row | undefined, ...keys: string[]): M | null {
  for (const k of keys) {
    const v = r?.values[k]?.value;
    if (v) return v;
  }
  return null;
}

/** 人员 + 公用 of a table that splits 基本支出 into them without printing its own 基本支出 column. */
function partsSum(r: Row | undefined, a: string, b: string): M | null {
  if (!r || 'basic' in r.values) return null;
  const x = r.values[a]?.value;
  const y = r.values[b]?.value;
  return x && y ? x.plus(y) : null;
}

/** A figure the text states, for the document's year when the text names years (上年 … 本年 …). */
function claim(d: Disclosure, subject: ClaimSubject): M | null {
  const stated = d.claims.filter((x) => x.subject === subject && x.value !== null);
  const c: Claim | undefined = stated.find((x) => x.year === null || x.year === d.year) ?? stated[0];
  return c?.value ?? null;
}

export function computeSummary(d: Disclosure): Summary {
  const s = emptySummary();
  const t1 = table(d, 'revenue-expenditure-summary');
  const t3 = table(d, 'expenditure');
  const t5 = table(d, 'general-budget-expenditure');
  const t6 = table(d, 'general-budget-basic');
  const t3Total = totalRow(t3);
  const t5Total = totalRow(t5);
  const t6Total = totalRow(t6);
  s.revenueTotal = val(totalRow(t1, 'revenue') ?? grandWithoutCarry(t1, 'revenue'), 'amount', 'total') ?? claim(d, 'revenue.total');
  s.expenditureTotal = val(totalRow(t1, 'expenditure') ?? grandWithoutCarry(t1, 'expenditure'), 'amount', 'total') ?? val(t3Total, 'total') ?? claim(d, 'expenditure.total');
  // The 基本支出表 is the basic expenditure of the 一般公共预算 by economic class: its 合计 when nothing else says.
  // The 收支总表's expenditure by purpose (江苏, 陕西) is the department's, all funds.
  const purpose = (key: string) => val(t1?.rows.find((r) => r.side === 'expenditure' && r.key === key && !r.code), 'amount', 'total');
  s.basicExpenditure = val(t3Total, 'basic') ?? partsSum(t3Total, 'personnel', 'public') ?? purpose('basic') ?? val(t5Total, 'basic') ?? val(t6Total, 'total') ?? claim(d, 'expenditure.basic');
  s.projectExpenditure = val(t3Total, 'project') ?? purpose('project') ?? val(t5Total, 'project') ?? claim(d, 'expenditure.project');
  s.personnelExpenditure = val(t6Total, 'personnel') ?? claim(d, 'expenditure.personnel');
  s.publicExpenditure = val(t6Total, 'public') ?? claim(d, 'expenditure.public');
  s.operatingCosts = val(totalRow(table(d, 'operating-costs')), 'amount', 'total', 'current') ?? claim(d, 'operatingCosts.total');
  s.threePublic = threePublic(d);
  const procurementTotal = d.procurement.items.find((i) => i.role === 'total')?.amount?.value ?? null;
  s.procurementTotal = procurementTotal ?? claim(d, 'procurement.total') ?? d.procurementSplit.total?.value ?? null;
  const assetsTotal = d.assets.rows.find((r) => r.key === 'total')?.value?.value ?? null;
  s.assetsTotal = assetsTotal ?? claim(d, 'assets.total');
  return s;
}

const PARTS = ['total', 'abroad', 'vehicle', 'vehiclePurchase', 'vehicleOperation', 'reception'] as const;
const CLAIM_OF: Record<(typeof PARTS)[number], ClaimSubject> = {
  total: 'threePublic.total',
  abroad: 'threePublic.abroad',
  vehicle: 'threePublic.vehicle',
  vehiclePurchase: 'threePublic.vehiclePurchase',
  vehicleOperation: 'threePublic.vehicleOperation',
  reception: 'threePublic.reception',
};

function threePublic(d: Disclosure): Summary['threePublic'] {
  const out = emptySummary().threePublic;
  const t = d.tables.find((x) => x.kind === 'three-public');
  if (t && !t.empty) {
    // Items as columns (合计 | 因公出国 | 公务用车 | 公务接待), one row per unit under a 合计 row: the
    // row names are units, not items.
    const itemColumns = t.columns.some((c) => ['abroad', 'vehicle', 'reception'].includes(c.key));
    const byRow = itemColumns ? [] : t.rows.filter((r) => (PARTS as readonly string[]).includes(r.key ?? ''));
    if (byRow.length) {
      for (const r of byRow) {
        const k = r.key as (typeof PARTS)[number];
        out[k] ??= val(r, 'current', 'total', 'amount', 'generalBudget');
      }
    } else {
      // A 决算 table has a 决算数 row and a 预算数 row: the year's figures are the 决算数.
      // A table printed per period (上年 | 当年 | 增减) has a row per period: the year's 合计 row.
      const current = t.rows.filter((r) => r.key === 'current');
      // A table of units has its 合计 row.
      const units = t.rows.some((r) => r.role === 'total') && t.rows.filter((r) => r.role !== 'total').length > 1;
      const first =
        t.rows.find((r) => r.key === 'final') ??
        current.find((r) => r.role === 'total') ??
        current[0] ??
        (units ? t.rows.find((r) => r.role === 'total') : undefined) ??
        t.rows.find((r) => r.role !== 'total') ??
        t.rows[0];
      for (const k of PARTS) out[k] = val(first, k);
    }
  } else if (t?.empty && /无/.test(t.note ?? '')) {
    for (const k of PARTS) out[k] = new Money(0);
  }
  for (const k of PARTS) out[k] ??= claim(d, CLAIM_OF[k]);
  // 无…“三公”经费预算: every part is zero.
  if (out.total?.isZero() && PARTS.every((k) => out[k] === null || out[k]!.isZero())) for (const k of PARTS) out[k] ??= new Money(0);
  if (out.vehicle === null && out.vehiclePurchase && out.vehicleOperation) out.vehicle = out.vehiclePurchase.plus(out.vehicleOperation);
  return out;
}
