/**
 * The reviewer's view of the store: documents (current versions) with their finding counts,
 * filtered by region (a prefix, so 保定市 takes in its districts), year, kind, rule and severity,
 * sorted by any column; and the values those filters can take.
 */
import { sql, type SqlBool } from 'kysely';
import type { Connection } from './open.js';
import { documentConditions, likePattern, pageOf, type DocumentFilter, type Page } from './filters.js';
import type { DocumentSummary } from './documents.js';

export interface ReviewFilter extends DocumentFilter {
  /** Region starts with this (the region hierarchy: province, city, district). */
  regionPrefix?: string;
  /** Documents whose current version has a finding of this rule. */
  rule?: string;
}

export const REVIEW_SORTS = ['entity', 'region', 'year', 'kind', 'errors', 'warnings', 'infos', 'imported'] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

const SORT_COLUMN: Record<ReviewSort, string> = {
  entity: 'e.name',
  region: 'e.region',
  year: 'd.year',
  kind: 'd.kind',
  errors: 'v.errors',
  warnings: 'v.warnings',
  infos: 'v.infos',
  imported: 'v.imported_at',
};

export interface ReviewList {
  total: number;
  /** Finding counts over every matching document, not only the page. */
  findings: { error: number; warning: number; info: number };
  items: DocumentSummary[];
}

/** What the list counts and sorts by of a version: all held by the index `versions_counts`. */
interface VersionCounts {
  id: number;
  errors: number;
  warnings: number;
  infos: number;
  imported_at: string;
}

/**
 * The versions as the list reads them. A version row carries its gzipped check result and so
 * fills a database page; without statistics SQLite looks versions up by rowid and reads one page
 * per document, so on SQLite the covering index is named. PostgreSQL chooses it by itself.
 */
function versionCounts(conn: Connection) {
  return conn.dialect === 'sqlite'
    ? sql<VersionCounts>`versions`.as<'v'>(sql`v INDEXED BY versions_counts`)
    : sql<VersionCounts>`versions`.as('v');
}

function base(conn: Connection, filter: ReviewFilter) {
  return conn.db
    .selectFrom('documents as d')
    .innerJoin(versionCounts(conn), 'v.id', 'd.current_version_id')
    .leftJoin('entities as e', 'e.id', 'd.entity_id')
    .where((eb) => {
      const all = documentConditions(conn.dialect, filter, eb);
      if (filter.regionPrefix) all.push(sql<SqlBool>`e.region LIKE ${`${likePattern(filter.regionPrefix).slice(1)}`} ESCAPE '\\'`);
      if (filter.rule) all.push(sql<SqlBool>`d.current_version_id IN (SELECT version_id FROM findings WHERE rule = ${filter.rule})`);
      return eb.and(all);
    });
}

export async function reviewList(
  conn: Connection,
  filter: ReviewFilter,
  sort: { by?: ReviewSort; order?: 'asc' | 'desc' } = {},
  page: Page = {},
): Promise<ReviewList> {
  const { limit, offset } = pageOf(page);
  const by = sort.by ?? 'errors';
  const order = sort.order ?? (by === 'errors' || by === 'warnings' || by === 'infos' || by === 'imported' ? 'desc' : 'asc');
  const [sums, pageRows] = await Promise.all([
    base(conn, filter)
      .select((eb) => [
        eb.fn.countAll().as('n'),
        eb.fn.sum<number | string | null>('v.errors').as('errors'),
        eb.fn.sum<number | string | null>('v.warnings').as('warnings'),
        eb.fn.sum<number | string | null>('v.infos').as('infos'),
      ])
      .executeTakeFirstOrThrow(),
    // The page's documents first, ordered by what the indexes hold (versions_counts, entities),
    // then the columns shown for those few.
    base(conn, filter)
      .select(['d.id', 'v.id as version_id'])
      // Unknown entities and years last whichever way the column is sorted.
      .orderBy(sql`${sql.ref(SORT_COLUMN[by])} IS NULL`)
      .orderBy(sql.ref(SORT_COLUMN[by]), order)
      .orderBy('d.id')
      .limit(limit)
      .offset(offset)
      .execute(),
  ]);
  const found = pageRows.length
    ? await conn.db
        .selectFrom('documents as d')
        .innerJoin('versions as v', 'v.id', 'd.current_version_id')
        .leftJoin('entities as e', 'e.id', 'd.entity_id')
        .where('d.id', 'in', pageRows.map((r) => r.id))
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
        .execute()
    : [];
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = pageRows.flatMap((r) => byId.get(r.id) ?? []);

  return {
    total: Number(sums.n),
    findings: { error: Number(sums.errors ?? 0), warning: Number(sums.warnings ?? 0), info: Number(sums.infos ?? 0) },
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

export interface ReviewFacets {
  regions: { region: string; documents: number }[];
  years: { year: number; documents: number }[];
  kinds: { kind: string; documents: number }[];
  rules: { rule: string; documents: number }[];
}

/** The values the filters can take, each with how many current documents have it. */
export async function reviewFacets(conn: Connection): Promise<ReviewFacets> {
  const db = conn.db;
  const [regions, years, kinds, rules] = await Promise.all([
    db
      .selectFrom('documents as d')
      .innerJoin('entities as e', 'e.id', 'd.entity_id')
      .where('e.region', 'is not', null)
      .select(['e.region', (eb) => eb.fn.countAll().as('n')])
      .groupBy('e.region')
      .orderBy('e.region')
      .execute(),
    db
      .selectFrom('documents as d')
      .where('d.year', 'is not', null)
      .select(['d.year', (eb) => eb.fn.countAll().as('n')])
      .groupBy('d.year')
      .orderBy('d.year', 'desc')
      .execute(),
    db.selectFrom('documents as d').select(['d.kind', (eb) => eb.fn.countAll().as('n')]).groupBy('d.kind').orderBy('d.kind').execute(),
    db
      .selectFrom('findings as f')
      .innerJoin('documents as d', 'd.current_version_id', 'f.version_id')
      .select(['f.rule', sql<number>`COUNT(DISTINCT f.document_id)`.as('n')])
      .groupBy('f.rule')
      .orderBy('f.rule')
      .execute(),
  ]);
  return {
    regions: regions.map((r) => ({ region: r.region!, documents: Number(r.n) })),
    years: years.map((r) => ({ year: r.year!, documents: Number(r.n) })),
    kinds: kinds.map((r) => ({ kind: r.kind, documents: Number(r.n) })),
    rules: rules.map((r) => ({ rule: r.rule, documents: Number(r.n) })),
  };
}
