/**
 * Region review (frozen: never import application code here).
 *
 * - entities: a matching key (one department whatever variant of its name), the division it sits
 *   in (GB/T 2260 code and names of province, city, county) and the department a unit belongs to;
 * - entity_aliases: which name keys mean which entity (written automatically, edited by reviewers);
 * - versions: the name and scope the file printed, which parts of a disclosure it holds and the
 *   date it states (落款/公开日期), for the coverage ledger;
 * - documents: the scope (本级 apart from 汇总) that is part of the document's key;
 * - document_parts: for each part of a disclosure (each standard table kind, the 说明, the 绩效目标表)
 *   the version that holds it now, so a new file replaces only the parts it repeats;
 * - ledger_units: the units that must publish, per year, as a finance bureau lists them.
 *
 * Existing rows keep null keys; the store fills them on open (store/entities.ts), since the
 * matching rule is application code.
 */
import { sql, type Kysely, type Migration } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

export function migration(dialect: Dialect): Migration {
  const id = (t: any) =>
    dialect === 'sqlite' ? t.addColumn('id', 'integer', (c: any) => c.primaryKey().autoIncrement()) : t.addColumn('id', 'serial', (c: any) => c.primaryKey());
  return {
    async up(db: Kysely<any>) {
      for (const col of ['key', 'division', 'province', 'city', 'county', 'parent_name']) {
        await db.schema.alterTable('entities').addColumn(col, 'text').execute();
      }
      await db.schema.alterTable('entities').addColumn('parent_id', 'integer').execute();
      await db.schema.createIndex('entities_key').unique().on('entities').column('key').execute();
      await db.schema.createIndex('entities_division').on('entities').column('division').execute();

      await db.schema
        .createTable('entity_aliases')
        .addColumn('alias', 'text', (c) => c.primaryKey())
        .addColumn('entity_id', 'integer', (c) => c.notNull())
        // `auto` (written when a document first named the entity) or `reviewer`.
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('entity_aliases_entity').on('entity_aliases').column('entity_id').execute();

      for (const col of ['entity_name', 'scope', 'parts', 'stated_on']) await db.schema.alterTable('versions').addColumn(col, 'text').execute();
      await db.schema.alterTable('documents').addColumn('scope', 'text').execute();

      await db.schema
        .createTable('document_parts')
        .addColumn('document_id', 'integer', (c) => c.notNull())
        .addColumn('part', 'text', (c) => c.notNull())
        .addColumn('version_id', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('document_parts_pk', ['document_id', 'part'])
        .execute();
      await db.schema.createIndex('document_parts_version').on('document_parts').columns(['version_id', 'part']).execute();
      // Every stored document so far is one file: that file holds all its parts.
      await sql`INSERT INTO document_parts (document_id, part, version_id)
        SELECT id, 'all', current_version_id FROM documents WHERE current_version_id IS NOT NULL`.execute(db);

      await id(db.schema.createTable('ledger_units'))
        .addColumn('year', 'integer', (c: any) => c.notNull())
        .addColumn('region', 'text', (c: any) => c.notNull())
        .addColumn('department', 'text', (c: any) => c.notNull())
        .addColumn('unit', 'text', (c: any) => c.notNull())
        .addColumn('level', 'text')
        // Which kinds the unit must publish, comma-separated (budget, final-accounts, self-evaluation).
        .addColumn('kinds', 'text', (c: any) => c.notNull())
        // Dates as YYYY-MM-DD: when the finance bureau approved (批复) and, if the list says so, when
        // the unit published.
        .addColumn('approved_on', 'text')
        .addColumn('published_on', 'text')
        .addColumn('unit_key', 'text', (c: any) => c.notNull())
        .addColumn('imported_at', 'text', (c: any) => c.notNull())
        .addUniqueConstraint('ledger_units_year_unit', ['year', 'region', 'unit_key'])
        .execute();
      await db.schema.createIndex('ledger_units_key').on('ledger_units').column('unit_key').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('ledger_units').ifExists().execute();
      await db.schema.dropTable('document_parts').ifExists().execute();
      await db.schema.dropTable('entity_aliases').ifExists().execute();
      await db.schema.dropIndex('entities_key').ifExists().execute();
      await db.schema.dropIndex('entities_division').ifExists().execute();
      for (const col of ['entity_name', 'scope', 'parts', 'stated_on']) await db.schema.alterTable('versions').dropColumn(col).execute();
      await db.schema.alterTable('documents').dropColumn('scope').execute();
      for (const col of ['key', 'division', 'province', 'city', 'county', 'parent_name', 'parent_id']) {
        await db.schema.alterTable('entities').dropColumn(col).execute();
      }
    },
  };
}
