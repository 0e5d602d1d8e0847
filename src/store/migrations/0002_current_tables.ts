/**
 * Search and aggregates read tables of current versions only: one search row per document instead
 * of one per paragraph (so a query that matches every document is counted and ranked by document,
 * with an index for 1–2 character terms too), and per-document 类 totals and headline amounts with
 * integer units. Existing stores are filled from what they hold; the per-paragraph search table is
 * dropped.
 *
 * Frozen: everything the fill needs (the gram tokens, the 类 totals, the integer units) is written
 * out here as it was when this migration was made, not imported from the application, so later
 * changes to search or aggregates never change what this migration writes
 * (test/store/migrations-frozen.test.ts).
 */
import { Decimal } from 'decimal.js';
import { sql, type CreateTableBuilder, type Kysely, type Migration } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

function withId<T extends string>(dialect: Dialect, t: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'> {
  return dialect === 'sqlite'
    ? t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    : t.addColumn('id', 'serial', (c) => c.primaryKey());
}

const SUMMARY_COLUMNS = [
  'revenue_total',
  'expenditure_total',
  'basic_expenditure',
  'personnel_expenditure',
  'public_expenditure',
  'project_expenditure',
  'operating_costs',
  'tp_total',
  'tp_abroad',
  'tp_vehicle',
  'tp_vehicle_purchase',
  'tp_vehicle_operation',
  'tp_reception',
  'procurement_total',
  'assets_total',
] as const;
type SummaryColumn = (typeof SUMMARY_COLUMNS)[number];

