/**
 * Turns Word table rows (cells with gridSpan / vMerge / hMerge, rows with gridBefore / gridAfter)
 * into a rectangular grid where every covered position holds a copy of its merge origin.
 */
import type { Cell } from '../doc.js';

export interface RawCell {
  text: string;
  /** Grid columns the cell covers (w:gridSpan), at least 1. */
  span: number;
  /** w:vMerge: 'restart' opens a vertical merge, 'continue' extends the one above. */
  vMerge?: 'restart' | 'continue';
  /** Legacy w:hMerge: 'continue' joins the cell on its left. */
  hMerge?: 'restart' | 'continue';
}

export interface RawRow {
  /** Empty grid columns before the first cell (w:gridBefore) and after the last (w:gridAfter). */
  before: number;
  after: number;
  cells: RawCell[];
}

/** Location fields shared by every cell of the table. */
export interface GridLoc {
  block: number;
  table: number;
}

export function resolveGrid(rows: RawRow[], gridCols: number, where: GridLoc): Cell[][] {
  let width = gridCols;
  for (const row of rows) {
    let w = row.before + row.after;
    for (const c of row.cells) w += c.span;
    if (w > width) width = w;
  }

  // Origins that may be extended downwards: those opened by a vMerge cell.
  const vOrigins = new Set<Cell>();
  const grid: Cell[][] = [];

  for (let r = 0; r < rows.length; r++) {
    const raw = rows[r];
    const out: Cell[] = [];
    const blank = (): void => {
      out.push({ text: '', loc: { ...where, row: r, col: out.length } });
    };
    for (let i = 0; i < raw.before; i++) blank();

    let left: Cell | undefined;
    for (const rc of raw.cells) {
      const col = out.length;
      const above = r > 0 ? grid[r - 1][col] : undefined;
      const aboveOrigin = above && originOf(grid, above);

      if (rc.hMerge === 'continue' && left) {
        extend(out, left, r, rc.span, 'col');
      } else if (rc.vMerge === 'continue' && aboveOrigin && vOrigins.has(aboveOrigin)) {
        extend(out, aboveOrigin, r, rc.span, 'row');
        left = aboveOrigin;
      } else {
        const origin: Cell = { text: rc.text, loc: { ...where, row: r, col } };
        if (rc.span > 1) origin.colSpan = rc.span;
        out.push(origin);
        for (let k = 1; k < rc.span; k++) out.push(copyOf(origin, r, out.length));
        if (rc.vMerge) vOrigins.add(origin);
        left = origin;
      }
    }

    for (let i = 0; i < raw.after; i++) blank();
    while (out.length < width) blank();
    grid.push(out);
  }
  return grid;
}

function originOf(grid: Cell[][], cell: Cell): Cell {
  return cell.mergedFrom ? grid[cell.mergedFrom.row][cell.mergedFrom.col] : cell;
}

function copyOf(origin: Cell, row: number, col: number): Cell {
  const from = { row: origin.loc.row as number, col: origin.loc.col as number };
  return { text: origin.text, loc: { ...origin.loc, row, col }, mergedFrom: from };
}

/** Covers `span` more positions of row `r` with copies of `origin`, growing its span. */
function extend(out: Cell[], origin: Cell, r: number, span: number, axis: 'row' | 'col'): void {
  const startCol = out.length;
  for (let k = 0; k < span; k++) out.push(copyOf(origin, r, out.length));
  const oRow = origin.loc.row as number;
  const oCol = origin.loc.col as number;
  if (axis === 'row') {
    const rows = r - oRow + 1;
    if (rows > (origin.rowSpan ?? 1)) origin.rowSpan = rows;
  }
  const cols = startCol + span - oCol;
  if (cols > (origin.colSpan ?? 1)) origin.colSpan = cols;
}
