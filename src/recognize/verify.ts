/**
 * Self-verifying reading: a standard table is read right when its own identities hold — each row's
 * 合计 equals its parts, each 类 the sum of its 款, the 合计 row the sum of the 类 (domain.md §5).
 * Which column is which and which rows are subtotals are exactly what those identities witness, so
 * the recogniser checks them on every table it reads and records the outcome on the table:
 *
 * - `verified`: the identities hold, or their failures are explained by at most a few printed
 *   cells (a figure the document got wrong fails every identity it stands in, by the same amount);
 * - `uncertain`: failures spread over the table (a misread header, a continuation read as a new
 *   table, subtotals taken as lines) — the rules that compare figures leave such a table alone and
 *   one info finding says so;
 * - `unchecked`: the table has no identity to test (one row, one amount column).
 *
 * This is the mechanism that lets a layout nobody has seen be read right, or be admitted unread.
 */
import type { Row, StdTable, TableReading } from '../model/disclosure.js';
import { Money, sum } from '../model/money.js';
import { sumTolerance } from '../model/tolerance.js';
import { amountOf, linesBeforeTotal, sideRows } from '../model/table-rows.js';
import { childrenOf, printedOnce, repeatsClasses } from '../model/code-blocks.js';

/** A cell of the table: row index and semantic column key. */
interface CellRef {
  row: number;
  key: string;
}

/** total = Σ parts, over cells of one table. */
interface Identity {
  total: CellRef;
  parts: CellRef[];
  /** What the identity is, for the reason text: 行内合计 / 类款合计 / 合计行. */
  kind: 'row' | 'hierarchy' | 'total-row';
}

/** At most this many wrong cells are taken as the document's own errors rather than our misreading. */
const MAX_SUSPECT_CELLS = 2;

const NON_AMOUNT = new Set(['seq', 'code', 'codeClass', 'codeSection', 'codeItem', 'name', 'item', 'catalogCode', 'measure', 'reason', 'quantity']);

/** Row identities of each table kind: a total column and the columns that add up to it. */
const ROW_SUMS: Partial<Record<StdTable['kind'], (t: StdTable) => [string, string[]][]>> = {
  revenue: (t) => {
    const sources = [...(has(t, 'fiscal') ? ['fiscal'] : ['generalBudget', 'govFund', 'stateCapital']),
      'fiscalSpecial', 'business', 'operatingIncome', 'superiorSubsidy', 'subsidiaryIncome', 'other', 'unitFunds', 'fundMakeUp'];
    return has(t, 'currentIncome')
      ? [['total', ['currentIncome', 'carryOver']], ['currentIncome', sources]]
      : [['total', [...sources, 'carryOver']]];
  },
  expenditure: (t) => [['total', [...basicParts(t), 'project', 'operating', 'toSuperior', 'toSubsidiary', 'reserve']]],
  // 基本支出/项目支出表 by source (烟台): 合计 = 财政拨款 (= Σ funds) + the other sources.
  'basic-expenditure': (t) => bySource(t),
  'project-expenditure': (t) => bySource(t),
  'general-budget-expenditure': (t) => [['total', [...basicParts(t), 'project']]],
  'gov-fund-expenditure': () => [['total', ['basic', 'project']]],
  'state-capital-expenditure': () => [['total', ['basic', 'project']]],
  'general-budget-basic': () => [['total', ['personnel', 'public']]],
  'fiscal-summary': () => [['total', ['generalBudget', 'govFund', 'stateCapital']]],
  'three-public': () => [['total', ['abroad', 'vehicle', 'reception']], ['vehicle', ['vehiclePurchase', 'vehicleOperation']]],
};

const CODED = new Set<StdTable['kind']>([
  'revenue', 'expenditure', 'general-budget-expenditure', 'general-budget-basic', 'gov-fund-expenditure',
  'state-capital-expenditure', 'project-expenditure', 'basic-expenditure',
]);

function bySource(t: StdTable): [string, string[]][] {
  const funds = ['generalBudget', 'govFund', 'stateCapital'];
  const others = ['fiscalSpecial', 'business', 'operatingIncome', 'superiorSubsidy', 'subsidiaryIncome', 'other', 'unitFunds', 'fundMakeUp', 'carryOver'];
  return has(t, 'fiscal') ? [['total', ['fiscal', ...others]], ['fiscal', funds]] : [['total', [...funds, ...others]]];
}

