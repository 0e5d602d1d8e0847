/**
 * A stored document's standard tables a page of rows at a time, from `line_items` (one row per
 * stated figure), never from the document's whole check result: a table of 100,000 rows costs a
 * page of the index, not the parse of a check result of hundreds of megabytes. A row without any
 * stated figure has no line item and is not listed (the full table, text included, is in the
 * check result: GET /api/documents/:id).
 */
import { sql } from 'kysely';
import { Money } from '../model/money.js';
import { versionId } from './documents.js';
import type { Connection } from './open.js';

export interface TableSummary {
  /** The table's place among the document's standard tables (`document.tables[index]`). */
  index: number;
  kind: string;
  title: string;
  classification: string | null;
  /** Rows with at least one stated figure. */
  rows: number;
}

export interface TableRowValues {
  /** The row's place in the table (`document.tables[index].rows[rowIndex]`). */
  rowIndex: number;
  code: string | null;
  name: string;
  level: string | null;
  role: string;
  side: string | null;
  /** Stated figures by column key (万元 unless the column is a count or a percentage). */
  values: Record<string, Money>;
}

export async function documentTables(conn: Connection, documentId: number, version?: number): Promise<TableSummary[] | null> {
  const id = await versionId(conn, documentId, version);
  if (id === null) return null;
  const rows = await conn.db
    .selectFrom('line_items')
    .select((eb) => [
      'table_index',
      eb.fn.min('table_kind').as('kind'),
      eb.fn.min('table_title').as('title'),
      eb.fn.min('classification').as('classification'),
      sql<number | string>`count(distinct row_index)`.as('rows'),
    ])
    .where('version_id', '=', id)
    .groupBy('table_index')
    .orderBy('table_index')
    .execute();
  return rows.map((r) => ({ index: r.table_index, kind: r.kind, title: r.title, classification: r.classification, rows: Number(r.rows) }));
}

export async function tableRows(
  conn: Connection,
  documentId: number,
  tableIndex: number,
  options: { version?: number; limit: number; offset: number },
): Promise<{ total: number; items: TableRowValues[] } | null> {
  const id = await versionId(conn, documentId, options.version);
  if (id === null) return null;
  const inTable = conn.db.selectFrom('line_items').where('version_id', '=', id).where('table_index', '=', tableIndex);
  const total = Number((await inTable.select(sql<number | string>`count(distinct row_index)`.as('n')).executeTakeFirstOrThrow()).n);
  if (total === 0) return null;
  // The page's row numbers first (from the index), then only their figures.
  const page = await inTable.select('row_index').groupBy('row_index').orderBy('row_index').limit(options.limit).offset(options.offset).execute();
  if (page.length === 0) return { total, items: [] };
  const first = page[0].row_index;
  const last = page[page.length - 1].row_index;
  const items = await inTable
    .select(['row_index', 'code', 'row_name', 'level', 'row_role', 'side', 'measure', 'amount'])
    .where('row_index', '>=', first)
    .where('row_index', '<=', last)
    .orderBy('row_index')
    .orderBy('id')
    .execute();
  const rows = new Map<number, TableRowValues>();
  for (const li of items) {
    let row = rows.get(li.row_index);
    if (!row) {
      row = { rowIndex: li.row_index, code: li.code, name: li.row_name, level: li.level, role: li.row_role, side: li.side, values: {} };
      rows.set(li.row_index, row);
    }
    row.values[li.measure] = new Money(li.amount);
  }
  return { total, items: [...rows.values()] };
}
