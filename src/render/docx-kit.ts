/**
 * Small builders over the `docx` library for official-style Chinese documents: 仿宋 body, 黑体
 * headings, centred titles, and grid tables whose cells say which columns and rows they span.
 */
import { AlignmentType, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType } from 'docx';

export const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体' };

/** Half-points: 三号 16pt for body text as official documents use, 五号 10.5pt in tables. */
export const SIZE = { title: 36, body: 32, table: 21 };

export function title(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text, bold: true, size: SIZE.title, font: TITLE_FONT })] });
}

/** 一、… headings in 黑体; （一）… headings in 楷体-like bold body. */
export function heading(text: string, level: 1 | 2 | 3 = 1): Paragraph {
  const font = level === 1 ? HEADING_FONT : BODY_FONT;
  return new Paragraph({ indent: { firstLine: 640 }, spacing: { before: level === 1 ? 120 : 60 }, children: [new TextRun({ text, bold: level !== 3, size: SIZE.body, font })] });
}

export function body(text: string, opts: { indent?: boolean; align?: 'left' | 'center' | 'right' } = {}): Paragraph {
  const alignment = opts.align === 'center' ? AlignmentType.CENTER : opts.align === 'right' ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED;
  return new Paragraph({
    alignment,
    indent: opts.indent === false || opts.align ? undefined : { firstLine: 640 },
    spacing: { line: 360 },
    children: [new TextRun({ text, size: SIZE.body, font: BODY_FONT })],
  });
}

export interface GridCell {
  /** One paragraph per line. */
  text: string | string[];
  span?: number;
  rowSpan?: number;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
}

/** A cell of a grid row: text plus how many columns and rows it covers. */
export const c = (text: string | string[], opts: Omit<GridCell, 'text'> = {}): GridCell => ({ text, ...opts });

function cellParagraphs(g: GridCell): Paragraph[] {
  const lines = Array.isArray(g.text) ? g.text : [g.text];
  const alignment = g.align === 'left' ? AlignmentType.LEFT : g.align === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER;
  return lines.map((line) => new Paragraph({ alignment, children: [new TextRun({ text: line, bold: g.bold, size: SIZE.table, font: BODY_FONT })] }));
}

/**
 * A table on a fixed grid. Each row lists the cells that start in it, left to right; positions
 * covered by a cell spanning down from a row above are left out (docx writes the continuations).
 */
export function gridTable(columnWidths: number[], rows: GridCell[][]): Table {
  const total = columnWidths.reduce((a, b) => a + b, 0);
  // Which grid columns each row has free, so every cell gets the width of the columns it covers.
  const coveredUntil = new Array<number>(columnWidths.length).fill(-1);
  const tableRows = rows.map((cells, r) => {
    let col = 0;
    const out = cells.map((g) => {
      while (coveredUntil[col] >= r) col++;
      const span = g.span ?? 1;
      const width = columnWidths.slice(col, col + span).reduce((a, b) => a + b, 0);
      if ((g.rowSpan ?? 1) > 1) for (let k = col; k < col + span; k++) coveredUntil[k] = r + (g.rowSpan ?? 1) - 1;
      col += span;
      return new TableCell({
        children: cellParagraphs(g),
        columnSpan: span > 1 ? span : undefined,
        rowSpan: (g.rowSpan ?? 1) > 1 ? g.rowSpan : undefined,
        verticalAlign: VerticalAlignTable.CENTER,
        width: { size: width, type: WidthType.DXA },
      });
    });
    return new TableRow({ children: out, cantSplit: true });
  });
  return new Table({ rows: tableRows, columnWidths, width: { size: total, type: WidthType.DXA }, layout: TableLayoutType.FIXED });
}
