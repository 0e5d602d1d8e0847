/**
 * Indexes for the reviewers' dashboard over a large store (issue 13: a filter change over 10,000
 * documents in ≤ 300 ms). A version row carries its gzipped check result, so it fills a database
 * page of its own: counting and sorting documents by their finding counts read one page per
 * document. `versions_counts` holds what the dashboard sums and sorts by, so those scans read the
 * index instead; `findings_rule_version` answers "documents with a finding of this rule" and the
 * rule facet from the index alone.
 *
 * Frozen: imports nothing from the application; written for both dialects.
 */
import type { Kysely, Migration } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

export function migration(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.createIndex('versions_counts').on('versions').columns(['id', 'errors', 'warnings', 'infos', 'imported_at']).execute();
      await db.schema.createIndex('findings_rule_version').on('findings').columns(['rule', 'version_id', 'document_id']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropIndex('findings_rule_version').execute();
      await db.schema.dropIndex('versions_counts').execute();
    },
  };
}
