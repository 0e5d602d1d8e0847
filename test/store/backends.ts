/**
 * Runs a suite on both back ends: SQLite (in memory, always) and PostgreSQL when
 * GONGKAI_TEST_PG_URL is set (scripts/pg-test-server.sh start prints one). Each `open()` on
 * PostgreSQL gets its own schema, dropped when the file's tests end, so files and tests never
 * see each other's rows.
 */
import { after } from 'node:test';
import pg from 'pg';
import { Store } from '../../src/store/index.js';

export const PG_URL = process.env.GONGKAI_TEST_PG_URL;

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** node:test skip option: a reason when the back end is unavailable. */
  skip: string | false;
  /** A new, empty, migrated store. */
  open(): Promise<Store>;
  /** What `--db` would be for this back end, plus the schema (PostgreSQL) a fresh store uses. */
  fresh(): { db: string; schema?: string };
}

let counter = 0;
const schemas: string[] = [];

after(async () => {
  if (!PG_URL || schemas.length === 0) return;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  } finally {
    await client.end();
  }
});

export function backends(tag: string): Backend[] {
  const pgFresh = () => {
    const schema = `t_${tag}_${process.pid}_${++counter}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
    schemas.push(schema);
    return { db: PG_URL!, schema };
  };
  return [
    {
      name: 'sqlite',
      skip: false,
      fresh: () => ({ db: ':memory:' }),
      open: () => Store.open({ db: ':memory:' }),
    },
    {
      name: 'postgres',
      skip: PG_URL ? false : 'GONGKAI_TEST_PG_URL is unset: PostgreSQL half skipped (start one with scripts/pg-test-server.sh start)',
      fresh: pgFresh,
      open: () => Store.open(pgFresh()),
    },
  ];
}
