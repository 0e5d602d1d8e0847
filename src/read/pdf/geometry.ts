/**
 * Shapes shared by the PDF layout modules. All coordinates are PDF points in the page's viewport:
 * origin top-left, y growing downwards, page rotation already applied.
 */

export type Box = [number, number, number, number];

/** One glyph with a text meaning. */
export interface Char {
  c: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** Baseline y. */
  base: number;
  /** Font size on the page (points). */
  size: number;
}

/**
 * An axis-aligned ruling line. For a horizontal rule `pos` is its y and `from`/`to` its x range;
 * for a vertical rule `pos` is its x and `from`/`to` its y range.
 */
export interface Rule {
  pos: number;
  from: number;
  to: number;
}

export interface PageContent {
  /** 1-based. */
  page: number;
  width: number;
  height: number;
  chars: Char[];
  hRules: Rule[];
  vRules: Rule[];
}

/** A line of text: chars on one baseline, left to right. */
export interface TextLine {
  chars: Char[];
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  base: number;
  size: number;
}

export function unionBox(a: Box, b: Box): Box {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

export function roundBox(b: Box): Box {
  return [round1(b[0]), round1(b[1]), round1(b[2]), round1(b[3])];
}

export function charsBox(chars: readonly Char[]): Box {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const c of chars) {
    if (c.x0 < x0) x0 = c.x0;
    if (c.top < y0) y0 = c.top;
    if (c.x1 > x1) x1 = c.x1;
    if (c.bottom > y1) y1 = c.bottom;
  }
  return [x0, y0, x1, y1];
}
