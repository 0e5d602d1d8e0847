/** Reading documents, versions, findings, originals and entities back. */
import { gunzipSync } from 'node:zlib';
import type { Connection } from './open.js';
import { documentConditions, pageOf, contains, regionCondition, type DocumentFilter, type Page } from './filters.js';
import type { ExpressionBuilder } from 'kysely';

export interface DocumentSummary {
  id: number;
  entity: string | null;
  entityId: number | null;
  region: string | null;
  level: string | null;
  year: number | null;
  kind: string;
  title: string | null;
  version: number;
  versions: number;
  versionId: number;
  sha256: string;
  format: string;
  fileName: string;
  pages: number | null;
  findings: { error: number; warning: number; info: number };
  importedAt: string;
}

export interface VersionSummary {
  version: number;
  versionId: number;
  sha256: string;
  fileName: string;
  format: string;
  size: number;
  pages: number | null;
  importedAt: string;
  current: boolean;
  /** A check of several files together: the version numbers whose files it joins, in reading order. */
  combines: number[] | null;
  findings: { error: number; warning: number; info: number };
}

export interface Original {
  bytes: Buffer;
  fileName: string;
  format: string;
  sha256: string;
}

export interface EntityRow {
  id: number;
  name: string;
  region: string | null;
  level: string | null;
  code: string | null;
  documents: number;
}

function base(conn: Connection) {
  return conn.db
    .selectFrom('documents as d')
    .innerJoin('versions as v', 'v.id', 'd.current_version_id')
    .leftJoin('entities as e', 'e.id', 'd.entity_id');
}

export async function listDocuments(conn: Connection, filter: DocumentFilter, page: Page = {}): Promise<{ total: number; items: DocumentSummary[] }> {
  const { limit, offset } = pageOf(page);
  const where = (q: ReturnType<typeof base>) => q.where((eb) => eb.and(documentConditions(conn.dialect, filter, eb)));
  const [count, rows] = await Promise.all([
    where(base(conn)).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    where(base(conn))
      .select([
        'd.id',
        'd.entity_id',
        'd.year',
        'd.kind',
        'd.version_count',
        'e.name',
        'e.region',
        'e.level',
        'v.id as version_id',
        'v.version',
        'v.title',
        'v.sha256',
        'v.format',
        'v.file_name',
        'v.pages',
        'v.errors',
        'v.warnings',
        'v.infos',
        'v.imported_at',
      ])
      .orderBy('d.id')
      .limit(limit)
      .offset(offset)
      .execute(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      id: r.id,
      entity: r.name,
      entityId: r.entity_id,
      region: r.region,
      level: r.level,
      year: r.year,
      kind: r.kind,
      title: r.title,
      version: r.version,
      versions: r.version_count,
      versionId: r.version_id,
      sha256: r.sha256,
      format: r.format,
      fileName: r.file_name,
      pages: r.pages,
      findings: { error: r.errors, warning: r.warnings, info: r.infos },
      importedAt: r.imported_at,
    })),
  };
}

/** The version a request means: the given number, else the current one. */
export async function versionId(conn: Connection, documentId: number, version?: number): Promise<number | null> {
  if (version === undefined) {
    const d = await conn.db.selectFrom('documents').select('current_version_id').where('id', '=', documentId).executeTakeFirst();
    return d?.current_version_id ?? null;
  }
  const v = await conn.db
    .selectFrom('versions')
    .select('id')
    .where('document_id', '=', documentId)
    .where('version', '=', version)
    .executeTakeFirst();
  return v?.id ?? null;
}

/** The stored check-result JSON of a document, gzipped (current version unless one is named). */
export async function documentJsonGz(conn: Connection, documentId: number, version?: number): Promise<Buffer | null> {
  const id = await versionId(conn, documentId, version);
  if (id === null) return null;
  const row = await conn.db.selectFrom('versions').select('result_gz').where('id', '=', id).executeTakeFirst();
  return row ? Buffer.from(row.result_gz) : null;
}

/** The stored check-result JSON text of a document (current version unless one is named). */
export async function documentJson(conn: Connection, documentId: number, version?: number): Promise<string | null> {
  const gz = await documentJsonGz(conn, documentId, version);
  return gz ? gunzipSync(gz).toString('utf8') : null;
}

