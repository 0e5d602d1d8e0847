/**
 * Tables without ruling lines, found from text alignment: consecutive lines split into segments
 * by wide gaps whose segments line up in the same columns. A line with text only where the row
 * above has text, and not in the first column, continues that row's cells (a wrapped cell).
 */
import type { Box, Char, TextLine } from './geometry.js';
import type { DraftCell, DraftTable } from './grid.js';
import { charsText, joinWrapped, segments } from './lines.js';

export type FlowPart = { kind: 'text'; lines: TextLine[] } | { kind: 'table'; table: DraftTable };

/** Gap (in font sizes) between two columns of a table drawn without lines. */
const COLUMN_GAP = 1.5;
/** Vertical gap (in line heights) that ends a table. */
const MAX_ROW_GAP = 1.6;

interface Seg {
  chars: Char[];
  x0: number;
  x1: number;
}

interface Row {
  lines: TextLine[];
  /** Chars per column. */
  cells: Char[][];
}

export function alignedTables(lines: TextLine[]): FlowPart[] {
  const parts: FlowPart[] = [];
  const segs = lines.map(lineSegments);
  let text: TextLine[] = [];
  let i = 0;
  while (i < lines.length) {
    const found = segs[i].length >= 2 ? tableAt(lines, segs, i) : undefined;
    if (found) {
      if (text.length) parts.push({ kind: 'text', lines: text });
      text = [];
      parts.push({ kind: 'table', table: found.table });
      i = found.end;
    } else {
      text.push(lines[i]);
      i++;
    }
  }
  if (text.length) parts.push({ kind: 'text', lines: text });
  return parts;
}

function lineSegments(line: TextLine): Seg[] {
  return segments(line, COLUMN_GAP).map((chars) => ({ chars, x0: chars[0].x0, x1: chars[chars.length - 1].x1 }));
}

/** The table that starts at line `start`, if the lines from there line up in columns. */
function tableAt(lines: readonly TextLine[], segs: readonly Seg[][], start: number): { table: DraftTable; end: number } | undefined {
  // Lines of the region: multi-segment lines, and single segments that sit inside one column
  // of the region (a wrapped cell), while the lines follow at row spacing.
  let cols = spans(segs[start]);
  let end = start + 1;
  let multi = 1;
  while (end < lines.length) {
    const prev = lines[end - 1];
    const line = lines[end];
    if (line.top - prev.bottom > MAX_ROW_GAP * Math.max(prev.size, line.size)) break;
    const s = segs[end];
    if (s.length >= 2) {
      const merged = mergeSpans(cols, spans(s));
      // A line whose text runs across two columns does not share the column structure.
      if (merged.length < cols.length) break;
      cols = merged;
      multi++;
    } else if (!insideOneColumn(s[0], cols)) break;
    end++;
  }
  if (multi < 2 || cols.length < 2) return undefined;
  // A single-segment tail is the text after the table, not a wrapped cell of its last row.
  while (end > start && segs[end - 1].length < 2 && !wrapsAbove(lines, end - 1)) end--;

  const rows: Row[] = [];
  for (let k = start; k < end; k++) {
    const cells: Char[][] = cols.map(() => []);
    for (const seg of segs[k]) for (const c of seg.chars) cells[columnOf(cols, (c.x0 + c.x1) / 2)].push(c);
    const prev = rows[rows.length - 1];
    if (prev && continuesRow(prev, cells, lines[k], lines[k - 1])) {
      cells.forEach((chars, c) => prev.cells[c].push(...chars));
      prev.lines.push(lines[k]);
    } else rows.push({ lines: [lines[k]], cells });
  }
  const filledRows = rows.filter((r) => r.cells.filter((c) => c.length).length >= 2).length;
  if (rows.length < 2 || filledRows < 2) return undefined;
  return { table: draft(rows, cols), end };
}

function wrapsAbove(lines: readonly TextLine[], k: number): boolean {
  const prev = lines[k - 1];
  return !!prev && lines[k].top - prev.bottom <= 0.5 * Math.max(prev.size, lines[k].size);
}

/** Column spans of one line's segments. */
function spans(s: readonly Seg[]): [number, number][] {
  return s.map((g) => [g.x0, g.x1]);
}

/** Union of two sets of column spans: overlapping spans become one column. */
function mergeSpans(a: readonly [number, number][], b: readonly [number, number][]): [number, number][] {
  const all = [...a, ...b].sort((p, q) => p[0] - q[0]);
  const out: [number, number][] = [];
  for (const [x0, x1] of all) {
    const last = out[out.length - 1];
    if (last && x0 <= last[1] + 1) last[1] = Math.max(last[1], x1);
    else out.push([x0, x1]);
  }
  return out;
}

function insideOneColumn(seg: Seg, cols: readonly [number, number][]): boolean {
  const tol = 0.5 * (seg.chars[0]?.size ?? 10);
  return cols.some(([x0, x1]) => seg.x0 >= x0 - tol && seg.x1 <= x1 + tol) && cols.length > 1;
}

function columnOf(cols: readonly [number, number][], x: number): number {
  let best = 0;
  let bestDist = Infinity;
  cols.forEach(([x0, x1], i) => {
    const d = x < x0 ? x0 - x : x > x1 ? x - x1 : 0;
    if (d < bestDist) {
      bestDist = d;
      best = i;
    }
  });
  return best;
}

/**
 * A line continues the row above when it leaves the first column empty while the row above fills
 * it, has text only in columns where the row above has text, and follows closely.
 */
function continuesRow(prev: Row, cells: readonly Char[][], line: TextLine, above: TextLine): boolean {
  if (cells[0].length > 0 || prev.cells[0].length === 0) return false;
  if (line.top - above.bottom > 0.8 * Math.max(line.size, above.size)) return false;
  return cells.every((chars, c) => chars.length === 0 || prev.cells[c].length > 0);
}

function draft(rows: readonly Row[], cols: readonly [number, number][]): DraftTable {
  // Column edges halfway between the columns' text.
  const edges = [cols[0][0]];
  for (let c = 1; c < cols.length; c++) edges.push((cols[c - 1][1] + cols[c][0]) / 2);
  edges.push(cols[cols.length - 1][1]);
  const out: DraftCell[][] = rows.map((row) => {
    const top = Math.min(...row.lines.map((l) => l.top));
    const bottom = Math.max(...row.lines.map((l) => l.bottom));
    return row.cells.map((chars, c) => {
      const box: Box = [edges[c], top, edges[c + 1], bottom];
      return { text: cellText(chars), box };
    });
  });
  const top = Math.min(...rows[0].lines.map((l) => l.top));
  const last = rows[rows.length - 1];
  const bottom = Math.max(...last.lines.map((l) => l.bottom));
  return { rows: out, box: [edges[0], top, edges[edges.length - 1], bottom], cols: edges, ruled: false };
}

/** Chars of one cell, possibly over several lines: each line read left to right, lines joined. */
function cellText(chars: Char[]): string {
  if (chars.length === 0) return '';
  const byLine = new Map<number, Char[]>();
  const bases: number[] = [];
  for (const c of [...chars].sort((a, b) => a.base - b.base || a.x0 - b.x0)) {
    const key = bases.find((b) => Math.abs(b - c.base) <= 0.35 * c.size);
    if (key === undefined) {
      bases.push(c.base);
      byLine.set(c.base, [c]);
    } else byLine.get(key)!.push(c);
  }
  return joinWrapped(bases.map((b) => charsText(byLine.get(b)!.sort((p, q) => p.x0 - q.x0))));
}
