/**
 * The headline amounts of a disclosure as its tables state them (the summary when no table does),
 * most authoritative first — what narrative rules hold the text against.
 */
import type { Disclosure, Figure, Row, StdTable } from '../../model/disclosure.js';
import { asFigure, sum, summaryValue, val } from './figures.js';
import { amountOf, cellLocation, sideRows, tableName, tableOf, totalRow, where } from './tables.js';

export interface Source {
  figure: Figure;
  /** Who states it, for messages: 《部门预算支出总表》“合计”行“基本支出”列. */
  desc: string;
  location: Record<string, unknown> & { where: string };
  /** The printed figures a computed source adds up (a missing part is then a real omission of the text). */
  parts?: Figure[];
}

export type HeadlineKey =
  | 'revenueTotal'
  | 'revenueGrand'
  | 'expenditureTotal'
  | 'expenditureGrand'
  | 'basic'
  | 'project'
  | 'personnel'
  | 'public'
  | 'operatingCosts'
  | 'procurementTotal'
  | 'assetsTotal';

function cell(t: StdTable | undefined, row: Row | undefined, key: string): Source | null {
  if (!t || !row) return null;
  const f = row.values[key];
  if (!f || !f.value) return null;
  return { figure: f, desc: where(t, row, key), location: cellLocation(t, row, key) };
}

function sideCell(t: StdTable | undefined, side: 'revenue' | 'expenditure', role: Row['role']): Source | null {
  if (!t) return null;
  return sideCellOf(t, sideRows(t, side).find((r) => r.role === role));
}

function sideCellOf(t: StdTable, row: Row | undefined): Source | null {
  const f = amountOf(row);
  if (!row || !f) return null;
  return { figure: f, desc: `《${tableName(t)}》${row.name.replace(/\s+/g, '')}`, location: { ...t.loc, ...row.loc, ...f.loc, where: `《${tableName(t)}》${row.name.replace(/\s+/g, '')}` } };
}

const SUMMARY_FIELDS: Partial<Record<HeadlineKey, [keyof Disclosure['summary'], string]>> = {
  revenueTotal: ['revenueTotal', '本年收入合计'],
  expenditureTotal: ['expenditureTotal', '本年支出合计'],
  basic: ['basicExpenditure', '基本支出'],
  project: ['projectExpenditure', '项目支出'],
  personnel: ['personnelExpenditure', '人员经费'],
  public: ['publicExpenditure', '公用经费'],
  operatingCosts: ['operatingCosts', '机关运行经费'],
  procurementTotal: ['procurementTotal', '政府采购预算总额'],
  assetsTotal: ['assetsTotal', '固定资产总额'],
};

function fromSummary(doc: Disclosure, key: HeadlineKey): Source | null {
  const s = SUMMARY_FIELDS[key];
  if (!s) return null;
  const m = summaryValue(doc.summary[s[0]]);
  if (!m) return null;
  return { figure: asFigure(m, m.toFixed(2)), desc: `摘要中${s[1]}`, location: { where: `摘要：${s[1]}` } };
}

/** Whether the 一般公共预算 table's total is the department's: equal to the 收支总表's 本年支出合计, or no such total. */
function allGeneralBudget(doc: Disclosure, t5: StdTable | undefined): boolean {
  const t1 = tableOf(doc, 'revenue-expenditure-summary');
  const dept = val(amountOf(t1 && sideRows(t1, 'expenditure').find((r) => r.role === 'total')));
  const own = val(t5 && totalRow(t5)?.values.total);
  return !dept || !own || own.minus(dept).abs().lessThanOrEqualTo('0.01');
}

/** Candidates in order of authority; the first is what a claim is compared with. */
export function headlines(doc: Disclosure, key: HeadlineKey): Source[] {
  const t1 = tableOf(doc, 'revenue-expenditure-summary');
  const t2 = tableOf(doc, 'revenue');
  const t3 = tableOf(doc, 'expenditure');
  const t5 = tableOf(doc, 'general-budget-expenditure');
  const t6 = tableOf(doc, 'general-budget-basic');
  const out: (Source | null)[] = [];
  switch (key) {
    case 'revenueTotal':
      out.push(sideCell(t1, 'revenue', 'total'), cell(t2, t2 && totalRow(t2), 'currentIncome'));
      break;
    case 'revenueGrand':
      out.push(sideCell(t1, 'revenue', 'grand-total'), cell(t2, t2 && totalRow(t2), 'total'));
      break;
    case 'expenditureTotal':
      out.push(sideCell(t1, 'expenditure', 'total'), cell(t3, t3 && totalRow(t3), 'total'));
      break;
    case 'expenditureGrand':
      out.push(sideCell(t1, 'expenditure', 'grand-total'));
      break;
    case 'basic':
    case 'project':
      // The 一般公共预算 table speaks for the department only when all its money is 一般公共预算; else
      // without the 支出总表 nothing does (the summary would repeat the 一般公共预算 figure).
      if (!t3 && !allGeneralBudget(doc, t5)) {
        // The 收支总表's expenditure by purpose (江苏, 陕西) is the department's, if printed.
        const purpose = t1 && sideRows(t1, 'expenditure').find((r) => r.key === key && !r.code);
        return purpose ? [sideCellOf(t1!, purpose)].filter((x): x is Source => x !== null) : [];
      }
      out.push(cell(t3, t3 && totalRow(t3), key), cell(t5, t5 && totalRow(t5), key));
      break;
    case 'personnel':
    case 'public':
      // The 基本支出表 first; the 支出总表 (all funds) and 一般公共预算支出表 may split 基本支出 too.
      out.push(cell(t6, t6 && totalRow(t6), key), cell(t3, t3 && totalRow(t3), key), cell(t5, t5 && totalRow(t5), key));
      break;
    case 'operatingCosts': {
      const t = tableOf(doc, 'operating-costs');
      const r = t?.rows.find((x) => x.role === 'total' || x.role === 'grand-total');
      const f = amountOf(r);
      if (t && r && f) out.push({ figure: f, desc: `《${tableName(t)}》合计`, location: cellLocation(t, r) });
      break;
    }
    case 'procurementTotal': {
      const total = doc.procurement.items.find((i) => i.role === 'total');
      if (total && val(total.amount)) out.push({ figure: total.amount!, desc: '政府采购预算表合计金额', location: { ...total.loc, where: '政府采购预算表合计行' } });
      else {
        const lines = doc.procurement.items.filter((i) => i.role === 'line' && val(i.amount));
        if (lines.length) {
          const s = sum(lines.map((i) => val(i.amount)));
          out.push({ figure: asFigure(s, s.toString()), desc: '政府采购预算表各明细金额之和', location: { where: '政府采购预算表' } });
        }
      }
      break;
    }
    case 'assetsTotal': {
      const row = doc.assets.rows.find((r) => r.key === 'total');
      if (row && val(row.value)) out.push({ figure: row.value!, desc: '固定资产占用情况表资产总额', location: { ...row.loc, where: '固定资产占用情况表资产总额' } });
      const t = tableOf(doc, 'assets');
      const tr = t?.rows.find((r) => r.key === 'total');
      const f = tr ? (tr.values.amount ?? tr.values.value ?? null) : null;
      if (t && tr && f?.value) out.push({ figure: f, desc: `《${tableName(t)}》资产总额`, location: cellLocation(t, tr) });
      break;
    }
  }
  out.push(fromSummary(doc, key));
  return out.filter((s): s is Source => s !== null);
}

export function headline(doc: Disclosure, key: HeadlineKey): Source | null {
  return headlines(doc, key)[0] ?? null;
}
