/**
 * Two 决算 table layouts that are not one row per code: the 基本支出决算表 prints 人员经费 and
 * 公用经费 side by side (经济分类科目编码 | 科目名称 | 决算数, twice), and the 三公 决算表 prints
 * 预算数 | 决算数 under every item. Both are turned into the shapes the budget tables have.
 */
import type { Column, Row } from '../model/disclosure.js';
import { squash, type Cell } from '../read/doc.js';
import { threePublicColumnOf } from './row-keys.js';

/**
 * The two halves of a side-by-side 基本支出表: [code, name, amount] on the left (人员经费) and
 * on the right (公用经费). Null when the table is not laid out so.
 */
export function economicHalves(columns: Column[]): { left: Column[]; right: Column[] } | null {
  const codes = columns.filter((c) => c.key === 'code');
  const amounts = columns.filter((c) => c.key === 'amount');
  if (codes.length !== 2 || amounts.length !== 2 || columns.some((c) => c.key === 'personnel' || c.key === 'public')) return null;
  const split = codes[1].col;
  const left = columns.filter((c) => c.col < split).map((c) => (c.key === 'amount' ? { ...c, key: 'personnel' } : c));
  const right = columns.filter((c) => c.col >= split).map((c) => (c.key === 'amount' ? { ...c, key: 'public' } : c));
  return { left, right };
}

/**
 * "人员经费合计 | 139.90 | 公用经费合计 | 14.90" in plain text, where each label was merged over
 * a code and a name cell: spread back so each half has its three cells.
 */
export function spreadHalfTotals(cells: Cell[], width: number): Cell[] {
  if (cells.length !== width - 2 || width !== 6 || cells.some((c) => c.mergedFrom)) return cells;
  const t = cells.map((c) => squash(c.text));
  if (!/合计/.test(t[0]) || !/合计/.test(t[2])) return cells;
  const copy = (c: Cell): Cell => ({ text: c.text, loc: { ...c.loc }, mergedFrom: { row: c.loc.row ?? 0, col: c.loc.col ?? 0 } });
  return [cells[0], copy(cells[0]), cells[1], cells[2], copy(cells[2]), cells[3]];
}

/** The one row of both halves' totals: 人员经费合计 and 公用经费合计 side by side. */
export function mergeHalfTotals(rows: Row[]): Row[] {
  const personnel = rows.find((r) => /人员经费合计|^人员经费$/.test(r.name) && !r.code);
  const pub = rows.find((r) => /公用经费合计|^公用经费$/.test(r.name) && !r.code);
  if (!personnel || !pub) return rows;
  const total: Row = {
    code: null,
    name: `${personnel.name}/${pub.name}`,
    level: null,
    role: 'total',
    values: { personnel: personnel.values.personnel ?? null, public: pub.values.public ?? null },
    loc: personnel.loc,
  };
  return [...rows.filter((r) => r !== personnel && r !== pub), total];
}

/** The leaf labels of a 三公 决算 table's columns: 预算数 or 决算数. */
function stage(leaf: string): 'budget' | 'final' | null {
  if (/^(年初)?预算(数)?$/.test(leaf)) return 'budget';
  if (/^决算(数)?$/.test(leaf)) return 'final';
  return null;
}

/** Whether the 三公 table prints 预算数 | 决算数 under its items. */
export function isBudgetFinalThreePublic(paths: string[][]): boolean {
  const stages = paths.map((p) => stage(p[p.length - 1] ?? ''));
  return stages.includes('budget') && stages.includes('final');
}

/**
 * Column keys of a 三公 决算 table: the item over each 预算数/决算数 pair (plain text leaves the
 * second column of a merged item heading blank, so an unlabelled 决算数 takes the item of the
 * 预算数 beside it). Returns, per column, the item key and the stage.
 */
export function budgetFinalColumns(paths: string[][]): ({ item: string; stage: 'budget' | 'final' } | null)[] {
  const out: ({ item: string; stage: 'budget' | 'final' } | null)[] = [];
  paths.forEach((p, c) => {
    const s = stage(p[p.length - 1] ?? '');
    if (!s) {
      out.push(null);
      return;
    }
    let item = itemOf(p.slice(0, -1));
    if (!item && c > 0 && out[c - 1]) item = out[c - 1]!.item;
    out.push(item ? { item, stage: s } : null);
  });
  return out;
}

function itemOf(path: string[]): string | null {
  for (let k = path.length; k > 0; k--) {
    const key = threePublicColumnOf(path.slice(0, k));
    if (key) return key;
    if (/^合计$|^总计$/.test(path[k - 1])) return 'total';
  }
  return null;
}