/** 基本支出, or its 人员 and 公用 parts when the table prints only the parts under a 基本支出 head. */
function basicParts(t: StdTable): string[] {
  return has(t, 'basic') || !has(t, 'personnel') || !has(t, 'public') ? ['basic'] : ['personnel', 'public'];
}

function has(t: StdTable, key: string): boolean {
  return t.columns.some((c) => c.key === key);
}

function amountKeys(t: StdTable): string[] {
  const keys: string[] = [];
  for (const c of t.columns) if (!NON_AMOUNT.has(c.key) && !keys.includes(c.key)) keys.push(c.key);
  return keys;
}

function identities(t: StdTable): Identity[] {
  const out: Identity[] = [];
  const specs = ROW_SUMS[t.kind]?.(t) ?? [];
  t.rows.forEach((r, i) => {
    // 收支总表-like tables: only the expenditure rows split a total by fund.
    if (t.kind === 'fiscal-summary' && r.side !== 'expenditure') return;
    for (const [total, parts] of specs) {
      const present = parts.filter((k) => has(t, k));
      if (!has(t, total) || present.length < 1 || (present.length < 2 && t.kind !== 'revenue')) continue;
      out.push({ total: { row: i, key: total }, parts: present.map((k) => ({ row: i, key: k })), kind: 'row' });
    }
  });
  if (CODED.has(t.kind)) out.push(...hierarchy(t));
  if (t.kind === 'revenue-expenditure-summary' || t.kind === 'fiscal-summary') out.push(...twoSided(t));
  return out;
}

/** The column a two-sided table's row states its amount in (amountOf's choice). */
function amountKey(r: Row): string | null {
  const f = amountOf(r);
  if (!f) return null;
  return Object.entries(r.values).find(([, v]) => v === f)?.[0] ?? null;
}

/** Expenditure lines that are 类 when the side is coded, else every line (as the rules read them). */
function sideLines(t: StdTable, side: 'revenue' | 'expenditure'): Row[] {
  const lines = linesBeforeTotal(t, side);
  if (side === 'revenue') return lines;
  const coded = lines.filter((r) => r.level === 'class' || (r.code && r.code.length === 3));
  return coded.length ? coded : lines;
}

/**
 * 收支总表 / 财政拨款收支总表: each side's 本年合计 = Σ its lines, and 收入总计 = 支出总计. When the
 * lines do not add up, a group heading printed with its items under it (“一、财政拨款收入” 192.21,
 * then 一般公共预算 52.24 and 政府性基金 139.96) is looked for: a line equal to the sum of the lines
 * right after it. If reading those items as parts of their heading (Row.within) makes the side add
 * up, that is the reading kept — the table's arithmetic decides, not the wording of one template.
 */
function twoSided(t: StdTable): Identity[] {
  const out: Identity[] = [];
  for (const side of ['revenue', 'expenditure'] as const) {
    const total = sideRows(t, side).find((r) => r.role === 'total');
    const totalKey = total && amountKey(total);
    if (!total || !totalKey) continue;
    let lines = sideLines(t, side);
    const printed = total.values[totalKey]!;
    if (!addsUp(printed, lines) && (groupItems(t, lines, printed) || partialItems(t, lines, printed))) lines = sideLines(t, side);
    const parts = lines.flatMap((r) => {
      const k = amountKey(r);
      return k ? [{ row: t.rows.indexOf(r), key: k }] : [];
    });
    if (parts.length) out.push({ total: { row: t.rows.indexOf(total), key: totalKey }, parts, kind: 'total-row' });
  }
  const grand = (side: 'revenue' | 'expenditure') => sideRows(t, side).find((r) => r.role === 'grand-total');
  const gr = grand('revenue');
  const ge = grand('expenditure');
  const kr = gr && amountKey(gr);
  const ke = ge && amountKey(ge);
  if (gr && ge && kr && ke) out.push({ total: { row: t.rows.indexOf(gr), key: kr }, parts: [{ row: t.rows.indexOf(ge), key: ke }], kind: 'row' });
  return out;
}

function addsUp(total: { raw: string; value: Money | null }, lines: Row[]): boolean {
  const figs = lines.map(amountOf).filter((f) => f && f.value);
  if (!total.value || !figs.length) return true;
  return total.value.minus(sum(figs.map((f) => f!.value!))).abs().lessThanOrEqualTo(sumTolerance([total as never, ...figs]));
}

