/**
 * The disclosure as an Excel workbook: the 说明 (with the tables that stand in it: units,
 * projects' forms, procurement, assets) on the first sheet, then one sheet per standard table.
 * Amounts are numbers (format 0.00), and every total is a formula over the cells it adds up,
 * with its value cached so any reader sees the figure without recalculating.
 */
import type ExcelJS from 'exceljs';
import { cellText, inlineText, type Block, type GenDocument, type GenTable } from './blocks.js';

const col = (n: number): string => {
  let s = '';
  for (let k = n + 1; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
};
const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Writes a table from `row` (1-based) on; returns the next free row. */
function writeTable(ws: ExcelJS.Worksheet, t: GenTable, start: number): number {
  const n = t.widths.length;
  let r = start;
  if (t.title) {
    ws.mergeCells(r, 1, r, n);
    const c = ws.getCell(r, 1);
    c.value = t.title;
    c.font = { bold: true, size: 14 };
    c.alignment = { horizontal: 'center' };
    r++;
  }
  if (t.caption[0] || t.caption[1]) {
    ws.getCell(r, 1).value = t.caption[0] || null;
    if (t.caption[1]) {
      ws.getCell(r, n).value = t.caption[1];
      ws.getCell(r, n).alignment = { horizontal: 'right' };
    }
    r++;
  }
  // Header: cells placed on the grid, skipping positions a cell above still covers.
  const covered = new Set<string>();
  t.header.forEach((cells, i) => {
    let c = 0;
    for (const h of cells) {
      while (covered.has(`${i},${c}`)) c++;
      const span = h.span ?? 1;
      const down = h.rowSpan ?? 1;
      for (let a = 0; a < down; a++) for (let b = 0; b < span; b++) covered.add(`${i + a},${c + b}`);
      if (span > 1 || down > 1) ws.mergeCells(r + i, c + 1, r + i + down - 1, c + span);
      const cell = ws.getCell(r + i, c + 1);
      cell.value = h.text;
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      c += span;
    }
  });
  for (let i = 0; i < t.header.length; i++) for (let c = 0; c < n; c++) ws.getCell(r + i, c + 1).border = BORDER;
  r += t.header.length;
  const bodyStart = r;
  // Body cells with spans (project forms) sit at the next free column of their row.
  const position = t.body.map((cells) => {
    let c = 0;
    return cells.map((cell) => {
      const at = c;
      c += cell.span ?? 1;
      return at;
    });
  });
  t.body.forEach((cells, i) => {
    cells.forEach((cell, k) => {
      const c = position[i][k];
      const span = cell.span ?? 1;
      if (span > 1) ws.mergeCells(r + i, c + 1, r + i, c + span);
      const x = ws.getCell(r + i, c + 1);
      if (cell.amount !== undefined) {
        const value = cell.amount === null ? null : cell.amount.toNumber();
        // A zero result is not kept by the writer (exceljs drops a 0 <v>): a zero total is its plain value.
        if (cell.sum?.length && value !== null && value !== 0) {
          const refs = cell.sum.map(([row, cc]) => `${col(position[row]?.[cc] ?? cc)}${bodyStart + row}`);
          x.value = { formula: `SUM(${refs.join(',')})`, result: value };
        } else x.value = value;
        x.numFmt = cell.dp === 0 ? '0' : '0.00';
        x.alignment = { horizontal: 'right' };
      } else {
        x.value = cellText(cell) || null;
        x.alignment = { horizontal: cell.align ?? 'left', vertical: 'middle', wrapText: true };
      }
      if (cell.bold) x.font = { bold: true };
    });
    for (let c = 0; c < n; c++) ws.getCell(r + i, c + 1).border = BORDER;
  });
  r += t.body.length;
  if (t.note) {
    ws.getCell(r, 1).value = t.note;
    r++;
  }
  return r + 1;
}

function sheetName(title: string, used: Set<string>): string {
  // Excel forbids []:*?/\ and more than 31 characters; names must be unique.
  let name = title.replace(/[[\]:*?/\\]/g, '').replace(/^\d{4}年/, '').slice(0, 31) || '表';
  for (let k = 2; used.has(name); k++) name = `${name.slice(0, 28)}(${k})`;
  used.add(name);
  return name;
}

export async function writeXlsx(g: GenDocument): Promise<Buffer> {
  const { default: excel } = await import('exceljs');
  const wb = new excel.Workbook();
  wb.creator = 'gongkai';
  wb.title = g.title;
  const used = new Set<string>();
  const text = wb.addWorksheet(sheetName(g.draft ? '说明（草稿）' : '说明', used));
  const WIDTH = 8;
  text.columns = Array.from({ length: WIDTH }, () => ({ width: 16 }));
  let r = 1;
  const line = (s: string, opts: { bold?: boolean; size?: number; center?: boolean } = {}) => {
    text.mergeCells(r, 1, r, WIDTH);
    const c = text.getCell(r, 1);
    c.value = s;
    c.font = { bold: opts.bold, size: opts.size };
    c.alignment = { wrapText: true, vertical: 'top', horizontal: opts.center ? 'center' : 'left' };
    // Roughly 60 characters a line across the merged width.
    text.getRow(r).height = Math.max(18, Math.ceil(s.length / 60) * 18);
    r++;
  };
  if (g.draft) line('草稿', { bold: true, size: 20, center: true });
  const standalone: GenTable[] = [];
  let inTables = false;
  for (const b of g.blocks as Block[]) {
    if (b.type === 'title') line(b.text, { bold: true, size: 16, center: true });
    else if (b.type === 'heading') line(b.text, { bold: true });
    else if (b.type === 'para') line(b.inlines.map(inlineText).join(''));
    else if (b.type === 'table') {
      // The standard tables get sheets of their own; tables that stand in the text stay in it.
      if (['other', 'procurement', 'assets'].includes(b.table.kind)) r = writeTable(text, b.table, r);
      else {
        standalone.push(b.table);
        if (!inTables) line(`（${'预算表见后续工作表'}）`);
        inTables = true;
      }
    }
  }
  for (const t of standalone) {
    const ws = wb.addWorksheet(sheetName(t.title, used), { pageSetup: { orientation: t.wide ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    const total = t.widths.reduce((a, b) => a + b, 0);
    ws.columns = t.widths.map((w) => ({ width: Math.max(8, Math.round((w / total) * 110)) }));
    writeTable(ws, t, 1);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
