/**
 * Full-text search over entity names, titles, project names and paragraphs of current versions.
 * Chinese has no spaces between words, so both back ends match substrings: terms of three or more
 * characters through trigrams (SQLite FTS5 `trigram`, PostgreSQL pg_trgm under ILIKE), terms of
 * one or two characters through an index of character unigrams and bigrams (grams.ts).
 *
 * A document matches when every term occurs in it. Results come best field first — documents whose
 * entity name holds every term, then title, project names, paragraphs, then documents where the
 * terms are spread over several fields — and by document id within a field. A page is read bucket
 * by bucket in that order with LIMIT, and the total is counted only up to a cap, so neither costs
 * more when a query matches every document in the store.
 */
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Connection } from './open.js';
import type { Database } from './schema.js';
import { contains, pageOf, regionCondition, type Page } from './filters.js';
import { MAX_GRAM, SEARCH_FIELDS, gramChars, gramToken, searchFold, type SearchField } from './grams.js';

export interface SearchHit {
  id: number;
  entityId: number | null;
  entity: string | null;
  year: number | null;
  kind: string;
  title: string | null;
  /** Where the query matched: up to three places, best field first, each with a short excerpt. */
  matches: { field: SearchField; snippet: string }[];
}

export interface SearchResult {
  query: string;
  /** Matching documents, counted up to a cap (`TOTAL_CAP` unless told). */
  total: number;
  /** False when more documents match than were counted: `total` is then a lower bound. */
  totalExact: boolean;
  items: SearchHit[];
  /** The page's hits grouped by entity, in the order of each entity's best hit. */
  groups: { entityId: number | null; entity: string | null; items: SearchHit[] }[];
}

function groupByEntity(items: SearchHit[]): SearchResult['groups'] {
  const out: SearchResult['groups'] = [];
  for (const it of items) {
    const g = out.find((x) => x.entityId === it.entityId);
    if (g) g.items.push(it);
    else out.push({ entityId: it.entityId, entity: it.entity, items: [it] });
  }
  return out;
}

/** How far the total is counted: past this, "at least 1,000" is all a reader needs. */
export const TOTAL_CAP = 1000;
const SNIPPET_RADIUS = 30;
const MATCHES_PER_DOCUMENT = 3;

export function searchTerms(q: string): string[] {
  // Punctuation between words separates terms as a space does (三公经费，会议费).
  return searchFold(q)
    .split(/[\s\u3000,;:!?，、。；：！？（）()]+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .slice(0, 8);
}

/** SELECTs of document ids (column `id`): all matches, and the matches of each rank bucket. */
interface Plan {
  all(): RawBuilder<{ id: number }>;
  /** 0–3: every term in that field (and in no better one); 4: the terms spread over fields. */
  bucket(rank: number): RawBuilder<{ id: number }>;
  buckets: number;
}

export interface SearchOptions {
  /** Only documents of entities in this division or below (河北 takes in 鹿泉区); see filters.ts. */
  region?: string;
}

/** Restricts every bucket of a plan to the documents of a region's entities. */
function inRegion(conn: Connection, plan: Plan, region: string): Plan {
  const ids = sql`SELECT d.id FROM documents d JOIN entities e ON e.id = d.entity_id WHERE ${regionCondition(conn.dialect, region)}`;
  const only = (set: RawBuilder<{ id: number }>) => sql<{ id: number }>`SELECT id FROM (${set}) r WHERE id IN (${ids})`;
  return { buckets: plan.buckets, all: () => only(plan.all()), bucket: (rank) => only(plan.bucket(rank)) };
}

export async function search(conn: Connection, q: string, page: Page = {}, cap = TOTAL_CAP, options: SearchOptions = {}): Promise<SearchResult> {
  const terms = searchTerms(q);
  if (terms.length === 0) return { query: q, total: 0, totalExact: true, items: [], groups: [] };
  const scoped = (plan: Plan) => (options.region ? inRegion(conn, plan, options.region) : plan);
  if (conn.dialect === 'sqlite') return run(conn.db, scoped(sqlitePlan(terms)), q, terms, page, cap);
  const plan = scoped(postgresPlan(conn, terms));
  // PostgreSQL prices a LIKE at the cost of any operator, so when a term matches a good share of
  // the documents it prefers reading every paragraph to the trigram index: 50 times slower here.
  return conn.db.transaction().execute(async (trx) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(trx);
    return run(trx, plan, q, terms, page, cap);
  });
}

