/**
 * The first schema: entities, documents and their versions, the original files, and per version
 * its line items, projects with indicators, findings and per-paragraph search text.
 *
 * Frozen: this file describes the store as it was when the migration was written and imports
 * nothing from the application (test/store/migrations-frozen.test.ts), so later changes to the
 * code never change what it does. Where the two back ends differ (key columns, decimal and binary
 * types, the full-text index) the choice is made here.
 */
import { sql, type CreateTableBuilder, type Kysely, type Migration } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

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

/** The headline amount columns of a version as this migration made them (frozen: later changes to the list are new migrations). */
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

export function migration(dialect: Dialect): Migration {
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

