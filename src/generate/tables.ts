/**
 * The standard tables, built from the figures: each a header on a grid of leaf columns and a
 * body whose totals say which cells they add up (formulas in .xlsx). Titles come from the
 * template; layouts are those every template shares (收支总表 two-sided, functional tables by
 * 类/款/项 with the 合计 first, the basic expenditure by economic 类/款).
 */
import { catalog } from '../catalog/index.js';
import type { TableKind } from '../model/disclosure.js';
import { Money, ZERO, sum } from '../model/money.js';
import type { Cell, GenTable, HeaderCell } from './blocks.js';
import type { Dataset, Source } from './dataset.js';
import { codeName, isZero, type Figures, type Node } from './figures.js';
import type { Template } from './templates/index.js';

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 1 → 一, 12 → 十二, 30 → 三十. */
export function chineseNumber(n: number): string {
  if (n <= 10) return CN[n - 1];
  if (n < 20) return `十${CN[n - 11]}`;
  const t = Math.floor(n / 10);
  return `${CN[t - 1]}十${n % 10 ? CN[(n % 10) - 1] : ''}`;
}

const amt = (v: Money | null | undefined, sumOf?: [number, number][]): Cell => ({ amount: v ?? null, sum: sumOf, align: 'right' });
/** A line's amount: blank when zero, as the published tables print it. */
const line = (v: Money): Cell => amt(isZero(v) ? null : v);
const txt = (text: string, align: Cell['align'] = 'left'): Cell => ({ text, align });
const H = (text: string, span?: number, rowSpan?: number): HeaderCell => ({ text, span, rowSpan });

export interface TableContext {
  d: Dataset;
  f: Figures;
  t: Template;
}

/** 预算数, or 决算数 in a final-accounts template. */
const amountLabel = (ctx: TableContext) => ctx.t.amountLabel ?? '预算数';

function caption(ctx: TableContext, unit = '单位：万元'): [string, string] {
  const code = ctx.d.entity.code ? ctx.d.entity.code : '';
  return [`编制部门：${code}${ctx.d.entity.name}`, unit];
}

function make(ctx: TableContext, kind: TableKind, id: keyof Template['tables'], header: HeaderCell[][], body: Cell[][], widths: number[], note?: string): GenTable {
  const title = ctx.t.tables[id].replace('{year}', String(ctx.d.year));
  const wide = widths.length > 7;
  return { kind, title, caption: caption(ctx), header, body, widths, wide, note: body.length ? undefined : note };
}

// ---------------------------------------------------------------- 收支总表

const REVENUE_LINES: [Source, string][] = [
  ['generalBudget', '一般公共预算拨款收入'],
  ['govFund', '政府性基金预算拨款收入'],
  ['stateCapital', '国有资本经营预算拨款收入'],
  ['fiscalSpecial', '财政专户管理资金收入'],
  ['business', '事业收入'],
  ['operatingIncome', '事业单位经营收入'],
  ['superiorSubsidy', '上级补助收入'],
  ['subsidiaryIncome', '附属单位上缴收入'],
  ['other', '其他收入'],
];

/** The 类 an expenditure side lists: every 类 of the year (河北) or those with money. */
function classRows(ctx: TableContext, value: (n: Node) => Money): { name: string; code: string; value: Money }[] {
  const have = new Map(ctx.f.functional.filter((n) => n.level === 'class').map((n) => [n.code, n]));
  const codes = ctx.t.allClasses ? catalog().codesIn('functional', ctx.d.year, 3).map((c) => c.code) : [...have.keys()].filter((c) => !isZero(value(have.get(c)!)));
  for (const c of have.keys()) if (!codes.includes(c) && !isZero(value(have.get(c)!))) codes.push(c);
  return codes.sort().map((code) => ({ code, name: codeName('functional', code, ctx.d.year), value: have.get(code) ? value(have.get(code)!) : ZERO }));
}

