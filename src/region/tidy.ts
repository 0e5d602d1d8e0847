/**
 * Tidy tables with Chinese headers (one row per observation), written as CSV (UTF-8 with BOM, so
 * Excel opens it as UTF-8), Excel or JSON: what the ledger, the transparency ranking and the
 * comparisons export.
 */
import ExcelJS from 'exceljs';

export interface TidyColumn<R> {
  header: string;
  value: (row: R) => string | number | null;
  width?: number;
}

export function csvText<R>(columns: TidyColumn<R>[], rows: R[]): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return '\uFEFF' + [columns.map((c) => cell(c.header)).join(','), ...rows.map((r) => columns.map((c) => cell(c.value(r))).join(','))].join('\r\n') + '\r\n';
}

export async function xlsxBuffer<R>(sheet: string, columns: TidyColumn<R>[], rows: R[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.columns = columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width ?? Math.max(10, c.header.length * 2 + 2) }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) ws.addRow(Object.fromEntries(columns.map((c, i) => [`c${i}`, c.value(r) ?? ''])));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Plain text for a terminal: columns separated by two spaces. */
export function textTable<R>(columns: TidyColumn<R>[], rows: R[]): string {
  return [columns.map((c) => c.header).join('  '), ...rows.map((r) => columns.map((c) => String(c.value(r) ?? '')).join('  '))].join('\n') + '\n';
}
