/**
 * Splits one worksheet into paragraphs and tables. Works on a plain description of the sheet
 * (text cells and merged ranges, 1-based sheet coordinates) so it can be tested without Excel.
 *
 * A sheet is cut into regions at blank rows; a blank run stays inside a table when its cells are
 * framed (bordered), as in exports whose empty data rows sit between the header and the total.
 * In each region, leading title rows (one text, or a caption such as "编制部门：… 单位：元") and
 * trailing notes become paragraphs; the rest is a table.
 */

/** A cell that holds text, or a merged range (possibly empty). Sheet coordinates, 1-based. */
export interface SheetCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
}

export interface SheetModel {
  cells: SheetCell[];
  /** True when some cell of `row` between columns c1..c2 has a border. */
  framed(row: number, c1: number, c2: number): boolean;
}

export interface SheetParagraph {
  kind: 'paragraph';
  text: string;
  /** Sheet row of the text (1-based, as Excel numbers rows). */
  row: number;
}

export interface GridCell {
  text: string;
  /** Sheet row of this position (1-based). */
  sheetRow: number;
  /** Sheet column of this position (1-based). */
  sheetCol: number;
  mergedFrom?: { row: number; col: number };
  rowSpan?: number;
  colSpan?: number;
}

export interface SheetTable {
  kind: 'table';
  /** Sheet row of the first table row (1-based). */
  row: number;
  rows: GridCell[][];
}

export type SheetPiece = SheetParagraph | SheetTable;

/** Caption words that put a row above a table rather than in it. */
const CAPTION = /^(金额)?单位[:：]|^(编制|填报|报送)(部门|单位)[:：]|^(编制|填报|报送)日期[:：]/;
/** Text that starts a note below a table. */
const NOTE = /^(注|备注|附注|说明|资料来源|数据来源)\s*\d?\s*[:：]/;

const MAX_ROW_SPAN = 5000;
const MAX_COL_SPAN = 256;

export function layoutSheet(sheet: SheetModel): SheetPiece[] {
  const texts = sheet.cells
    .filter((c) => c.text.trim() !== '')
    .map((c) => ({ ...c, rowSpan: clamp(c.rowSpan, MAX_ROW_SPAN), colSpan: clamp(c.colSpan, MAX_COL_SPAN) }));
  if (texts.length === 0) return [];
  const merges = sheet.cells
    .filter((c) => c.text.trim() === '' && (c.rowSpan > 1 || c.colSpan > 1))
    .map((c) => ({ ...c, rowSpan: clamp(c.rowSpan, MAX_ROW_SPAN), colSpan: clamp(c.colSpan, MAX_COL_SPAN) }));

  // Which text cells reach into each row, left to right.
  const byRow = new Map<number, SheetCell[]>();
  for (const c of texts) {
    for (let r = c.row; r < c.row + c.rowSpan; r++) {
      let list = byRow.get(r);
      if (!list) byRow.set(r, (list = []));
      list.push(c);
    }
  }
  for (const list of byRow.values()) list.sort((a, b) => a.col - b.col);
  const contentRows = [...byRow.keys()].sort((a, b) => a - b);
  const at = (r: number) => byRow.get(r) ?? [];

  const ctx: Ctx = { at, texts, merges };
  const regions = splitRegions(contentRows, sheet, ctx);
  const out: SheetPiece[] = [];
  for (const [top, bottom] of regions) out.push(...layoutRegion(top, bottom, ctx));
  return out;
}

interface Ctx {
  at(row: number): SheetCell[];
  texts: SheetCell[];
  merges: SheetCell[];
}

function clamp(span: number, max: number): number {
  return Math.max(1, Math.min(Math.floor(span) || 1, max));
}

function colRange(cells: Iterable<SheetCell>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of cells) {
    lo = Math.min(lo, c.col);
    hi = Math.max(hi, c.col + c.colSpan - 1);
  }
  return [lo, hi];
}

function splitRegions(contentRows: number[], sheet: SheetModel, ctx: Ctx): Array<[number, number]> {
  const regions: Array<[number, number]> = [];
  let top = contentRows[0];
  let bottom = top;
  let cols = colRange(ctx.at(top));
  for (const r of contentRows.slice(1)) {
    if (r === bottom + 1) {
      bottom = r;
      cols = widen(cols, colRange(ctx.at(r)));
      continue;
    }
    let framedGap = true;
    for (let g = bottom + 1; g < r && framedGap; g++) framedGap = sheet.framed(g, cols[0], cols[1]);
    // A framed gap is the empty middle of one table, unless what follows is another table's title.
    if (framedGap && !startsNewTable(r, cols, ctx)) {
      bottom = r;
      cols = widen(cols, colRange(ctx.at(r)));
      continue;
    }
    regions.push([top, bottom]);
    top = bottom = r;
    cols = colRange(ctx.at(r));
  }
  regions.push([top, bottom]);
  return regions;
}

