/**
 * Before exceljs opens a workbook: every part inflated within the budget (measured, not declared),
 * and each sheet's grid sized from its XML — rows, cells and the area its merged ranges cover —
 * before anything is expanded. exceljs makes an object for every cell a merge covers: a 1.9 KB
 * workbook merging A1:XFD1048576 asks for 17 billion of them.
 */
import JSZip from 'jszip';
import type { ReadBudget } from '../limits.js';
import { inflateEntry } from '../zip-inflate.js';

const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;

export async function precheckWorkbook(bytes: Buffer, budget: ReadBudget): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return; // exceljs says what is wrong with it
  }
  const sheets: JSZip.JSZipObject[] = [];
  zip.forEach((name, entry) => {
    if (!entry.dir && SHEET_PART.test(name)) sheets.push(entry);
  });
  budget.check('pages', sheets.length, `工作簿有 ${sheets.length} 个工作表`);
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const data = await inflateEntry(entry, budget, `Excel 文件的 ${entry.name}`);
    if (SHEET_PART.test(entry.name)) sizeSheet(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1'), entry.name, budget);
  }
}

/**
 * Rows, cells and merged area of one sheet's XML (read as latin1: only ASCII markup is looked at).
 * The declared `<dimension>` is not held to the limits: nothing is built from it (exceljs and the
 * layout work from the rows and cells present), and sheets saved by old tools declare 65,536 rows.
 */
function sizeSheet(xml: string, name: string, budget: ReadBudget): void {
  budget.check('rows', count(xml, '<row'), `工作表 ${name} 的行数`);
  budget.check('cells', count(xml, '<c ') + count(xml, '<c>'), `工作表 ${name} 的单元格数`);
  let merged = 0;
  for (const m of xml.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref="([^"]+)"/g)) {
    const area = rangeSize(m[1]);
    if (!area) continue;
    merged += area.rows * area.cols;
    budget.check('cells', merged, `工作表 ${name} 的合并单元格 ${m[1]} 覆盖 ${area.rows * area.cols} 格`);
  }
}

function count(s: string, needle: string): number {
  let n = 0;
  for (let at = s.indexOf(needle); at >= 0; at = s.indexOf(needle, at + needle.length)) n++;
  return n;
}

/** `B2:D10` → 9 rows × 3 columns; a single cell is 1 × 1. */
function rangeSize(ref: string): { rows: number; cols: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return null;
  const c1 = column(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? column(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return { rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

function column(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
