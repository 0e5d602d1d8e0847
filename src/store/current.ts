/**
 * Tables that hold each document's current version only, derived from what a save writes: the
 * search text (`search_docs`, with its indexes), the 类 totals (`class_totals`) and the headline
 * amounts (`summary_totals`). Search and aggregates read these and never join through versions
 * to find which one is current. A new version replaces the document's rows in the same
 * transaction, so they never disagree with `documents.current_version_id`.
 */
import { sql, type Kysely } from 'kysely';
import { SUMMARY_COLUMNS, type Dialect, type SummaryColumn } from './schema.js';
import { SEARCH_FIELDS, type SearchField } from './grams.js';
import type { ClassTotalRecord, SearchRecord } from './record.js';
import type { Database } from './schema.js';
import { toUnits } from './units.js';

export interface CurrentRows {
  documentId: number;
  versionId: number;
  entityId: number | null;
  year: number | null;
  kind: string;
  search: SearchRecord[];
  grams: string;
  classTotals: ClassTotalRecord[];
  summary: Record<SummaryColumn, string | null>;
}

/** Each field's texts joined by newlines, in the order the document has them. */
export function searchColumns(search: SearchRecord[]): Record<SearchField, string> {
  const parts: Record<SearchField, string[]> = { entity: [], title: [], project: [], paragraph: [] };
  for (const s of search) parts[s.field].push(s.text);
  return Object.fromEntries(SEARCH_FIELDS.map((f) => [f, parts[f].join('\n')])) as Record<SearchField, string>;
}

export async function replaceCurrent(trx: Kysely<Database>, dialect: Dialect, r: CurrentRows): Promise<void> {
  // The SQLite triggers on search_docs keep both FTS indexes in step with these deletes.
  await trx.deleteFrom('search_docs').where('document_id', '=', r.documentId).execute();
  await trx.deleteFrom('class_totals').where('document_id', '=', r.documentId).execute();
  await trx.deleteFrom('summary_totals').where('document_id', '=', r.documentId).execute();

  const text = searchColumns(r.search);
  if (dialect === 'postgres') {
    await trx
      .insertInto('search_docs')
      .values({
        document_id: r.documentId,
        version_id: r.versionId,
        ...text,
        // array_to_tsvector takes the tokens as they are (no parser, no dictionary).
        grams: sql<string>`array_to_tsvector(string_to_array(${r.grams}, ' '))` as never,
      })
      .execute();
  } else {
    await trx
      .insertInto('search_docs')
      .values({ document_id: r.documentId, version_id: r.versionId, ...text })
      .execute();
    await sql`INSERT INTO search_grams(rowid, grams) VALUES (${r.documentId}, ${r.grams})`.execute(trx);
  }

  const common = { document_id: r.documentId, version_id: r.versionId, entity_id: r.entityId, year: r.year, kind: r.kind };
  if (r.classTotals.length > 0) {
    await trx
      .insertInto('class_totals')
      .values(
        r.classTotals.map((t) => ({
          ...common,
          classification: t.classification,
          table_kind: t.tableKind,
          measure: t.measure,
          code: t.code,
          name: t.name,
          amount: t.amount,
          amount_units: toUnits(t.amount),
        })),
      )
      .execute();
  }
  const summary: Record<string, string | number | null> = {};
  for (const c of SUMMARY_COLUMNS) {
    summary[c] = r.summary[c];
    summary[`${c}_units`] = toUnits(r.summary[c]);
  }
  await trx
    .insertInto('summary_totals')
    .values({ ...common, ...summary } as never)
    .execute();
}
