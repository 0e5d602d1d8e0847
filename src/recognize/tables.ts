/**
 * Standard tables: which one a table is (by its title, else its headers), and its rows with
 * codes, names and figures by semantic column.
 */
import type { Column, Figure, Row, StdTable, TableKind, Unit } from '../model/disclosure.js';
import { HEADER_TESTS, TITLE_PATTERNS } from '../model/table-kinds.js';
import { squash, type Cell, type Table } from '../read/doc.js';
import { functionalClassCode } from './class-names.js';
import { newSplitCodeState, rowCode, type SplitCodeState } from './codes.js';
import { columnKey, groupSubtotals } from './columns.js';
import { analyzeGrid, type Grid } from './grid.js';
import { unitFrom } from './meta.js';
import { budgetFinalColumns, economicHalves, isBudgetFinalThreePublic, mergeHalfTotals, spreadHalfTotals } from './final-tables.js';
import { parseAmount, toWan } from './numbers.js';
import { ASSET_ITEMS, EXPENDITURE_ROWS, matchKey, REVENUE_ROWS, THREE_PUBLIC_ITEMS, threePublicColumns } from './row-keys.js';

/** How a table's title ends: 表, or 表 and a parenthetical (一般公共预算支出预算表（功能科目）). */
export const TITLE_END = /表([（(][^（）()]{1,24}[)）])?$/;

export function kindFromTitle(title: string): TableKind | null {
  // 收支总体情况表, 一般公共预算支出情况表: a 总体情况表 is a 总表, a 情况表 a 表.
  const t = squash(title).replace(/总体情况表/, '总表').replace(/情况表/, '表');
  if (!/表/.test(t)) return null;
  for (const [re, kind] of TITLE_PATTERNS) if (re.test(t)) return kind;
  return null;
}

/** Without a title, the header words tell the common tables apart (the kinds' header tests). */
function kindFromHeaders(grid: Grid, keys: (string | null)[]): TableKind | null {
  const facts = { keys, words: squash(grid.headerRows.flat().map((c) => c.text).join('|')) };
  for (const [test, kind] of HEADER_TESTS) if (test(facts)) return kind;
  return null;
}

/** Columns of words kept as row texts. */
export const TEXT_COLUMNS = new Set(['reason', 'measure', 'catalogCode', 'item', 'unitCode', 'altCode', 'altName']);
const NON_AMOUNT_KEYS = new Set(['seq', 'code', 'codeClass', 'codeSection', 'codeItem', 'name', 'item', 'catalogCode', 'measure', 'reason', 'unitCode']);
/** Columns that hold counts, not money: never scaled from 元 to 万元. */
const COUNT_KEYS = new Set(['quantity']);

export interface TableContext {
  year: number | null;
  /** The document's unit, for tables that print none. */
  defaultUnit: Unit;
}

export interface ParsedTable {
  table: StdTable;
  grid: Grid;
}

