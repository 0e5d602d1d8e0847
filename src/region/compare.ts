/**
 * Comparisons of disclosures line by line: one entity across years, budget against final
 * accounts of the same year, departments side by side. Each side is the rows of one table (by
 * default 一般公共预算财政拨款支出表, column 合计) of one disclosure. Rows are matched by classification
 * code; a code one side lacks is matched to the other side's code of the same name at the same
 * level (re-coded between the catalog's yearly versions), and a code printed under two names is
 * still one row, said to be renamed (and whether the catalog's yearly versions know the rename).
 * A code the catalog records as replaced by another (`replacedBy`, a yearly 科目调整) is linked to
 * it whatever the names.
 * Amounts are decimals; the change and its percentage are of the last side against the first.
 */
import { catalog, Catalog, normalizeName } from '../catalog/index.js';
import { Money } from '../model/money.js';
import type { TidyColumn } from './tidy.js';

export interface CompareLine {
  code: string | null;
  name: string;
  level: string | null;
  /** Decimal text. */
  amount: string;
}

export interface CompareSide {
  /** What a person calls this side: “2021年预算”, “2022年决算”, an entity's name. */
  label: string;
  documentId: number;
  entity: string | null;
  year: number | null;
  kind: string;
  lines: CompareLine[];
}

export type LinkKind = 'code' | 'renamed' | 'recoded' | 'replaced' | 'name' | 'only';

export interface ComparisonRow {
  code: string | null;
  name: string;
  level: string | null;
  /** How the sides' rows were matched. */
  link: LinkKind;
  /** For people: the codes or names that differ between the sides. */
  note: string;
  /** One per side, in the sides' order; null where the side has no such row. */
  codes: (string | null)[];
  amounts: (string | null)[];
  /** Last side minus first; null unless both have the row. */
  change: string | null;
  /** change / first × 100, two decimals; null when the first is zero or missing. */
  percent: string | null;
}

export interface Comparison {
  sides: Omit<CompareSide, 'lines'>[];
  rows: ComparisonRow[];
}

export const LINK_NAMES: Record<LinkKind, string> = { code: '编码相同', renamed: '编码相同、名称改变', recoded: '名称相同、编码改变', replaced: '目录记载的科目调整', name: '按名称', only: '仅一方有' };

const LEVEL_RANK: Record<string, number> = { class: 0, section: 1, item: 2 };

interface Merged {
  code: string | null;
  name: string;
  level: string | null;
  amount: Money;
}

/** A side's rows by code (a code printed on two rows is added up), rows without a code by name. */
function merge(lines: CompareLine[]): Merged[] {
  const out = new Map<string, Merged>();
  for (const l of lines) {
    const key = l.code ? `c:${l.code}` : `n:${normalizeName(l.name)}`;
    const m = out.get(key);
    if (m) m.amount = m.amount.plus(l.amount);
    else out.set(key, { code: l.code, name: l.name, level: l.level, amount: new Money(l.amount) });
  }
  return [...out.values()];
}

function yearsOf(cat: Catalog, code: string, name: string): string | null {
  const scheme = Catalog.schemeOfCode(code);
  if (!scheme) return null;
  const v = cat.versions(scheme, code).find((x) => Catalog.sameName(name, [x.name, ...(x.aliases ?? [])]));
  if (!v) return null;
  return v.from || v.to ? `${v.from ?? ''}–${v.to ?? ''}` : null;
}