export function summaryTable(ctx: TableContext): GenTable {
  const { f } = ctx;
  const revenue = REVENUE_LINES.filter(([s]) => ctx.t.allClasses || !isZero(f.bySource[s]));
  const classes = classRows(ctx, (n) => n.total);
  const n = Math.max(revenue.length, classes.length);
  const body: Cell[][] = [];
  for (let i = 0; i < n; i++) {
    const r = revenue[i];
    const c = classes[i];
    body.push([
      txt(r ? `${chineseNumber(i + 1)}、${r[1]}` : ''),
      r ? line(f.bySource[r[0]]) : amt(null),
      txt(c ? `${chineseNumber(i + 1)}、${c.name}` : ''),
      c ? line(c.value) : amt(null),
    ]);
  }
  const col = (k: number, count: number): [number, number][] => Array.from({ length: count }, (_, i) => [i, k] as [number, number]);
  const t = body.length;
  body.push([txt('本年收入合计'), amt(f.revenueTotal, col(1, revenue.length)), txt('本年支出合计'), amt(f.revenueTotal, col(3, classes.length))]);
  // Final accounts name the balances as the national 决算 template does, with 结余 used and distributed.
  const final = ctx.t.kind === 'final-accounts';
  const balances = final
    ? [
        [txt('使用非财政拨款结余'), amt(null), txt('结余分配'), amt(null)],
        [txt('年初结转和结余'), amt(null), txt('年末结转和结余'), amt(null)],
      ]
    : [[txt('上年结转结余'), amt(null), txt('年终结转结余'), amt(null)]];
  body.push(...balances);
  const parts = (k: number): [number, number][] => Array.from({ length: balances.length + 1 }, (_, i) => [t + i, k] as [number, number]);
  body.push([txt('收入总计'), amt(f.revenueTotal, parts(1)), txt('支出总计'), amt(f.revenueTotal, parts(3))]);
  const label = amountLabel(ctx);
  const header = [
    [H('收入', 2), H('支出', 2)],
    [H('项目'), H(label), H('项目'), H(label)],
  ];
  return make(ctx, 'revenue-expenditure-summary', 'summary', header, body, [30, 14, 30, 14]);
}

// ---------------------------------------------------------------- functional tables

interface AmountColumn {
  label: string;
  /** Header group above the label, when the table groups columns. */
  group?: string;
  value: (n: Node) => Money;
  /** Leaf-column indices (within the amount columns) whose sum this column is on every row. */
  of?: number[];
}

/**
 * A table by function: 科目编码 | 科目名称 | amount columns. The 合计 row first; 类 = Σ 款, 款 = Σ 项,
 * 合计 = Σ 类; a column that is the sum of others is so on the 项 rows.
 */
function functionalTable(ctx: TableContext, kind: TableKind, id: keyof Template['tables'], cols: AmountColumn[], include: (n: Node) => boolean, note: string): GenTable {
  const nodes = ctx.f.functional.filter(include);
  const body: Cell[][] = [];
  const base = 2;
  const rowOf = new Map<string, number>();
  nodes.forEach((n, i) => rowOf.set(n.code, i + 1));
  if (nodes.length) {
    const classes = nodes.filter((n) => n.level === 'class');
    body.push([txt(''), txt('合计', 'center'), ...cols.map((c, k) => amt(sum(classes.map(c.value)), classes.map((n) => [rowOf.get(n.code)!, base + k] as [number, number])))]);
  }
  for (const n of nodes) {
    const children = nodes.filter((m) => m.code.length === n.code.length + 2 && m.code.startsWith(n.code));
    const r = rowOf.get(n.code)!;
    body.push([
      txt(n.code),
      txt(n.name),
      ...cols.map((c, k) => {
        if (children.length) return amt(c.value(n), children.map((m) => [rowOf.get(m.code)!, base + k] as [number, number]));
        if (c.of) return amt(c.value(n), c.of.map((j) => [r, base + j] as [number, number]));
        return line(c.value(n));
      }),
    ]);
  }
  const groups = cols.some((c) => c.group);
  const header: HeaderCell[][] = groups
    ? [
        [H('功能分类科目', 2), ...groupHeader(cols)],
        [H('科目编码'), H('科目名称'), ...cols.filter((c) => c.group).map((c) => H(c.label))],
      ]
    : [[H('功能分类科目', 2), ...cols.map((c) => H(c.label, 1, 2))], [H('科目编码'), H('科目名称')]];
  return make(ctx, kind, id, header, body, [10, 26, ...cols.map(() => 12)], note);
}

