/**
 * Reviewers' verdicts on findings (table `finding_reviews`): confirmed or dismissed, with a reason,
 * kept with the version the finding belongs to. A finding is named by its position in the
 * version's findings; its rule and message are stored beside and must match when a verdict is
 * given, so a verdict can never attach to a different finding.
 */
import type { Generated, Selectable } from 'kysely';
import type { Connection } from './open.js';

export interface FindingReviewTable {
  id: Generated<number>;
  document_id: number;
  version_id: number;
  finding_index: number;
  rule: string;
  message: string;
  status: string;
  reason: string;
  reviewer: string | null;
  reviewed_at: string;
}

export type VerdictStatus = 'confirmed' | 'dismissed';

export interface Verdict {
  /** Position of the finding in the version's findings (0-based). */
  index: number;
  rule: string;
  message: string;
  status: VerdictStatus;
  reason: string;
  reviewer: string | null;
  reviewedAt: string;
}

export interface VerdictExportRow extends Verdict {
  documentId: number;
  version: number;
  entity: string | null;
  region: string | null;
  year: number | null;
  kind: string;
  fileName: string;
}

/** Why a verdict was not recorded; the API turns it into a 404 or 409. */
export class VerdictError extends Error {
  constructor(
    readonly kind: 'not-found' | 'mismatch',
    message: string,
  ) {
    super(message);
  }
}

function db(conn: Connection) {
  return conn.db.withTables<{ finding_reviews: FindingReviewTable }>();
}

async function versionOf(conn: Connection, documentId: number, version?: number): Promise<{ id: number; version: number } | null> {
  let q = conn.db.selectFrom('versions as v').select(['v.id', 'v.version']).where('v.document_id', '=', documentId);
  if (version === undefined) q = q.innerJoin('documents as d', 'd.current_version_id', 'v.id');
  else q = q.where('v.version', '=', version);
  return (await q.executeTakeFirst()) ?? null;
}

function toVerdict(r: Omit<Selectable<FindingReviewTable>, 'id'>): Verdict {
  return {
    index: r.finding_index,
    rule: r.rule,
    message: r.message,
    status: r.status as VerdictStatus,
    reason: r.reason,
    reviewer: r.reviewer,
    reviewedAt: r.reviewed_at,
  };
}

/** The verdicts on one version (the current one unless named); null when there is no such version. */
export async function listVerdicts(conn: Connection, documentId: number, version?: number): Promise<Verdict[] | null> {
  const v = await versionOf(conn, documentId, version);
  if (!v) return null;
  const rows = await db(conn).selectFrom('finding_reviews').selectAll().where('version_id', '=', v.id).orderBy('finding_index').execute();
  return rows.map(toVerdict);
}

export async function setVerdict(
  conn: Connection,
  documentId: number,
  index: number,
  input: { version?: number; status: VerdictStatus; reason: string; reviewer?: string | null; rule: string },
): Promise<Verdict> {
  const v = await versionOf(conn, documentId, input.version);
  if (!v) throw new VerdictError('not-found', input.version === undefined ? `没有编号为 ${documentId} 的文件` : `文件 ${documentId} 没有第 ${input.version} 版`);
  const findings = await conn.db.selectFrom('findings').select(['rule', 'message']).where('version_id', '=', v.id).orderBy('id').execute();
  const finding = findings[index];
  if (!finding) throw new VerdictError('not-found', `文件 ${documentId} 第 ${v.version} 版没有第 ${index + 1} 条检查发现`);
  if (finding.rule !== input.rule) {
    throw new VerdictError('mismatch', `文件 ${documentId} 第 ${v.version} 版的第 ${index + 1} 条检查发现是规则 ${finding.rule}，不是 ${input.rule}`);
  }
  const row = {
    document_id: documentId,
    version_id: v.id,
    finding_index: index,
    rule: finding.rule,
    message: finding.message,
    status: input.status,
    reason: input.reason,
    reviewer: input.reviewer ?? null,
    reviewed_at: new Date().toISOString(),
  };
  await db(conn)
    .insertInto('finding_reviews')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['version_id', 'finding_index']).doUpdateSet({ status: row.status, reason: row.reason, reviewer: row.reviewer, reviewed_at: row.reviewed_at }),
    )
    .execute();
  return toVerdict(row);
}

/** Removes a verdict; false when there was none. */
export async function clearVerdict(conn: Connection, documentId: number, index: number, version?: number): Promise<boolean> {
  const v = await versionOf(conn, documentId, version);
  if (!v) throw new VerdictError('not-found', `没有编号为 ${documentId} 的文件或该版本`);
  const res = await db(conn).deleteFrom('finding_reviews').where('version_id', '=', v.id).where('finding_index', '=', index).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** Every verdict, with its document, for export; by document, version and finding. */
export async function exportVerdicts(conn: Connection, filter: { documentId?: number } = {}): Promise<VerdictExportRow[]> {
  let q = db(conn)
    .selectFrom('finding_reviews as r')
    .innerJoin('versions as v', 'v.id', 'r.version_id')
    .innerJoin('documents as d', 'd.id', 'r.document_id')
    .leftJoin('entities as e', 'e.id', 'd.entity_id')
    .selectAll('r')
    .select(['v.version', 'v.file_name', 'e.name', 'e.region', 'd.year', 'd.kind']);
  if (filter.documentId !== undefined) q = q.where('r.document_id', '=', filter.documentId);
  const rows = await q.orderBy('r.document_id').orderBy('v.version').orderBy('r.finding_index').execute();
  return rows.map((r) => ({
    ...toVerdict(r),
    documentId: r.document_id,
    version: r.version,
    entity: r.name,
    region: r.region,
    year: r.year,
    kind: r.kind,
    fileName: r.file_name,
  }));
}