/** Parses a table known (or guessed) to be a standard one; null when it is none. */
export function parseStdTable(table: Table, title: string | null, ctx: TableContext, notesUnder: string[] = [], above: string[] = []): ParsedTable | null {
  const grid = analyzeGrid(table);
  const titleText = title ?? grid.metaTexts.find((t) => TITLE_END.test(squash(t))) ?? '';
  let kind = kindFromTitle(titleText);
  let keys = groupSubtotals(grid.paths, grid.paths.map((p) => columnKey(p, ctx.year)), ctx.year);
  kind ??= kindFromHeaders(grid, keys);
  if (!kind) return null;
  if (kind === 'three-public') keys = threePublicColumns(grid.paths, keys);
  if (kind === 'basic-expenditure' && keys.includes('personnel') && keys.includes('public')) kind = 'general-budget-basic';
  // In a 基本支出表 the 基本支出 (基本支出预算 / 小计) is the table's total.
  if ((kind === 'general-budget-basic' || kind === 'basic-expenditure') && !keys.includes('total')) keys = keys.map((k) => (k === 'basic' ? 'total' : k));
  keys = unlabelledNames(grid, keys);
  const unit = [...grid.metaTexts, ...above].map(unitFrom).find((u) => u) ?? unitFrom(squash(titleText)) ?? headerUnit(grid) ?? ctx.defaultUnit;

  const columns: Column[] = [];
  keys.forEach((key, col) => {
    if (key) columns.push({ key, label: grid.paths[col].join('/'), col });
  });
  const twoSided = kind === 'revenue-expenditure-summary' || kind === 'fiscal-summary';
  const nameCols = columns.filter((c) => c.key === 'name').map((c) => c.col);
  const split = twoSided && nameCols.length >= 2 ? nameCols[1] : null;
  if (split !== null) for (const c of columns) c.side = c.col < split ? 'revenue' : 'expenditure';
  // 江苏 prints the expenditure side twice: by function (功能科目名称 | 金额) and by purpose (基本支出 | 项目支出 | 单位预留机动经费).
  const purposeAt = split !== null && nameCols.length >= 3 ? nameCols[2] : null;
  const expenditureCols = columns.filter((c) => c.side === 'expenditure' && (purposeAt === null || c.col < purposeAt));
  // 陕西 prints the expenditure side three times: by function, by 部门经济分类, by 政府经济分类. The
  // second is read as 江苏's purpose group; a further one restates the same money by another class and
  // goes after all the others (its rows are no part of the functional classes' sum).
  const moreAt = split !== null && nameCols.length >= 4 ? nameCols.slice(3) : [];
  const purposeCols = purposeAt === null ? [] : columns.filter((c) => c.col >= purposeAt && (moreAt.length === 0 || c.col < moreAt[0]));
  const moreViews = moreAt.map((at, k) => columns.filter((c) => c.col >= at && (k + 1 >= moreAt.length || c.col < moreAt[k + 1])));
  const viewRows: Row[] = [];

  if (kind === 'three-public' && isBudgetFinalThreePublic(grid.paths)) {
    return { grid, table: budgetFinalThreePublic(grid, titleText, unit, table, notesUnder) };
  }
  const periods = kind === 'three-public' ? periodGroups(grid.paths, ctx.year) : null;
  if (periods) return { grid, table: periodThreePublic(grid, columns, periods, titleText, unit, table, notesUnder, kind) };
  const halves = kind === 'general-budget-basic' ? economicHalves(columns) : null;

  const rows: Row[] = [];
  const rightRows: Row[] = [];
  let afterCarryOver = false;
  const codes = { revenue: newSplitCodeState(), expenditure: newSplitCodeState(), one: newSplitCodeState() };
  for (const cells of grid.dataRows) {
    if (cells.every((c) => squash(c.text) === '')) continue;
    if (split !== null) {
      const rev = buildRow(cells, columns.filter((c) => c.side === 'revenue'), unit, kind, 'revenue', codes.revenue);
      const exp = buildRow(cells, expenditureCols, unit, kind, 'expenditure', codes.expenditure);
      const purpose = purposeCols.length ? purposeRow(cells, purposeCols, unit, kind) : null;
      if (rev) {
        if (afterCarryOver && rev.role === 'line') {
          rev.role = 'carry-over';
          rev.key = `carryOver.${rev.key ?? 'other'}`;
        }
        if (rev.key === 'carryOver') afterCarryOver = true;
        if (rev.role === 'grand-total') afterCarryOver = false;
        rows.push(rev);
      }
      if (exp && purpose && purpose.name === exp.name) {
        // One label over both groups (当年支出小计): its figure stands in the purpose group's column.
        for (const [k, f] of Object.entries(purpose.values)) if (f && f.value !== null && !exp.values[k]?.value) exp.values[k] = f;
        rows.push(exp);
      } else {
        if (exp) rows.push(exp);
        if (purpose) rows.push(purpose);
      }
      for (const view of moreViews) {
        const r = purposeRow(cells, view, unit, kind);
        if (r) viewRows.push(r);
      }
    } else if (halves) {
      const spread = spreadHalfTotals(cells, grid.width);
      const left = buildRow(spread, halves.left, unit, kind, undefined, codes.revenue);
      const right = buildRow(spread, halves.right, unit, kind, undefined, codes.expenditure);
      if (left) rows.push(left);
      if (right) rightRows.push(right);
    } else {
      const row = buildRow(spreadMergedLabel(cells, columns, grid.width), columns, unit, kind, undefined, codes.one);
      if (row) rows.push(row);
    }
  }
  if (split !== null) {
    joinWrappedNames(rows);
    laterTotalsAreGrand(rows);
    classesOnce(rows);
    rows.push(...viewRows);
  }
  if (split === null) loneNameCodes(rows);
  if (columns.some((c) => c.key === 'unitCode')) keyUnitRows(rows);
  if (halves) {
    // Each half in its own order: the 人员经费 codes, then the 公用经费 codes, then both totals as one row.
    rows.splice(0, rows.length, ...mergeHalfTotals([...rows, ...rightRows]));
    columns.splice(0, columns.length, ...halves.left, ...halves.right);
  }
  // A table of totals only (江苏 支出预算总表: 合计 | 基本支出 | 项目支出 | …, one row of figures) has one row, its 合计.
  if (rows.length === 1 && !columns.some((c) => c.key === 'name' || c.key === 'code') && columns[0]?.key === 'total' && !rows[0].name && !rows[0].code) {
    rows[0] = { ...rows[0], name: '合计', role: 'total' };
  }
  const note = noteInside(table) ?? (notesUnder.length ? notesUnder.join('\n') : null);
  const printed = rows.map((r) => r.code).filter((c): c is string => !!c);
  const classification = schemeOfCodes(printed, kind);
  const empty = rows.every((r) => Object.values(r.values).every((f) => f === null || f.value === null));
  return {
    grid,
    table: { kind, title: titleText, unit, classification, columns, rows, empty, note, loc: { ...table.loc } },
  };
}

