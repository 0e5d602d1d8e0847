/**
 * A reviewer's verdict on a finding: confirmed or dismissed, with the reason and who gave it. Kept
 * with the document version the finding belongs to (a new version is checked afresh), one verdict
 * per finding, identified by its place in the version's findings and checked against its rule and
 * message so a verdict never lands on another finding.
 *
 * Frozen: imports nothing from the application; written for both dialects.
 */
import type { CreateTableBuilder, Kysely, Migration } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

function withId<T extends string>(dialect: Dialect, t: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'> {
  return dialect === 'sqlite'
    ? t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    : t.addColumn('id', 'serial', (c) => c.primaryKey());
}

export function migration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await withId(dialect, db.schema.createTable('finding_reviews'))
        .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('version_id', 'integer', (c) => c.notNull().references('versions.id').onDelete('cascade'))
        .addColumn('finding_index', 'integer', (c) => c.notNull())
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('reviewer', 'text')
        .addColumn('reviewed_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('finding_reviews_version_finding', ['version_id', 'finding_index'])
        .execute();
      await db.schema.createIndex('finding_reviews_document').on('finding_reviews').column('document_id').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('finding_reviews').execute();
    },
  };
}
