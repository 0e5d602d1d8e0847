/**
 * The plain-text layout text extractors print Word files in, read line by line:
 *
 * - a line starting with a tab is one table cell; consecutive tab lines are the cells of one row,
 *   and a blank line ends the row;
 * - a cell's further paragraphs follow on lines without a tab (possibly empty lines, which look
 *   like a row end: `txt-rows.ts` repairs the rows this splits);
 * - a line with tabs inside it is a whole row, cells separated by tabs (a leading tab is an empty
 *   first cell); consecutive such lines are rows of one table;
 * - a table ends at a line without a tab once its last row has ended; that line is a paragraph.
 */

export interface RawCell {
  /** The cell's lines as printed, the tab removed; trimmed only when the cell is built. */
  lines: string[];
  /** 1-based line of the cell's first line. */
  line: number;
}

export interface RawRow {
  cells: RawCell[];
  line: number;
  /** `cells`: one tab line per cell; `line`: the whole row on one line. */
  layout: 'cells' | 'line';
}

export interface RawTable {
  kind: 'table';
  rows: RawRow[];
  line: number;
}

export interface RawParagraph {
  kind: 'paragraph';
  text: string;
  line: number;
}

export type RawBlock = RawTable | RawParagraph;

const BOOKMARK = /\[bookmark:[^\]\n]*\]/g;

export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  // A final newline does not start another line.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.replace(BOOKMARK, ''));
}

type LineKind = 'blank' | 'cell' | 'row' | 'text';

interface LineInfo {
  kind: LineKind;
  /**
   * A cell or text line whose only tabs are trailing: a whole row with empty last cells
   * (`其他\t\t`), or a cell/paragraph with stray tabs (`\t情况\t`). Neighbouring rows decide.
   */
  mayBeRow: boolean;
}

function classify(line: string): LineInfo {
  if (line.startsWith('\t')) {
    const rest = line.slice(1);
    if (rest.trimEnd().includes('\t')) return { kind: 'row', mayBeRow: false };
    return { kind: 'cell', mayBeRow: rest.includes('\t') };
  }
  if (line.trim() === '') return { kind: 'blank', mayBeRow: false };
  if (line.trimEnd().includes('\t')) return { kind: 'row', mayBeRow: false };
  return { kind: 'text', mayBeRow: line.includes('\t') };
}

function isPlainRow(info: LineInfo | undefined): boolean {
  return info !== undefined && info.kind === 'row';
}

export function parseLayout(lines: string[]): RawBlock[] {
  const infos = lines.map(classify);
  const blocks: RawBlock[] = [];
  let table: RawTable | null = null;
  /** The cell-per-line row being filled: open until a blank line. */
  let open: RawRow | null = null;
  let afterLineRow = false;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const info = infos[i];
    const lineNo = i + 1;

    // Inside a cell-per-line row every line belongs to the row until a blank line, even one
    // with inner tabs: a cell's text may hold tabs, and one-line rows never follow without a gap.
    if (open) {
      if (info.kind === 'blank') {
        open = null;
      } else if (line.startsWith('\t')) {
        open.cells.push({ lines: [line.slice(1)], line: lineNo });
      } else {
        open.cells[open.cells.length - 1].lines.push(line);
      }
      continue;
    }

    let kind = info.kind;
    if (info.mayBeRow && (afterLineRow || isPlainRow(infos[i + 1]))) kind = 'row';
    afterLineRow = kind === 'row';

    if (kind === 'blank') continue;
    if (kind === 'text') {
      table = null;
      blocks.push({ kind: 'paragraph', text: line.trim(), line: lineNo });
      continue;
    }
    if (!table) {
      table = { kind: 'table', rows: [], line: lineNo };
      blocks.push(table);
    }
    if (kind === 'cell') {
      open = { cells: [{ lines: [line.slice(1)], line: lineNo }], line: lineNo, layout: 'cells' };
      table.rows.push(open);
    } else {
      const cells = line.split('\t').map((t) => ({ lines: [t], line: lineNo }));
      table.rows.push({ cells, line: lineNo, layout: 'line' });
    }
  }
  return blocks;
}
