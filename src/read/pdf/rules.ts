/**
 * Ruling lines: merged into long strokes, then grouped into grids (sets of horizontal and vertical
 * lines that touch each other), each grid the frame of one ruled table.
 */
import type { Box, Rule } from './geometry.js';

/** Lines closer than this across their direction are one line (double strokes, thick borders). */
const SAME_LINE = 1.2;
/** Collinear pieces with a gap up to this are one line (cell borders drawn cell by cell). */
const BRIDGE = 2.5;
/** How far a line may stop short of another and still be taken to touch it. */
const TOUCH = 3;

export interface Grid {
  h: Rule[];
  v: Rule[];
  box: Box;
}

/** Sorts and merges collinear, overlapping or nearly touching rules. */
export function mergeRules(rules: readonly Rule[], minLength = 0): Rule[] {
  if (rules.length === 0) return [];
  const sorted = [...rules].sort((a, b) => a.pos - b.pos);
  const out: Rule[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i + 1;
    while (j < sorted.length && sorted[j].pos - sorted[j - 1].pos <= SAME_LINE) j++;
    const band = sorted.slice(i, j).sort((a, b) => a.from - b.from);
    let pos = 0;
    for (let k = 0; k < band.length; k++) pos += band[k].pos;
    pos /= band.length;
    let cur: Rule = { pos, from: band[0].from, to: band[0].to };
    for (let k = 1; k < band.length; k++) {
      const r = band[k];
      if (r.from <= cur.to + BRIDGE) {
        if (r.to > cur.to) cur.to = r.to;
      } else {
        if (cur.to - cur.from >= minLength) out.push(cur);
        cur = { pos, from: r.from, to: r.to };
      }
    }
    if (cur.to - cur.from >= minLength) out.push(cur);
    i = j;
  }
  return out;
}

/** Groups touching horizontal and vertical rules; each group with at least two of each is a grid. */
export function findGrids(h: readonly Rule[], v: readonly Rule[]): Grid[] {
  const n = h.length + v.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  // Vertical rules sorted by x so each horizontal rule only visits the ones within its span.
  const vOrder = v.map((_, i) => i).sort((a, b) => v[a].pos - v[b].pos);
  const vPos = vOrder.map((i) => v[i].pos);
  for (let hi = 0; hi < h.length; hi++) {
    const r = h[hi];
    let k = lowerBound(vPos, r.from - TOUCH);
    for (; k < vOrder.length && vPos[k] <= r.to + TOUCH; k++) {
      const vr = v[vOrder[k]];
      if (r.pos >= vr.from - TOUCH && r.pos <= vr.to + TOUCH) {
        const a = find(hi);
        const b = find(h.length + vOrder[k]);
        if (a !== b) parent[a] = b;
      }
    }
  }
  const groups = new Map<number, Grid>();
  const add = (idx: number, rule: Rule, horizontal: boolean) => {
    const root = find(idx);
    let g = groups.get(root);
    if (!g) {
      g = { h: [], v: [], box: [Infinity, Infinity, -Infinity, -Infinity] };
      groups.set(root, g);
    }
    if (horizontal) {
      g.h.push(rule);
      g.box = [Math.min(g.box[0], rule.from), Math.min(g.box[1], rule.pos), Math.max(g.box[2], rule.to), Math.max(g.box[3], rule.pos)];
    } else {
      g.v.push(rule);
      g.box = [Math.min(g.box[0], rule.pos), Math.min(g.box[1], rule.from), Math.max(g.box[2], rule.pos), Math.max(g.box[3], rule.to)];
    }
  };
  h.forEach((r, i) => add(i, r, true));
  v.forEach((r, i) => add(h.length + i, r, false));
  return [...groups.values()].filter((g) => g.h.length >= 2 && g.v.length >= 2 && g.box[2] - g.box[0] > 10 && g.box[3] - g.box[1] > 6);
}

export function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Positions clustered: values closer than `tol` to their neighbour become one (their mean). */
export function clusterPositions(values: readonly number[], tol: number): number[] {
  const s = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let i = 0;
  while (i < s.length) {
    let j = i + 1;
    let sum = s[i];
    while (j < s.length && s[j] - s[j - 1] <= tol) sum += s[j++];
    out.push(sum / (j - i));
    i = j;
  }
  return out;
}