function groupHeader(cols: AmountColumn[]): HeaderCell[] {
  const out: HeaderCell[] = [];
  for (let i = 0; i < cols.length; i++) {
    const g = cols[i].group;
    if (!g) {
      out.push(H(cols[i].label, 1, 2));
      continue;
    }
    let span = 1;
    while (i + span < cols.length && cols[i + span].group === g) span++;
    out.push(H(g, span));
    i += span - 1;
  }
  return out;
}

const src = (s: Source) => (n: Node) => n.bySource[s];
const fiscal = (n: Node) => n.bySource.generalBudget.plus(n.bySource.govFund).plus(n.bySource.stateCapital);

export function revenueTable(ctx: TableContext): GenTable {
  const current = (n: Node) => n.total;
  const cols: AmountColumn[] = [
    { label: '合计', value: (n) => n.total, of: [1] },
    { label: '小计', group: '本年收入', value: current, of: [2, 3, 4, 5, 6, 7, 8] },
    { label: '财政拨款收入', group: '本年收入', value: fiscal },
    { label: '财政专户收入', group: '本年收入', value: src('fiscalSpecial') },
    { label: '事业收入', group: '本年收入', value: src('business') },
    { label: '经营收入', group: '本年收入', value: src('operatingIncome') },
    { label: '上级补助收入', group: '本年收入', value: src('superiorSubsidy') },
    { label: '附属单位上缴收入', group: '本年收入', value: src('subsidiaryIncome') },
    { label: '其他收入', group: '本年收入', value: src('other') },
    { label: '上年结转', value: () => ZERO },
  ];
  return functionalTable(ctx, 'revenue', 'revenue', cols, () => true, '');
}

export function expenditureTable(ctx: TableContext): GenTable {
  const cols: AmountColumn[] = [
    { label: '合计', value: (n) => n.total, of: [1, 2] },
    { label: '基本支出', value: (n) => n.basic },
    { label: '项目支出', value: (n) => n.project },
  ];
  if (ctx.t.expenditureExtraColumns) cols.push({ label: '经营支出', value: () => ZERO }, { label: '上缴上级支出', value: () => ZERO }, { label: '对附属单位补助支出', value: () => ZERO });
  return functionalTable(ctx, 'expenditure', 'expenditure', cols, () => true, '');
}

/** 一般公共预算 / 政府性基金 / 国有资本经营 expenditure by function, 基本 and 项目. */
export function fundTable(ctx: TableContext, fund: 'generalBudget' | 'govFund' | 'stateCapital'): GenTable {
  const spec = {
    generalBudget: ['general-budget-expenditure', 'generalBudget', '一般公共预算财政拨款'],
    govFund: ['gov-fund-expenditure', 'govFund', '政府性基金预算财政拨款'],
    stateCapital: ['state-capital-expenditure', 'stateCapital', '国有资本经营预算财政拨款'],
  } as const;
  const [kind, id, name] = spec[fund];
  const cols: AmountColumn[] = [
    { label: '合计', value: (n) => n.byFund[fund].basic.plus(n.byFund[fund].project), of: [1, 2] },
    { label: '基本支出', value: (n) => n.byFund[fund].basic },
    { label: '项目支出', value: (n) => n.byFund[fund].project },
  ];
  return functionalTable(ctx, kind, id, cols, (n) => !isZero(n.bySource[fund]), `注：本部门无${name}预算，空表列示。`);
}

// ---------------------------------------------------------------- 财政拨款收支总表

