/**
 * Writing one checked file: everything for it in one transaction, so a killed import leaves
 * either the whole document or nothing, and a re-run picks up where it stopped.
 */
import { sql, type Kysely } from 'kysely';
import { scopeKey } from '../region/names.js';
import { resolveEntity } from './entities.js';
import { isBusy, type Connection } from './open.js';
import type { DocumentRecord } from './record.js';
import { documentKey as keyOf, expandAll, rebuildCurrent, takeParts } from './parts.js';
import type { Database } from './schema.js';

export interface SaveResult {
  /** `duplicate`: a file with these exact bytes is already stored; nothing was written. */
  status: 'imported' | 'duplicate';
  documentId: number;
  versionId: number;
  version: number;
}

/** Bind-parameter budget per INSERT: SQLite allows 32766, PostgreSQL 65535. */
const MAX_PARAMS = 30000;

/** The key of the document a record belongs to before its entity is resolved (for display and tests). */
export function documentKey(r: Pick<DocumentRecord, 'entity' | 'year' | 'kind' | 'file'>): string {
  if (r.entity.name && r.year !== null) return `${r.entity.name}|${r.year}|${r.kind}|${scopeKey(r.entity.scope)}`;
  return `sha256:${r.file.sha256}`;
}

/**
 * `after` runs in the same transaction, once the document is written (or found already stored):
 * what it records commits or rolls back with the document (a queued file's outcome does).
 */
export async function saveRecord(
  conn: Connection,
  record: DocumentRecord,
  bytes: Buffer,
  after?: (trx: Kysely<Database>, result: SaveResult) => Promise<void>,
): Promise<SaveResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await inWriteTransaction(conn, async (trx) => {
        const result = await write(conn, trx, record, bytes);
        if (after) await after(trx, result);
        return result;
      });
    } catch (e) {
      // Another writer got there first (same file, same new document): the retry sees its rows.
      if (attempt < 4 && (isBusy(e) || isRetryablePg(e))) {
        await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
        continue;
      }
      throw e;
    }
  }
}

export async function inWriteTransaction<T>(conn: Connection, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (conn.dialect === 'postgres') return conn.db.transaction().execute(fn);
  // IMMEDIATE takes the write lock up front: a deferred transaction that reads first and then
  // writes fails with SQLITE_BUSY (no wait) when another process wrote in between.
  return conn.db.connection().execute(async (c) => {
    await sql`BEGIN IMMEDIATE`.execute(c);
    try {
      const out = await fn(c);
      await sql`COMMIT`.execute(c);
      return out;
    } catch (e) {
      await sql`ROLLBACK`.execute(c).catch(() => {});
      throw e;
    }
  });
}

async function write(conn: Connection, trx: Kysely<Database>, r: DocumentRecord, bytes: Buffer): Promise<SaveResult> {
  const existing = await trx
    .selectFrom('versions')
    .select(['id', 'document_id', 'version'])
    .where('sha256', '=', r.file.sha256)
    .executeTakeFirst();
  if (existing) return { status: 'duplicate', documentId: existing.document_id, versionId: existing.id, version: existing.version };

  const now = new Date().toISOString();
  const entityId = r.entity.name ? await resolveEntity(trx, { ...r.entity, name: r.entity.name }, now) : null;

  // 本级 and 汇总 are two budgets of one department: two documents, never versions of one.
  const scope = scopeKey(r.entity.scope);
  const key = keyOf(entityId, r, scope);
  await trx
    .insertInto('documents')
    .values({ key, entity_id: entityId, year: r.year, kind: r.kind, scope, current_version_id: null, version_count: 0, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  let docQuery = trx.selectFrom('documents').select(['id', 'version_count', 'current_version_id']).where('key', '=', key);
  if (conn.dialect === 'postgres') docQuery = docQuery.forUpdate();
  const doc = await docQuery.executeTakeFirstOrThrow();
  const version = doc.version_count + 1;

  const versionId = await insertVersion(trx, doc.id, entityId, version, r, now, bytes);

  // A file of the same disclosure takes over the parts it holds; the others stay with their files.
  await expandAll(trx, doc.id);
  await takeParts(trx, doc.id, versionId, r.parts);
  await rebuildCurrent(trx, conn.dialect, doc.id, { versionId, record: r });

  await trx
    .updateTable('documents')
    // Entity, year and kind are the document's key: written when the row was made, never changed.
    // (Setting them again is not free: with foreign keys on it cost about 1 ms a save.)
    .set({ current_version_id: versionId, version_count: version, updated_at: now })
    .where('id', '=', doc.id)
    .execute();

  return { status: 'imported', documentId: doc.id, versionId, version };
}

async function insertChunked<T extends 'line_items' | 'findings' | 'indicators'>(
  trx: Kysely<Database>,
  table: T,
  rows: Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const perRow = Object.keys(rows[0]).length;
  const size = Math.max(1, Math.floor(MAX_PARAMS / perRow));
  for (let i = 0; i < rows.length; i += size) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + size) as never)
      .execute();
  }
}

