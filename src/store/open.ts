/**
 * Opening a store: SQLite (a file, created on first use) or PostgreSQL (a postgres:// URL), both
 * through Kysely, migrated to the current schema before first use.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql, type SqliteDatabase, type SqliteStatement } from 'kysely';
import pg from 'pg';
import { Money } from '../model/money.js';
import { describeError } from '../system-error.js';
import { StorePostgresDialect } from './introspect.js';
import { migrations } from './migrations/index.js';
import type { Dialect } from './schema.js';
import type { Database } from './schema.js';

/** Where the store lives when nothing is configured. */
export const DEFAULT_DB_PATH = './data/gongkai.db';

export interface OpenOptions {
  /** A file path, `:memory:`, or a `postgres://` URL. Default: `$DATABASE_URL`, else ./data/gongkai.db (see `resolveDb`). */
  db?: string;
  /** PostgreSQL only: work inside this schema (created when missing), e.g. one per test file. */
  schema?: string;
  /** Run pending migrations on open (default true). */
  migrate?: boolean;
}

export interface Connection {
  readonly dialect: Dialect;
  readonly db: Kysely<Database>;
  /** Where the data is, for messages (a PostgreSQL URL without its password). */
  readonly location: string;
  close(): Promise<void>;
}

export function isPostgresUrl(s: string | undefined): s is string {
  return !!s && /^postgres(ql)?:\/\//i.test(s);
}

/**
 * Which database a `--db` value (or its absence) means: the value, else `$DATABASE_URL`, else
 * ./data/gongkai.db. This is the only place DATABASE_URL is read. A SQLite file path or a
 * postgres:// URL; a URL of another scheme is refused rather than taken for a file name.
 */
export function resolveDb(db?: string): string {
  const target = db?.trim() || process.env.DATABASE_URL?.trim() || DEFAULT_DB_PATH;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target) && !isPostgresUrl(target)) {
    throw new StoreError(`不支持的数据库地址 ${redact(target)}：请给出 SQLite 文件路径或 postgres:// 地址${db?.trim() ? '' : '（来自环境变量 DATABASE_URL）'}`);
  }
  return target;
}

/**
 * A postgres:// URL may name the schema the store lives in (`?schema=gongkai`, as Prisma's URLs
 * do), so several stores can share a database: the URL pg connects with, without it, and the schema.
 */
export function postgresTarget(url: string): { url: string; schema?: string } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { url };
  }
  const schema = u.searchParams.get('schema');
  if (schema === null) return { url };
  u.searchParams.delete('schema');
  return { url: u.toString(), schema };
}

export async function openConnection(options: OpenOptions = {}): Promise<Connection> {
  const target = resolveDb(options.db);
  const pgTarget = isPostgresUrl(target) ? postgresTarget(target) : undefined;
  const schema = options.schema ?? pgTarget?.schema;
  const conn = pgTarget ? await openPostgres(pgTarget.url, schema) : openSqlite(target);
  if (options.migrate !== false) {
    try {
      await migrate(conn, { schema });
    } catch (e) {
      await conn.close();
      throw e;
    }
  }
  return conn;
}

function openSqlite(file: string): Connection {
  const memory = file === ':memory:';
  const path = memory ? file : resolve(file);
  if (!memory) mkdirSync(dirname(path), { recursive: true });
  let raw: BetterSqlite3.Database;
  try {
    raw = new BetterSqlite3(path);
  } catch (e) {
    throw new StoreError(`无法打开数据库文件 ${path}：${firstLine(e)}`);
  }
  // WAL: readers (the API) never wait for the importer, and a killed process loses at most the
  // transaction it was in. NORMAL sync is durable against process crashes, which is what we need.
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 10000');
  registerDecimalSum(raw);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new StatementCache(raw) }) });
  return { dialect: 'sqlite', db, location: path, close: () => db.destroy() };
}

