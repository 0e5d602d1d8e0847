/**
 * One page's layout: ruled tables from grids, the remaining text as lines, lines as paragraphs
 * or as tables aligned by text position; blocks in reading order (top to bottom).
 */
import type { Box, Char, PageContent, TextLine } from './geometry.js';
import { alignedTables } from './aligned.js';
import { isPageNumberLine } from './furniture.js';
import { gridTable, type DraftTable } from './grid.js';
import { groupLines } from './lines.js';
import { paragraphs, type DraftParagraph } from './paragraphs.js';
import { findGrids, mergeRules, type Grid } from './rules.js';

export type PageBlock = ({ kind: 'paragraph' } & DraftParagraph) | ({ kind: 'table' } & DraftTable);

export interface PageLayout {
  page: number;
  width: number;
  height: number;
  blocks: PageBlock[];
  /** Chars of the page's text, page numbers left out (0 for a scanned page). */
  chars: number;
  /** The baselines of the page's printed lines, top to bottom, tables included: line numbers as a person counts them. */
  baselines: number[];
}

export function layoutPage(content: PageContent): PageLayout {
  const { chars, width, height } = content;
  const h = mergeRules(content.hRules, 2);
  const v = mergeRules(content.vRules, 2);
  const grids = findGrids(h, v).sort((a, b) => area(a.box) - area(b.box));

  const inGrid: Char[][] = grids.map(() => []);
  const flow: Char[] = [];
  assignChars(chars, grids, inGrid, flow);

  let furniture = 0;
  const textLines = (cs: readonly Char[]): TextLine[] =>
    groupLines(cs).filter((l) => {
      const drop = isPageNumberLine(l, height);
      if (drop) furniture += l.chars.length;
      return !drop;
    });

  const blocks: PageBlock[] = [];
  grids.forEach((grid, g) => {
    if (inGrid[g].length === 0) return;
    const table = gridTable(grid, inGrid[g]);
    // A frame around text is a box, not a table: its text is paragraphs of their own.
    if (isSingleCell(table)) {
      for (const p of paragraphs(textLines(inGrid[g]), [grid.box[0], grid.box[2]])) blocks.push({ kind: 'paragraph', ...p });
    } else blocks.push({ kind: 'table', ...table });
  });

  for (const b of flowBlocks(textLines(flow), width)) blocks.push(b);
  blocks.sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
  return { page: content.page, width, height, blocks, chars: chars.length - furniture, baselines: baselines(chars) };
}

/**
 * Each char to the smallest grid around it (grids sorted by area), the rest to running text. A
 * function of its own, not a loop inside layoutPage: the loop is what gets hot, and optimising it
 * alone is a small compilation where layoutPage with all it calls inlined was a large one.
 */
function assignChars(chars: readonly Char[], grids: readonly Grid[], inGrid: Char[][], flow: Char[]): void {
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const cx = (c.x0 + c.x1) / 2;
    const cy = (c.top + c.bottom) / 2;
    let k = -1;
    for (let g = 0; g < grids.length; g++) {
      const b = grids[g].box;
      if (cx >= b[0] - 1 && cx <= b[2] + 1 && cy >= b[1] - 1 && cy <= b[3] + 1) {
        k = g;
        break;
      }
    }
    if (k >= 0) inGrid[k].push(c);
    else flow.push(c);
  }
}

/** One baseline per printed line: chars within a third of their size of each other stand on one line. */
function baselines(chars: readonly Char[]): number[] {
  // The chars themselves sorted (stable, by baseline), not [base, size] pairs: no array per char,
  // and no pair that is integers in one page and fractions in the next.
  const sorted = chars.slice().sort((a, b) => a.base - b.base);
  const out: number[] = [];
  let size = 0;
  for (let i = 0; i < sorted.length; i++) {
    const base = sorted[i].base;
    const s = sorted[i].size;
    const last = out[out.length - 1];
    if (last === undefined || base - last > 0.35 * Math.max(size, s)) {
      out.push(base);
      size = s;
    } else size = Math.max(size, s);
  }
  return out;
}

function flowBlocks(lines: TextLine[], pageWidth: number): PageBlock[] {
  const out: PageBlock[] = [];
  for (const part of alignedTables(lines)) {
    if (part.kind === 'table') out.push({ kind: 'table', ...part.table });
    else for (const p of paragraphs(part.lines, [0, pageWidth])) out.push({ kind: 'paragraph', ...p });
  }
  return out;
}

function isSingleCell(t: DraftTable): boolean {
  for (const row of t.rows) for (const cell of row) if (cell.from === undefined && cell !== t.rows[0][0]) return false;
  return true;
}

function area(b: Box): number {
  return (b[2] - b[0]) * (b[3] - b[1]);
}
