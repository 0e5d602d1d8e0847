/**
 * Full-text search over entity names, titles, project names and paragraphs of current versions.
 * Chinese has no spaces between words, so both back ends match substrings: SQLite through an FTS5
 * trigram index, PostgreSQL through a pg_trgm GIN index under ILIKE. Terms shorter than three
 * characters have no trigram; they fall back to a plain LIKE scan.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Connection } from './open.js';
import { contains, pageOf, type Page } from './filters.js';

export interface SearchHit {
  id: number;
  entity: string | null;
  year: number | null;
  kind: string;
  title: string | null;
  /** Where the query matched: up to three places, best field first, each with a short excerpt. */
  matches: { field: string; snippet: string }[];
}

export interface SearchResult {
  query: string;
  total: number;
  items: SearchHit[];
}

const SNIPPET_RADIUS = 30;
const MATCHES_PER_DOCUMENT = 3;

export function searchTerms(q: string): string[] {
  return q
    .split(/[\s\u3000]+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .slice(0, 8);
}

export async function search(conn: Connection, q: string, page: Page = {}): Promise<SearchResult> {
  const terms = searchTerms(q);
  if (terms.length === 0) return { query: q, total: 0, items: [] };
  const { limit, offset } = pageOf(page, 20);
  const match = matcher(conn, terms);

  const hits = () =>
    conn.db
      .selectFrom('search_text as s')
      .innerJoin('documents as d', (j) => j.onRef('d.id', '=', 's.document_id').onRef('d.current_version_id', '=', 's.version_id'))
      .where(match);
  const [count, docs] = await Promise.all([
    hits().select((eb) => eb.fn.count('s.document_id').distinct().as('n')).executeTakeFirstOrThrow(),
    hits()
      .select((eb) => ['s.document_id', eb.fn.min('s.rank').as('best')])
      .groupBy('s.document_id')
      .orderBy('best')
      .orderBy('s.document_id')
      .limit(limit)
      .offset(offset)
      .execute(),
  ]);
  const ids = docs.map((d) => d.document_id);
  if (ids.length === 0) return { query: q, total: Number(count.n), items: [] };

  const [meta, rows] = await Promise.all([
    conn.db
      .selectFrom('documents as d')
      .innerJoin('versions as v', 'v.id', 'd.current_version_id')
      .leftJoin('entities as e', 'e.id', 'd.entity_id')
      .select(['d.id', 'd.year', 'd.kind', 'e.name', 'v.title'])
      .where('d.id', 'in', ids)
      .execute(),
    hits().select(['s.document_id', 's.field', 's.text', 's.rank', 's.id']).where('s.document_id', 'in', ids).orderBy('s.rank').orderBy('s.id').execute(),
  ]);
  const byId = new Map(meta.map((m) => [m.id, m]));
  const matches = new Map<number, SearchHit['matches']>();
  for (const r of rows) {
    const list = matches.get(r.document_id) ?? [];
    if (list.length < MATCHES_PER_DOCUMENT) list.push({ field: r.field, snippet: snippet(r.text, terms[0]) });
    matches.set(r.document_id, list);
  }
  return {
    query: q,
    total: Number(count.n),
    items: ids.map((id) => {
      const m = byId.get(id)!;
      return { id, entity: m.name, year: m.year, kind: m.kind, title: m.title, matches: matches.get(id) ?? [] };
    }),
  };
}

function matcher(conn: Connection, terms: string[]): Expression<SqlBool> {
  const short = terms.some((t) => [...t].length < 3);
  if (conn.dialect === 'sqlite' && !short) {
    // An FTS5 string literal: every term a quoted phrase (quotes doubled), all required.
    const query = terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ');
    return sql<SqlBool>`s.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ${query})`;
  }
  const parts = terms.map((t) => contains(conn.dialect, 's.text', t));
  return sql<SqlBool>`(${sql.join(parts, sql` AND `)})`;
}

/** A window of the text around the first occurrence of the term. */
export function snippet(text: string, term: string): string {
  const chars = [...text];
  if (chars.length <= SNIPPET_RADIUS * 2 + term.length) return text;
  const at = text.toLowerCase().indexOf(term.toLowerCase());
  if (at < 0) return chars.slice(0, SNIPPET_RADIUS * 2).join('') + '…';
  const start = Math.max([...text.slice(0, at)].length - SNIPPET_RADIUS, 0);
  const end = Math.min(start + SNIPPET_RADIUS * 2 + [...term].length, chars.length);
  return (start > 0 ? '…' : '') + chars.slice(start, end).join('') + (end < chars.length ? '…' : '');
}