export function fiscalTable(ctx: TableContext): GenTable {
  const { f } = ctx;
  const revenue: [Source, string][] = [
    ['generalBudget', '一般公共预算拨款'],
    ['govFund', '政府性基金预算拨款'],
    ['stateCapital', '国有资本经营预算拨款'],
  ];
  const classes = classRows(ctx, fiscal);
  const have = new Map(f.functional.filter((n) => n.level === 'class').map((n) => [n.code, n]));
  const n = Math.max(revenue.length, classes.length);
  const body: Cell[][] = [];
  for (let i = 0; i < n; i++) {
    const r = revenue[i];
    const c = classes[i];
    const node = c ? have.get(c.code) : undefined;
    const parts = node ? [node.bySource.generalBudget, node.bySource.govFund, node.bySource.stateCapital] : [ZERO, ZERO, ZERO];
    body.push([
      txt(r ? `${chineseNumber(i + 1)}、${r[1]}` : ''),
      r ? line(f.bySource[r[0]]) : amt(null),
      txt(c ? `${chineseNumber(i + 1)}、${c.name}` : ''),
      c && !isZero(c.value) ? amt(c.value, [[i, 4], [i, 5], [i, 6]]) : amt(null),
      ...parts.map((p) => (c ? line(p) : amt(null))),
    ]);
  }
  const t = body.length;
  const col = (k: number, count: number): [number, number][] => Array.from({ length: count }, (_, i) => [i, k] as [number, number]);
  const fundTotals = [f.bySource.generalBudget, f.bySource.govFund, f.bySource.stateCapital];
  body.push([txt('本年收入合计'), amt(f.fiscalTotal, col(1, revenue.length)), txt('本年支出合计'), amt(f.fiscalTotal, [[t, 4], [t, 5], [t, 6]]), ...fundTotals.map((v, k) => amt(v, col(4 + k, classes.length)))]);
  body.push([txt('收入总计'), amt(f.fiscalTotal, [[t, 1]]), txt('支出总计'), amt(f.fiscalTotal, [[t, 3]]), ...fundTotals.map((v, k) => amt(v, [[t, 4 + k]]))]);
  const header = [
    [H('收入', 2), H('支出', 5)],
    [H('项目'), H(amountLabel(ctx)), H('项目'), H('合计'), H('一般公共预算'), H('政府性基金预算'), H('国有资本经营预算')],
  ];
  return make(ctx, 'fiscal-summary', 'fiscal', header, body, [24, 12, 26, 12, 12, 12, 12]);
}

// ---------------------------------------------------------------- 基本支出 by economic class

export function basicTable(ctx: TableContext): GenTable {
  const nodes = ctx.f.economic;
  const rowOf = new Map(nodes.map((n, i) => [n.code, i + 1]));
  const body: Cell[][] = [];
  const cols: AmountColumn[] = [
    { label: '合计', value: (n) => n.total, of: [1, 2] },
    { label: '人员经费', value: (n) => n.personnel },
    { label: '公用经费', value: (n) => n.public },
  ];
  if (nodes.length) {
    const classes = nodes.filter((n) => n.level === 'class');
    body.push([txt(''), txt('合计', 'center'), ...cols.map((c, k) => amt(sum(classes.map(c.value)), classes.map((n) => [rowOf.get(n.code)!, 2 + k] as [number, number])))]);
  }
  for (const n of nodes) {
    const kids = nodes.filter((m) => m.code.length === 5 && n.code.length === 3 && m.code.startsWith(n.code));
    const r = rowOf.get(n.code)!;
    body.push([
      txt(n.code),
      txt(n.name),
      ...cols.map((c, k) => (kids.length ? amt(c.value(n), kids.map((m) => [rowOf.get(m.code)!, 2 + k] as [number, number])) : c.of ? amt(c.value(n), c.of.map((j) => [r, 2 + j] as [number, number])) : line(c.value(n)))),
    ]);
  }
  const header = [
    [H('部门预算支出经济分类科目', 2), H('一般公共预算基本支出', 3)],
    [H('科目编码'), H('科目名称'), H('合计'), H('人员经费'), H('公用经费')],
  ];
  return make(ctx, 'general-budget-basic', 'basic', header, body, [10, 30, 14, 14, 14], '注：本部门无一般公共预算基本支出预算，空表列示。');
}