function isRetryablePg(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  // unique_violation (a concurrent writer inserted the same file), serialization failure, deadlock.
  return code === '23505' || code === '40001' || code === '40P01';
}

/** One version's rows: the version with its check result, its original, line items, findings, projects. */
async function insertVersion(
  trx: Kysely<Database>,
  docId: number,
  entityId: number | null,
  version: number,
  r: DocumentRecord,
  now: string,
  bytes: Buffer | null,
  combines?: number[],
): Promise<number> {
  const inserted = await trx
    .insertInto('versions')
    .values({
      document_id: docId,
      version,
      sha256: r.file.sha256,
      file_name: r.file.fileName,
      source_path: r.file.sourcePath,
      format: r.format,
      size: r.file.size,
      pages: r.pages,
      title: r.title,
      imported_at: now,
      entity_name: r.entity.name,
      scope: r.entity.scope,
      parts: combines ? '' : r.parts.join(','),
      combines: combines ? combines.join(',') : null,
      stated_on: r.statedOn,
      errors: r.counts.error,
      warnings: r.counts.warning,
      infos: r.counts.info,
      ...r.summary,
      result_gz: Buffer.from(r.jsonGz.buffer, r.jsonGz.byteOffset, r.jsonGz.byteLength),
      score_gz: Buffer.from(r.scoreGz.buffer, r.scoreGz.byteOffset, r.scoreGz.byteLength),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const versionId = inserted.id;

  // A check of several files has no file of its own: its originals are those of the versions it joins.
  if (bytes) {
    await trx
      .insertInto('originals')
      .values({ sha256: r.file.sha256, bytes })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
  }

  const common = { version_id: versionId, document_id: docId };
  await insertChunked(
    trx,
    'line_items',
    r.lineItems.map((li) => ({
      ...common,
      entity_id: entityId,
      year: r.year,
      kind: r.kind,
      table_index: li.tableIndex,
      table_kind: li.tableKind,
      table_title: li.tableTitle,
      classification: li.classification,
      code: li.code,
      level: li.level,
      row_index: li.rowIndex,
      row_name: li.rowName,
      row_role: li.rowRole,
      side: li.side,
      measure: li.measure,
      amount: li.amount,
    })),
  );
  await insertChunked(
    trx,
    'findings',
    r.findings.map((f) => ({ ...common, rule: f.rule, severity: f.severity, message: f.message, location: f.location, finding_json: f.json })),
  );
  for (const p of r.projects) {
    const { id: projectId } = await trx
      .insertInto('projects')
      .values({
        ...common,
        entity_id: entityId,
        year: r.year,
        source: p.source,
        name: p.name,
        code: p.code,
        unit: p.unit,
        budget: p.budget,
        fiscal_funds: p.fiscalFunds,
        other_funds: p.otherFunds,
        executed: p.executed,
        score: p.score,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertChunked(
      trx,
      'indicators',
      p.indicators.map((i) => ({
        project_id: projectId,
        version_id: versionId,
        level1: i.level1,
        level2: i.level2,
        level3: i.level3,
        target: i.target,
        actual: i.actual,
        weight: i.weight,
        score: i.score,
      })),
    );
  }
  return versionId;
}

/**
 * The check of a document's parts together (the 说明 in one file, the tables in another), saved as
 * a version that joins their versions: it becomes the current version, so what a reviewer sees
 * includes the checks between the parts. The parts stay with the files that hold them, so
 * aggregates and comparisons are unchanged. A combination already stored (same files) is a no-op.
 */
export async function saveCombined(conn: Connection, documentId: number, r: DocumentRecord, combines: number[]): Promise<SaveResult> {
  return inWriteTransaction(conn, async (trx) => {
    const existing = await trx.selectFrom('versions').select(['id', 'document_id', 'version']).where('sha256', '=', r.file.sha256).executeTakeFirst();
    if (existing) return { status: 'duplicate', documentId: existing.document_id, versionId: existing.id, version: existing.version };
    let docQuery = trx.selectFrom('documents').select(['id', 'entity_id', 'version_count']).where('id', '=', documentId);
    if (conn.dialect === 'postgres') docQuery = docQuery.forUpdate();
    const doc = await docQuery.executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    const version = doc.version_count + 1;
    const versionId = await insertVersion(trx, doc.id, doc.entity_id, version, r, now, null, combines);
    await trx.updateTable('documents').set({ current_version_id: versionId, version_count: version, updated_at: now }).where('id', '=', doc.id).execute();
    return { status: 'imported', documentId: doc.id, versionId, version };
  });
}
