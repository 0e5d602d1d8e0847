/**
 * Reading the standard tables the way rules talk about them: by kind, by semantic column key,
 * by code, by row key (收支总表 rows, 三公 items, assets).
 */
import type { Disclosure, Figure, Row, StdTable, TableKind } from '../../model/disclosure.js';
import type { Money } from '../../model/money.js';
import { TABLE_KINDS } from '../../model/table-kinds.js';
import { val } from './figures.js';
import { amountOf, linesBeforeTotal, sideRows, sourceLines, totalHeads } from '../../model/table-rows.js';

export { amountOf, linesBeforeTotal, sideRows, sourceLines, totalHeads };

export { childrenOf, printedOnce, repeatsClasses } from '../../model/code-blocks.js';
import { printedOnce, repeatsClasses } from '../../model/code-blocks.js';

/** Standard table names used in messages when a table has no title of its own (table-kinds.ts). */
export const KIND_NAMES = Object.fromEntries(TABLE_KINDS.map((k) => [k.id, k.name])) as Record<TableKind, string>;

/** Column keys that never hold amounts. */
export const NON_AMOUNT_KEYS = new Set([
  'seq', 'code', 'codeClass', 'codeSection', 'codeItem', 'name', 'item', 'catalogCode', 'measure', 'reason',
]);

export function tablesOf(doc: Disclosure, kind: TableKind): StdTable[] {
  return doc.tables.filter((t) => t.kind === kind);
}

/**
 * The classification a kind is defined by: a 基本支出表 by economic class, the others by function.
 * Some regions print a table both ways (陕西: 一般公共预算支出明细表 按功能 and 按经济); the rules
 * about "the" table mean the one in its own classification.
 */
const NATIVE_SCHEME: Partial<Record<TableKind, 'functional' | 'economic'>> = Object.fromEntries(
  TABLE_KINDS.flatMap((k) => ('scheme' in k ? [[k.id, k.scheme]] : [])),
);

/**
 * The first non-empty table of a kind (a document may repeat a table per unit; the first is the
 * department's), in the kind's own classification when the document prints it in both.
 */
export function tableOf(doc: Disclosure, kind: TableKind): StdTable | undefined {
  const all = tablesOf(doc, kind);
  const native = NATIVE_SCHEME[kind];
  return all.find((t) => !t.empty && native && schemeOf(t) === native) ?? all.find((t) => !t.empty) ?? all[0];
}

export function tableName(t: StdTable): string {
  const title = t.title.replace(/\s+/g, '').replace(/^\[bookmark:[^\]]*\]/, '');
  return title || KIND_NAMES[t.kind];
}

export function fig(row: Row | undefined, key: string): Figure | null {
  return row ? (row.values[key] ?? null) : null;
}

export function value(row: Row | undefined, key: string): Money | null {
  return val(fig(row, key));
}

/** Amount columns of a table, in printed order. */
export function amountKeys(t: StdTable): string[] {
  const keys: string[] = [];
  for (const c of t.columns) if (!NON_AMOUNT_KEYS.has(c.key) && !keys.includes(c.key)) keys.push(c.key);
  return keys;
}

export function hasColumn(t: StdTable, key: string): boolean {
  return t.columns.some((c) => c.key === key);
}

export function columnLabel(t: StdTable, key: string, side?: 'revenue' | 'expenditure'): string {
  const c = t.columns.find((col) => col.key === key && (!side || !col.side || col.side === side));
  if (!c) return KEY_NAMES[key] ?? key;
  const parts = c.label.split('/').map((p) => p.replace(/\s+/g, '')).filter(Boolean);
  return parts[parts.length - 1] ?? KEY_NAMES[key] ?? key;
}

/** Chinese names of column keys, for messages about columns a table does not label. */
export const KEY_NAMES: Record<string, string> = {
  total: '合计',
  amount: '金额',
  basic: '基本支出',
  project: '项目支出',
  operating: '经营支出',
  toSuperior: '上缴上级支出',
  toSubsidiary: '对附属单位补助支出',
  personnel: '人员经费',
  public: '公用经费',
  currentIncome: '本年收入小计',
  carryOver: '上年结转',
  priorBalance: '上年实户资金余额',
  fiscal: '财政拨款收入',
  fiscalSpecial: '财政专户管理资金收入',
  business: '事业收入',
  operatingIncome: '事业单位经营收入',
  superiorSubsidy: '上级补助收入',
  subsidiaryIncome: '附属单位上缴收入',
  other: '其他收入',
  generalBudget: '一般公共预算',
  govFund: '政府性基金预算',
  stateCapital: '国有资本经营预算',
  unitFunds: '单位资金',
  prior: '上年预算数',
  current: '本年预算数',
  change: '增减',
  quantity: '数量',
  value: '价值',
  abroad: '因公出国（境）费',
  vehicle: '公务用车购置及运行费',
  vehiclePurchase: '公务用车购置费',
  vehicleOperation: '公务用车运行费',
  reception: '公务接待费',
};