// ---------------------------------------------------------------- 三公

export function threePublicTable(ctx: TableContext): GenTable {
  if (ctx.t.kind === 'final-accounts') return threePublicFinalTable(ctx);
  const { f, d } = ctx;
  const tp = f.threePublic;
  const empty = !tp || tp.total.isZero();
  const prior = f.threePublicPrior;
  const items: [string, keyof NonNullable<Figures['threePublic']>][] = [
    ['合计', 'total'],
    ['因公出国（境）费', 'abroad'],
    ['公务用车购置及运行费', 'vehicle'],
    ['其中：公务用车购置费', 'vehiclePurchase'],
    ['公务用车运行维护费', 'vehicleOperation'],
    ['公务接待费', 'reception'],
  ];
  const body: Cell[][] = [];
  if (!empty) {
    items.forEach(([name, key], r) => {
      const cur = tp[key] as Money;
      const pri = prior ? (prior[key] as Money) : null;
      const sumOf = (col: number) => (key === 'total' ? [[1, col], [2, col], [5, col]] : key === 'vehicle' ? [[3, col], [4, col]] : undefined) as [number, number][] | undefined;
      body.push([txt(name), amt(pri, pri ? sumOf(1) : undefined), amt(cur, sumOf(2)), amt(pri ? cur.minus(pri) : null, pri ? [[r, 2]] : undefined)]);
    });
    // The 增减 column is current − prior: not a sum, written as a plain value.
    for (const row of body) row[3] = { ...row[3], sum: undefined };
  }
  const header = [[H('项目'), H(`${d.year - 1}年预算数`), H(`${d.year}年预算数`), H('增减额')]];
  return make(ctx, 'three-public', 'threePublic', header, body, [30, 16, 16, 16], '注：本部门无财政拨款“三公”经费预算，空表列示。');
}

/**
 * The national 决算 layout: the 三公 items as column groups (合计 | 因公出国（境）费 | 公务用车购置及运行维护费
 * {小计 | 购置费 | 运行维护费} | 公务接待费), each printing 预算数 and 决算数, over one row of figures.
 * Last year's figures are not in this table; the 说明 states the change.
 */
function threePublicFinalTable(ctx: TableContext): GenTable {
  const { f } = ctx;
  const tp = f.threePublic;
  const budget = f.threePublicBudget;
  const keys = ['total', 'abroad', 'vehicle', 'vehiclePurchase', 'vehicleOperation', 'reception'] as const;
  // Leaf columns: 2k is the item's 预算数, 2k + 1 its 决算数.
  const at = (key: (typeof keys)[number], stage: 0 | 1) => keys.indexOf(key) * 2 + stage;
  const body: Cell[][] = [];
  const empty = (!tp || tp.total.isZero()) && (!budget || budget.total.isZero());
  if (!empty) {
    const row: Cell[] = [];
    for (const key of keys) {
      for (const stage of [0, 1] as const) {
        const fig = stage === 0 ? budget : tp;
        const v = fig ? (fig[key] as Money) : null;
        const parts = key === 'total' ? (['abroad', 'vehicle', 'reception'] as const) : key === 'vehicle' ? (['vehiclePurchase', 'vehicleOperation'] as const) : null;
        row.push(amt(v, v && parts ? parts.map((k) => [0, at(k, stage)] as [number, number]) : undefined));
      }
    }
    body.push(row);
  }
  const pair = () => [H('预算数'), H('决算数')];
  // The national form's band “财政拨款“三公”经费” above the items is left out: the title names it, and
  // a lone text spanning the table reads as a title in a workbook.
  const header: HeaderCell[][] = [
    [H('合计', 2, 2), H('因公出国（境）费', 2, 2), H('公务用车购置及运行维护费', 6), H('公务接待费', 2, 2)],
    [H('小计', 2), H('公务用车购置费', 2), H('公务用车运行维护费', 2)],
    [...pair(), ...pair(), ...pair(), ...pair(), ...pair(), ...pair()],
  ];
  return make(ctx, 'three-public', 'threePublic', header, body, Array.from({ length: 12 }, () => 9), `注：本部门${ctx.d.year}年度无财政拨款“三公”经费支出，空表列示。`);
}