/**
 * Which classification a table's codes are: what most of them say (功能 2xx, 经济 3xx/5xx), not
 * the table's kind — a 基本支出表 is printed by functional class in some regions (陕西 prints it both
 * ways). A 基本支出表 whose codes do not decide is economic, as the national template has it.
 */
function schemeOfCodes(codes: string[], kind: TableKind): StdTable['classification'] {
  if (codes.length === 0) return null;
  const economic = codes.filter((c) => /^[35]\d\d/.test(c)).length;
  const functional = codes.filter((c) => /^2\d\d/.test(c)).length;
  if (functional > economic) return 'functional';
  if (economic > functional) return 'economic';
  return kind === 'general-budget-basic' || kind === 'basic-expenditure' ? 'economic' : 'functional';
}

function headerUnit(grid: Grid): Unit | null {
  for (const c of grid.headerRows.flat()) {
    const m = /单位[:：]?\s*(万元|元)/.exec(squash(c.text));
    if (m) return { raw: c.text.trim(), scale: m[1] as Unit['scale'] };
  }
  return null;
}

/**
 * A label merged over the code and name columns (合计 across 科目编码 | 科目名称) is printed once in
 * plain text, so its row comes out short by the columns it covers and its figures shift left. A
 * row short by exactly that many, led by words, gets the label in each column it covers, as Word's
 * merged cells give it.
 */
function spreadMergedLabel(cells: Cell[], columns: Column[], width: number): Cell[] {
  const firstAmount = columns.find((c) => !NON_AMOUNT_KEYS.has(c.key))?.col ?? 0;
  const covered = firstAmount - 1;
  const label = cells[0];
  if (covered < 1 || cells.length !== width - covered || !label || cells.some((c) => c.mergedFrom)) return cells;
  const t = squash(label.text);
  if (!t || /^\d+$/.test(t) || parseAmount(t) !== undefined) return cells;
  const copies: Cell[] = Array.from({ length: covered }, () => ({
    text: label.text,
    loc: { ...label.loc },
    mergedFrom: { row: label.loc.row ?? 0, col: label.loc.col ?? 0 },
  }));
  return [label, ...copies, ...cells.slice(1)];
}

