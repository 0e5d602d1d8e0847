/**
 * Chars → text lines (same baseline, tolerant of small offsets) → segments (runs separated by
 * wide gaps) → strings, with CJK joined without spaces.
 */
import type { Char, TextLine } from './geometry.js';

/** Gap (in font sizes) that separates two segments of one line, e.g. two columns. */
export const SEGMENT_GAP = 0.9;
/** Gap (in font sizes) between two chars that reads as a space. */
const SPACE_GAP = 0.35;
/** Gap (in font sizes) between two ideographs that still reads as a space: fields, not letter-spacing. */
const IDEOGRAPH_GAP = 3;
const IDEOGRAPH = /[\u3400-\u9fff\uf900-\ufaff]/;

export function groupLines(chars: readonly Char[]): TextLine[] {
  if (chars.length === 0) return [];
  const sorted = [...chars].sort((a, b) => a.base - b.base || a.x0 - b.x0);
  const lines: TextLine[] = [];
  let cur: Char[] = [sorted[0]];
  let curBase = sorted[0].base;
  let curSize = sorted[0].size;
  for (let i = 1; i < sorted.length; i++) {
    const c = sorted[i];
    if (Math.abs(c.base - curBase) <= 0.35 * Math.max(curSize, c.size)) {
      cur.push(c);
      // The line's baseline is the one of its biggest chars, so superscripts do not drag it.
      if (c.size > curSize) {
        curSize = c.size;
        curBase = c.base;
      }
    } else {
      lines.push(makeLine(cur));
      cur = [c];
      curBase = c.base;
      curSize = c.size;
    }
  }
  lines.push(makeLine(cur));
  return lines;
}

function makeLine(chars: Char[]): TextLine {
  chars.sort((a, b) => a.x0 - b.x0);
  const kept: Char[] = [];
  let x0 = Infinity;
  let x1 = -Infinity;
  let top = Infinity;
  let bottom = -Infinity;
  let size = 0;
  let base = 0;
  // Indexed loops here and below: a for-of allocates an iterator result per char until optimised.
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const prev = kept[kept.length - 1];
    // Fake bold draws the same glyph twice, a hair apart. Both tests are worked out for every char,
    // not only after the rare equal neighbour: an operation first met after the code was optimised
    // throws that code away (groupLines, which inlines this, was compiled twice).
    if (prev) {
      const limit = 0.25 * c.size;
      const closeX = Math.abs(prev.x0 - c.x0) < limit;
      const closeBase = Math.abs(prev.base - c.base) < limit;
      if (prev.c === c.c && closeX && closeBase) continue;
    }
    kept.push(c);
    if (c.x0 < x0) x0 = c.x0;
    if (c.x1 > x1) x1 = c.x1;
    if (c.top < top) top = c.top;
    if (c.bottom > bottom) bottom = c.bottom;
    if (c.size > size) {
      size = c.size;
      base = c.base;
    }
  }
  return { chars: kept, x0, x1, top, bottom, base, size };
}

/** Splits a line where the gap between neighbouring chars is wide. */
export function segments(line: TextLine, gap = SEGMENT_GAP): Char[][] {
  const out: Char[][] = [];
  let cur: Char[] = [];
  const chars = line.chars;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const prev = cur[cur.length - 1];
    if (prev && c.x0 - prev.x1 > gap * Math.max(prev.size, c.size)) {
      out.push(cur);
      cur = [];
    }
    cur.push(c);
  }
  if (cur.length) out.push(cur);
  return out;
}

/**
 * Text of chars already in reading order on one line. Letter-spacing between ideographs
 * ("合    计", "项 目") is not a space; a wide gap between two fields still is.
 */
export function charsText(chars: readonly Char[]): string {
  let s = '';
  let prev: Char | undefined;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (prev) {
      const gap = (c.x0 - prev.x1) / Math.max(prev.size, c.size);
      const ideographs = IDEOGRAPH.test(prev.c) && IDEOGRAPH.test(c.c);
      if (gap > (ideographs ? IDEOGRAPH_GAP : SPACE_GAP)) s += ' ';
    }
    s += c.c;
    prev = c;
  }
  return s;
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** Joins wrapped lines of one paragraph or cell: no space where either side is CJK. */
export function joinWrapped(parts: readonly string[]): string {
  return joinWrappedAt(parts).text;
}

/** `joinWrapped`, with where each part begins in the text (-1 for a part that was blank). */
export function joinWrappedAt(parts: readonly string[]): { text: string; starts: number[] } {
  let s = '';
  const starts: number[] = [];
  for (const raw of parts) {
    const p = raw.trim();
    if (!p) {
      starts.push(-1);
      continue;
    }
    if (s && needsSpace(s[s.length - 1], p[0])) s += ' ';
    starts.push(s.length);
    s += p;
  }
  return { text: s, starts };
}

/** Whether two wrapped pieces are two words: Latin text broken at a space, not CJK or a number. */
function needsSpace(before: string, after: string): boolean {
  if (CJK.test(before) || CJK.test(after) || before === '-') return false;
  // A number or code broken by a narrow column: "302." + "27", "201330" + "1".
  if (/[\d.,]/.test(before) && /[\d.,%]/.test(after)) return false;
  return true;
}