function widen(a: [number, number], b: [number, number]): [number, number] {
  return [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
}

function startsNewTable(row: number, cols: [number, number], ctx: Ctx): boolean {
  if (!isTitleRow(row, ctx)) return false;
  const cells = ctx.at(row);
  if (cells.length !== 1) return true; // a caption row
  const [lo, hi] = colRange(cells);
  return lo <= cols[0] && hi >= cols[1];
}

/**
 * A row that sits above a table: one text (not a header cell reaching down into the rows below),
 * or up to three texts of which one is a caption like 单位：万元.
 */
function isTitleRow(row: number, ctx: Ctx): boolean {
  const cells = ctx.at(row);
  if (cells.length === 1) return standsAlone(cells[0], ctx);
  if (cells.length === 0 || cells.length > 3) return false;
  return cells.every((c) => c.row === row && c.rowSpan === 1) && cells.some((c) => CAPTION.test(c.text.trim()));
}

/** A text whose rows hold nothing else: a one-row title, or a tall merged block of prose. */
function standsAlone(cell: SheetCell, ctx: Ctx): boolean {
  for (let r = cell.row; r < cell.row + cell.rowSpan; r++) if (ctx.at(r).length !== 1) return false;
  return true;
}

function layoutRegion(top: number, bottom: number, ctx: Ctx): SheetPiece[] {
  const lead: SheetParagraph[] = [];
  const seen = new Set<SheetCell>();
  let first = top;
  for (; first <= bottom; first++) {
    const cells = ctx.at(first);
    if (cells.length === 0) continue;
    if (!isTitleRow(first, ctx)) break;
    const fresh = cells.filter((c) => !seen.has(c));
    fresh.forEach((c) => seen.add(c));
    lead.push(...paragraphsOf(fresh, first));
  }
  if (first > bottom) return lead;

  const trail: SheetParagraph[] = [];
  let last = bottom;
  for (; last > first; last--) {
    const cells = ctx.at(last);
    if (cells.length === 0) continue;
    if (!isNoteRow(last, first, ctx)) break;
    trail.unshift(...paragraphsOf(cells.filter((c) => c.row === last), last));
  }
  while (last > first && ctx.at(last).length === 0) last--;

  return [...lead, buildTable(first, last, ctx), ...trail];
}

function isNoteRow(row: number, gridTop: number, ctx: Ctx): boolean {
  const cells = ctx.at(row);
  if (cells.length !== 1) return false;
  const cell = cells[0];
  if (cell.row !== row || !standsAlone(cell, ctx)) return false;
  if (NOTE.test(cell.text.trim())) return true;
  const above: SheetCell[] = [];
  for (let r = gridTop; r < row; r++) above.push(...ctx.at(r));
  if (above.length === 0) return false;
  const [lo, hi] = colRange(above);
  return cell.col <= lo && cell.col + cell.colSpan - 1 >= hi;
}

/** One paragraph per line of a lone text; a caption row's texts joined on one line. */
function paragraphsOf(cells: SheetCell[], row: number): SheetParagraph[] {
  if (cells.length === 0) return [];
  if (cells.length === 1) {
    return splitLines(cells[0].text).map((text) => ({ kind: 'paragraph', text, row: cells[0].row }));
  }
  const text = cells.map((c) => splitLines(c.text).join(' ')).filter(Boolean).join(' ');
  return text ? [{ kind: 'paragraph', text, row }] : [];
}

function splitLines(text: string): string[] {
  return text
    .replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, '')
    .split(/\r?\n|\r/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

function buildTable(top: number, bottom: number, ctx: Ctx): SheetTable {
  const inRows = (c: SheetCell) => c.row <= bottom && c.row + c.rowSpan - 1 >= top;
  const gridTexts = ctx.texts.filter(inRows);
  const [left, right] = colRange(gridTexts);
  const height = bottom - top + 1;
  const width = right - left + 1;
  const rows: GridCell[][] = [];
  for (let r = 0; r < height; r++) {
    const row: GridCell[] = [];
    for (let c = 0; c < width; c++) row.push({ text: '', sheetRow: top + r, sheetCol: left + c });
    rows.push(row);
  }
  // Empty merged ranges first, so a text cell wins where a sheet (wrongly) overlaps the two.
  for (const cell of [...ctx.merges.filter(inRows), ...gridTexts]) {
    const r0 = Math.max(cell.row, top) - top;
    const c0 = Math.max(cell.col, left) - left;
    const r1 = Math.min(cell.row + cell.rowSpan - 1, bottom) - top;
    const c1 = Math.min(cell.col + cell.colSpan - 1, right) - left;
    if (r0 > r1 || c0 > c1) continue;
    // A text that began above the grid was already given as a paragraph.
    const text = cell.row >= top && cell.col >= left ? cleanCellText(cell.text) : '';
    const origin: GridCell = { text, sheetRow: top + r0, sheetCol: left + c0 };
    if (r1 > r0) origin.rowSpan = r1 - r0 + 1;
    if (c1 > c0) origin.colSpan = c1 - c0 + 1;
    rows[r0][c0] = origin;
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        if (r === r0 && c === c0) continue;
        rows[r][c] = { text, sheetRow: top + r, sheetCol: left + c, mergedFrom: { row: r0, col: c0 } };
      }
    }
  }
  return { kind: 'table', row: top, rows };
}

/** Lines trimmed, blank lines dropped; line breaks inside a cell are kept. */
function cleanCellText(text: string): string {
  return splitLines(text).join('\n');
}