async function openPostgres(url: string, schema?: string): Promise<Connection> {
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new StoreError(`PostgreSQL 模式名不合法：${schema}`);
  if (schema) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } catch (e) {
      throw new StoreError(`无法连接 PostgreSQL（${redact(url)}）：${firstLine(e)}`);
    } finally {
      await client.end().catch(() => {});
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema},public` } : {}),
  });
  // An idle client's network error would otherwise crash the process.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new StorePostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
  } catch (e) {
    await db.destroy();
    throw new StoreError(`无法连接 PostgreSQL（${redact(url)}）：${firstLine(e)}`);
  }
  return { dialect: 'postgres', db, location: redact(url) + (schema ? `（模式 ${schema}）` : ''), close: () => db.destroy() };
}

/**
 * Runs the pending migrations, all of them or none: a process killed halfway (or a migration that
 * fails) leaves the store as it was. PostgreSQL: Kysely's Migrator holds a session advisory lock
 * (other processes opening the same database wait) and runs the migrations in one transaction.
 * SQLite: Kysely runs them without a transaction, so they run inside one `BEGIN IMMEDIATE` here —
 * SQLite's DDL is transactional, and IMMEDIATE takes the write lock up front, so a second process
 * opening a new file waits (busy_timeout) instead of failing halfway through reading the state.
 * `db` replaces the connection's Kysely instance (the same connection, e.g. with a plugin).
 */
export async function migrate(conn: Connection, options: { schema?: string; db?: Kysely<any> } = {}): Promise<void> {
  const db = options.db ?? conn.db;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations(conn.dialect) },
    ...(conn.dialect === 'postgres' ? { migrationTableSchema: options.schema ?? 'public' } : {}),
  });
  const run = async () => {
    if (conn.dialect === 'postgres') return migrator.migrateToLatest();
    // An up-to-date store is only read: opening it never waits for a writer's lock.
    if ((await migrator.getMigrations()).every((m) => m.executedAt)) return { error: undefined };
    await sql`BEGIN IMMEDIATE`.execute(db);
    try {
      const result = await migrator.migrateToLatest();
      await sql.raw(result.error ? 'ROLLBACK' : 'COMMIT').execute(db);
      return result;
    } catch (e) {
      await sql`ROLLBACK`.execute(db).catch(() => {});
      throw e;
    }
  };
  // Two processes opening a new store at once can still meet SQLITE_BUSY past the timeout: try again.
  for (let attempt = 0; ; attempt++) {
    let error: unknown;
    try {
      ({ error } = await run());
    } catch (e) {
      error = e;
    }
    if (!error) return;
    if (attempt < 5 && isBusy(error)) {
      await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
      continue;
    }
    throw new StoreError(`数据库迁移失败（${conn.location}）：${firstLine(error)}`);
  }
}

/**
 * SQLite has no decimal type: `dsum` adds TEXT amounts as decimals so aggregates are exact on
 * both back ends (PostgreSQL's `sum(numeric)` already is). Amounts with up to 8 decimals — all of
 * them in practice — are added as scaled BigInts, which is several times faster than decimal.js
 * per row; anything else goes through Money.
 */
const SCALE = 8;
const PLAIN_DECIMAL = /^(-?)(\d{1,24})(?:\.(\d{1,8}))?$/;

interface SumState {
  scaled: bigint;
  rest: Money | null;
  any: boolean;
}

function registerDecimalSum(raw: BetterSqlite3.Database): void {
  raw.aggregate('dsum', {
    start: (): SumState => ({ scaled: 0n, rest: null, any: false }),
    step: ((state: SumState, next: unknown) => {
      if (next === null || next === undefined || next === '') return state;
      state.any = true;
      const m = typeof next === 'string' ? PLAIN_DECIMAL.exec(next) : null;
      if (m) {
        state.scaled += BigInt(m[1] + m[2] + (m[3] ?? '').padEnd(SCALE, '0'));
      } else {
        const v = new Money(next as string | number);
        state.rest = state.rest ? state.rest.plus(v) : v;
      }
      return state;
    }) as never,
    result: ((state: SumState) => {
      if (!state.any) return null;
      const total = new Money(state.scaled.toString()).div(10 ** SCALE);
      return (state.rest ? total.plus(state.rest) : total).toFixed();
    }) as never,
  });
}

/**
 * Kysely prepares every query anew; better-sqlite3 statements can be reused, which saves the
 * parse on the hot read paths. A statement still iterating is never handed out twice.
 */
class StatementCache implements SqliteDatabase {
  private readonly cache = new Map<string, BetterSqlite3.Statement>();
  constructor(
    private readonly raw: BetterSqlite3.Database,
    private readonly limit = 500,
  ) {}

  prepare(text: string): SqliteStatement {
    const hit = this.cache.get(text);
    if (hit && !hit.busy) {
      this.cache.delete(text);
      this.cache.set(text, hit);
      return hit as unknown as SqliteStatement;
    }
    const stmt = this.raw.prepare(text);
    if (!hit) {
      this.cache.set(text, stmt);
      if (this.cache.size > this.limit) this.cache.delete(this.cache.keys().next().value as string);
    }
    return stmt as unknown as SqliteStatement;
  }

  close(): void {
    this.cache.clear();
    this.raw.close();
  }
}

export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

export function isBusy(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED';
}

/** SQLite's integer `sum` past 2⁶³: the caller adds the decimals instead. */
export function isIntegerOverflow(e: unknown): boolean {
  return e instanceof Error && /integer overflow/i.test(e.message);
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

function firstLine(e: unknown): string {
  return describeError(e);
}
