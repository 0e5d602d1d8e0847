/**
 * An index for reading one table of a version a page of rows at a time (GET
 * /api/documents/:id/tables/:index): the rows of a table of 100,000 rows are found, counted and
 * paged from the index, never by reading the document's whole check result.
 * Frozen: never import application code here.
 */
import type { Kysely, Migration } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

export function migration(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.createIndex('line_items_version_table_row').on('line_items').columns(['version_id', 'table_index', 'row_index']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropIndex('line_items_version_table_row').execute();
    },
  };
}
