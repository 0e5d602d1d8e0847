/**
 * What a disclosure must contain (《地方预决算公开操作规程》; national transparency checks, domain.md §9):
 * the nine standard tables, empty tables with their note, the parts of the 说明, performance target
 * tables for the projects, classification detail (functional to 项, economic to 款), the 三公 split.
 */
import type { Disclosure, StdTable, TableKind } from '../../model/disclosure.js';
import { TABLE_KINDS } from '../../model/table-kinds.js';
import { val } from './figures.js';
import { cellLocation, codeRows, rowLabel } from './tables.js';

/** The nine tables every budget and final-accounts disclosure publishes (table-kinds.ts `standard`). */
export const STANDARD: TableKind[] = TABLE_KINDS.filter((k) => k.standard).map((k) => k.id);

export const STANDARD_KINDS = new Set<TableKind>(STANDARD);

/**
 * Whether the document carries the standard tables at all. A 三公 table alone does not count:
 * the 说明 prints its own 三公 table even when the nine tables are published separately.
 */
export function hasStandardTables(doc: Disclosure): boolean {
  return doc.tables.some((t) => STANDARD_KINDS.has(t.kind) && t.kind !== 'three-public');
}

export const has = (re: RegExp) => (_: Disclosure, text: string) => re.test(text);

export function detail(t: StdTable, parentLen: number, childLen: number): { code: string; label: string; loc: Record<string, unknown> & { where: string } }[] {
  const rows = codeRows(t);
  const out: { code: string; label: string; loc: Record<string, unknown> & { where: string } }[] = [];
  for (const r of rows) {
    if (r.code!.length !== parentLen) continue;
    if (!Object.values(r.values).some((f) => val(f) && !val(f)!.isZero())) continue;
    if (rows.some((c) => c.code!.length === childLen && c.code!.startsWith(r.code!))) continue;
    out.push({ code: r.code!, label: rowLabel(r), loc: cellLocation(t, r) });
  }
  return out;
}
