/**
 * A version can be the check of several files together: the parts of one disclosure published
 * apart (说明 and 表格), checked as one document so the checks between them run (frozen: never
 * import application code here). `combines` lists the ids of the versions whose files it joins,
 * in reading order; such a version holds no part and has no original of its own.
 */
import type { Kysely, Migration } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

export function migration(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('versions').addColumn('combines', 'text').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable('versions').dropColumn('combines').execute();
    },
  };
}