// ---------------------------------------------------------------- 政府采购, 资产

export function procurementTable(ctx: TableContext): GenTable {
  const items = ctx.d.procurement;
  const body: Cell[][] = items.map((p) => [
    txt(p.project),
    amt(p.projectBudget ?? null),
    txt(p.item),
    txt(p.catalogCode, 'center'),
    txt(p.measure, 'center'),
    { amount: new Money(p.quantity), dp: Number.isInteger(p.quantity) ? 0 : 2, align: 'right' },
    amt(p.unitPrice ?? p.amount.div(p.quantity).toDecimalPlaces(2)),
    amt(p.amount),
  ]);
  if (body.length) body.push([txt('合计', 'center'), amt(null), txt(''), txt(''), txt(''), { text: '' }, amt(null), amt(sum(items.map((p) => p.amount)), items.map((_, i) => [i, 7] as [number, number]))]);
  const header = [
    [H('政府采购项目来源', 2), H('采购物品名称', 1, 2), H('政府采购目录序号', 1, 2), H('计量单位', 1, 2), H('数量', 1, 2), H('单价', 1, 2), H('金额', 1, 2)],
    [H('项目名称'), H('预算资金')],
  ];
  return make(ctx, 'procurement', 'procurement', header, body, [24, 12, 20, 12, 8, 8, 12, 12], '注：本部门无政府采购预算，空表列示。');
}

export function assetsTable(ctx: TableContext): GenTable | null {
  const a = ctx.d.assets;
  if (!a) return null;
  const q = (v: number | undefined): Cell => (v === undefined ? { text: '' } : { amount: new Money(v), dp: Number.isInteger(v) ? 0 : 2, align: 'right' });
  const body: Cell[][] = [
    [txt('资产总额'), { text: '' }, amt(ctx.f.assetsTotal, [[1, 2], [3, 2], [4, 2], [5, 2]])],
    [txt('1、房屋（平方米）'), q(a.house?.quantity), amt(a.house?.value ?? null)],
    [txt('　　其中：办公用房（平方米）'), q(a.office?.quantity), amt(a.office?.value ?? null)],
    [txt('2、车辆（台、辆）'), q(a.vehicle?.quantity), amt(a.vehicle?.value ?? null)],
    [txt('3、单价在20万元以上的设备'), q(a.equipment?.quantity), amt(a.equipment?.value ?? null)],
    [txt('4、其他固定资产'), q(a.other?.quantity), amt(a.other?.value ?? null)],
  ];
  const t = make(ctx, 'assets', 'assets', [[H('项目'), H('数量'), H('价值（金额单位：万元）')]], body, [36, 14, 20]);
  t.caption = [t.caption[0], `截止时间：${a.asOf}`];
  return t;
}

/** Every standard table, keyed as the template names them. */
export function standardTables(ctx: TableContext): Record<keyof Template['tables'], GenTable | null> {
  return {
    summary: summaryTable(ctx),
    revenue: revenueTable(ctx),
    expenditure: expenditureTable(ctx),
    fiscal: fiscalTable(ctx),
    generalBudget: fundTable(ctx, 'generalBudget'),
    basic: basicTable(ctx),
    govFund: fundTable(ctx, 'govFund'),
    stateCapital: fundTable(ctx, 'stateCapital'),
    threePublic: threePublicTable(ctx),
    procurement: procurementTable(ctx),
    assets: assetsTable(ctx),
  };
}
