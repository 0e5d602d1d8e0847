/**
 * Parts of one disclosure. A department often publishes its 说明 and its 表格 as two files, and
 * the 绩效目标表 as a third: they are one disclosure (same entity, year, kind and scope). Each file
 * is a version of the document; `document_parts` says which version holds each part now
 * (`table:<kind>` per standard table, `narrative`, `targets`, `self-evaluation`). A new file
 * takes over only the parts it holds. The current-version tables (current.ts) are built from the
 * combination, so search sees all parts and aggregates count each figure once:
 * - 类 totals come from the version that holds that table kind;
 * - each headline amount from the version holding most standard tables that states it, else from
 *   the others (the 说明) — the order a single file's summary follows (tables first, else text).
 */
import { gunzipSync } from 'node:zlib';
import type { Kysely } from 'kysely';
import { replaceCurrent } from './current.js';
import { gramsOf } from './grams.js';
import { SUMMARY_COLUMNS, type Dialect, type SummaryColumn } from './schema.js';
import { classTotals, partsOf, searchTexts, type ClassTotalRecord, type DocumentRecord, type SearchRecord } from './record.js';
import type { Database } from './schema.js';

/** The document key: entity, year, kind and scope when known, else the file stands alone. */
export function documentKey(entityId: number | null, r: Pick<DocumentRecord, 'year' | 'kind' | 'file'>, scope: 'own' | 'all'): string {
  if (entityId !== null && r.year !== null) return `${entityId}|${r.year}|${r.kind}|${scope}`;
  return `sha256:${r.file.sha256}`;
}

/** Makes `versionId` the holder of `parts` of the document. */
export async function takeParts(trx: Kysely<Database>, documentId: number, versionId: number, parts: string[]): Promise<void> {
  await trx.deleteFrom('document_parts').where('document_id', '=', documentId).where('part', 'in', parts).execute();
  await trx
    .insertInto('document_parts')
    .values(parts.map((part) => ({ document_id: documentId, part, version_id: versionId })))
    .execute();
}

export interface FreshVersion {
  versionId: number;
  record: DocumentRecord;
}

/** Rebuilds the document's current-version rows from the versions that hold its parts. */
export async function rebuildCurrent(trx: Kysely<Database>, dialect: Dialect, documentId: number, fresh?: FreshVersion): Promise<void> {
  const doc = await trx.selectFrom('documents').select(['entity_id', 'year', 'kind']).where('id', '=', documentId).executeTakeFirstOrThrow();
  const parts = await trx.selectFrom('document_parts').select(['part', 'version_id']).where('document_id', '=', documentId).execute();
  const holders = new Map<number, string[]>();
  for (const p of parts) holders.set(p.version_id, [...(holders.get(p.version_id) ?? []), p.part]);
  const base = { documentId, entityId: doc.entity_id, year: doc.year, kind: doc.kind };

  // One file holds everything (the common case): its own rows, as before parts existed.
  if (fresh && holders.size === 1 && holders.has(fresh.versionId)) {
    const r = fresh.record;
    await replaceCurrent(trx, dialect, { ...base, versionId: fresh.versionId, search: r.search, grams: r.grams, classTotals: r.classTotals, summary: r.summary });
    return;
  }

  // Most standard tables first; among equals the later file.
  const order = [...holders.entries()]
    .map(([versionId, held]) => ({ versionId, held, tables: held.filter((p) => p.startsWith('table:') || p === 'all').length }))
    .sort((a, b) => b.tables - a.tables || b.versionId - a.versionId);
  if (order.length === 0) return;

  const summary = Object.fromEntries(SUMMARY_COLUMNS.map((c) => [c, null])) as Record<SummaryColumn, string | null>;
  const search: SearchRecord[] = [];
  const totals: ClassTotalRecord[] = [];
  for (const { versionId, held } of order) {
    const v = await trx
      .selectFrom('versions')
      .select([...SUMMARY_COLUMNS, 'result_gz'])
      .where('id', '=', versionId)
      .executeTakeFirstOrThrow();
    for (const c of SUMMARY_COLUMNS) if (summary[c] === null && v[c] !== null) summary[c] = String(v[c]);
    const texts = fresh?.versionId === versionId ? fresh.record.search : searchTexts(JSON.parse(gunzipSync(v.result_gz).toString('utf8')).document);
    for (const t of texts) if (!search.some((s) => s.field === t.field && s.text === t.text)) search.push(t);
    const all = held.includes('all');
    const kinds = held.filter((p) => p.startsWith('table:')).map((p) => p.slice('table:'.length));
    if (!all && kinds.length === 0) continue;
    let items = trx
      .selectFrom('line_items')
      .select(['table_index', 'level', 'classification', 'table_kind', 'measure', 'code', 'row_name', 'amount'])
      .where('version_id', '=', versionId)
      .where('level', '=', 'class')
      .where('classification', 'is not', null);
    if (!all) items = items.where('table_kind', 'in', kinds);
    const rows = await items.orderBy('id').execute();
    totals.push(...classTotals(rows.map((r) => ({ tableIndex: r.table_index, level: r.level, classification: r.classification, tableKind: r.table_kind, measure: r.measure, code: r.code, rowName: r.row_name, amount: String(r.amount) }))));
  }
  await replaceCurrent(trx, dialect, { ...base, versionId: order[0].versionId, search, grams: gramsOf(search), classTotals: totals, summary });
}

/**
 * Turns a document of a store written before parts existed (one row `all`) into its explicit parts,
 * read from the version's check result, so a new file replaces only what it repeats.
 */
