/**
 * Datasets from Excel: gongkai's own input workbook (`gongkai template budget`, recognised by its
 * marker) or the workbook a budget system exports — its sheets found by their titles and their
 * columns by their headers (类/款/项, 科目名称, 合计, 基本支出, 财政拨款收入, 人员经费 …), never by
 * cell addresses, its amounts scaled from the unit the sheet states (单位：元 → 万元).
 */
import type ExcelJS from 'exceljs';
import type { Disclosure, Figure, Row, StdTable, TableKind } from '../model/disclosure.js';
import { emptyDisclosure } from '../model/empty.js';
import { Money } from '../model/money.js';
import { parseDataset, type Dataset, type DatasetInput } from './dataset.js';
import { economicItems, expenditureItems } from './from-disclosure.js';
import { INPUT_MARKER, readGongkaiWorkbook } from './input-workbook.js';

/** A sheet as text rows (merged cells repeat their value), with numbers kept as numbers. */
export type Grid = (string | number | null)[][];

export function gridOf(ws: ExcelJS.Worksheet): Grid {
  const rows: Grid = [];
  const width = Math.min(ws.columnCount, 60);
  for (let r = 1; r <= Math.min(ws.rowCount, 5000); r++) {
    const row: (string | number | null)[] = [];
    for (let c = 1; c <= width; c++) row.push(plain(ws.getCell(r, c).value));
    rows.push(row);
  }
  return rows;
}

function plain(v: ExcelJS.CellValue): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'object' && 'result' in v) return plain(v.result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('').trim() || null;
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
}

const text = (x: string | number | null) => (x === null ? '' : String(x).replace(/\s+/g, ''));

type SheetKind = TableKind | 'duties' | 'units' | 'glossary' | 'skip';

/** What a sheet holds, from its title (the first rows) or, failing that, its name. */
function sheetKind(title: string): SheetKind | null {
  if (/三公/.test(title)) return 'three-public';
  if (/基本支出/.test(title) && /经济分类|明细/.test(title)) return 'general-budget-basic';
  if (/收支/.test(title)) return 'skip';
  if (/政府性基金/.test(title)) return 'gov-fund-expenditure';
  if (/国有资本经营/.test(title)) return 'state-capital-expenditure';
  if (/一般公共预算/.test(title)) return 'general-budget-expenditure';
  if (/收入(预算)?总表/.test(title)) return 'revenue';
  if (/支出(预算)?总表/.test(title)) return 'expenditure';
  // Prose sheets are known by a short title: a note inside another sheet's text may name 职责.
  if (title.length > 24) return null;
  if (/主要职能|职能$|职责$/.test(title)) return 'duties';
  if (/机构设置$/.test(title)) return 'units';
  if (/名词解释$/.test(title)) return 'glossary';
  return null;
}

const COLUMN_KEYS: [RegExp, string][] = [
  [/^合计$/, 'total'],
  [/^基本支出$/, 'basic'],
  [/^项目支出$/, 'project'],
  [/^人员经费$/, 'personnel'],
  [/^公用经费$/, 'public'],
  [/^财政拨款(收入)?$/, 'fiscal'],
  [/财政专户/, 'fiscalSpecial'],
  [/^事业单位经营收入$|^经营收入$/, 'operatingIncome'],
  [/^事业收入$/, 'business'],
  [/上级补助/, 'superiorSubsidy'],
  [/附属单位上缴/, 'subsidiaryIncome'],
  [/^其他收入$/, 'other'],
];

/** 单位：元 scales to 万元; a sheet that says nothing is in 万元. */
function scaleOf(g: Grid): number {
  for (const row of g.slice(0, 8)) for (const c of row) {
    const m = /单位[:：]\s*(万元|元)/.exec(text(c));
    if (m) return m[1] === '元' ? 10000 : 1;
  }
  return 1;
}

