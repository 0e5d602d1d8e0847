/**
 * The HTML table model, reduced to what a reader needs: cells placed left to right in the first
 * free slot of their row, rowspan/colspan occupying slots below and to the right, overlaps
 * resolved in favour of the cell placed first (as browsers do).
 */

export interface SourceCell {
  text: string;
  /** `rowspan`; 0 means "to the end of the table". */
  rowSpan: number;
  colSpan: number;
  line?: number;
}

export interface Slot {
  text: string;
  line?: number;
  mergedFrom?: { row: number; col: number };
  rowSpan?: number;
  colSpan?: number;
}

/** Browsers cap colspan at 1000 and rowspan at 65534. */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

export function spanOf(value: string | undefined, kind: 'row' | 'col'): number {
  const n = Number.parseInt((value ?? '').trim(), 10);
  if (!Number.isFinite(n) || n < 0) return 1;
  if (n === 0) return kind === 'row' ? 0 : 1;
  return Math.min(n, kind === 'row' ? MAX_ROWSPAN : MAX_COLSPAN);
}

export function buildGrid(rows: SourceCell[][]): Slot[][] {
  const height = rows.length;
  const grid: (Slot | undefined)[][] = rows.map(() => []);
  rows.forEach((cells, r) => {
    let x = 0;
    for (const cell of cells) {
      while (grid[r][x]) x++;
      const rs = cell.rowSpan === 0 ? height - r : Math.min(cell.rowSpan, height - r);
      const cs = cell.colSpan;
      const origin: Slot = { text: cell.text, ...(cell.line !== undefined ? { line: cell.line } : {}) };
      grid[r][x] = origin;
      for (let dy = 0; dy < rs; dy++) {
        for (let dx = 0; dx < cs; dx++) {
          if (dy === 0 && dx === 0) continue;
          if (grid[r + dy][x + dx]) continue;
          grid[r + dy][x + dx] = { ...origin, mergedFrom: { row: r, col: x } };
        }
      }
      if (rs > 1) origin.rowSpan = rs;
      if (cs > 1) origin.colSpan = cs;
      x += cs;
    }
  });

  // Trailing rows and columns without any text are layout residue (spacer rows, width cells).
  // A loop, not Math.max(...grid): spreading 100,000 rows as arguments overflows the stack.
  let width = 0;
  for (const row of grid) width = Math.max(width, row.length);
  let rowCount = height;
  while (rowCount > 0 && grid[rowCount - 1].every((s) => !s || s.text === '')) rowCount--;
  while (width > 0 && grid.slice(0, rowCount).every((row) => !row[width - 1] || row[width - 1]!.text === '')) width--;

  const out: Slot[][] = [];
  for (let r = 0; r < rowCount; r++) {
    const row: Slot[] = [];
    for (let c = 0; c < width; c++) {
      const slot = grid[r][c] ?? { text: '' };
      if (slot.rowSpan && r + slot.rowSpan > rowCount) clip(slot, 'rowSpan', rowCount - r);
      if (slot.colSpan && c + slot.colSpan > width) clip(slot, 'colSpan', width - c);
      row.push(slot);
    }
    out.push(row);
  }
  return out;
}

function clip(slot: Slot, key: 'rowSpan' | 'colSpan', span: number): void {
  if (span > 1) slot[key] = span;
  else delete slot[key];
}
