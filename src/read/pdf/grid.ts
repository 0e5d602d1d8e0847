/**
 * A ruled table: column and row edges from the grid's lines, cells merged where the line between
 * two neighbours is missing, text of each cell from the chars whose centre falls inside it.
 */
import type { Box, Char, Rule } from './geometry.js';
import { charsText, groupLines, joinWrapped } from './lines.js';
import { clusterPositions, lowerBound, type Grid } from './rules.js';

/** Edges closer than this are one edge (points). */
const EDGE_TOL = 3;

/** A cell of a page-local table before it becomes a doc.ts `Cell`. */
export interface DraftCell {
  text: string;
  box: Box;
  /** Set on copies: where the merged cell's origin is (spans are worked out from the copies). */
  from?: { row: number; col: number };
  /** The cell's last line of text runs the full width of the cell: the text may go on below. */
  fullLast?: boolean;
}

export interface DraftTable {
  rows: DraftCell[][];
  box: Box;
  /** x of the column edges, left to right (columns + 1 values). */
  cols: number[];
  /** Whether the columns come from ruling lines (else from text alignment). */
  ruled: boolean;
}

export function gridTable(grid: Grid, chars: readonly Char[]): DraftTable {
  const xs = edges(grid.v.map((r) => r.pos), grid.box[0], grid.box[2]);
  const ys = edges(grid.h.map((r) => r.pos), grid.box[1], grid.box[3]);
  const nr = ys.length - 1;
  const nc = xs.length - 1;

  const vAt = rulesByEdge(grid.v, xs);
  const hAt = rulesByEdge(grid.h, ys);
  // Cell (r, c) has index r * nc + c; cells with no line between them share a root.
  const parent = mergeCells(xs, ys, vAt, hAt);
  const find = (x: number): number => rootOf(parent, x);
  const cellChars = charsByCell(chars, xs, ys, parent);

  // Span of each merge: the bounding rows and columns of its cells.
  const span = new Map<number, [number, number, number, number]>();
  for (let i = 0; i < nr * nc; i++) {
    const root = find(i);
    const r = Math.floor(i / nc);
    const c = i % nc;
    const s = span.get(root);
    if (!s) span.set(root, [r, c, r, c]);
    else {
      if (r > s[2]) s[2] = r;
      if (c > s[3]) s[3] = c;
    }
  }

  const texts = new Map<number, { text: string; fullLast: boolean }>();
  const rows: DraftCell[][] = [];
  for (let r = 0; r < nr; r++) {
    const row: DraftCell[] = [];
    for (let c = 0; c < nc; c++) {
      const i = r * nc + c;
      const root = find(i);
      const [r0, c0, r1, c1] = span.get(root)!;
      const box: Box = [xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1]];
      let content = texts.get(root);
      if (content === undefined) {
        content = cellContent(cellChars.get(root) ?? [], box);
        texts.set(root, content);
      }
      const { text } = content;
      if (root === i) {
        row.push(content.fullLast ? { text, box, fullLast: true } : { text, box });
      } else {
        row.push({ text, box, from: { row: Math.floor(root / nc), col: root % nc } });
      }
    }
    rows.push(row);
  }
  return { rows, box: [xs[0], ys[0], xs[nc], ys[nr]], cols: xs, ruled: true };
}

// The loops below are functions of their own, not loops inside gridTable: each is what gets hot,
// and optimising it alone is a small compilation where gridTable with all it inlines was a large one.

/** The union-find of the cells: cells with no line between them share a root, their top-left cell. */
function mergeCells(xs: readonly number[], ys: readonly number[], vAt: readonly Rule[][], hAt: readonly Rule[][]): number[] {
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  const parent = Array.from({ length: nr * nc }, (_, i) => i);
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c + 1 < nc; c++) {
      if (!covered(vAt[c + 1], ys[r], ys[r + 1])) union(parent, r * nc + c, r * nc + c + 1);
    }
  }
  for (let c = 0; c < nc; c++) {
    for (let r = 0; r + 1 < nr; r++) {
      if (!covered(hAt[r + 1], xs[c], xs[c + 1])) union(parent, r * nc + c, (r + 1) * nc + c);
    }
  }
  return parent;
}

