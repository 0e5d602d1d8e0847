/**
 * The shape of a table, whatever it holds: the rows above the header (entity, year, unit), the
 * header rows and the path of header labels over each column, and the data rows.
 */
import { squash, type Cell, type Table } from '../read/doc.js';
import { parseAmount } from './numbers.js';

export interface Grid {
  table: Table;
  /** Rows above the header: 单位：万元, 预算年度：2022, 224中共…. Their texts, in order. */
  metaTexts: string[];
  headerRows: Cell[][];
  dataRows: Cell[][];
  width: number;
  /** For each column, the distinct header labels from top to bottom (whitespace removed). */
  paths: string[][];
}

const META = /单位[:：]|预算年度|截止(时间|日期)|编制(部门|单位)|^\d{3,}[\u4e00-\u9fa5]|金额单位|填报单位/;

function text(c: Cell | undefined): string {
  return c ? squash(c.text) : '';
}

function isEmptyRow(r: Cell[]): boolean {
  return r.every((c) => text(c) === '');
}

function isMetaRow(r: Cell[]): boolean {
  const filled = r.filter((c) => text(c) !== '' && !c.mergedFrom);
  return filled.length > 0 && filled.length <= 4 && filled.every((c) => META.test(text(c)) || filled.length === 1 && /表$/.test(text(c)));
}

/** A 栏次 row numbers the columns (栏次 | 1 | 2 | 3 …): header, not data. */
function isColumnNumbering(r: Cell[]): boolean {
  const first = r.map(text).find((t) => t !== '');
  return first === '栏次' || first === '栏 次';
}

const CODE = /^\d{3}(\d{2}){0,2}$/;

/** A data row has a figure or a classification code in some column after the first. */
export function isDataRow(r: Cell[]): boolean {
  if (isColumnNumbering(r)) return false;
  return r.some((c, i) => {
    const t = text(c);
    if (t === '') return false;
    if (i > 0 && isAmount(t)) return true;
    return CODE.test(t) && i <= 2;
  });
}

export function analyzeGrid(table: Table): Grid {
  const rows = table.rows;
  let i = 0;
  const metaTexts: string[] = [];
  while (i < rows.length && (isMetaRow(rows[i]) || isEmptyRow(rows[i]))) {
    for (const c of rows[i]) if (text(c) && !c.mergedFrom) metaTexts.push(c.text.trim());
    i++;
  }
  let firstData = rows.findIndex((r, k) => k >= i && isDataRow(r));
  if (firstData < 0) {
    // An empty table: its header ends before the first empty row.
    firstData = rows.findIndex((r, k) => k >= i && isEmptyRow(r));
    if (firstData < 0) firstData = rows.length;
  }
  // The 栏次 row only numbers the columns: no label.
  const headerRows = rows.slice(i, firstData).filter((r) => !isEmptyRow(r) && !isColumnNumbering(r));
  const dataRows = rows.slice(firstData);
  const width = Math.max(0, ...(dataRows.length ? dataRows : headerRows).map((r) => r.length), ...headerRows.map((r) => r.length));
  return { table, metaTexts, headerRows, dataRows, width, paths: columnPaths(headerRows, width) };
}

/**
 * Header labels per column: rows whose own cells fill the width map directly; a row with merged
 * cells is aligned over the full row below it (alignOver), else taken as the reader placed it.
 */
function columnPaths(headerRows: Cell[][], width: number): string[][] {
  const paths: string[][] = Array.from({ length: width }, () => []);
  // Cells a horizontal merge copied are not the row's own; a vertical merge's copy is.
  const own = (r: Cell[]) => r.filter((c) => !c.mergedFrom || c.mergedFrom.row !== c.loc.row);
  const placed: (string[] | null)[] = headerRows.map((r) => (own(r).length === width ? r.map(text) : null));
  for (let k = headerRows.length - 1; k >= 0; k--) {
    if (placed[k]) continue;
    const below = placed.slice(k + 1).find((p) => p !== null);
    placed[k] = (below && alignOver(own(headerRows[k]).map(text), below)) ?? (headerRows[k].length === width ? headerRows[k].map(text) : null);
  }
  for (const row of placed) {
    if (!row) continue;
    row.forEach((label, c) => {
      if (label && paths[c][paths[c].length - 1] !== label) paths[c].push(label);
    });
  }
  return paths;
}

/**
 * Places the labels of a row with merged cells over the full row below it: an empty cell below
 * is a column the upper label covers alone, a run of labels below is one the upper label spans.
 * Files disagree on where merges sit (some do not show them at all), the full row does not.
 */
function alignOver(labels: string[], below: string[]): string[] | null {
  const segments: [number, number][] = [];
  for (let c = 0; c < below.length; c++) {
    const last = segments[segments.length - 1];
    if (below[c] !== '' && last && below[last[1]] !== '' && last[1] === c - 1) last[1] = c;
    else segments.push([c, c]);
  }
  if (segments.length !== labels.length) return null;
  const row = new Array<string>(below.length).fill('');
  segments.forEach(([a, b], s) => {
    for (let c = a; c <= b; c++) row[c] = labels[s];
  });
  return row;
}

export function isAmount(t: string): boolean {
  const v = parseAmount(t);
  return v !== null && v !== undefined;
}

export function cellText(row: Cell[], col: number): string {
  return row[col] ? row[col].text.trim() : '';
}
