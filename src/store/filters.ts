/**
 * The filters every listing shares (documents, aggregates, export), applied the same way on both
 * back ends. Substring matches escape LIKE wildcards so a user's `%` or `_` is a plain character.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Dialect } from './migrations.js';

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

/** Case-insensitive substring test (SQLite's LIKE already ignores ASCII case; PostgreSQL needs ILIKE). */
export function contains(dialect: Dialect, column: string, text: string): Expression<SqlBool> {
  const op = sql.raw(dialect === 'postgres' ? 'ILIKE' : 'LIKE');
  return sql<SqlBool>`${sql.ref(column)} ${op} ${likePattern(text)} ESCAPE '\\'`;
}

/** Conditions over a query that has `d` (documents) and `e` (entities, left-joined) in scope. */
export function documentConditions(dialect: Dialect, f: DocumentFilter, eb: ExpressionBuilder<any, any>): Expression<SqlBool>[] {
  const out: Expression<SqlBool>[] = [];
  if (f.entity) out.push(contains(dialect, 'e.name', f.entity));
  if (f.entityId !== undefined) out.push(eb('d.entity_id', '=', f.entityId));
  if (f.region) out.push(eb('e.region', '=', f.region));
  if (f.year !== undefined) out.push(eb('d.year', '=', f.year));
  if (f.kind) out.push(eb('d.kind', '=', f.kind));
  if (f.severity) {
    const col = sql.ref({ error: 'errors', warning: 'warnings', info: 'infos' }[f.severity]);
    out.push(sql<SqlBool>`d.current_version_id IN (SELECT id FROM versions WHERE ${col} > 0)`);
  }
  return out;
}
