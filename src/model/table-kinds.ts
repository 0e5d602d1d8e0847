/**
 * The standard tables, each described once: its id (the model's `TableKind`), its Chinese name,
 * the titles and header words that recognise it (src/recognize/tables.ts), how rules treat it
 * (src/rules/lib/tables.ts) and what docs/rules.md says of it. Adding a table kind is adding an
 * entry here (see CONTRIBUTING.md).
 *
 * Titles are tried across all kinds by `rank`, lowest first, and the first match wins: the specific
 * titles before the general ones (a 政府性基金收支总表 is the fund's table, not the 收支总表; a title
 * with 三公 is the 三公 table whatever else it says). Titles are matched squashed (no spaces), with
 * 总体情况表 read as 总表 and 情况表 as 表.
 */

/** What the header rows of a table without a title tell (src/recognize/tables.ts). */
export interface HeaderFacts {
  /** Semantic column keys (src/recognize/columns.ts), one per grid column, null when unknown. */
  keys: readonly (string | null)[];
  /** The header rows' words, squashed and joined by `|`. */
  words: string;
}

export interface TableKindEntry {
  id: string;
  /** The name rules print when a table has no title of its own. */
  name: string;
  /** One of the nine tables every budget and final-accounts disclosure publishes (操作规程). */
  standard: boolean;
  /** Rows carry classification codes (类/款/项 or 经济分类); the code and hierarchy rules read them. */
  coded: boolean;
  /** The classification the kind is defined by, when a region prints it both ways. */
  scheme?: 'functional' | 'economic';
  /** Title patterns with their rank among all kinds' titles (lowest tried first). */
  titles: readonly { pattern: RegExp; rank: number }[];
  /** For a table without a title: a test on its headers, tried across kinds by rank. */
  headers?: { rank: number; test: (h: HeaderFacts) => boolean };
  /**
   * The semantic columns (src/recognize/columns.ts) a table of this kind is read into and the rules
   * rely on — documentation for docs/rules.md; recognition keeps whatever columns are printed.
   */
  columns: readonly string[];
}

const has = (h: HeaderFacts, key: string) => h.keys.includes(key);
/** Two name columns and both 收入 and 支出 in the headers: a two-sided 收支 table. */
const twoSided = (h: HeaderFacts) => h.keys.filter((k) => k === 'name').length >= 2 && /收入/.test(h.words) && /支出/.test(h.words);