async function run(db: Kysely<Database>, plan: Plan, q: string, terms: string[], page: Page, cap: number): Promise<SearchResult> {
  const { limit, offset } = pageOf(page, 20);
  const [count, ids] = await Promise.all([
    sql<{ n: number | string }>`SELECT count(*) AS n FROM (${plan.all()} LIMIT ${cap + 1}) m`.execute(db),
    pageIds(db, plan, offset, limit),
  ]);
  const counted = Number(count.rows[0]?.n ?? 0);
  const total = Math.min(counted, cap);
  const totalExact = counted <= cap;
  if (ids.length === 0) return { query: q, total, totalExact, items: [], groups: [] };

  const [meta, texts] = await Promise.all([
    db
      .selectFrom('documents as d')
      .innerJoin('versions as v', 'v.id', 'd.current_version_id')
      .leftJoin('entities as e', 'e.id', 'd.entity_id')
      .select(['d.id', 'd.entity_id', 'd.year', 'd.kind', 'e.name', 'v.title'])
      .where('d.id', 'in', ids)
      .execute(),
    db.selectFrom('search_docs').select(['document_id', ...SEARCH_FIELDS]).where('document_id', 'in', ids).execute(),
  ]);
  const byId = new Map(meta.map((m) => [m.id, m]));
  const textOf = new Map(texts.map((t) => [t.document_id, t]));
  const items = ids.flatMap((id) => {
    const m = byId.get(id);
    if (!m) return [];
    const t = textOf.get(id);
    return [{ id, entityId: m.entity_id, entity: m.name, year: m.year, kind: m.kind, title: m.title, matches: t ? matchesIn(t, terms) : [] }];
  });
  return { query: q, total, totalExact, items, groups: groupByEntity(items) };
}

/** The ids of one page: each bucket in rank order, read no further than the page reaches. */
async function pageIds(db: Kysely<Database>, plan: Plan, offset: number, limit: number): Promise<number[]> {
  const out: number[] = [];
  let skip = offset;
  for (let rank = 0; rank < plan.buckets && out.length < limit; rank++) {
    const want = skip + limit - out.length;
    const { rows } = await sql<{ id: number }>`${plan.bucket(rank)} ORDER BY id LIMIT ${want}`.execute(db);
    if (rows.length <= skip) {
      skip -= rows.length;
      continue;
    }
    out.push(...rows.slice(skip).map((r) => Number(r.id)));
    skip = 0;
  }
  return out;
}

function isShort(term: string): boolean {
  return gramChars(term).length <= MAX_GRAM;
}

/**
 * SQLite: FTS5 MATCH expressions. When every term is long (or every term short) one index answers
 * the whole bucket, NOT included, in rowid order; a query mixing both intersects the two indexes.
 */
function sqlitePlan(terms: string[]): Plan {
  const long = terms.filter((t) => !isShort(t));
  const short = terms.filter(isShort);
  const phrase = (t: string) => `"${t.replace(/"/g, '""')}"`;
  const token = (f: SearchField, t: string) => `"${gramToken(f, t)}"`;

  const longIn = (f: SearchField) => `{${f}} : (${long.map(phrase).join(' AND ')})`;
  const longAnywhere = `(${long.map(phrase).join(' AND ')})`;
  const shortIn = (f: SearchField) => `(${short.map((t) => token(f, t)).join(' AND ')})`;
  const shortAnywhere = `(${short.map((t) => `(${SEARCH_FIELDS.map((f) => token(f, t)).join(' OR ')})`).join(' AND ')})`;

  const fts = (expr: string) => sql<{ id: number }>`SELECT rowid AS id FROM search_fts WHERE search_fts MATCH ${expr}`;
  const grams = (expr: string) => sql<{ id: number }>`SELECT rowid AS id FROM search_grams WHERE search_grams MATCH ${expr}`;
  const notAny = (exprs: string[]) => (exprs.length ? ` NOT (${exprs.join(' OR ')})` : '');

  if (short.length === 0 || long.length === 0) {
    const [inField, anywhere, run] = short.length === 0 ? [longIn, longAnywhere, fts] : [shortIn, shortAnywhere, grams];
    return {
      buckets: terms.length > 1 ? 5 : 4,
      all: () => run(anywhere),
      bucket: (rank) =>
        rank < SEARCH_FIELDS.length
          ? run(inField(SEARCH_FIELDS[rank]) + notAny(SEARCH_FIELDS.slice(0, rank).map(inField)))
          : run(anywhere + notAny(SEARCH_FIELDS.map(inField))),
    };
  }
  const both = (l: string, s: string) => sql<{ id: number }>`${fts(l)} INTERSECT ${grams(s)}`;
  const inField = (f: SearchField) => both(longIn(f), shortIn(f));
  const anywhere = both(longAnywhere, shortAnywhere);
  const excluding = (set: RawBuilder<{ id: number }>, worse: RawBuilder<{ id: number }>[]) =>
    sql<{ id: number }>`SELECT id FROM (${set}) WHERE ${worse.length ? sql.join(worse.map((w) => sql`id NOT IN (${w})`), sql` AND `) : sql`1`}`;
  return {
    buckets: 5,
    all: () => sql<{ id: number }>`SELECT id FROM (${anywhere})`,
    bucket: (rank) =>
      rank < SEARCH_FIELDS.length
        ? excluding(inField(SEARCH_FIELDS[rank]), SEARCH_FIELDS.slice(0, rank).map(inField))
        : excluding(anywhere, SEARCH_FIELDS.map(inField)),
  };
}

