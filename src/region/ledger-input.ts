/**
 * The list of units that must publish, as a finance bureau keeps it (CSV or Excel): one unit a
 * row, with its region, department and level, optionally the year, the kinds it must publish, the
 * date its budget was approved (批复) and the date it published. Headers are matched by name, in
 * any order; a bad row is refused with one line saying which row and what is wrong.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import ExcelJS from 'exceljs';
import type { DocumentKind } from '../model/disclosure.js';

export interface LedgerUnitInput {
  year: number;
  region: string;
  department: string;
  unit: string;
  level: string | null;
  kinds: DocumentKind[];
  /** YYYY-MM-DD */
  approvedOn: string | null;
  publishedOn: string | null;
}

export class LedgerInputError extends Error {}

const HEADERS: Record<keyof Omit<LedgerUnitInput, 'kinds'> | 'kinds', string[]> = {
  year: ['年度', '年份', 'year'],
  region: ['地区', '区域', '行政区划', '地区名称', 'region'],
  department: ['部门', '主管部门', '部门名称', 'department'],
  unit: ['单位', '单位名称', '预算单位', 'unit'],
  level: ['级次', '层级', '级别', '单位级次', 'level'],
  kinds: ['应公开', '公开类型', '类型', 'kinds'],
  approvedOn: ['批复日期', '批复时间', 'approved'],
  publishedOn: ['公开日期', '公开时间', 'published'],
};

const KIND_WORDS: [RegExp, DocumentKind][] = [
  [/决算|final/i, 'final-accounts'],
  [/绩效|自评|self/i, 'self-evaluation'],
  [/预算|budget/i, 'budget'],
];

function kindsOf(text: string): DocumentKind[] | null {
  const out = new Set<DocumentKind>();
  for (const part of text.split(/[,，、;；/\s]+/).filter(Boolean)) {
    const hit = KIND_WORDS.find(([re]) => re.test(part));
    if (!hit) return null;
    out.add(hit[1]);
  }
  return out.size ? [...out] : null;
}

/** 2024-02-05, 2024/2/5, 2024.2.5, 2024年2月5日, or an Excel date. */
export function isoDate(v: unknown): string | null {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(String(v ?? ''));
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.getUTCMonth() !== Number(m[2]) - 1) return null;
  return d.toISOString().slice(0, 10);
}

/** RFC 4180 fields: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

async function xlsxRows(bytes: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets.find((w) => w.state === 'visible' && w.rowCount > 0);
  if (!ws) return [];
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: unknown[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const v = row.getCell(c).value as unknown;
      cells.push(v && typeof v === 'object' && !(v instanceof Date) && 'result' in (v as object) ? (v as { result: unknown }).result : v && typeof v === 'object' && 'text' in (v as object) ? (v as { text: unknown }).text : v);
    }
    out.push(cells);
  });
  return out;
}

/** Reads a ledger file; `year` applies to rows that give none. */
export async function readLedgerFile(path: string, options: { year?: number; bytes?: Buffer } = {}): Promise<LedgerUnitInput[]> {
  const name = basename(path);
  const ext = extname(path).toLowerCase();
  let bytes: Buffer;
  try {
    bytes = options.bytes ?? (await readFile(path));
  } catch {
    throw new LedgerInputError(`${name}：无法读取文件`);
  }
  let rows: unknown[][];
  if (ext === '.csv' || ext === '.txt') rows = parseCsv(bytes.toString('utf8'));
  else if (ext === '.xlsx') {
    try {
      rows = await xlsxRows(bytes);
    } catch {
      throw new LedgerInputError(`${name}：不是有效的 Excel（.xlsx）文件`);
    }
  } else throw new LedgerInputError(`${name}：应公开单位名单须为 .csv 或 .xlsx 文件`);
  return ledgerRows(name, rows, options.year);
}

export function ledgerRows(name: string, rows: unknown[][], year?: number): LedgerUnitInput[] {
  if (rows.length === 0) throw new LedgerInputError(`${name}：文件是空的`);
  const header = rows[0].map((h) => String(h ?? '').trim());
  const col = (k: keyof typeof HEADERS) => header.findIndex((h) => HEADERS[k].some((a) => h.toLowerCase() === a.toLowerCase()));
  const at = Object.fromEntries(Object.keys(HEADERS).map((k) => [k, col(k as keyof typeof HEADERS)])) as Record<keyof typeof HEADERS, number>;
  for (const k of ['region', 'department', 'unit'] as const) {
    if (at[k] < 0) throw new LedgerInputError(`${name}：表头缺少“${HEADERS[k][0]}”列（应有 地区、部门、单位，可选 级次、年度、应公开、批复日期、公开日期）`);
  }
  if (at.year < 0 && year === undefined) throw new LedgerInputError(`${name}：表头没有“年度”列，请用 --year 指定年度`);
  const out: LedgerUnitInput[] = [];
  rows.slice(1).forEach((r, i) => {
    const line = i + 2;
    const text = (k: keyof typeof HEADERS) => (at[k] >= 0 ? String(r[at[k]] ?? '').trim() : '');
    const unit = text('unit');
    if (!unit) throw new LedgerInputError(`${name}：第 ${line} 行缺少单位名称`);
    const y = at.year >= 0 && text('year') ? Number(text('year').replace(/年$/, '')) : year;
    if (!y || !Number.isInteger(y) || y < 1990 || y > 2100) throw new LedgerInputError(`${name}：第 ${line} 行年度“${text('year')}”无法识别`);
    const kinds = text('kinds') ? kindsOf(text('kinds')) : ['budget' as DocumentKind];
    if (!kinds) throw new LedgerInputError(`${name}：第 ${line} 行应公开类型“${text('kinds')}”无法识别（预算、决算、绩效）`);
    const date = (k: 'approvedOn' | 'publishedOn') => {
      if (at[k] < 0 || r[at[k]] === null || r[at[k]] === undefined || String(r[at[k]]).trim() === '') return null;
      const d = isoDate(r[at[k]]);
      if (!d) throw new LedgerInputError(`${name}：第 ${line} 行${HEADERS[k][0]}“${String(r[at[k]])}”无法识别（应为 2024-02-05 这样的日期）`);
      return d;
    };
    out.push({ year: y, region: text('region'), department: text('department'), unit, level: text('level') || null, kinds, approvedOn: date('approvedOn'), publishedOn: date('publishedOn') });
  });
  return out;
}
