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

const META = /单位[:：]|预算年度|截止(时间|日期)|编制(部门|单位)|^\d{3,}[\u4e00-\u9fa5]|金额单位|填报单位|^部门[:：]/;

function text(c: Cell | undefined): string {
  return c ? squash(c.text) : '';
}

function isEmptyRow(r: Cell[]): boolean {
  return r.every((c) => text(c) === '');
}

function isMetaRow(r: Cell[]): boolean {
  const filled = r.filter((c) => text(c) !== '' && !c.mergedFrom);
  return filled.length > 0 && filled.length <= 4 && filled.every((c) => META.test(text(c)) || filled.length === 1 && /表([（(][^（）()]{1,24}[)）])?$/.test(text(c)));
}

/** Labels a column-numbering row prints where a column has no number: 栏次, 甲/乙, `**`. */
const NUMBERING_MARK = /^(栏次|行次|序号|[甲乙丙丁]|\*+)$/;

/**
 * A row that numbers the columns (栏次 | 1 | 2 | 3 …, or `**` | `**` | 1 | 2 … under the label
 * columns): header, not data. Its numbers run 1, 2, 3 … (or any run of consecutive integers after a
 * mark); figures never do.
 */
export function isColumnNumbering(r: Cell[]): boolean {
  const texts = r.filter((c) => !c.mergedFrom).map(text).filter((t) => t !== '');
  if (!texts.length) return false;
  if (texts[0] === '栏次') return true;
  const marks = texts.filter((t) => NUMBERING_MARK.test(t)).length;
  const numbers = texts.filter((t) => /^\d{1,2}$/.test(t)).map(Number);
  if (marks + numbers.length !== texts.length || !numbers.length) return false;
  if (numbers.some((n, k) => k > 0 && n !== numbers[k - 1] + 1)) return false;
  return marks > 0 ? numbers.length >= 1 : numbers[0] <= 1 && numbers.length >= 3;
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

/** 合计 (or 总计) with nothing beside it but its own merged copies: an empty table's total row. */
function isBareTotal(r: Cell[]): boolean {
  const filled = r.filter((c) => text(c) !== '' && !c.mergedFrom);
  return filled.length === 1 && /^(合计|总计)$/.test(text(filled[0])) && r.indexOf(filled[0]) <= 1;
}

/** A row led by a numbered label (一、一般公共预算财政拨款收入): a row, not a header. */
function isLabelRow(r: Cell[]): boolean {
  const first = r.map(text).find((t) => t !== '') ?? '';
  return /^[一二三四五六七八九十]+[、.．]/.test(first);
}

export function analyzeGrid(table: Table): Grid {
  const rows = table.rows;
  let i = 0;
  const metaTexts: string[] = [];
  while (i < rows.length && (isMetaRow(rows[i]) || isEmptyRow(rows[i]))) {
    for (const c of rows[i]) if (text(c) && !c.mergedFrom) metaTexts.push(c.text.trim());
    i++;
  }
  // A bare 合计 row (a blank table's total, printed before its empty code rows) is data too.
  let firstData = rows.findIndex((r, k) => k > i && (isDataRow(r) || isBareTotal(r)));
  if (firstData < 0) firstData = rows.findIndex((r, k) => k >= i && isDataRow(r));
  if (firstData < 0) {
    // A table with no figures at all: its header ends before its first numbered row label (一、…),
    // else before the first empty row.
    firstData = rows.findIndex((r, k) => k > i && isLabelRow(r));
    if (firstData < 0) firstData = rows.findIndex((r, k) => k > i && isEmptyRow(r));
    if (firstData < 0) firstData = rows.length;
  }
  // The 栏次 row only numbers the columns: no label.
  const headerRows = rows.slice(i, firstData).filter((r) => !isEmptyRow(r) && !isColumnNumbering(r));
  // A header cell merged down beside the first row's label (部门经济科目名称 over the 合计 row) is no data.
  const dataRows = rows.slice(firstData).map((r) => (r.some((c) => fromHeader(c, firstData)) ? r.map((c) => (fromHeader(c, firstData) ? { ...c, text: '', mergedFrom: undefined } : c)) : r));
  // A loop, not Math.max(...rows): spreading 100,000 rows as arguments overflows the stack.
  let width = 0;
  for (const r of [...(dataRows.length ? dataRows : headerRows), ...headerRows]) width = Math.max(width, r.length);
  return { table, metaTexts, headerRows, dataRows, width, paths: columnPaths(headerRows, width) };
}

function fromHeader(c: Cell, firstData: number): boolean {
  return !!c.mergedFrom && c.mergedFrom.row < firstData && (c.loc.row ?? 0) >= firstData;
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
    const labels = own(headerRows[k]).map(text);
    placed[k] =
      (below ? alignOver(labels, below) : null) ??
      (headerRows[k].length === width ? headerRows[k].map(text) : null) ??
      (below ? alignPartly(labels, below) : null);
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
  const segments = segmentsOf(below);
  if (segments.length !== labels.length) return null;
  const row = new Array<string>(below.length).fill('');
  segments.forEach((seg, s) => fill(row, seg, labels[s]));
  return row;
}

/** Runs of adjacent labelled columns below, and each unlabelled column on its own. */
function segmentsOf(below: string[]): [number, number][] {
  const segments: [number, number][] = [];
  for (let c = 0; c < below.length; c++) {
    const last = segments[segments.length - 1];
    if (below[c] !== '' && last && below[last[1]] !== '' && last[1] === c - 1) last[1] = c;
    else segments.push([c, c]);
  }
  return segments;
}

function fill(row: string[], [a, b]: [number, number], label: string): void {
  for (let c = a; c <= b; c++) row[c] = label;
}

/**
 * When one run below sits under several upper labels (plain text keeps no merges: 收入 and 支出
 * over 项目 | 预算数 | 项目 | 预算数), the columns at either end that are unlabelled below take
 * one upper label each, and the run between is split where its labels start over (a second 项目)
 * or else evenly. What cannot be told stays unlabelled rather than guessed.
 */
function alignPartly(labels: string[], below: string[]): string[] | null {
  const segments = segmentsOf(below);
  if (labels.length <= segments.length) return null;
  const row = new Array<string>(below.length).fill('');
  const single = ([a, b]: [number, number]) => a === b && below[a] === '';
  let i = 0;
  let j = segments.length - 1;
  let lo = 0;
  let hi = labels.length - 1;
  while (i <= j && lo <= hi && single(segments[i])) fill(row, segments[i++], labels[lo++]);
  while (j >= i && hi >= lo && single(segments[j])) fill(row, segments[j--], labels[hi--]);
  if (i === j) {
    const parts = splitRun(segments[i], hi - lo + 1, below);
    parts?.forEach((seg, s) => fill(row, seg, labels[lo + s]));
  }
  return row;
}

function splitRun([a, b]: [number, number], k: number, below: string[]): [number, number][] | null {
  const starts = [a];
  for (let c = a + 1; c <= b; c++) if (below[c] === below[a]) starts.push(c);
  if (starts.length !== k) {
    const len = b - a + 1;
    if (len % k !== 0) return null;
    starts.length = 0;
    for (let s = 0; s < k; s++) starts.push(a + (s * len) / k);
  }
  return starts.map((s, n) => [s, n + 1 < starts.length ? starts[n + 1] - 1 : b]);
}

export function isAmount(t: string): boolean {
  const v = parseAmount(t);
  return v !== null && v !== undefined;
}

export function cellText(row: Cell[], col: number): string {
  return row[col] ? row[col].text.trim() : '';
}
