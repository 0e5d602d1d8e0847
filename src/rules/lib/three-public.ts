/**
 * 三公 tables come in two orientations: items as rows (河北 T9, the 说明's table with 上年/本年/增减
 * columns) or items as columns (江苏 "三公经费、会议费、培训费" table). Both are read here.
 */
import type { Disclosure, Figure, Row, StdTable } from '../../model/disclosure.js';
import { asFigure, summaryValue } from './figures.js';
import { cellLocation, hasColumn, tableName, tablesOf, where } from './tables.js';

export type TPKey = 'total' | 'abroad' | 'vehicle' | 'vehiclePurchase' | 'vehicleOperation' | 'reception' | 'meeting' | 'training';
export const TP_PARTS: TPKey[] = ['abroad', 'vehicle', 'vehiclePurchase', 'vehicleOperation', 'reception', 'meeting', 'training'];

export const TP_NAMES: Record<TPKey, string> = {
  total: '“三公”经费合计',
  abroad: '因公出国（境）费',
  vehicle: '公务用车购置及运行费',
  vehiclePurchase: '公务用车购置费',
  vehicleOperation: '公务用车运行维护费',
  reception: '公务接待费',
  meeting: '会议费',
  training: '培训费',
};

const NAME_KEYS: [RegExp, TPKey][] = [
  [/合计|总计|^三公经费$/, 'total'],
  [/出国|出境/, 'abroad'],
  [/购置及运|购置和运/, 'vehicle'],
  [/购置/, 'vehiclePurchase'],
  [/运行|运维/, 'vehicleOperation'],
  [/公务用车/, 'vehicle'],
  [/接待/, 'reception'],
  [/会议/, 'meeting'],
  [/培训/, 'training'],
];

export function keyOfName(name: string): TPKey | undefined {
  const n = name.replace(/\s+/g, '');
  for (const [re, key] of NAME_KEYS) if (re.test(n)) return key;
  return undefined;
}

export function rowKey(r: Row): TPKey | undefined {
  if (r.key && (r.key === 'total' || (TP_PARTS as string[]).includes(r.key))) return r.key as TPKey;
  if (r.role === 'total' || r.role === 'grand-total') return 'total';
  return keyOfName(r.name);
}

export function itemsAsColumns(t: StdTable): boolean {
  return t.columns.some((c) => ['abroad', 'reception', 'vehiclePurchase', 'vehicleOperation', 'vehicle'].includes(c.key));
}

export function threePublicTables(doc: Disclosure): StdTable[] {
  return tablesOf(doc, 'three-public').filter((t) => !t.empty);
}

/** Rows by item key (first row per key). */
export function rowsByKey(t: StdTable): Map<TPKey, Row> {
  const m = new Map<TPKey, Row>();
  for (const r of t.rows) {
    const k = rowKey(r);
    if (k && !m.has(k)) m.set(k, r);
  }
  return m;
}

/** The column holding this year's amounts in an items-as-rows table. */
export function currentColumn(t: StdTable): string | null {
  for (const k of ['current', 'total', 'amount', 'generalBudget']) if (hasColumn(t, k)) return k;
  return null;
}

export interface TPFigure {
  figure: Figure;
  desc: string;
  location: Record<string, unknown> & { where: string };
}

/** This year's 三公 amounts as the tables state them, else as the summary does. */
export function threePublicFigures(doc: Disclosure): Partial<Record<TPKey, TPFigure>> {
  const out: Partial<Record<TPKey, TPFigure>> = {};
  for (const t of threePublicTables(doc)) {
    if (itemsAsColumns(t)) {
      // A 决算 table prints 预算数 and 决算数 as two rows: the year's figures are the 决算数 row's,
      // whatever the order.
      // A table printed per period (上年 | 当年 | 增减) has a row per period: the year's 合计 row.
      const r =
        t.rows.find((x) => x.key === 'final') ??
        t.rows.find((x) => x.key === 'current' && x.role === 'total') ??
        t.rows.find((x) => x.key === 'current') ??
        t.rows.find((x) => x.role === 'total') ??
        t.rows.find((x) => x.key !== 'budget' && Object.values(x.values).some((f) => f?.value));
      if (!r) continue;
      for (const k of ['total', ...TP_PARTS] as TPKey[]) {
        const f = r.values[k];
        if (f?.value && !out[k]) out[k] = { figure: f, desc: `《${tableName(t)}》${TP_NAMES[k]}`, location: cellLocation(t, r, k) };
      }
    } else {
      const col = currentColumn(t);
      if (!col) continue;
      for (const [k, r] of rowsByKey(t)) {
        const f = r.values[col];
        if (f?.value && !out[k]) out[k] = { figure: f, desc: `${where(t, r, col)}`, location: cellLocation(t, r, col) };
      }
    }
  }
  const s = doc.summary.threePublic;
  for (const k of ['total', 'abroad', 'vehicle', 'vehiclePurchase', 'vehicleOperation', 'reception'] as const) {
    const m = summaryValue(s[k]);
    if (!out[k] && m) {
      out[k] = { figure: asFigure(m, m.toFixed(2)), desc: `摘要${TP_NAMES[k]}`, location: { where: `摘要${TP_NAMES[k]}` } };
    }
  }
  return out;
}
