import type { RawRow } from './layout.js';

/**
 * When a cell holds an empty paragraph, the text layout prints an empty line inside the row,
 * which reads as a row end: one row comes out as two or more short rows. Such pieces are put
 * back together when they add up to exactly the table's usual width.
 *
 * Rows above the first full-width row are left alone: a table's title and merged header rows
 * sit there and can add up to the width by chance (`单位 | 年度 | 单位：万元` over
 * `序号 | 科目 | 基本支出` in a six-column table). Rows printed whole on one line are never split.
 */

export interface RowJoin {
  /** Index of the joined row in the repaired rows. */
  row: number;
  line: number;
  parts: number;
  width: number;
}

export interface RepairedRows {
  rows: RawRow[];
  joins: RowJoin[];
}

export function joinSplitRows(rows: RawRow[]): RepairedRows {
  const width = usualWidth(rows);
  const first = rows.findIndex((r) => r.cells.length === width);
  if (first === -1) return { rows, joins: [] };
  const out = rows.slice(0, first + 1);
  const joins: RowJoin[] = [];
  for (let i = first + 1; i < rows.length; ) {
    const end = pieceEnd(rows, i, width);
    if (end > i) {
      const parts = rows.slice(i, end + 1);
      joins.push({ row: out.length, line: rows[i].line, parts: parts.length, width });
      out.push({ cells: parts.flatMap((r) => r.cells), line: rows[i].line, layout: 'cells' });
      i = end + 1;
    } else {
      out.push(rows[i]);
      i++;
    }
  }
  return { rows: out, joins };
}

/**
 * The last index of the run of short rows starting at `start` that adds up to exactly `width`,
 * or `start` when there is none.
 */
function pieceEnd(rows: RawRow[], start: number, width: number): number {
  let sum = 0;
  for (let j = start; j < rows.length; j++) {
    const r = rows[j];
    if (r.layout !== 'cells') return start;
    sum += r.cells.length;
    if (sum === width) return j;
    if (sum > width) return start;
  }
  return start;
}

/**
 * The width most rows have once split rows are counted whole. Plain majority alone would let the
 * two halves of a split row outvote a short table's one full row; ties go to the wider.
 */
export function usualWidth(rows: RawRow[]): number {
  const widths = [...new Set(rows.map((r) => r.cells.length))];
  let best = 0;
  let bestScore = -1;
  for (const w of widths) {
    let score = 0;
    for (let i = 0; i < rows.length; ) {
      if (rows[i].cells.length === w) {
        score++;
        i++;
        continue;
      }
      const end = pieceEnd(rows, i, w);
      if (end > i) score++;
      i = end + 1;
    }
    if (score > bestScore || (score === bestScore && w > best)) {
      best = w;
      bestScore = score;
    }
  }
  return best;
}