export async function expandAll(trx: Kysely<Database>, documentId: number): Promise<void> {
  const all = await trx.selectFrom('document_parts').select('version_id').where('document_id', '=', documentId).where('part', '=', 'all').executeTakeFirst();
  if (!all) return;
  const v = await trx.selectFrom('versions').select('result_gz').where('id', '=', all.version_id).executeTakeFirstOrThrow();
  const parts = partsOf(JSON.parse(gunzipSync(v.result_gz).toString('utf8')).document);
  await trx.deleteFrom('document_parts').where('document_id', '=', documentId).where('part', '=', 'all').execute();
  const taken = new Set((await trx.selectFrom('document_parts').select('part').where('document_id', '=', documentId).execute()).map((p) => p.part));
  const rest = parts.filter((p) => !taken.has(p));
  if (rest.length) await trx.insertInto('document_parts').values(rest.map((part) => ({ document_id: documentId, part, version_id: all.version_id }))).execute();
  await trx.updateTable('versions').set({ parts: parts.join(',') }).where('id', '=', all.version_id).execute();
}

/**
 * Moves a document to another entity (a reviewer merged or split entities). When the entity has
 * the same disclosure already, the two become one: the moved files become its later versions and
 * each part is held by the later file that holds it.
 */
export async function moveDocument(trx: Kysely<Database>, dialect: Dialect, documentId: number, entityId: number): Promise<void> {
  const doc = await trx.selectFrom('documents').selectAll().where('id', '=', documentId).executeTakeFirstOrThrow();
  const scope = doc.scope === 'own' ? 'own' : 'all';
  const key = doc.year !== null ? `${entityId}|${doc.year}|${doc.kind}|${scope}` : doc.key;
  const other = await trx.selectFrom('documents').selectAll().where('key', '=', key).where('id', '!=', documentId).executeTakeFirst();
  const relabel = async (fromDoc: number, toDoc: number) => {
    for (const t of ['line_items', 'projects'] as const) {
      await trx.updateTable(t).set({ entity_id: entityId, document_id: toDoc }).where('document_id', '=', fromDoc).execute();
    }
    await trx.updateTable('findings').set({ document_id: toDoc }).where('document_id', '=', fromDoc).execute();
  };
  if (!other) {
    await trx.updateTable('documents').set({ key, entity_id: entityId }).where('id', '=', documentId).execute();
    await relabel(documentId, documentId);
    await rebuildCurrent(trx, dialect, documentId);
    return;
  }
  await expandAll(trx, documentId);
  await expandAll(trx, other.id);
  const moved = await trx.selectFrom('versions').select(['id', 'version']).where('document_id', '=', documentId).orderBy('version').execute();
  let n = other.version_count;
  for (const v of moved) await trx.updateTable('versions').set({ document_id: other.id, version: ++n }).where('id', '=', v.id).execute();
  const mine = await trx.selectFrom('document_parts').select(['part', 'version_id']).where('document_id', '=', documentId).execute();
  const theirs = new Map((await trx.selectFrom('document_parts').select(['part', 'version_id']).where('document_id', '=', other.id).execute()).map((p) => [p.part, p.version_id]));
  for (const p of mine) {
    const held = theirs.get(p.part);
    if (held === undefined || held < p.version_id) await takeParts(trx, other.id, p.version_id, [p.part]);
  }
  await trx.deleteFrom('document_parts').where('document_id', '=', documentId).execute();
  await relabel(documentId, other.id);
  for (const t of ['search_docs', 'class_totals', 'summary_totals'] as const) await trx.deleteFrom(t).where('document_id', '=', documentId).execute();
  const latest = moved.length ? Math.max(other.current_version_id ?? 0, ...moved.map((v) => v.id)) : other.current_version_id;
  await trx.updateTable('documents').set({ version_count: n, current_version_id: latest, updated_at: new Date().toISOString() }).where('id', '=', other.id).execute();
  await trx.deleteFrom('documents').where('id', '=', documentId).execute();
  await rebuildCurrent(trx, dialect, other.id);
}

/** A file that holds parts of a document now, with its original. */
export interface PartFile {
  versionId: number;
  fileName: string;
  sha256: string;
  bytes: Buffer;
}

/**
 * The files that hold the parts of a document now, when there are several: the one holding the
 * 说明 first (it carries the title and the text the tables are checked against), then the others
 * in the order they were imported. Null when one file holds everything.
 */
export async function partFiles(conn: { db: Kysely<Database> }, documentId: number): Promise<PartFile[] | null> {
  const parts = await conn.db.selectFrom('document_parts').select(['part', 'version_id']).where('document_id', '=', documentId).execute();
  const holders = [...new Set(parts.map((p) => p.version_id))];
  if (holders.length < 2) return null;
  const narrative = new Set(parts.filter((p) => p.part === 'narrative' || p.part === 'all').map((p) => p.version_id));
  holders.sort((a, b) => Number(narrative.has(b)) - Number(narrative.has(a)) || a - b);
  const rows = await conn.db
    .selectFrom('versions as v')
    .innerJoin('originals as o', 'o.sha256', 'v.sha256')
    .select(['v.id', 'v.file_name', 'v.sha256', 'o.bytes'])
    .where('v.id', 'in', holders)
    .execute();
  if (rows.length !== holders.length) return null;
  return holders.map((id) => {
    const r = rows.find((x) => x.id === id)!;
    return { versionId: id, fileName: r.file_name, sha256: r.sha256, bytes: Buffer.from(r.bytes) };
  });
}