export async function listVersions(conn: Connection, documentId: number): Promise<VersionSummary[] | null> {
  const doc = await conn.db.selectFrom('documents').select('current_version_id').where('id', '=', documentId).executeTakeFirst();
  if (!doc) return null;
  const rows = await conn.db
    .selectFrom('versions')
    .select(['id', 'version', 'sha256', 'file_name', 'format', 'size', 'pages', 'imported_at', 'errors', 'warnings', 'infos', 'combines'])
    .where('document_id', '=', documentId)
    .orderBy('version')
    .execute();
  const numberOf = new Map(rows.map((r) => [r.id, r.version]));
  return rows.map((r) => ({
    version: r.version,
    versionId: r.id,
    sha256: r.sha256,
    fileName: r.file_name,
    format: r.format,
    size: Number(r.size),
    pages: r.pages,
    importedAt: r.imported_at,
    current: r.id === doc.current_version_id,
    combines: r.combines ? r.combines.split(',').map((id) => numberOf.get(Number(id)) ?? Number(id)) : null,
    findings: { error: r.errors, warning: r.warnings, info: r.infos },
  }));
}

/** Findings as JSON texts, in the order the check reported them; null when there is no such document. */
export async function findingsJson(
  conn: Connection,
  documentId: number,
  options: { version?: number; severity?: string; limit?: number; offset?: number } = {},
): Promise<{ total: number; items: string[] } | null> {
  const id = await versionId(conn, documentId, options.version);
  if (id === null) return null;
  let q = conn.db.selectFrom('findings').where('version_id', '=', id);
  if (options.severity) q = q.where('severity', '=', options.severity);
  // A page of a long list: one document can hold hundreds of thousands of findings.
  let page = q.select('finding_json').orderBy('id');
  if (options.limit !== undefined) page = page.limit(options.limit).offset(options.offset ?? 0);
  else if (options.offset) page = page.limit(Number.MAX_SAFE_INTEGER).offset(options.offset);
  const rows = await page.execute();
  const total =
    options.limit === undefined && !options.offset
      ? rows.length
      : Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { total, items: rows.map((r) => r.finding_json) };
}

export async function original(conn: Connection, documentId: number, version?: number): Promise<Original | null> {
  let id = await versionId(conn, documentId, version);
  if (id === null) return null;
  // A check of several files together has no file of its own: its first file (the 说明's) stands for it.
  const joined = await conn.db.selectFrom('versions').select('combines').where('id', '=', id).executeTakeFirst();
  if (joined?.combines) id = Number(joined.combines.split(',')[0]);
  const row = await conn.db
    .selectFrom('versions as v')
    .innerJoin('originals as o', 'o.sha256', 'v.sha256')
    .select(['o.bytes', 'v.file_name', 'v.format', 'v.sha256'])
    .where('v.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return { bytes: Buffer.from(row.bytes), fileName: row.file_name, format: row.format, sha256: row.sha256 };
}

export async function findVersionBySha(conn: Connection, sha256: string): Promise<{ documentId: number; versionId: number; version: number } | null> {
  const row = await conn.db.selectFrom('versions').select(['id', 'document_id', 'version']).where('sha256', '=', sha256).executeTakeFirst();
  return row ? { documentId: row.document_id, versionId: row.id, version: row.version } : null;
}

export async function listEntities(conn: Connection, filter: { q?: string; region?: string }, page: Page = {}): Promise<{ total: number; items: EntityRow[] }> {
  const { limit, offset } = pageOf(page, 100);
  const where = <Q extends { where: (...a: any[]) => Q }>(q: Q): Q => {
    let out = q;
    if (filter.q) out = out.where(contains(conn.dialect, 'e.name', filter.q));
    if (filter.region) out = out.where((eb: ExpressionBuilder<any, any>) => regionCondition(conn.dialect, filter.region!, eb));
    return out;
  };
  const [count, rows] = await Promise.all([
    where(conn.db.selectFrom('entities as e')).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    where(conn.db.selectFrom('entities as e'))
      .leftJoin('documents as d', 'd.entity_id', 'e.id')
      .select((eb) => ['e.id', 'e.name', 'e.region', 'e.level', 'e.code', eb.fn.count('d.id').as('documents')])
      .groupBy(['e.id', 'e.name', 'e.region', 'e.level', 'e.code'])
      .orderBy('e.name')
      .limit(limit)
      .offset(offset)
      .execute(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map((r) => ({ id: r.id, name: r.name, region: r.region, level: r.level, code: r.code, documents: Number(r.documents) })),
  };
}

export async function getEntity(conn: Connection, id: number): Promise<Omit<EntityRow, 'documents'> | null> {
  const e = await conn.db.selectFrom('entities').select(['id', 'name', 'region', 'level', 'code']).where('id', '=', id).executeTakeFirst();
  return e ?? null;
}
