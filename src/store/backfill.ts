/**
 * Filling the current-version tables (current.ts) of a store written before they existed, from
 * its per-paragraph search rows, 类 line items and version amounts; a batch of documents at a
 * time, so a large store is never read into memory at once.
 */
import type { Kysely } from 'kysely';
import { replaceCurrent } from './current.js';
import { gramsOf, type SearchField } from './grams.js';
import type { Dialect } from './migrations.js';
import { SUMMARY_COLUMNS, type SummaryColumn } from './migrations.js';
import { classTotals, decimalText, type SearchRecord } from './record.js';
import type { Database } from './schema.js';

const BATCH = 200;

export async function backfillCurrent(db: Kysely<any>, dialect: Dialect): Promise<void> {
  let after = 0;
  for (;;) {
    const docs: { id: number; current_version_id: number; entity_id: number | null; year: number | null; kind: string }[] = await db
      .selectFrom('documents')
      .select(['id', 'current_version_id', 'entity_id', 'year', 'kind'])
      .where('id', '>', after)
      .where('current_version_id', 'is not', null)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (docs.length === 0) return;
    after = docs[docs.length - 1].id;
    const versionIds = docs.map((d) => d.current_version_id);

    const texts: { version_id: number; field: SearchField; text: string }[] = await db
      .selectFrom('search_text')
      .select(['version_id', 'field', 'text'])
      .where('version_id', 'in', versionIds)
      .orderBy('rank')
      .orderBy('id')
      .execute();
    const items: { version_id: number; level: string; classification: string; table_kind: string; measure: string; code: string | null; row_name: string; amount: string | number }[] =
      await db
        .selectFrom('line_items')
        .select(['version_id', 'level', 'classification', 'table_kind', 'measure', 'code', 'row_name', 'amount'])
        .where('version_id', 'in', versionIds)
        .where('level', '=', 'class')
        .where('classification', 'is not', null)
        .orderBy('id')
        .execute();
    const versions: ({ id: number } & Record<SummaryColumn, string | number | null>)[] = await db
      .selectFrom('versions')
      .select(['id', ...SUMMARY_COLUMNS])
      .where('id', 'in', versionIds)
      .execute();

    const byVersion = <T extends { version_id: number }>(rows: T[]) => {
      const out = new Map<number, T[]>();
      for (const r of rows) out.set(r.version_id, [...(out.get(r.version_id) ?? []), r]);
      return out;
    };
    const textsOf = byVersion(texts);
    const itemsOf = byVersion(items);
    const versionOf = new Map(versions.map((v) => [v.id, v]));

    for (const d of docs) {
      const search: SearchRecord[] = (textsOf.get(d.current_version_id) ?? []).map((t) => ({ field: t.field, text: t.text }));
      const v = versionOf.get(d.current_version_id);
      const summary = Object.fromEntries(
        SUMMARY_COLUMNS.map((c) => [c, v?.[c] === null || v?.[c] === undefined ? null : decimalText(v[c] as string)]),
      ) as Record<SummaryColumn, string | null>;
      await replaceCurrent(db as Kysely<Database>, dialect, {
        documentId: d.id,
        versionId: d.current_version_id,
        entityId: d.entity_id,
        year: d.year,
        kind: d.kind,
        search,
        grams: gramsOf(search),
        classTotals: classTotals(
          (itemsOf.get(d.current_version_id) ?? []).map((li) => ({
            level: li.level,
            classification: li.classification,
            tableKind: li.table_kind,
            measure: li.measure,
            code: li.code,
            rowName: li.row_name,
            amount: decimalText(li.amount),
          })),
        ),
        summary,
      });
    }
  }
}