function rootOf(parent: number[], x: number): number {
  while (parent[x] !== x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

function union(parent: number[], a: number, b: number): void {
  const ra = rootOf(parent, a);
  const rb = rootOf(parent, b);
  // The root is always the top-left cell of the merge.
  if (ra !== rb) {
    if (ra < rb) parent[rb] = ra;
    else parent[ra] = rb;
  }
}

/** Each char to the merged cell its centre falls in, by the cell's root. */
function charsByCell(chars: readonly Char[], xs: readonly number[], ys: readonly number[], parent: number[]): Map<number, Char[]> {
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  const cellChars = new Map<number, Char[]>();
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const cx = (ch.x0 + ch.x1) / 2;
    const cy = (ch.top + ch.bottom) / 2;
    const c = Math.min(nc - 1, Math.max(0, lowerBound(xs, cx) - 1));
    const r = Math.min(nr - 1, Math.max(0, lowerBound(ys, cy) - 1));
    const root = rootOf(parent, r * nc + c);
    let list = cellChars.get(root);
    if (!list) cellChars.set(root, (list = []));
    list.push(ch);
  }
  return cellChars;
}

/** Text of one cell (its lines top to bottom, wrapped lines joined) and whether its last line is full. */
function cellContent(chars: readonly Char[], box: Box): { text: string; fullLast: boolean } {
  if (chars.length === 0) return { text: '', fullLast: false };
  const lines = groupLines(chars);
  const text = joinWrapped(lines.map((l) => charsText(l.chars)));
  let pad = Infinity;
  for (const l of lines) pad = Math.min(pad, l.x0 - box[0]);
  const last = lines[lines.length - 1];
  const usable = box[2] - box[0] - 2 * Math.max(0, pad);
  return { text, fullLast: last.x1 - last.x0 >= usable - 1.2 * last.size };
}

function edges(positions: readonly number[], lo: number, hi: number): number[] {
  const xs = clusterPositions([...positions, lo, hi], EDGE_TOL);
  // Lines packed closer than the tolerance (hatching) leave at least the frame's two sides.
  if (xs.length < 2) return [lo, hi];
  // The frame's own sides stay exact, so the outermost cells hold all their text.
  xs[0] = Math.min(xs[0], lo);
  xs[xs.length - 1] = Math.max(xs[xs.length - 1], hi);
  return xs;
}

/** Rules that lie on each edge, as sorted, merged intervals. */
function rulesByEdge(rules: readonly Rule[], edgePos: readonly number[]): Rule[][] {
  const out: Rule[][] = edgePos.map(() => []);
  for (const r of rules) {
    const k = nearest(edgePos, r.pos);
    if (Math.abs(edgePos[k] - r.pos) <= EDGE_TOL) out[k].push(r);
  }
  for (const list of out) list.sort((a, b) => a.from - b.from);
  return out;
}

function nearest(sorted: readonly number[], value: number): number {
  const k = lowerBound(sorted, value);
  if (k === 0) return 0;
  if (k === sorted.length) return sorted.length - 1;
  return value - sorted[k - 1] <= sorted[k] - value ? k - 1 : k;
}

/** Whether lines cover most of the span [a, b] (so the two cells beside it are separate). */
function covered(rules: readonly Rule[], a: number, b: number): boolean {
  const need = (b - a) * 0.5;
  let got = 0;
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i];
    if (r.from >= b) break;
    const lo = Math.max(a, r.from);
    const hi = Math.min(b, r.to);
    if (hi > lo) got += hi - lo;
    if (got >= need) return true;
  }
  return got >= need;
}