export function migration(dialect: Dialect): Migration {
  const amount = dialect === 'sqlite' ? 'text' : 'numeric';
  const units = dialect === 'sqlite' ? 'integer' : 'bigint';
  return {
    async up(db: Kysely<any>) {
      if (dialect === 'sqlite') {
        // The per-paragraph index goes first: the new one takes its name.
        await sql`DROP TRIGGER IF EXISTS search_text_ai`.execute(db);
        await sql`DROP TRIGGER IF EXISTS search_text_ad`.execute(db);
        await sql`DROP TABLE IF EXISTS search_fts`.execute(db);
      }
      let docs = db.schema
        .createTable('search_docs')
        .addColumn('document_id', 'integer', (c) => c.primaryKey())
        .addColumn('version_id', 'integer', (c) => c.notNull());
      // NOT NULL with '' for a missing field: a NOT over a NULL comparison would drop the row.
      for (const f of ['entity', 'title', 'project', 'paragraph']) docs = docs.addColumn(f, 'text', (c) => c.notNull().defaultTo(''));
      if (dialect === 'postgres') docs = docs.addColumn('grams', sql`tsvector`, (c) => c.notNull().defaultTo(sql`''::tsvector`));
      await docs.execute();

      await withId(dialect, db.schema.createTable('class_totals'))
        .addColumn('document_id', 'integer', (c) => c.notNull())
        .addColumn('version_id', 'integer', (c) => c.notNull())
        .addColumn('entity_id', 'integer')
        .addColumn('year', 'integer')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('classification', 'text', (c) => c.notNull())
        .addColumn('table_kind', 'text', (c) => c.notNull())
        .addColumn('measure', 'text', (c) => c.notNull())
        .addColumn('code', 'text')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('amount', amount, (c) => c.notNull())
        .addColumn('amount_units', units)
        .execute();
      // Covering the aggregate: it reads one range of this index and never the table.
      await db.schema
        .createIndex('class_totals_aggregate')
        .on('class_totals')
        .columns(['classification', 'table_kind', 'measure', 'kind', 'year', 'code', 'entity_id', 'amount_units', 'name'])
        .execute();
      await db.schema.createIndex('class_totals_document').on('class_totals').column('document_id').execute();

      let summary = db.schema
        .createTable('summary_totals')
        .addColumn('document_id', 'integer', (c) => c.primaryKey())
        .addColumn('version_id', 'integer', (c) => c.notNull())
        .addColumn('entity_id', 'integer')
        .addColumn('year', 'integer')
        .addColumn('kind', 'text', (c) => c.notNull());
      for (const col of SUMMARY_COLUMNS) summary = summary.addColumn(col, amount).addColumn(`${col}_units`, units);
      await summary.execute();
      await db.schema.createIndex('summary_totals_entity').on('summary_totals').column('entity_id').execute();
      // Covering the 三公 aggregate, grouped by kind and year in index order.
      const threePublic = SUMMARY_COLUMNS.filter((c) => c.startsWith('tp_')).flatMap((c) => [c, `${c}_units`]);
      await db.schema.createIndex('summary_totals_three_public').on('summary_totals').columns(['kind', 'year', ...threePublic, 'entity_id']).execute();

      if (dialect === 'sqlite') {
        // Trigrams for terms of 3+ characters, per field; external content, so the text is stored
        // once. No column sizes: nothing ranks by BM25.
        await sql`CREATE VIRTUAL TABLE search_fts USING fts5(entity, title, project, paragraph, content='search_docs', content_rowid='document_id', tokenize='trigram', columnsize=0)`.execute(db);
        // Unigram and bigram tokens for 1–2 character terms: which documents only, no positions.
        await sql`CREATE VIRTUAL TABLE search_grams USING fts5(grams, content='', contentless_delete=1, detail=none)`.execute(db);
        await sql`CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
          INSERT INTO search_fts(rowid, entity, title, project, paragraph) VALUES (new.document_id, new.entity, new.title, new.project, new.paragraph); END`.execute(db);
        await sql`CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
          INSERT INTO search_fts(search_fts, rowid, entity, title, project, paragraph) VALUES ('delete', old.document_id, old.entity, old.title, old.project, old.paragraph);
          DELETE FROM search_grams WHERE rowid = old.document_id; END`.execute(db);
      } else {
        await sql`CREATE INDEX search_docs_trgm ON search_docs USING gin (entity public.gin_trgm_ops, title public.gin_trgm_ops, project public.gin_trgm_ops, paragraph public.gin_trgm_ops)`.execute(db);
        await sql`CREATE INDEX search_docs_grams ON search_docs USING gin (grams)`.execute(db);
      }

      await fill(db, dialect);
      await db.schema.dropTable('search_text').ifExists().execute();
    },
    async down(db: Kysely<any>) {
      // The per-paragraph search table comes back empty: re-import to fill it.
      if (dialect === 'sqlite') {
        for (const t of ['search_fts', 'search_grams']) await sql`DROP TABLE IF EXISTS ${sql.raw(t)}`.execute(db);
      }
      for (const t of ['summary_totals', 'class_totals', 'search_docs']) await db.schema.dropTable(t).ifExists().execute();
      await withId(dialect, db.schema.createTable('search_text'))
        .addColumn('version_id', 'integer', (c) => c.notNull().references('versions.id').onDelete('cascade'))
        .addColumn('document_id', 'integer', (c) => c.notNull())
        .addColumn('field', 'text', (c) => c.notNull())
        .addColumn('rank', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .execute();
      if (dialect === 'sqlite') {
        await sql`CREATE VIRTUAL TABLE search_fts USING fts5(text, content='search_text', content_rowid='id', tokenize='trigram')`.execute(db);
      }
    },
  };
}


// ---- The fill of a store written before these tables existed, as of this migration. ----

/** Decimals as the store wrote them: exact, 40 significant digits. */
const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

function decimalText(v: string | number): string {
  return new Dec(v).toFixed();
}

const SEARCH_FIELDS = ['entity', 'title', 'project', 'paragraph'] as const;
type SearchField = (typeof SEARCH_FIELDS)[number];
const TAG: Record<SearchField, string> = { entity: 'e', title: 't', project: 'p', paragraph: 'x' };

/** Every character and adjacent pair of a text as a base-36 token tagged with its field. */
function gramsOf(texts: { field: SearchField; text: string }[]): string {
  const fold = (c: string) => {
    const lower = c.toLowerCase();
    return lower.length === c.length ? lower : c;
  };
  const code = (c: string) => c.codePointAt(0)!.toString(36).padStart(4, '0');
  const out = new Set<string>();
  for (const { field, text } of texts) {
    for (const run of text.split(/\s+/)) {
      if (!run) continue;
      const codes = [...run].map(fold).map(code);
      for (let i = 0; i < codes.length; i++) {
        out.add(TAG[field] + codes[i]);
        if (i + 1 < codes.length) out.add(TAG[field] + codes[i] + codes[i + 1]);
      }
    }
  }
  return [...out].join(' ');
}

/** Millionths as a safe integer, or null when the amount has more decimals or is too large. */
function toUnits(amount: string | null): number | null {
  if (amount === null) return null;
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!m) return null;
  const decimals = (m[3] ?? '').replace(/0+$/, '');
  if (decimals.length > 6) return null;
  const v = BigInt(m[1] + m[2] + decimals.padEnd(6, '0'));
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  return v > max || v < -max ? null : Number(v);
}