/**
 * A partial breakdown under a line (“其中：…” rows printed as lines of their own): one run of
 * lines right after a line, adding up to no more than it, whose leaving out — and only that —
 * makes the side add up. The run is read as part of that line (Row.within).
 */
function partialItems(t: StdTable, lines: Row[], total: { raw: string; value: Money | null }): boolean {
  for (let i = 0; i < lines.length - 1; i++) {
    const head = amountOf(lines[i])?.value;
    if (!head || head.isZero()) continue;
    let acc = new Money(0);
    for (let k = i + 1; k < lines.length; k++) {
      acc = acc.plus(amountOf(lines[k])?.value ?? 0);
      if (acc.greaterThan(head) || acc.isZero()) {
        if (acc.greaterThan(head)) break;
        continue;
      }
      const run = lines.slice(i + 1, k + 1);
      if (addsUp(total, lines.filter((r) => !run.includes(r)))) {
        for (const r of run) r.within = t.rows.indexOf(lines[i]);
        return true;
      }
    }
  }
  return false;
}

/**
 * Marks the items of group headings (Row.within) when that, and only that, makes the lines add up
 * to the total. A heading is a line whose amount equals the sum of the next one or more lines.
 */
function groupItems(t: StdTable, lines: Row[], total: { raw: string; value: Money | null }): boolean {
  const marks = new Map<Row, Row>();
  for (let i = 0; i < lines.length; i++) {
    const head = amountOf(lines[i]);
    if (!head?.value || marks.has(lines[i]) || head.value.isZero()) continue;
    let acc = new Money(0);
    const figs = [head];
    for (let k = i + 1; k < lines.length; k++) {
      const f = amountOf(lines[k]);
      if (f?.value) {
        acc = acc.plus(f.value);
        figs.push(f);
      }
      if (k > i && acc.minus(head.value).abs().lessThanOrEqualTo(sumTolerance(figs))) {
        for (let j = i + 1; j <= k; j++) marks.set(lines[j], lines[i]);
        i = k;
        break;
      }
      if (acc.greaterThan(head.value.abs())) break;
    }
  }
  if (!marks.size) return false;
  const rest = lines.filter((r) => !marks.has(r));
  if (!addsUp(total, rest)) return false;
  for (const [item, head] of marks) item.within = t.rows.indexOf(head);
  return true;
}

/** 类 = Σ 款, 款 = Σ 项 in every amount column, and the 合计 row = Σ 类. */
function hierarchy(t: StdTable): Identity[] {
  const out: Identity[] = [];
  // Each code's first printing; in a table of class blocks (301 under 501 and again under 505), every block's.
  const blocks = repeatsClasses(t.rows);
  const once = printedOnce(t.rows);
  const index = new Map(t.rows.map((r, i) => [r, i]));
  const coded = once.map((r) => ({ code: r.code!, i: index.get(r)!, row: r }));
  const keys = amountKeys(t);
  const economic = t.classification === 'economic' || (coded.length > 0 && coded.every((c) => /^[35]/.test(c.code)));
  const depths: [number, number][] = economic ? [[3, 5]] : [[3, 5], [5, 7]];
  for (const [pl, cl] of depths) {
    for (const p of coded.filter((c) => c.code.length === pl)) {
      const kids = childrenOf(once, p.row, cl, blocks).map((r) => ({ i: index.get(r)! }));
      if (!kids.length) continue;
      for (const key of keys) out.push({ total: { row: p.i, key }, parts: kids.map((k) => ({ row: k.i, key })), kind: 'hierarchy' });
    }
  }
  const total = t.rows.findIndex((r: Row) => (r.role === 'total' || r.role === 'grand-total') && !r.code && !r.side);
  const classes = coded.filter((c) => c.code.length === 3);
  if (total >= 0 && classes.length) {
    for (const key of keys) out.push({ total: { row: total, key }, parts: classes.map((c) => ({ row: c.i, key })), kind: 'total-row' });
  }
  return out;
}

interface Outcome {
  identity: Identity;
  /** total − Σ parts, null when the identity cannot be tested (blank total or every part blank). */
  delta: Money | null;
  holds: boolean;
}

function evaluate(t: StdTable, id: Identity): Outcome {
  const fig = (c: CellRef) => t.rows[c.row]?.values[c.key] ?? null;
  const total = fig(id.total);
  const parts = id.parts.map(fig).filter((f) => f && f.value);
  if (!total?.value || !parts.length) return { identity: id, delta: null, holds: true };
  const delta = total.value.minus(sum(parts.map((f) => f!.value!)));
  return { identity: id, delta, holds: delta.abs().lessThanOrEqualTo(sumTolerance([total, ...parts])) };
}

