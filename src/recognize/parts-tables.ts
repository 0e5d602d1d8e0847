/** Tables of the 说明 that become their own parts of the model: units, procurement, assets. */
import type { AssetRow, OrgUnit, ProcurementItem, StdTable } from '../model/disclosure.js';
import { squash, type Cell } from '../read/doc.js';

export function isUnitsTable(rows: Cell[][]): boolean {
  return rows.slice(0, 3).some((r) => {
    const t = r.map((c) => squash(c.text));
    return t.some((x) => /^单位名称$/.test(x)) && t.some((x) => /单位(基本)?性质|经费(保障)?形式|单位规格/.test(x));
  });
}

export function orgUnits(rows: Cell[][]): OrgUnit[] {
  const headerAt = rows.findIndex((r) => r.some((c) => /^单位名称$/.test(squash(c.text))));
  const header = rows[headerAt].map((c) => squash(c.text));
  const col = (re: RegExp) => header.findIndex((h) => re.test(h));
  const name = col(/^单位名称$/);
  const nature = col(/性质/);
  const rank = col(/规格|级别/);
  const funding = col(/经费/);
  const out: OrgUnit[] = [];
  for (const r of rows.slice(headerAt + 1)) {
    const get = (i: number) => (i >= 0 ? (r[i]?.text.trim() ?? '') : '');
    const n = get(name).replace(/\s+/g, '');
    if (!n) continue;
    out.push({ name: n, nature: get(nature) || null, rank: get(rank) || null, funding: get(funding).replace(/\s+/g, '') || null, loc: { ...r[name].loc, col: undefined } });
  }
  return out;
}

export function procurementItems(t: StdTable): ProcurementItem[] {
  const SOURCE_KEYS = ['generalBudget', 'govFund', 'stateCapital', 'fiscalSpecial', 'unitFunds', 'fiscalCarryOver', 'nonFiscalCarryOver', 'fiscal', 'other'];
  return t.rows.map((r) => {
    const bySource: ProcurementItem['bySource'] = {};
    for (const k of SOURCE_KEYS) if (k in r.values) bySource[k] = r.values[k];
    // A row naming a budget unit or fund type (单位编码 printed) heads the items under it.
    const role: ProcurementItem['role'] = r.role === 'total' || /^合计$/.test(r.name) ? 'total' : /小计$/.test(r.name) ? 'subtotal' : r.texts?.unitCode ? 'group' : 'line';
    return {
      // A total row names no project; a subtotal's label says whose items it adds up.
      project: role === 'total' ? null : r.name || null,
      projectBudget: r.values.projectBudget ?? null,
      item: r.texts?.item ?? '',
      catalogCode: r.texts?.catalogCode ?? null,
      measure: r.texts?.measure ?? null,
      quantity: r.values.quantity ?? null,
      unitPrice: r.values.unitPrice ?? null,
      amount: r.values.total ?? r.values.amount ?? null,
      bySource,
      role,
      loc: r.loc,
    };
  });
}

export function assetRows(t: StdTable): AssetRow[] {
  return t.rows
    .filter((r) => r.key)
    .map((r) => ({ name: r.name, key: r.key!, quantity: r.values.quantity ?? null, value: r.values.amount ?? r.values.value ?? null, loc: r.loc }));
}
