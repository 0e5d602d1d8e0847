import type ExcelJS from 'exceljs';
import { ReadError, type Block, type Cell, type ReaderWarning, type SourceLoc } from '../doc.js';
import type { ReaderOutput } from '../reader.js';
import { ReadBudget } from '../limits.js';
import { precheckWorkbook } from './precheck.js';
import { shownText } from './cell.js';
import { layoutSheet, type SheetCell, type SheetModel } from './layout.js';

/**
 * Excel workbooks as exported by budget systems: every sheet in tab order, each cut into title
 * paragraphs and tables. In locations, `page` is the 1-based sheet number, `sheet` its name and
 * `line` the Excel row number (1-based) of the paragraph, table or cell.
 */
export async function readXlsx(bytes: Buffer, path: string, budget = new ReadBudget(path)): Promise<ReaderOutput> {
  await precheckWorkbook(bytes, budget);
  // Loaded on the first workbook: exceljs takes ~0.2 s to load, which every import worker and
  // every `gongkai check` of a PDF or Word file would otherwise pay for nothing.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ReadError(path, `Excel 文件已损坏或不完整（${bytes.length} 字节，无法解开工作簿），请重新导出后再试`);
  }

  const blocks: Block[] = [];
  const warnings: ReaderWarning[] = [];
  let tables = 0;
  const sheets = workbook.worksheets;
  sheets.forEach((worksheet, index) => {
    const page = index + 1;
    const sheet = worksheet.name;
    if (worksheet.state === 'hidden' || worksheet.state === 'veryHidden') {
      warnings.push({
        code: 'xlsx-hidden-sheet',
        message: `第 ${page} 个工作表「${sheet}」是隐藏工作表，已照常读取`,
        loc: { block: blocks.length, page, sheet },
      });
    }
    const { model, uncalculated, hiddenRows, hiddenCols } = sheetModel(worksheet);
    if (hiddenRows + hiddenCols > 0) {
      const parts = [hiddenRows ? `${hiddenRows} 行` : '', hiddenCols ? `${hiddenCols} 列` : ''].filter(Boolean).join('、');
      warnings.push({
        code: 'xlsx-hidden-cells',
        message: `工作表「${sheet}」有隐藏的 ${parts}含有文字，已照常读取`,
        loc: { block: blocks.length, page, sheet },
      });
    }
    if (uncalculated > 0) {
      warnings.push({
        code: 'xlsx-formula-no-result',
        message: `工作表「${sheet}」有 ${uncalculated} 个公式单元格没有保存计算结果，按空白读取；请在 Excel 中打开并保存后再导入`,
        loc: { block: blocks.length, page, sheet },
      });
    }
    for (const piece of layoutSheet(model)) {
      const block = blocks.length;
      if (piece.kind === 'paragraph') {
        blocks.push({ type: 'paragraph', text: piece.text, loc: { block, page, sheet, line: piece.row } });
        continue;
      }
      const table = tables++;
      const rows: Cell[][] = piece.rows.map((row, r) =>
        row.map((g, c) => {
          const loc: SourceLoc = { block, page, sheet, table, row: r, col: c, line: g.sheetRow, cell: cellAddress(g.sheetCol, g.sheetRow) };
          const cell: Cell = { text: g.text, loc };
          if (g.mergedFrom) cell.mergedFrom = g.mergedFrom;
          if (g.rowSpan) cell.rowSpan = g.rowSpan;
          if (g.colSpan) cell.colSpan = g.colSpan;
          return cell;
        }),
      );
      blocks.push({ type: 'table', rows, loc: { block, page, sheet, table, line: piece.row } });
    }
  });
  if (sheets.length === 0) {
    warnings.push({ code: 'xlsx-no-sheets', message: '工作簿中没有工作表' });
  } else if (blocks.length === 0) {
    warnings.push({ code: 'xlsx-empty', message: `工作簿的 ${sheets.length} 个工作表中都没有文字` });
  }
  return { blocks, warnings, pages: sheets.length };
}

interface SheetRead {
  model: SheetModel;
  /** Formula cells without a cached result. */
  uncalculated: number;
  /** Hidden rows and columns that hold text: included, but a person looking at the sheet misses them. */
  hiddenRows: number;
  hiddenCols: number;
}

function sheetModel(worksheet: ExcelJS.Worksheet): SheetRead {
  const merges = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const range of worksheet.model.merges ?? []) {
    const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/i.exec(range);
    if (!m) continue;
    const [c1, r1, c2, r2] = [colNumber(m[1]), Number(m[2]), colNumber(m[3]), Number(m[4])];
    merges.set(`${Math.min(r1, r2)}:${Math.min(c1, c2)}`, {
      rowSpan: Math.abs(r2 - r1) + 1,
      colSpan: Math.abs(c2 - c1) + 1,
    });
  }

  const cells: SheetCell[] = [];
  let uncalculated = 0;
  const hiddenRows = new Set<number>();
  const hiddenCols = new Set<number>();
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.isMerged && cell.master !== cell) return;
      const shown = shownText(cell);
      if (shown.uncalculated) uncalculated++;
      const span = merges.get(`${rowNumber}:${colNumber}`);
      if (shown.text.trim() === '' && !span) return;
      if (shown.text.trim() !== '') {
        if (row.hidden) hiddenRows.add(rowNumber);
        if (worksheet.getColumn(colNumber).hidden) hiddenCols.add(colNumber);
      }
      cells.push({ row: rowNumber, col: colNumber, rowSpan: span?.rowSpan ?? 1, colSpan: span?.colSpan ?? 1, text: shown.text });
      merges.delete(`${rowNumber}:${colNumber}`);
    });
  });
  // Merged ranges whose first cell holds no value still shape the grid.
  for (const [key, span] of merges) {
    const [row, col] = key.split(':').map(Number);
    cells.push({ row, col, ...span, text: '' });
  }

  const framed = (row: number, c1: number, c2: number): boolean => {
    const r = worksheet.findRow(row);
    if (!r) return false;
    for (let c = c1; c <= c2; c++) {
      const border = r.findCell(c)?.border;
      if (border && (['top', 'left', 'bottom', 'right'] as const).some((side) => border[side]?.style)) return true;
    }
    return false;
  };
  return { model: { cells, framed }, uncalculated, hiddenRows: hiddenRows.size, hiddenCols: hiddenCols.size };
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A1-style address: column letters and row number as Excel shows them. */
function cellAddress(col: number, row: number): string {
  let s = '';
  for (let v = col; v > 0; v = Math.floor((v - 1) / 26)) s = String.fromCharCode(65 + ((v - 1) % 26)) + s;
  return `${s}${row}`;
}