export function compareSides(sides: CompareSide[], cat: Catalog = catalog()): Comparison {
  const merged = sides.map((s) => merge(s.lines));
  // Row identity: the first side's code, else a later side's; names join codes that changed.
  const rows: { code: string | null; name: string; level: string | null; link: LinkKind; per: (Merged | null)[]; replacement?: { from: string; to: string; year: number | null } }[] = [];
  const byCode = new Map<string, (typeof rows)[number]>();
  const byName = new Map<string, (typeof rows)[number]>();
  const nameKey = (m: Merged) => `${m.level ?? ''}|${normalizeName(m.name)}`;
  merged.forEach((lines, side) => {
    for (const m of lines) {
      let row = m.code ? byCode.get(m.code) : undefined;
      if (row && !row.per[side]) {
        if (!Catalog.sameName(m.name, [row.name]) && !Catalog.sameName(row.name, [m.name])) row.link = 'renamed';
      } else {
        // A code no other side has: the row of the same name and level, if this side lacks it.
        const named = byName.get(nameKey(m));
        row = named && !named.per[side] && !(m.code && byCode.has(m.code)) ? named : undefined;
        if (row && row.code && m.code && row.code !== m.code) row.link = 'recoded';
        // Else a code the catalog says replaced, or was replaced by, a code another side printed.
        if (!row && m.code && !byCode.has(m.code)) {
          const scheme = Catalog.schemeOfCode(m.code);
          for (const r of scheme ? cat.replacements(scheme, m.code) : []) {
            const other = byCode.get(r.from === m.code ? r.to : r.from);
            if (other && !other.per[side]) {
              row = other;
              row.link = 'replaced';
              row.replacement = r;
              break;
            }
          }
        }
      }
      if (!row) {
        row = { code: m.code, name: m.name, level: m.level, link: 'only', per: sides.map(() => null) };
        rows.push(row);
        if (!byName.has(nameKey(m))) byName.set(nameKey(m), row);
      }
      row.per[side] = m;
      if (m.code && !byCode.has(m.code)) byCode.set(m.code, row);
    }
  });

  const out: ComparisonRow[] = rows.map((r) => {
    const present = r.per.filter((x): x is Merged => !!x);
    if (present.length < sides.length && r.link !== 'recoded' && r.link !== 'renamed' && r.link !== 'replaced') r.link = 'only';
    else if (r.link === 'only') r.link = r.code ? 'code' : 'name';
    const first = r.per[0];
    const last = r.per[r.per.length - 1];
    const change = first && last && sides.length > 1 ? last.amount.minus(first.amount) : null;
    const percent = change && first && !first.amount.isZero() ? change.div(first.amount).times(100).toFixed(2) : null;
    let note = '';
    if (r.link === 'recoded') note = `编码 ${r.per.map((x) => x?.code ?? '—').join(' → ')}`;
    else if (r.link === 'replaced' && r.replacement) {
      const { from, to, year } = r.replacement;
      note = `编码 ${r.per.map((x) => (x ? `${x.code} ${x.name}` : '—')).join(' → ')}（目录：${year ? `${year} 年起 ` : ''}${from} 改列 ${to}）`;
    }
    else if (r.link === 'renamed') {
      const names = r.per.map((x) => (x ? `${x.name}${r.code ? (yearsOf(cat, r.code, x.name) ? `（目录 ${yearsOf(cat, r.code, x.name)} 年）` : '（目录无此名称）') : ''}` : '—'));
      note = `名称 ${names.join(' → ')}`;
    } else if (r.link === 'only') note = `仅见于 ${sides.filter((_, i) => r.per[i]).map((s) => s.label).join('、')}`;
    return {
      code: r.code,
      name: last?.name ?? r.name,
      level: r.level,
      link: r.link,
      note,
      codes: r.per.map((x) => x?.code ?? null),
      amounts: r.per.map((x) => (x ? x.amount.toFixed(2) : null)),
      change: change ? change.toFixed(2) : null,
      percent,
    };
  });
  // Code order, rows without a code after, by level within equal prefixes.
  out.sort((a, b) => (a.code ?? '~' + a.name).localeCompare(b.code ?? '~' + b.name) || (LEVEL_RANK[a.level ?? ''] ?? 9) - (LEVEL_RANK[b.level ?? ''] ?? 9));
  return { sides: sides.map(({ lines: _lines, ...s }) => s), rows: out };
}

export interface TidyComparisonRow {
  side: string;
  sideIndex: number;
  row: ComparisonRow;
}

/** One row per line and side (tidy): what the CSV and Excel exports hold. */
export function tidyComparison(c: Comparison): TidyComparisonRow[] {
  return c.rows.flatMap((row) => c.sides.map((s, sideIndex) => ({ side: s.label, sideIndex, row })));
}

const LEVEL_NAMES: Record<string, string> = { class: '类', section: '款', item: '项' };

export const COMPARISON_COLUMNS: TidyColumn<TidyComparisonRow>[] = [
  { header: '科目编码', value: (r) => r.row.codes[r.sideIndex] ?? r.row.code },
  { header: '科目名称', value: (r) => r.row.name, width: 30 },
  { header: '级次', value: (r) => (r.row.level ? (LEVEL_NAMES[r.row.level] ?? r.row.level) : null) },
  { header: '对比项', value: (r) => r.side, width: 24 },
  { header: '金额（万元）', value: (r) => r.row.amounts[r.sideIndex] },
  { header: '增减（末项比首项，万元）', value: (r) => r.row.change },
  { header: '增减率（%）', value: (r) => r.row.percent },
  { header: '匹配方式', value: (r) => LINK_NAMES[r.row.link] },
  { header: '说明', value: (r) => r.row.note, width: 40 },
];
