/**
 * The store's migrations, in the order Kysely runs them (by name). Each is one frozen file in this
 * folder: `0001_init`, `0002_current_tables`, then `YYYYMMDDHHMM_<topic>` for every later change,
 * written for both dialects and importing nothing from the application — a migration describes
 * the store as it was when it was written (test/store/migrations-frozen.test.ts checks both).
 * To change the schema, add a file and a line below; never edit a migration that has shipped.
 */
import type { Migration } from 'kysely';
import * as m0001 from './0001_init.js';
import * as m0002 from './0002_current_tables.js';
import * as m202612062030 from './202612062030_finding_reviews.js';
import * as m202612062045 from './202612062045_region.js';
import * as m202612062300 from './202612062300_dashboard_indexes.js';
import * as m202612062310 from './202612062310_score_inputs.js';
import * as m202612062330 from './202612062330_accounts.js';
import * as m202612070200 from './202612070200_import_jobs.js';
import * as m202612070250 from './202612070250_line_item_rows.js';
import * as m202612070310 from './202612070310_combined_versions.js';

type Dialect = 'sqlite' | 'postgres';

const ALL: Record<string, { migration(dialect: Dialect): Migration }> = {
  '0001_init': m0001,
  '0002_current_tables': m0002,
  '202612062030_finding_reviews': m202612062030,
  '202612062045_region': m202612062045,
  '202612062300_dashboard_indexes': m202612062300,
  '202612062310_score_inputs': m202612062310,
  '202612062330_accounts': m202612062330,
  '202612070200_import_jobs': m202612070200,
  '202612070250_line_item_rows': m202612070250,
  '202612070310_combined_versions': m202612070310,
};

export function migrations(dialect: Dialect): Record<string, Migration> {
  return Object.fromEntries(Object.entries(ALL).map(([name, m]) => [name, m.migration(dialect)]));
}