const money = (v: string | number | null, scale: number): Money | null => {
  if (v === null || v === '') return null;
  const s = String(v).replace(/,/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return new Money(s).div(scale).toDecimalPlaces(2);
};
const fig = (m: Money | null): Figure => ({ raw: m ? m.toFixed(2) : '', value: m, loc: {} });

/** A table by classification code: header columns by name, rows by 类/款/项 (or one code column). */
function codedTable(g: Grid, kind: TableKind, title: string): StdTable | null {
  const scale = scaleOf(g);
  const start = g.findIndex((row) => /^\d{3}$/.test(text(row[0])));
  if (start < 0) return null;
  const header = g.slice(0, start);
  const width = g[start].length;
  const label = (c: number) => {
    const parts = header.map((r) => text(r[c])).filter((t) => t && !/^\d{4}年/.test(t) && !/单位[:：]|编制(部门|单位)/.test(t));
    return parts[parts.length - 1] ?? '';
  };
  const labels = Array.from({ length: width }, (_, c) => label(c));
  const codeCols = labels.map((l, c) => (/^(类|款|项)$/.test(l) || /编码$/.test(l) ? c : -1)).filter((c) => c >= 0);
  const nameCol = labels.findIndex((l) => /名称$/.test(l));
  const keys = labels.map((l, c) => (codeCols.includes(c) || c === nameCol ? null : (COLUMN_KEYS.find(([re]) => re.test(l))?.[1] ?? null)));
  const rows: Row[] = [];
  for (const r of g.slice(start)) {
    const first = text(r[0]);
    if (/^合计|^总计/.test(first)) break;
    const code = codeCols.map((c) => text(r[c]).replace(/^(\d)$/, '0$1')).join('');
    if (!/^\d{3}(\d{2}){0,2}$/.test(code)) continue;
    const values: Row['values'] = {};
    keys.forEach((k, c) => {
      if (k) values[k] = fig(money(r[c], scale));
    });
    rows.push({ code, name: nameCol >= 0 ? text(r[nameCol]) : code, level: code.length === 3 ? 'class' : code.length === 5 ? 'section' : 'item', role: 'line', values, loc: {} });
  }
  if (!rows.length) return null;
  return {
    kind,
    title,
    unit: { raw: '单位：万元', scale: '万元' },
    classification: kind === 'general-budget-basic' ? 'economic' : 'functional',
    columns: [],
    rows,
    empty: false,
    note: null,
    loc: {},
  };
}

function lastIndex<T>(xs: T[], ok: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (ok(xs[i])) return i;
  return -1;
}

/** The 三公 (and 机关运行经费) sheet: one row of figures under headers naming each part. */
function threePublicOf(g: Grid): { abroad: Money; vehiclePurchase: Money; vehicleOperation: Money; reception: Money; operatingCosts: Money | null } | null {
  const scale = scaleOf(g);
  // The last header row naming 购置 (小计 | 购置费 | 运行费): the figures are under it.
  const at = lastIndex(g.slice(0, 12), (row) => row.some((c) => /购置/.test(text(c))));
  if (at < 0) return null;
  const data = g.slice(at + 1).find((row) => row.some((c) => typeof c === 'number'));
  if (!data) return null;
  const col = (re: RegExp) => g[at].findIndex((c) => re.test(text(c)));
  const header = (re: RegExp) => {
    for (let r = at; r >= 0; r--) {
      const c = g[r].findIndex((x) => re.test(text(x)));
      if (c >= 0) return c;
    }
    return -1;
  };
  const get = (c: number) => (c >= 0 ? (money(data[c], scale) ?? new Money(0)) : new Money(0));
  const oc = header(/机关运行经费/);
  return {
    abroad: get(header(/出国/)),
    reception: get(header(/接待/)),
    vehiclePurchase: get(col(/购置费?$/)),
    vehicleOperation: get(col(/运行(维护)?费?$/)),
    operatingCosts: oc >= 0 ? money(data[oc], scale) : null,
  };
}

/** The text of a sheet that holds prose in one (merged) cell: its lines, template notes dropped. */
function proseLines(g: Grid): string[] {
  const cells = [...new Set(g.flat().filter((c): c is string => typeof c === 'string' && c.length > 8))];
  return cells.flatMap((c) => c.split('\n')).map((l) => l.trim()).filter((l) => l && !/^（说明|^\(说明/.test(l));
}

const PLACEHOLDER = /XX|××|…/;

export function readBudgetSystemWorkbook(wb: ExcelJS.Workbook): Dataset | null {
  const d: Disclosure = emptyDisclosure({ path: 'workbook.xlsx', format: 'xlsx', bytes: 0, sha256: '' });
  let year: number | null = null;
  let entity: string | null = null;
  let tp: ReturnType<typeof threePublicOf> = null;
  const json: Partial<DatasetInput> = { duties: [], units: [], glossary: [] };
  for (const ws of wb.worksheets) {
    const g = gridOf(ws);
    for (const c of g.slice(0, 12).flat()) {
      const t = text(c);
      const e = /^(编制部门|编制单位|预算主管部门|预算单位)[:：](.+)$/.exec(t);
      if (e && !PLACEHOLDER.test(e[2])) entity ??= e[2];
    }
    // The title is the sheet's first text (a contents sheet names every part below its own).
    const title = g.slice(0, 5).flat().map(text).find((t) => t.length >= 2) ?? ws.name;
    year ??= Number(/(20\d{2})年/.exec(title)?.[1]) || null;
    const kind = sheetKind(title) ?? sheetKind(ws.name);
    if (!kind || kind === 'skip') continue;
    if (kind === 'three-public') tp = threePublicOf(g) ?? tp;
    else if (kind === 'duties') {
      if (!json.duties?.length) json.duties = proseLines(g).filter((l) => !PLACEHOLDER.test(l));
    }
    else if (kind === 'units') {
      json.units = proseLines(g)
        .map((l) => /^\d+[.．、]\s*(.+)$/.exec(l)?.[1])
        .filter((n): n is string => !!n && !PLACEHOLDER.test(n))
        .map((name) => ({ name, nature: /中心|站|所|院|学校|馆/.test(name) ? '事业' : '行政' }));
    } else if (kind === 'glossary') {
      json.glossary = proseLines(g)
        .map((l) => /^[（(][一二三四五六七八九十\d]+[)）]\s*([^：:]{2,30})[：:](.+)$/.exec(l))
        .filter((m): m is RegExpExecArray => !!m)
        .map((m) => ({ term: m[1], definition: m[2] }));
    } else {
      const t = codedTable(g, kind, title);
      if (t) d.tables.push(t);
    }
  }
  if (!d.tables.some((t) => t.kind === 'expenditure' || t.kind === 'general-budget-expenditure')) return null;
  d.year = year;
  json.year = year ?? new Date().getFullYear();
  json.entity = { name: entity ?? '（请填写单位名称）' };
  json.expenditure = expenditureItems(d);
  json.basicEconomic = economicItems(d);
  if (tp) {
    json.threePublic = { current: { abroad: tp.abroad.toFixed(2), vehiclePurchase: tp.vehiclePurchase.toFixed(2), vehicleOperation: tp.vehicleOperation.toFixed(2), reception: tp.reception.toFixed(2) } };
    if (tp.operatingCosts) json.operatingCosts = { current: tp.operatingCosts.toFixed(2) };
  }
  return parseDataset(json);
}

/** A dataset from either kind of workbook; null when the workbook holds neither. */
export async function readInputWorkbook(bytes: Buffer): Promise<Dataset | null> {
  const { default: excel } = await import('exceljs');
  const wb = new excel.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const first = wb.worksheets[0];
  if (first && text(plain(first.getCell(1, 1).value)) === INPUT_MARKER) return readGongkaiWorkbook(wb);
  return readBudgetSystemWorkbook(wb);
}