/**
 * PostgreSQL: conditions on search_docs — ILIKE per field for long terms (pg_trgm GIN), a tsquery
 * over the gram tokens for short ones (GIN on `grams`).
 */
function postgresPlan(conn: Connection, terms: string[]): Plan {
  const long = terms.filter((t) => !isShort(t));
  const short = terms.filter(isShort);
  const and = (parts: Expression<SqlBool>[]) => sql<SqlBool>`(${sql.join(parts, sql` AND `)})`;
  const or = (parts: Expression<SqlBool>[]) => sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
  const grams = (query: string) => sql<SqlBool>`sd.grams @@ ${query}::tsquery`;

  const inField = (f: SearchField) =>
    and([
      ...long.map((t) => contains(conn.dialect, `sd.${f}`, t)),
      ...(short.length ? [grams(short.map((t) => gramToken(f, t)).join(' & '))] : []),
    ]);
  const anywhere = and([
    ...long.map((t) => or(SEARCH_FIELDS.map((f) => contains(conn.dialect, `sd.${f}`, t)))),
    ...(short.length ? [grams(short.map((t) => `(${SEARCH_FIELDS.map((f) => gramToken(f, t)).join(' | ')})`).join(' & '))] : []),
  ]);
  // Better buckets are excluded by id, found through their own index (the inner `sd` is the
  // subquery's row): as a filter on each row, a NOT would read every document's gram list.
  const where = (cond: Expression<SqlBool>, worse: Expression<SqlBool>[]) =>
    sql<{ id: number }>`SELECT sd.document_id AS id FROM search_docs sd WHERE ${cond}${
      worse.length ? sql` AND sd.document_id NOT IN (SELECT sd.document_id FROM search_docs sd WHERE ${or(worse)})` : sql``
    }`;
  return {
    buckets: terms.length > 1 ? 5 : 4,
    all: () => where(anywhere, []),
    bucket: (rank) =>
      rank < SEARCH_FIELDS.length
        ? where(inField(SEARCH_FIELDS[rank]), SEARCH_FIELDS.slice(0, rank).map(inField))
        : where(anywhere, SEARCH_FIELDS.map(inField)),
  };
}

/**
 * Up to three texts of a document that hold the terms — those with the most terms first, then by
 * field and order — each as an excerpt around the first term it holds.
 */
function matchesIn(row: Record<SearchField, string>, terms: string[]): SearchHit['matches'] {
  const folded = terms.map((t) => t.toLowerCase());
  const found: { field: SearchField; text: string; terms: number; first: string; order: number }[] = [];
  let order = 0;
  for (const field of SEARCH_FIELDS) {
    for (const text of row[field] ? row[field].split('\n') : []) {
      const lower = text.toLowerCase();
      const held = terms.filter((_, i) => lower.includes(folded[i]));
      if (held.length) found.push({ field, text, terms: held.length, first: held[0], order });
      order++;
    }
  }
  found.sort((a, b) => b.terms - a.terms || a.order - b.order);
  return found.slice(0, MATCHES_PER_DOCUMENT).map((m) => ({ field: m.field, snippet: snippet(m.text, m.first) }));
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