/** A "注：…空表列示" note printed inside the table's last rows. */
function noteInside(table: Table): string | null {
  for (const row of table.rows) for (const c of row) if (/^[（(]?(备)?注[:：]/.test(c.text.trim())) return c.text.trim();
  return null;
}

function buildRow(
  cells: Cell[],
  columns: Column[],
  unit: Unit,
  kind: TableKind,
  side: 'revenue' | 'expenditure' | undefined,
  codeState: SplitCodeState,
): Row | null {
  const at = (key: string) => columns.find((c) => c.key === key);
  const textAt = (c: Column | undefined) => (c && cells[c.col] ? cells[c.col].text.trim() : '');
  const parts = ['codeClass', 'codeSection', 'codeItem'].map((k) => squash(textAt(at(k))));
  // A project's name may start with digits (12328电话运行维护费: a hotline): no classification code.
  const projectNames = !CODE_KEYS.some((k) => at(k)) && columns.some((c) => c.key === 'name' && /项目名称/.test(c.label));
  const nameText = squash(rowName(cells, columns) || textAt(at('item')));
  const read = projectNames ? { code: '', name: nameText } : rowCode(squash(textAt(at('code'))), parts, nameText, codeState);
  // Rows that are budget units (单位代码 | 单位名称) carry no classification code.
  let code = at('unitCode') ? '' : read.code;
  const name = read.name;
  const values: Row['values'] = {};
  const texts: Record<string, string> = {};
  for (const col of columns) {
    if (NON_AMOUNT_KEYS.has(col.key) || col.key === 'seq') {
      if (TEXT_COLUMNS.has(col.key)) {
        const t = textAt(col);
        if (t) texts[col.key] = t;
      }
      continue;
    }
    const cell = cells[col.col];
    // A figure merged across columns counts once, in the column that holds it.
    if (!cell || (cell.mergedFrom && cell.mergedFrom.col !== col.col)) {
      values[col.key] ??= null;
      continue;
    }
    const f = figure(cell, unit, COUNT_KEYS.has(col.key));
    values[col.key] = f ?? null;
    if (f === undefined && cell.text.trim()) texts[col.key] = cell.text.trim();
  }
  const hasFigure = Object.values(values).some((f) => f && f.value !== null);
  if (!name && !code && !hasFigure) return null;
  Object.assign(texts, secondClassification(cells, columns));

  let role: Row['role'] = 'line';
  let key: string | undefined;
  let derived = false;
  if (side === 'revenue' || side === 'expenditure') {
    for (const [re, k, r] of side === 'revenue' ? REVENUE_ROWS : EXPENDITURE_ROWS) {
      if (re.test(name)) {
        key = k;
        role = r;
        break;
      }
    }
    if (side === 'expenditure' && role === 'line' && !code) {
      code = functionalClassCode(name) ?? '';
      derived = !!code;
    }
  } else if (/^(收入|支出)?(合计|总计)$|^合计数$/.test(name) || (!name && !code && hasFigure && /^(合计|总计)/.test(squash(cells.map((c) => c.text).join(''))))) {
    role = 'total';
  } else if (/小计$/.test(name)) {
    role = 'subtotal';
  }
  if (kind === 'three-public') key = matchKey(name, THREE_PUBLIC_ITEMS);
  if (kind === 'assets') key = matchKey(name, ASSET_ITEMS);
  if (key === 'total' && role === 'line') role = 'total';
  const level = code.length === 3 ? 'class' : code.length === 5 ? 'section' : code.length === 7 ? 'item' : null;
  // The row's own cells: in a two-sided table, those of its side.
  const own = columns.map((c) => cells[c.col]).filter((c): c is Cell => !!c);
  const first = own.find((c) => c.text.trim()) ?? cells.find((c) => c.text.trim()) ?? cells[0];
  const row: Row = {
    code: code || null,
    name,
    level,
    role,
    ...(key ? { key } : {}),
    ...(side ? { side } : {}),
    values,
    ...(Object.keys(texts).length ? { texts } : {}),
    loc: { ...(first?.loc ?? {}), col: undefined, ...rowBox(first, own) },
  };
  if (derived) derivedCodes.add(row);
  if (code && !CODE_KEYS.some((k) => at(k)) && read.code) codesFromNames.add(row);
  return row;
}

/**
 * The row's name. Two name columns (江苏 收入预算总表: 一般公共预算资金 | 小计, 一般公共预算资金 |
 * 专项收入) name a group and its line: the line's own name, or the group's 小计.
 */
function rowName(cells: Cell[], columns: Column[]): string {
  const nameCols = columns.filter((c) => c.key === 'name');
  const names = nameCols.map((c) => (cells[c.col] ? cells[c.col].text.trim() : ''));
  // Codes between the two names: each names its own classification (部门预算 | 政府预算经济分类); the first is the row's.
  // A 合计 printed under the second classification's name alone is the row's label still.
  if (names.length >= 2 && secondClassificationAt(columns) !== null) return names[0] || (/^(合计|总计)$/.test(squash(names[1])) ? squash(names[1]) : '');
  // Further name columns (采购品目大类 | 专项名称 | 经济科目) name the line when the one before is blank.
  const group = names[0];
  const line = names.slice(1).find((t) => t) ?? '';
  if (names.length < 2 || !line || squash(line) === squash(group)) return group ?? '';
  if (/^(小计|合计)$/.test(squash(line))) return `${squash(group)}${squash(line)}`;
  return line;
}

const CODE_KEYS = ['code', 'codeClass', 'codeSection', 'codeItem'];

/**
 * Where a second classification starts (科目编码 | 部门预算经济分类 | 科目编码 | 政府预算经济分类):
 * the first code column after a name column that follows codes. Null when the table has one.
 */
function secondClassificationAt(columns: Column[]): number | null {
  let seenCode = false;
  let seenName = false;
  for (const c of columns) {
    if (CODE_KEYS.includes(c.key)) {
      if (seenCode && seenName) return c.col;
      seenCode = true;
    } else if (c.key === 'name' && seenCode) seenName = true;
  }
  return null;
}

/** The second classification's code and name of a row, kept as the row's texts (altCode, altName). */
function secondClassification(cells: Cell[], columns: Column[]): Record<string, string> {
  const at = secondClassificationAt(columns);
  if (at === null) return {};
  const cols = columns.filter((c) => c.col >= at && (CODE_KEYS.includes(c.key) || c.key === 'name'));
  const textAt = (key: string) => squash(cells[cols.find((c) => c.key === key)?.col ?? -1]?.text ?? '');
  const read = rowCode(textAt('code'), ['codeClass', 'codeSection', 'codeItem'].map(textAt), textAt('name'), newSplitCodeState());
  return { ...(read.code ? { altCode: read.code } : {}), ...(read.name ? { altName: read.name } : {}) };
}

/**
 * The row's frame: its first cell joined with the cells of its columns on the same page, so a
 * finding about the whole row frames the row (of its side, in a two-sided table), not its name.
 */
function rowBox(first: Cell | undefined, cells: readonly Cell[]): { box?: [number, number, number, number] } {
  const b = first?.loc.box;
  if (!b) return {};
  const box: [number, number, number, number] = [...b];
  for (const c of cells) {
    const cb = c.loc.box;
    if (!cb || c.loc.page !== first.loc.page) continue;
    box[0] = Math.min(box[0], cb[0]);
    box[1] = Math.min(box[1], cb[1]);
    box[2] = Math.max(box[2], cb[2]);
    box[3] = Math.max(box[3], cb[3]);
  }
  return { box };
}

/** A cell's figure in 万元 (counts unscaled); undefined when the cell holds words. */
export function figure(cell: Cell, unit: Unit, isCount = false): Figure | null | undefined {
  const raw = cell.text.trim();
  const v = parseAmount(raw);
  if (v === undefined) return undefined;
  return { raw, value: v === null ? null : isCount ? v : toWan(v, unit.scale), loc: { ...cell.loc } };
}

/**
 * A 三公 决算 table (预算数 | 决算数 under each item) as two rows over the item columns: the
 * 决算数 first (the year's figures, as in a budget's one-row 三公 table), then the 预算数.
 */
function budgetFinalThreePublic(grid: Grid, title: string, unit: Unit, table: Table, notesUnder: string[]): StdTable {
  const slots = budgetFinalColumns(grid.paths);
  const columns: Column[] = [];
  slots.forEach((s, col) => {
    if (s && s.stage === 'final' && !columns.some((c) => c.key === s.item)) columns.push({ key: s.item, label: grid.paths[col].slice(0, -1).join('/'), col });
  });
  const rows: Row[] = [];
  // The table prints one row of figures; a blank template still has it.
  const printed = grid.dataRows.filter((cells) => cells.some((c) => squash(c.text) !== ''));
  for (const cells of printed.length ? printed : grid.dataRows.slice(0, 1)) {
    for (const stage of ['final', 'budget'] as const) {
      const values: Row['values'] = {};
      slots.forEach((s, col) => {
        if (!s || s.stage !== stage || s.item in values) return;
        const cell = cells[col];
        values[s.item] = cell ? (figure(cell, unit) ?? null) : null;
      });
      const first = cells.find((c) => c.text.trim()) ?? cells[0];
      rows.push({ code: null, name: stage === 'final' ? '决算数' : '预算数', level: null, role: 'line', key: stage, values, loc: { ...(first?.loc ?? {}), col: undefined } });
    }
  }
  const empty = rows.every((r) => Object.values(r.values).every((f) => f === null || f.value === null));
  const note = noteInside(table) ?? (notesUnder.length ? notesUnder.join('\n') : null);
  return { kind: 'three-public', title, unit, classification: null, columns, rows, empty, note, loc: { ...table.loc } };
}

type Period = 'current' | 'prior' | 'change';
const PERIOD_WORDS: [RegExp, Period][] = [
  [/增减|变动|变化|比上年/, 'change'],
  [/上年|上一年/, 'prior'],
  [/当年|本年/, 'current'],
];

/**
 * A 三公 table with items as columns printed once per period (陕西: 上年 {合计 | 三公 {…} | 会议费 |
 * 培训费} | 当年 {…} | 增减变化情况 {…}): the period of each column, from the group labels above the
 * items; null unless the current year and another period are there.
 */
function periodGroups(paths: string[][], year: number | null): (Period | null)[] | null {
  const out = paths.map((p) => {
    for (const label of p.slice(0, -1)) {
      // "2019年 | 2020年 | 增减变化情况" in a document of 2020.
      const y = /^(20\d{2})年度?$/.exec(squash(label));
      if (y && year !== null) return Number(y[1]) === year ? 'current' : Number(y[1]) === year - 1 ? 'prior' : null;
      for (const [re, period] of PERIOD_WORDS) if (re.test(squash(label))) return period;
    }
    return null;
  });
  return out.includes('current') && (out.includes('prior') || out.includes('change')) ? out : null;
}

/**
 * Each printed row as one row per period (the year's first, then 上年, then 增减), over the item
 * columns of the year's group: every period's figures are checked by the same identities, and the
 * year's row is the one read as the year's 三公.
 */
function periodThreePublic(grid: Grid, columns: Column[], periods: (Period | null)[], title: string, unit: Unit, table: Table, notesUnder: string[], kind: TableKind): StdTable {
  const shared = columns.filter((c) => periods[c.col] === null);
  const of = (p: Period) => [...shared, ...columns.filter((c) => periods[c.col] === p)];
  const rows: Row[] = [];
  const codes = newSplitCodeState();
  for (const cells of grid.dataRows) {
    if (cells.every((c) => squash(c.text) === '')) continue;
    for (const period of ['current', 'prior', 'change'] as const) {
      if (!periods.includes(period)) continue;
      const row = buildRow(cells, of(period), unit, kind, undefined, codes);
      if (!row) continue;
      if (row.key === 'total' || row.role === 'total') row.role = 'total';
      row.key = period;
      rows.push(row);
    }
  }
  const empty = rows.every((r) => Object.values(r.values).every((f) => f === null || f.value === null));
  const note = noteInside(table) ?? (notesUnder.length ? notesUnder.join('\n') : null);
  return { kind, title, unit, classification: null, columns: of('current'), rows, empty, note, loc: { ...table.loc } };
}

const PURPOSES: [RegExp, string][] = [
  // 陕西: 人员经费和公用经费支出 is the basic expenditure, 专项业务经费支出 the projects'.
  [/基本支出|^[\d一二三四五六七八九十]*[、.．]?人员经费和公用经费/, 'basic'],
  [/项目支出|专项业务经费/, 'project'],
  [/预留机动经费|机动经费/, 'reserve'],
  [/经营支出/, 'operating'],
  [/上缴上级|上解上级/, 'toSuperior'],
  [/对附属单位补助/, 'toSubsidiary'],
];

/** A row of the expenditure-by-purpose group: 基本支出, 项目支出, 单位预留机动经费 — no functional class. */
function purposeRow(cells: Cell[], columns: Column[], unit: Unit, kind: TableKind): Row | null {
  const row = buildRow(cells, columns, unit, kind, 'expenditure', newSplitCodeState());
  if (!row) return null;
  if (row.role === 'line') {
    row.code = null;
    row.level = null;
    const key = matchKey(row.name, PURPOSES);
    if (key) row.key = key;
  }
  return row;
}

/** Rows whose 类 code was read from the name, not printed. */
const derivedCodes = new WeakSet<Row>();
/** Rows whose code was the leading digits of the name cell, in a table with no code column. */
const codesFromNames = new WeakSet<Row>();

/**
 * Digits leading a name ("12333聘用人员经费": a hotline) in a table without a code column are a
 * code only when the table's names carry codes as a rule (上海 prints "2010301 行政运行" in one
 * cell); a lone few among names without any are part of the name.
 */
function loneNameCodes(rows: Row[]): void {
  const lines = rows.filter((r) => r.role === 'line' && r.name);
  const coded = lines.filter((r) => codesFromNames.has(r));
  if (coded.length === 0 || coded.length * 4 > lines.length) return;
  for (const r of coded) {
    r.name = `${r.code}${r.name}`;
    r.code = null;
    r.level = null;
  }
}

/**
 * A 类 is printed once: a row named like the 类 above it (其他支出 under 其他支出) is one of its
 * 款 or 项, not the 类 again. Only codes read from names; a printed code stays as printed.
 */
function classesOnce(rows: Row[]): void {
  let last: string | null = null;
  for (const r of rows) {
    if (r.side !== 'expenditure' || !r.code || r.code.length !== 3) continue;
    if (r.code === last && derivedCodes.has(r)) {
      r.code = null;
      r.level = null;
      continue;
    }
    last = r.code;
  }
}

/**
 * "当年收入小计 … 上年结转资金 … 收入合计": once a side has its year's total, a later 合计 adds the
 * carry-overs to it — the side's grand total (江苏 prints it so).
 */
function laterTotalsAreGrand(rows: Row[]): void {
  for (const side of ['revenue', 'expenditure'] as const) {
    let seen = false;
    for (const r of rows) {
      if (r.side !== side || r.role !== 'total') continue;
      if (seen && r.key === 'currentTotal') {
        r.key = 'grandTotal';
        r.role = 'grand-total';
      }
      seen = true;
    }
  }
}

/**
 * A table listing budget units (单位代码 | 单位名称: 327 the department, 327001 its own office
 * (本级), 327002 a unit under it) instead of functional codes: each row is a unit; a row whose
 * code heads the codes after it is the department that sums them.
 */
function keyUnitRows(rows: Row[]): void {
  const codeOf = (r: Row) => squash(r.texts?.unitCode ?? '');
  for (const r of rows) {
    if (r.role !== 'line') continue;
    const c = codeOf(r);
    r.key = c && rows.some((o) => o !== r && codeOf(o).length > c.length && codeOf(o).startsWith(c)) ? 'department' : 'unit';
  }
}

/**
 * A column with no header of its own right after the name column, holding words (江苏 收入预算总表:
 * 项目名称 printed over 一般公共预算资金 | 小计 without a visible merge): a second name column.
 */
function unlabelledNames(grid: Grid, keys: (string | null)[]): (string | null)[] {
  return keys.map((key, c) => {
    if (key !== null || c === 0 || keys[c - 1] !== 'name' || grid.paths[c].length) return key;
    const texts = grid.dataRows.map((r) => squash(r[c]?.text ?? '')).filter(Boolean);
    return texts.length && texts.every((t) => parseAmount(t) === undefined) ? 'name' : key;
  });
}

/**
 * "十七、国土海洋气象等支" over "出": a name wrapped onto a line of its own in a table laid out by
 * text, read as a row with a scrap of a name and nothing else. The scrap ends the name above it.
 */
function joinWrappedNames(rows: Row[]): void {
  for (let i = rows.length - 1; i > 0; i--) {
    const r = rows[i];
    if (r.code || r.key || r.name.length > 2 || !r.name || /^(合计|总计|小计)$/.test(r.name)) continue;
    if (Object.values(r.values).some((f) => f && f.value !== null)) continue;
    const above = rows.slice(0, i).reverse().find((x) => x.side === r.side);
    if (!above || above.role !== 'line') continue;
    above.name += r.name;
    if (r.side === 'expenditure' && !above.code) above.code = functionalClassCode(above.name);
    rows.splice(i, 1);
  }
}