export function rowLabel(row: Row): string {
  const name = row.name.replace(/\s+/g, '');
  return row.code ? `${row.code} ${name}` : name;
}

/** Human place of a row and column: 《部门支出总表》“201 一般公共服务支出”行“基本支出”列. */
export function where(t: StdTable, row?: Row, key?: string): string {
  let s = `《${tableName(t)}》`;
  // A table of one unnamed row (三公 items as columns) needs no row name.
  if (row && rowLabel(row)) s += `“${rowLabel(row)}”行`;
  if (key) s += `“${columnLabel(t, key, row?.side)}”列`;
  return s;
}

/** Location of a cell for a finding: the figure's own place, else the row's, with a human `where`. */
export function cellLocation(t: StdTable, row?: Row, key?: string): Record<string, unknown> & { where: string } {
  const f = row && key ? row.values[key] : null;
  return { ...t.loc, ...(row?.loc ?? {}), ...(f?.loc ?? {}), where: where(t, row, key) };
}

export function rowByKey(rows: Row[], key: string): Row | undefined {
  return rows.find((r) => r.key === key);
}

/** The 合计 row of a coded table. */
export function totalRow(t: StdTable): Row | undefined {
  return t.rows.find((r) => (r.role === 'total' || r.role === 'grand-total') && !r.code && !r.side);
}

export function codeRows(t: StdTable): Row[] {
  return t.rows.filter((r) => !!r.code && /^\d+$/.test(r.code));
}

/**
 * Rows by code; the first row wins when a code repeats — except in a table that prints its classes
 * in blocks (model/code-blocks.ts): there a code's amount is the sum of its printings.
 */
export function byCode(t: StdTable): Map<string, Row> {
  const m = new Map<string, Row>();
  if (repeatsClasses(t.rows)) {
    const groups = new Map<string, Row[]>();
    for (const r of printedOnce(t.rows)) groups.set(r.code!, [...(groups.get(r.code!) ?? []), r]);
    for (const [code, rows] of groups) m.set(code, rows.length === 1 ? rows[0] : addRows(rows));
    return m;
  }
  for (const r of codeRows(t)) if (!m.has(r.code!)) m.set(r.code!, r);
  return m;
}

/** One row of the summed figures of several printings of a code (located at the first). */
function addRows(rows: Row[]): Row {
  const values: Row['values'] = {};
  const keys = new Set(rows.flatMap((r) => Object.keys(r.values)));
  for (const k of keys) {
    const figs = rows.map((r) => r.values[k]).filter((f): f is Figure => !!f && f.value !== null);
    if (!figs.length) {
      values[k] = null;
      continue;
    }
    const total = figs.slice(1).reduce((a, f) => a.plus(f.value!), figs[0].value!);
    values[k] = { raw: total.toFixed(2), value: total, loc: { ...figs[0].loc } };
  }
  return { ...rows[0], values };
}

export function firstSideRole(t: StdTable, side: 'revenue' | 'expenditure', role: Row['role'], key?: string): Row | undefined {
  return sideRows(t, side).find((r) => r.role === role && (!key || r.key === undefined || r.key === key || r.key.startsWith(key)));
}

/** Economic or functional classification of a table with codes. */
export function schemeOf(t: StdTable): 'functional' | 'economic' | null {
  if (t.classification) return t.classification;
  const codes = codeRows(t).map((r) => r.code!);
  if (!codes.length) return null;
  return codes.every((c) => /^[35]/.test(c)) ? 'economic' : 'functional';
}

/** Kinds whose rows carry classification codes (table-kinds.ts `coded`). */
export const CODED_KINDS: TableKind[] = TABLE_KINDS.filter((k) => k.coded).map((k) => k.id);
