/**
 * Files queued for import by workers on other machines (frozen: never import application code here).
 *
 * One row a file: its bytes (kept until it is done, so a worker on any machine can check it
 * without the enqueuing machine's disk), what became of it and how often a worker took it up. The
 * queue itself (which worker holds which file, expiry, retries) is pg-boss's, in its own schema;
 * this table is the store's record of the batch, so a retried file is stored once and progress
 * is one query.
 */
import type { Kysely, Migration } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

export function migration(dialect: Dialect): Migration {
  const id = (t: any) =>
    dialect === 'sqlite' ? t.addColumn('id', 'integer', (c: any) => c.primaryKey().autoIncrement()) : t.addColumn('id', 'serial', (c: any) => c.primaryKey());
  const bytes = dialect === 'sqlite' ? 'blob' : 'bytea';
  return {
    async up(db: Kysely<any>) {
      await id(db.schema.createTable('import_jobs'))
        .addColumn('batch', 'text', (c: any) => c.notNull())
        .addColumn('sha256', 'text', (c: any) => c.notNull())
        .addColumn('file_name', 'text', (c: any) => c.notNull())
        .addColumn('source_path', 'text', (c: any) => c.notNull())
        .addColumn('size', 'integer', (c: any) => c.notNull())
        .addColumn('bytes', bytes)
        // queued, active, imported, duplicate, failed
        .addColumn('status', 'text', (c: any) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('document_id', 'integer')
        .addColumn('version', 'integer')
        .addColumn('attempts', 'integer', (c: any) => c.notNull().defaultTo(0))
        .addColumn('worker', 'text')
        .addColumn('created_at', 'text', (c: any) => c.notNull())
        .addColumn('updated_at', 'text', (c: any) => c.notNull())
        .execute();
      await db.schema.createIndex('import_jobs_batch').on('import_jobs').columns(['batch', 'status']).execute();
      await db.schema.createIndex('import_jobs_status').on('import_jobs').columns(['status', 'sha256']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('import_jobs').execute();
    },
  };
}
