/**
 * What the transparency score reads of each version, gzipped JSON beside the full check result
 * (frozen: never import application code here). Scoring a region then parses a few KB per file
 * instead of the whole result. Rows written before stay null and are scored from `result_gz`.
 */
import type { Kysely, Migration } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

export function migration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('versions').addColumn('score_gz', dialect === 'sqlite' ? 'blob' : 'bytea').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable('versions').dropColumn('score_gz').execute();
    },
  };
}