const cellId = (c: CellRef) => `${c.row}:${c.key}`;

/**
 * The fewest cells that explain every failed identity: a wrong printed figure makes each identity
 * it stands in fail by the same amount (as a total: +e; as a part: −e). Greedy, bounded.
 */
function suspects(failed: Outcome[], all: Outcome[]): CellRef[] | null {
  const remaining = new Set(failed);
  const chosen: CellRef[] = [];
  const byCell = new Map<string, Outcome[]>();
  for (const o of all) {
    for (const c of [o.identity.total, ...o.identity.parts]) {
      const list = byCell.get(cellId(c)) ?? [];
      list.push(o);
      byCell.set(cellId(c), list);
    }
  }
  while (remaining.size) {
    if (chosen.length >= MAX_SUSPECT_CELLS) return null;
    let best: { cell: CellRef; covers: Outcome[] } | null = null;
    const candidates = new Map<string, CellRef>();
    for (const o of remaining) for (const c of [o.identity.total, ...o.identity.parts]) candidates.set(cellId(c), c);
    for (const [id, cell] of candidates) {
      const involved = byCell.get(id) ?? [];
      // Every identity the cell stands in must fail, by one and the same error.
      let error: Money | null = null;
      let consistent = true;
      for (const o of involved) {
        if (o.holds) {
          consistent = false;
          break;
        }
        const e = cellId(o.identity.total) === id ? o.delta! : o.delta!.negated();
        if (error === null) error = e;
        else if (!error.minus(e).abs().lessThanOrEqualTo(new Money('0.011').times(involved.length))) {
          consistent = false;
          break;
        }
      }
      if (!consistent) continue;
      const covers = involved.filter((o) => remaining.has(o));
      if (covers.length && (!best || covers.length > best.covers.length)) best = { cell, covers };
    }
    if (!best) return null;
    chosen.push(best.cell);
    for (const o of best.covers) remaining.delete(o);
  }
  return chosen;
}

const KIND_WORDS: Record<Identity['kind'], string> = { row: '行内合计', hierarchy: '类款项逐级合计', 'total-row': '合计行' };

/**
 * Codes that no classification could print (2 or 4 digits, a 功能 code of 8): when they are many,
 * the code column was read wrong (类 | 款 | 项 printed in cells of their own and taken one by one),
 * which no identity would reveal when the amounts still add up.
 */
function misreadCodes(t: StdTable): string | null {
  const codes = t.rows.map((r) => r.code).filter((c): c is string => !!c && /^\d+$/.test(c));
  if (codes.length < 4) return null;
  const odd = codes.filter((c) => ![3, 5, 7].includes(c.length));
  if (odd.length * 3 < codes.length) return null;
  return `表中 ${codes.length} 个科目编码有 ${odd.length} 个不是 3、5、7 位（如“${odd[0]}”），编码栏可能未正确读取`;
}

export function verifyTable(t: StdTable): TableReading {
  if (t.empty) return { status: 'unchecked', checks: 0, failed: 0, reason: null };
  const codeDoubt = misreadCodes(t);
  if (codeDoubt) return { status: 'uncertain', checks: 0, failed: 0, reason: codeDoubt };
  const outcomes = identities(t).map((id) => evaluate(t, id)).filter((o) => o.delta !== null);
  const failed = outcomes.filter((o) => !o.holds);
  const base = { checks: outcomes.length, failed: failed.length };
  if (!outcomes.length) return { status: 'unchecked', ...base, reason: null };
  if (!failed.length) return { status: 'verified', ...base, reason: null };
  const cells = suspects(failed, outcomes);
  if (cells) return { status: 'verified', ...base, reason: null };
  const kinds = [...new Set(failed.map((o) => KIND_WORDS[o.identity.kind]))].join('、');
  const sample = failed[0].identity.total;
  const row = t.rows[sample.row];
  const label = row ? `${row.code ? `${row.code} ` : ''}${row.name.replace(/\s+/g, '')}` : '';
  return {
    status: 'uncertain',
    ...base,
    reason: `表内 ${outcomes.length} 项勾稽关系中有 ${failed.length} 项不成立（${kinds}，如“${label}”行），且不能归于个别数字的错误`,
  };
}
