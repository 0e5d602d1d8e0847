/**
 * The filters every listing shares (documents, aggregates, export), applied the same way on both
 * back ends. Substring matches escape LIKE wildcards so a user's `%` or `_` is a plain character.
 */
import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import { codePrefix, resolveDivision } from '../region/divisions.js';
import type { Dialect } from './schema.js';

export interface DocumentFilter {
  /** Substring of the entity name. */
  entity?: string;
  entityId?: number;
  region?: string;
  year?: number;
  kind?: string;
  /** Documents whose current version has at least one finding of this severity. */
  severity?: 'error' | 'warning' | 'info';
}

export interface Page {
  limit?: number;
  offset?: number;
}

export const MAX_LIMIT = 1000;

export function pageOf(p: Page, defaultLimit = 50): { limit: number; offset: number } {
  const limit = Math.min(Math.max(Math.trunc(p.limit ?? defaultLimit), 1), MAX_LIMIT);
  const offset = Math.max(Math.trunc(p.offset ?? 0), 0);
  return { limit, offset };
}

export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Case-insensitive substring test (SQLite's LIKE already ignores ASCII case; PostgreSQL needs
 * ILIKE). Text without letters that have case — most Chinese — takes PostgreSQL's LIKE, which
 * gives the same answer about three times faster over long paragraphs.
 */
export function contains(dialect: Dialect, column: string, text: string): RawBuilder<SqlBool> {
  const op = sql.raw(dialect === 'postgres' && text.toLowerCase() !== text.toUpperCase() ? 'ILIKE' : 'LIKE');
  return sql<SqlBool>`${sql.ref(column)} ${op} ${likePattern(text)} ESCAPE '\\'`;
}

/** Where a query has a document's columns: `d` (documents) unless a current-version table stands in. */
export interface DocumentColumns {
  entityId: string;
  year: string;
  kind: string;
  versionId: string;
  /** Whether `e` (entities) is joined; if not, entity conditions look it up by id. */
  entities: boolean;
  /** The document id column, for `countOnce`. */
  documentId?: string;
  /** Sums: leave out 本级 documents whose department's 汇总 is stored too. */
  countOnce?: boolean;
}

const DOCUMENTS: DocumentColumns = { entityId: 'd.entity_id', year: 'd.year', kind: 'd.kind', versionId: 'd.current_version_id', entities: true };

/**
 * A region filter takes in every division under the one named (河北 → 石家庄市 → 鹿泉区), by the
 * GB/T 2260 code prefix of the entity's division; a region the catalog does not know is matched
 * by name (the region a document printed, or a division name).
 */
export function regionCondition(dialect: Dialect, region: string, _eb?: ExpressionBuilder<any, any>): RawBuilder<SqlBool> {
  const d = resolveDivision(region);
  if (d) return sql<SqlBool>`e.division LIKE ${`${codePrefix(d)}%`}`;
  const name = region.trim();
  const like = contains(dialect, 'e.region', name);
  return sql<SqlBool>`(e.region = ${name} OR e.province = ${name} OR e.city = ${name} OR e.county = ${name} OR ${like})`;
}

/** Conditions over a query that has the document's columns (and, unless told, `e` left-joined) in scope. */
export function documentConditions(dialect: Dialect, f: DocumentFilter, eb: ExpressionBuilder<any, any>, cols: DocumentColumns = DOCUMENTS): Expression<SqlBool>[] {
  const out: Expression<SqlBool>[] = [];
  const entity: Expression<SqlBool>[] = [];
  if (f.entity) entity.push(contains(dialect, 'e.name', f.entity));
  if (f.region) entity.push(regionCondition(dialect, f.region, eb));
  if (cols.entities) out.push(...entity);
  else if (entity.length) out.push(sql<SqlBool>`${sql.ref(cols.entityId)} IN (SELECT e.id FROM entities e WHERE ${sql.join(entity, sql` AND `)})`);
  if (f.entityId !== undefined) out.push(eb(cols.entityId, '=', f.entityId));
  if (f.year !== undefined) out.push(eb(cols.year, '=', f.year));
  if (f.kind) out.push(eb(cols.kind, '=', f.kind));
  if (cols.countOnce) {
    // A department's 本级 budget is inside its 汇总: counted only where no 汇总 of that year is stored.
    out.push(sql<SqlBool>`${sql.ref(cols.documentId ?? 'd.id')} NOT IN (SELECT o.id FROM documents o WHERE o.scope = 'own' AND EXISTS (SELECT 1 FROM documents a WHERE a.entity_id = o.entity_id AND a.year = o.year AND a.kind = o.kind AND a.scope = 'all'))`);
  }
  if (f.severity) {
    const col = sql.ref({ error: 'errors', warning: 'warnings', info: 'infos' }[f.severity]);
    out.push(sql<SqlBool>`${sql.ref(cols.versionId)} IN (SELECT id FROM versions WHERE ${col} > 0)`);
  }
  return out;
}