interface ClassItem {
  version_id: number;
  classification: string;
  table_kind: string;
  measure: string;
  code: string | null;
  row_name: string;
  amount: string | number;
}

/** 类 rows summed per classification, table kind, measure and code; the smallest name stands. */
function classTotals(items: ClassItem[]) {
  const out = new Map<string, { classification: string; table_kind: string; measure: string; code: string | null; name: string; sum: Decimal }>();
  for (const li of items) {
    if (!li.classification) continue;
    const key = JSON.stringify([li.classification, li.table_kind, li.measure, li.code]);
    const hit = out.get(key);
    if (hit) {
      hit.sum = hit.sum.plus(decimalText(li.amount));
      if (li.row_name < hit.name) hit.name = li.row_name;
    } else {
      out.set(key, { classification: li.classification, table_kind: li.table_kind, measure: li.measure, code: li.code, name: li.row_name, sum: new Dec(decimalText(li.amount)) });
    }
  }
  return [...out.values()].map(({ sum, ...t }) => ({ ...t, amount: sum.toFixed() }));
}

const BATCH = 200;

/** A batch of documents at a time, so a large store is never read into memory at once. */
async function fill(db: Kysely<any>, dialect: Dialect): Promise<void> {
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
    const items: ClassItem[] = await db
      .selectFrom('line_items')
      .select(['version_id', 'classification', 'table_kind', 'measure', 'code', 'row_name', 'amount'])
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
      const search = textsOf.get(d.current_version_id) ?? [];
      const parts: Record<SearchField, string[]> = { entity: [], title: [], project: [], paragraph: [] };
      for (const s of search) parts[s.field].push(s.text);
      const text = Object.fromEntries(SEARCH_FIELDS.map((f) => [f, parts[f].join('\n')]));
      const grams = gramsOf(search);
      if (dialect === 'postgres') {
        await db
          .insertInto('search_docs')
          .values({ document_id: d.id, version_id: d.current_version_id, ...text, grams: sql`array_to_tsvector(string_to_array(${grams}, ' '))` })
          .execute();
      } else {
        await db.insertInto('search_docs').values({ document_id: d.id, version_id: d.current_version_id, ...text }).execute();
        await sql`INSERT INTO search_grams(rowid, grams) VALUES (${d.id}, ${grams})`.execute(db);
      }

      const common = { document_id: d.id, version_id: d.current_version_id, entity_id: d.entity_id, year: d.year, kind: d.kind };
      const totals = classTotals(itemsOf.get(d.current_version_id) ?? []);
      if (totals.length > 0) {
        await db
          .insertInto('class_totals')
          .values(totals.map((t) => ({ ...common, ...t, amount_units: toUnits(t.amount) })))
          .execute();
      }
      const v = versionOf.get(d.current_version_id);
      const summary: Record<string, string | number | null> = {};
      for (const c of SUMMARY_COLUMNS) {
        const amount = v?.[c] === null || v?.[c] === undefined ? null : decimalText(v[c]);
        summary[c] = amount;
        summary[`${c}_units`] = toUnits(amount);
      }
      await db
        .insertInto('summary_totals')
        .values({ ...common, ...summary })
        .execute();
    }
  }
}
