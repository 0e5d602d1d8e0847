/**
 * The schema as Kysely migrations, written once for both back ends. Where the two differ (key
 * columns, decimal and binary types, the full-text index) a small per-dialect choice is made here
 * and nowhere else.
 */
import { sql, type Kysely, type Migration, type CreateTableBuilder } from 'kysely';
import { backfillCurrent } from './backfill.js';

export type Dialect = 'sqlite' | 'postgres';

interface Types {
  amount: 'text' | 'numeric';
  bytes: 'blob' | 'bytea';
}

function types(dialect: Dialect): Types {
  return dialect === 'sqlite' ? { amount: 'text', bytes: 'blob' } : { amount: 'numeric', bytes: 'bytea' };
}

/** An auto-numbered integer primary key in the dialect's own spelling. */
function withId<T extends string>(dialect: Dialect, t: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'> {
  return dialect === 'sqlite'
    ? t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    : t.addColumn('id', 'serial', (c) => c.primaryKey());
}

function init(dialect: Dialect): Migration {
  const { amount, bytes } = types(dialect);
  return {
    async up(db: Kysely<any>) {
      await withId(dialect, db.schema.createTable('entities'))
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('region', 'text')
        .addColumn('level', 'text')
        .addColumn('code', 'text')
        .execute();
      await db.schema.createIndex('entities_region').on('entities').column('region').execute();

      await withId(dialect, db.schema.createTable('documents'))
        .addColumn('key', 'text', (c) => c.notNull().unique())
        .addColumn('entity_id', 'integer', (c) => c.references('entities.id'))
        .addColumn('year', 'integer')
        .addColumn('kind', 'text', (c) => c.notNull())
        // No foreign key: versions point back here and the pair would make inserts order-dependent.
        .addColumn('current_version_id', 'integer')
        .addColumn('version_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('documents_entity_year_kind').on('documents').columns(['entity_id', 'year', 'kind']).execute();
      await db.schema.createIndex('documents_year_kind').on('documents').columns(['year', 'kind']).execute();
      await db.schema.createIndex('documents_current').on('documents').column('current_version_id').execute();

      let versions = withId(dialect, db.schema.createTable('versions'))
        .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull().unique())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('source_path', 'text')
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('pages', 'integer')
        .addColumn('title', 'text')
        .addColumn('imported_at', 'text', (c) => c.notNull())
        .addColumn('errors', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('warnings', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('infos', 'integer', (c) => c.notNull().defaultTo(0));
      for (const col of SUMMARY_COLUMNS) versions = versions.addColumn(col, amount);
      await versions
        .addColumn('result_gz', bytes, (c) => c.notNull())
        .addUniqueConstraint('versions_document_version', ['document_id', 'version'])
        .execute();

      await db.schema
        .createTable('originals')
        .addColumn('sha256', 'text', (c) => c.primaryKey())
        .addColumn('bytes', bytes, (c) => c.notNull())
        .execute();

      await withId(dialect, db.schema.createTable('line_items'))
        .addColumn('version_id', 'integer', (c) => c.notNull().references('versions.id').onDelete('cascade'))
        .addColumn('document_id', 'integer', (c) => c.notNull())
        .addColumn('entity_id', 'integer')
        .addColumn('year', 'integer')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('table_index', 'integer', (c) => c.notNull())
        .addColumn('table_kind', 'text', (c) => c.notNull())
        .addColumn('table_title', 'text', (c) => c.notNull())
        .addColumn('classification', 'text')
        .addColumn('code', 'text')
        .addColumn('level', 'text')
        .addColumn('row_index', 'integer', (c) => c.notNull())
        .addColumn('row_name', 'text', (c) => c.notNull())
        .addColumn('row_role', 'text', (c) => c.notNull())
        .addColumn('side', 'text')
        .addColumn('measure', 'text', (c) => c.notNull())
        .addColumn('amount', amount, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('line_items_version').on('line_items').column('version_id').execute();
      await db.schema
        .createIndex('line_items_entity_year_kind_code')
        .on('line_items')
        .columns(['entity_id', 'year', 'kind', 'code'])
        .execute();
      await db.schema
        .createIndex('line_items_table_measure_level')
        .on('line_items')
        .columns(['table_kind', 'measure', 'level', 'year'])
        .execute();

      await withId(dialect, db.schema.createTable('projects'))
        .addColumn('version_id', 'integer', (c) => c.notNull().references('versions.id').onDelete('cascade'))
        .addColumn('document_id', 'integer', (c) => c.notNull())
        .addColumn('entity_id', 'integer')
        .addColumn('year', 'integer')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('code', 'text')
        .addColumn('unit', 'text')
        .addColumn('budget', amount)
        .addColumn('fiscal_funds', amount)
        .addColumn('other_funds', amount)
        .addColumn('executed', amount)
        .addColumn('score', amount)
        .execute();
      await db.schema.createIndex('projects_version').on('projects').column('version_id').execute();
      await db.schema.createIndex('projects_entity_year').on('projects').columns(['entity_id', 'year']).execute();

      await withId(dialect, db.schema.createTable('indicators'))
        .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('version_id', 'integer', (c) => c.notNull())
        .addColumn('level1', 'text', (c) => c.notNull())
        .addColumn('level2', 'text', (c) => c.notNull())
        .addColumn('level3', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('actual', 'text')
        .addColumn('weight', amount)
        .addColumn('score', amount)
        .execute();
      await db.schema.createIndex('indicators_project').on('indicators').column('project_id').execute();
      await db.schema.createIndex('indicators_version').on('indicators').column('version_id').execute();

      await withId(dialect, db.schema.createTable('findings'))
        .addColumn('version_id', 'integer', (c) => c.notNull().references('versions.id').onDelete('cascade'))
        .addColumn('document_id', 'integer', (c) => c.notNull())
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('location', 'text', (c) => c.notNull())
        .addColumn('finding_json', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('findings_version').on('findings').column('version_id').execute();
      await db.schema.createIndex('findings_rule').on('findings').column('rule').execute();

      await withId(dialect, db.schema.createTable('search_text'))
        .addColumn('version_id', 'integer', (c) => c.notNull().references('versions.id').onDelete('cascade'))
        .addColumn('document_id', 'integer', (c) => c.notNull())
        .addColumn('field', 'text', (c) => c.notNull())
        .addColumn('rank', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('search_text_version').on('search_text').column('version_id').execute();
      await db.schema.createIndex('search_text_document').on('search_text').column('document_id').execute();

      if (dialect === 'sqlite') {
        // Trigram tokens make any substring of 3+ characters a match, which is what Chinese needs
        // (no word boundaries). External content: the text is stored once, in search_text.
        await sql`CREATE VIRTUAL TABLE search_fts USING fts5(text, content='search_text', content_rowid='id', tokenize='trigram')`.execute(db);
        await sql`CREATE TRIGGER search_text_ai AFTER INSERT ON search_text BEGIN
          INSERT INTO search_fts(rowid, text) VALUES (new.id, new.text); END`.execute(db);
        await sql`CREATE TRIGGER search_text_ad AFTER DELETE ON search_text BEGIN
          INSERT INTO search_fts(search_fts, rowid, text) VALUES ('delete', old.id, old.text); END`.execute(db);
      } else {
        // The extension is database-wide; put it in public so every schema (tests use one each)
        // finds its operator class through search_path.
        await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public`.execute(db);
        await sql`CREATE INDEX search_text_trgm ON search_text USING gin (text public.gin_trgm_ops)`.execute(db);
      }
    },
    async down(db: Kysely<any>) {
      if (dialect === 'sqlite') await sql`DROP TABLE IF EXISTS search_fts`.execute(db);
      for (const t of ['search_text', 'findings', 'indicators', 'projects', 'line_items', 'originals', 'versions', 'documents', 'entities']) {
        await db.schema.dropTable(t).ifExists().execute();
      }
    },
  };
}

/**
 * Search and aggregates read tables of current versions only (see current.ts): one search row per
 * document instead of one per paragraph (so a query that matches every document is counted and
 * ranked by document, with an index for 1–2 character terms too), and per-document 类 totals and
 * headline amounts with integer units (see units.ts). Existing stores are filled from what they
 * hold; the per-paragraph search table is dropped.
 */
function currentTables(dialect: Dialect): Migration {
  const { amount } = types(dialect);
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

      await backfillCurrent(db, dialect);
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

/** Headline amounts of a version, in the order of `Summary` (see record.ts). */
export const SUMMARY_COLUMNS = [
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
export type SummaryColumn = (typeof SUMMARY_COLUMNS)[number];

export function migrations(dialect: Dialect): Record<string, Migration> {
  return { '0001_init': init(dialect), '0002_current_tables': currentTables(dialect) };
}
