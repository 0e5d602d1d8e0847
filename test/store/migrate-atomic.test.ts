/**
 * A first run of the migrations killed at any statement leaves the store empty or complete, never
 * half made (issue 16: "table entities already exists" after a kill -9). A child process runs the
 * real migrations on the real back end, stops after the k-th statement and is killed there with
 * SIGKILL; the store is then inspected as it was left, and opened again.
 */
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { Store } from '../../src/store/index.js';
import { PG_URL } from './backends.js';

const CHILD = fileURLToPath(new URL('./migrate-child.ts', import.meta.url));

/** Runs the child to its k-th statement and kills it there; what it printed about that statement. */
function runAndKill(db: string, schema: string | undefined, k: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, db, schema ?? '-', String(k)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (/^(stopped|done) .*\n/m.test(out)) child.kill('SIGKILL');
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', () => (/^(stopped|done)/m.test(out) ? resolve(out.trim()) : reject(new Error(`child gave no line: ${out} ${err}`))));
  });
}

interface State {
  /** Tables, indexes and triggers of the application (not Kysely's bookkeeping). */
  objects: string[];
  /** Migrations recorded as done. */
  done: string[];
}

function sqliteState(file: string): State {
  const raw = new BetterSqlite3(file);
  try {
    const objects = raw
      .prepare("select type || ' ' || name as o from sqlite_master where name not like 'kysely_%' and name not like 'sqlite_%' order by 1")
      .all()
      .map((r) => (r as { o: string }).o);
    const hasLog = raw.prepare("select 1 from sqlite_master where name = 'kysely_migration'").get();
    const done = hasLog ? raw.prepare('select name from kysely_migration order by name').all().map((r) => (r as { name: string }).name) : [];
    return { objects, done };
  } finally {
    raw.close();
  }
}

async function pgState(client: pg.Client, schema: string): Promise<State> {
  const objects = (
    await client.query(
      `select 'table ' || table_name as o from information_schema.tables where table_schema = $1 and table_name not like 'kysely_%'
       union all select 'index ' || indexname from pg_indexes where schemaname = $1 and tablename not like 'kysely_%' order by 1`,
      [schema],
    )
  ).rows.map((r) => r.o as string);
  const log = await client.query(`select 1 from information_schema.tables where table_schema = $1 and table_name = 'kysely_migration'`, [schema]);
  const done = log.rowCount ? (await client.query(`select name from ${schema}.kysely_migration order by name`)).rows.map((r) => r.name as string) : [];
  return { objects, done };
}

/** Each kill point's outcome: empty (no application object, nothing recorded) or complete. */
function judge(state: State, complete: State, stoppedAt: string): 'empty' | 'complete' {
  if (state.objects.length === 0 && state.done.length === 0) return 'empty';
  assert.deepEqual(state, complete, `killed at ${stoppedAt}: the store is half made`);
  return 'complete';
}

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('a first-run migration killed with SIGKILL', () => {
  test('on SQLite leaves an empty or a complete store at every kill point, and the next open completes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-migrate-kill-'));
    dirs.push(dir);
    const reference = join(dir, 'reference.db');
    const total = Number(/done (\d+)/.exec(await runAndKill(reference, undefined, 1e9))![1]);
    const complete = sqliteState(reference);
    assert.ok(complete.objects.includes('table entities') && complete.done.length >= 2);

    const outcomes: string[] = [];
    // Spread over the whole run: Kysely's bookkeeping, the first tables, the middle, the last statement.
    for (const k of [3, 12, 18, 33, 45, total]) {
      const file = join(dir, `kill-${k}.db`);
      const stopped = await runAndKill(file, undefined, k);
      const outcome = judge(sqliteState(file), complete, stopped);
      outcomes.push(`${stopped} → ${outcome}`);
      // Killed after an application table or index was made and before the commit: none of it stays.
      if (/Create(Table|Index)Node/.test(stopped) && k < total) assert.equal(outcome, 'empty', stopped);
      const store = await Store.open({ db: file });
      try {
        assert.deepEqual(sqliteState(file), complete, `reopened after ${stopped}`);
      } finally {
        await store.close();
      }
    }
    assert.ok(outcomes.filter((o) => /Create(Table|Index)Node.*empty/.test(o)).length >= 2, outcomes.join('\n'));
    assert.match(outcomes.at(-1)!, /complete$/);
  });

  test('on PostgreSQL the same, in one transaction under an advisory lock', { skip: PG_URL ? false : 'GONGKAI_TEST_PG_URL is unset' }, async () => {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    const schemas: string[] = [];
    const fresh = (tag: string) => {
      const s = `t_mkill_${process.pid}_${tag}`;
      schemas.push(s);
      return s;
    };
    try {
      const ref = fresh('ref');
      const total = Number(/done (\d+)/.exec(await runAndKill(PG_URL!, ref, 1e9))![1]);
      const complete = await pgState(client, ref);
      assert.ok(complete.objects.includes('table entities'));
      const outcomes: string[] = [];
      for (const k of [16, 30, total]) {
        const schema = fresh(String(k));
        const stopped = await runAndKill(PG_URL!, schema, k);
        const outcome = judge(await pgState(client, schema), complete, stopped);
        outcomes.push(`${stopped} → ${outcome}`);
        if (/Create(Table|Index)Node/.test(stopped) && k < total) assert.equal(outcome, 'empty', stopped);
        const store = await Store.open({ db: PG_URL!, schema });
        await store.close();
        assert.deepEqual(await pgState(client, schema), complete, `reopened after ${stopped}`);
      }
      assert.ok(outcomes.filter((o) => /Create(Table|Index)Node.*empty/.test(o)).length >= 2, outcomes.join('\n'));

      // Two processes opening one new schema at once: the lock makes one wait, both succeed.
      const both = fresh('both');
      const [a, b] = await Promise.all([runAndKill(PG_URL!, both, 1e9), runAndKill(PG_URL!, both, 1e9)]);
      assert.match(a, /^done/);
      assert.match(b, /^done/);
      assert.deepEqual(await pgState(client, both), complete);
    } finally {
      for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
      await client.end();
    }
  });
});