export const TABLE_KINDS = [
  {
    id: 'revenue-expenditure-summary',
    name: '收支总表',
    standard: true,
    coded: false,
    titles: [{ pattern: /收支(预算|决算)?总表|收入支出(预算|决算)?总表|收支预算表/, rank: 70 }],
    headers: { rank: 2, test: twoSided },
    columns: ['name', 'amount'],
  },
  {
    id: 'revenue',
    name: '收入总表',
    standard: true,
    coded: true,
    scheme: 'functional',
    titles: [{ pattern: /收入(预算|决算)?总?表/, rank: 140 }],
    headers: { rank: 5, test: (h) => has(h, 'carryOver') && (has(h, 'currentIncome') || has(h, 'fiscal') || has(h, 'business')) },
    columns: ['code', 'name', 'total', 'carryOver'],
  },
  {
    id: 'expenditure',
    name: '支出总表',
    standard: true,
    coded: true,
    scheme: 'functional',
    titles: [{ pattern: /支出(预算|决算)?总?表/, rank: 150 }],
    headers: { rank: 4, test: (h) => has(h, 'basic') && has(h, 'project') && (has(h, 'operating') || has(h, 'toSuperior')) },
    columns: ['code', 'name', 'total'],
  },
  {
    id: 'fiscal-summary',
    name: '财政拨款收支总表',
    standard: true,
    coded: false,
    titles: [{ pattern: /财政拨款收支(预算)?总表|财政拨款收入支出(决算)?总表/, rank: 50 }],
    headers: { rank: 1, test: (h) => twoSided(h) && has(h, 'generalBudget') },
    columns: ['name', 'amount'],
  },
  {
    id: 'general-budget-expenditure',
    name: '一般公共预算财政拨款支出表',
    standard: true,
    coded: true,
    scheme: 'functional',
    titles: [{ pattern: /一般公共预算|财政拨款支出(预算|决算)?表/, rank: 120 }],
    columns: ['code', 'name', 'total'],
  },
  {
    id: 'general-budget-basic',
    name: '一般公共预算财政拨款基本支出表',
    standard: true,
    coded: true,
    scheme: 'economic',
    titles: [{ pattern: /一般公共预算.*基本支出|财政拨款基本支出/, rank: 100 }],
    headers: { rank: 3, test: (h) => has(h, 'personnel') && has(h, 'public') },
    columns: ['code', 'name', 'total', 'personnel', 'public'],
  },
  {
    id: 'basic-expenditure',
    name: '基本支出表',
    standard: false,
    coded: true,
    // 基本支出表 without a fund: the 一般公共预算 one where it splits 人员/公用经费 (tables.ts), else all funds'.
    titles: [{ pattern: /基本支出(预算|决算)?总?表/, rank: 110 }],
    columns: ['code', 'name', 'total'],
  },
  {
    id: 'gov-fund-expenditure',
    name: '政府性基金预算财政拨款支出表',
    standard: true,
    coded: true,
    scheme: 'functional',
    titles: [
      // 陕西 政府性基金收支(总)表: one fund's income and spending, not the department's 收支总表.
      { pattern: /政府性?基金(预算)?(财政拨款)?收支(预算)?总?表/, rank: 60 },
      { pattern: /政府性?基金/, rank: 80 },
    ],
    columns: ['code', 'name', 'total'],
  },
  {
    id: 'state-capital-expenditure',
    name: '国有资本经营预算财政拨款支出表',
    standard: true,
    coded: true,
    scheme: 'functional',
    titles: [{ pattern: /国有资本经营/, rank: 90 }],
    columns: ['code', 'name', 'total'],
  },
  {
    id: 'three-public',
    name: '财政拨款“三公”经费支出表',
    standard: true,
    coded: false,
    titles: [{ pattern: /三公/, rank: 10 }],
    headers: { rank: 7, test: (h) => /出国|公务接待/.test(h.words) },
    columns: ['total', 'abroad', 'vehicle', 'vehiclePurchase', 'vehicleOperation', 'reception'],
  },
  {
    id: 'operating-costs',
    name: '机关运行经费表',
    standard: false,
    coded: false,
    titles: [{ pattern: /机关运行经费|机关运行费/, rank: 20 }],
    columns: [],
  },
  {
    id: 'procurement',
    name: '政府采购预算表',
    standard: false,
    coded: false,
    titles: [{ pattern: /政府采购/, rank: 30 }],
    headers: { rank: 6, test: (h) => /采购/.test(h.words) && has(h, 'item') },
    columns: ['item'],
  },
  {
    id: 'assets',
    name: '固定资产占用情况表',
    standard: false,
    coded: false,
    titles: [{ pattern: /固定资产|资产占用|国有资产/, rank: 40 }],
    columns: ['house', 'vehicle', 'land', 'other'],
  },
  {
    id: 'project-expenditure',
    name: '项目支出表',
    standard: false,
    coded: true,
    // 陕西 calls project money 专项业务经费; its 上年结转资金支出表 lists the carried-over projects.
    titles: [{ pattern: /项目支出(预算|决算)?表|专项业务经费(支出)?(预算)?表|(上年)?结转(结余)?资金支出(预算)?表|上年结转支出(预算)?表/, rank: 130 }],
    columns: ['code', 'name', 'total'],
  },
  {
    id: 'other',
    name: '表格',
    standard: false,
    coded: false,
    titles: [],
    columns: [],
  },
] as const satisfies readonly TableKindEntry[];

export type TableKindId = (typeof TABLE_KINDS)[number]['id'];

/** The ids, as a tuple for `z.enum`. */
export const TABLE_KIND_IDS = TABLE_KINDS.map((k) => k.id) as [TableKindId, ...TableKindId[]];

export function tableKind(id: TableKindId): TableKindEntry {
  return TABLE_KINDS.find((k) => k.id === id)!;
}

/** Every kind's title patterns in the order they are tried. */
export const TITLE_PATTERNS: readonly [RegExp, TableKindId][] = TABLE_KINDS.flatMap((k) => k.titles.map((t) => ({ ...t, id: k.id })))
  .sort((a, b) => a.rank - b.rank)
  .map((t) => [t.pattern, t.id]);

/** Every kind's header test in the order they are tried. */
export const HEADER_TESTS: readonly [(h: HeaderFacts) => boolean, TableKindId][] = TABLE_KINDS.flatMap((k) =>
  'headers' in k ? [{ ...k.headers, id: k.id }] : [],
)
  .sort((a, b) => a.rank - b.rank)
  .map((t) => [t.test, t.id]);
