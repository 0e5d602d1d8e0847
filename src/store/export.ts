/**
 * Line items of current versions as one tidy table (one amount per row), streamed in pages so an
 * export of every document never sits in memory at once.
 */
import { sql } from 'kysely';
import { Money } from '../model/money.js';
import type { Connection } from './open.js';
import { documentConditions, type DocumentFilter } from './filters.js';

export interface LineItemFilter extends DocumentFilter {
  /** Table kind, e.g. general-budget-expenditure. */
  table?: string;
  classification?: 'functional' | 'economic';
  /** Code prefix: 201 gives the class and all its sections and items. */
  code?: string;
  measure?: string;
}

export interface TidyRow {
  documentId: number;
  entity: string | null;
  region: string | null;
  year: number | null;
  kind: string;
  table: string;
  tableTitle: string;
  code: string | null;
  name: string;
  measure: string;
  /** Decimal text, exact. */
  amount: string;
}

export const TIDY_COLUMNS = ['entity', 'region', 'year', 'kind', 'table', 'table_title', 'code', 'name', 'measure', 'amount'] as const;

const PAGE = 2000;

export async function* lineItems(conn: Connection, filter: LineItemFilter = {}): AsyncGenerator<TidyRow> {
  let after = 0;
  for (;;) {
    const rows = await conn.db
      .selectFrom('line_items as li')
      // A line item counts when its version holds its table in the disclosure now (store/parts.ts).
      .innerJoin('document_parts as p', (j) =>
        j.onRef('p.version_id', '=', 'li.version_id').on((eb) => eb.or([eb('p.part', '=', sql<string>`'table:' || li.table_kind`), eb('p.part', '=', 'all')])),
      )
      .innerJoin('documents as d', 'd.id', 'p.document_id')
      .leftJoin('entities as e', 'e.id', 'li.entity_id')
      .where((eb) => {
        const c = [eb('li.id', '>', after), ...documentConditions(conn.dialect, filter, eb)];
        if (filter.table) c.push(eb('li.table_kind', '=', filter.table));
        if (filter.classification) c.push(eb('li.classification', '=', filter.classification));
        if (filter.code) c.push(eb('li.code', 'like', `${filter.code.replace(/[^0-9A-Za-z]/g, '')}%`));
        if (filter.measure) c.push(eb('li.measure', '=', filter.measure));
        return eb.and(c);
      })
      .select(['li.id', 'li.document_id', 'e.name', 'e.region', 'li.year', 'li.kind', 'li.table_kind', 'li.table_title', 'li.code', 'li.row_name', 'li.measure', 'li.amount'])
      .orderBy('li.id')
      .limit(PAGE)
      .execute();
    for (const r of rows) {
      yield {
        documentId: r.document_id,
        entity: r.name,
        region: r.region,
        year: r.year,
        kind: r.kind,
        table: r.table_kind,
        tableTitle: r.table_title,
        code: r.code,
        name: r.row_name,
        measure: r.measure,
        amount: amountText(r.amount),
      };
    }
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1].id;
  }
}

/** Same text from both back ends (PostgreSQL keeps NUMERIC scale, SQLite stores the shortest form): at least two decimals. */
export function amountText(v: string | number): string {
  const m = new Money(v);
  return m.decimalPlaces() < 2 ? m.toFixed(2) : m.toFixed();
}

function csvField(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * CSV text in chunks. It starts with a UTF-8 byte-order mark: Excel, which most finance staff open
 * CSV files in, otherwise reads the Chinese as the local code page.
 */
export async function* csvChunks(rows: AsyncIterable<TidyRow>): AsyncGenerator<string> {
  yield '\uFEFF' + TIDY_COLUMNS.join(',') + '\r\n';
  let buf = '';
  for await (const r of rows) {
    buf += [r.entity, r.region, r.year, r.kind, r.table, r.tableTitle, r.code, r.name, r.measure, r.amount].map(csvField).join(',') + '\r\n';
    if (buf.length > 64 * 1024) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}

/** A JSON array of tidy rows; amounts are written as JSON numbers from their exact decimal text. */
export async function* jsonChunks(rows: AsyncIterable<TidyRow>): AsyncGenerator<string> {
  yield '[';
  let first = true;
  let buf = '';
  for await (const r of rows) {
    const head = JSON.stringify({
      entity: r.entity,
      region: r.region,
      year: r.year,
      kind: r.kind,
      table: r.table,
      table_title: r.tableTitle,
      code: r.code,
      name: r.name,
      measure: r.measure,
    });
    buf += (first ? '\n' : ',\n') + head.slice(0, -1) + `,"amount":${r.amount}}`;
    first = false;
    if (buf.length > 64 * 1024) {
      yield buf;
      buf = '';
    }
  }
  yield buf + (first ? ']' : '\n]');
}
