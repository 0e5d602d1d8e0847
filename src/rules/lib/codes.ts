/**
 * Classification codes (政府收支分类科目): names as the catalog gives them for the document's year,
 * codes the catalog knows, well-formed codes, and the hierarchy (a 项 under its 款 and 类).
 */
import { Catalog, type Scheme } from '../../catalog/index.js';
import type { Disclosure, Row, StdTable } from '../../model/disclosure.js';
import { codeRows } from './tables.js';

interface CodedRow {
  t: StdTable;
  r: Row;
  scheme: Scheme;
}

/** Every coded row of the standard tables (收支总表 类 rows included), with its scheme. */
export function codedRows(doc: Disclosure): CodedRow[] {
  const out: CodedRow[] = [];
  for (const t of doc.tables) {
    for (const r of codeRows(t)) {
      const scheme = Catalog.schemeOfCode(r.code!);
      if (scheme) out.push({ t, r, scheme });
    }
  }
  return out;
}

export function yearsOf(v: { from?: number; to?: number }): string {
  if (v.from && v.to) return v.from === v.to ? `${v.from}年` : `${v.from}–${v.to}年`;
  if (v.from) return `${v.from}年起`;
  if (v.to) return `${v.to}年及以前`;
  return '各年';
}
