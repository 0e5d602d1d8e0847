/**
 * `gongkai backup` / `gongkai restore` for a SQLite store, through SQLite's online backup API
 * (better-sqlite3's `backup`): a consistent copy of the whole database page by page while the
 * server or an import keeps using it, WAL content included. A PostgreSQL store is backed up with
 * its own tools (pg_dump / pg_restore, see docs/operations.md); gongkai says so rather than
 * pretend.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { isPostgresUrl, openConnection, redact, resolveDb, StoreError } from './open.js';

export interface BackupResult {
  /** The store that was copied. */
  from: string;
  /** The backup file written. */
  to: string;
  bytes: number;
  documents: number;
}

function pgAdvice(url: string, what: 'backup' | 'restore'): StoreError {
  return new StoreError(
    what === 'backup'
      ? `PostgreSQL 数据库（${redact(url)}）请用 pg_dump 备份，例如 pg_dump --format=custom --file=gongkai.dump "<数据库地址>"（见 docs/operations.md）`
      : `PostgreSQL 数据库（${redact(url)}）请用 pg_restore 恢复，例如 pg_restore --clean --if-exists --dbname="<数据库地址>" gongkai.dump（见 docs/operations.md）`,
  );
}

/** Opens a file that must already be a gongkai store (never creates one). */
function openExisting(path: string, role: string): BetterSqlite3.Database {
  if (!existsSync(path)) throw new StoreError(`${role} ${path} 不存在`);
  let raw: BetterSqlite3.Database;
  try {
    raw = new BetterSqlite3(path, { fileMustExist: true });
  } catch (e) {
    throw new StoreError(`${role} ${path} 无法打开：${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    raw.pragma('busy_timeout = 10000');
    const check = raw.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new StoreError(`${role} ${path} 已损坏（SQLite 检查：${String(check)}）`);
    const tables = new Set(raw.prepare("select name from sqlite_master where type = 'table'").all().map((r) => (r as { name: string }).name));
    if (!tables.has('kysely_migration') || !tables.has('documents') || !tables.has('versions')) {
      throw new StoreError(`${role} ${path} 不是 gongkai 数据库`);
    }
    return raw;
  } catch (e) {
    raw.close();
    if (e instanceof StoreError) throw e;
    // Not a database at all: SQLite says "file is not a database" on the first read.
    throw new StoreError(`${role} ${path} 不是 gongkai 数据库（${e instanceof Error ? e.message : String(e)}）`);
  }
}

function documentCount(raw: BetterSqlite3.Database): number {
  return (raw.prepare('select count(*) as n from documents').get() as { n: number }).n;
}

/** Copies the store `db` names (see `resolveDb`) to `to`, which must not exist yet. */
export async function backupStore(options: { db?: string; to: string }): Promise<BackupResult> {
  const target = resolveDb(options.db);
  if (isPostgresUrl(target)) throw pgAdvice(target, 'backup');
  if (target === ':memory:') throw new StoreError('内存数据库无法备份');
  const from = resolve(target);
  const to = resolve(options.to);
  if (existsSync(to)) throw new StoreError(`备份文件 ${to} 已存在：请换一个文件名（不会覆盖已有备份）`);
  const source = openExisting(from, '数据库');
  try {
    mkdirSync(dirname(to), { recursive: true });
    await source.backup(to);
  } catch (e) {
    throw e instanceof StoreError ? e : new StoreError(`无法写入备份文件 ${to}：${e instanceof Error ? e.message : String(e)}`);
  } finally {
    source.close();
  }
  // The copy is checked as a restore would check it: a backup that cannot be restored is none.
  const copy = openExisting(to, '备份文件');
  try {
    // A single file, whatever the store's journal: the backup is one thing to keep.
    copy.pragma('journal_mode = DELETE');
    return { from, to, bytes: statSync(to).size, documents: documentCount(copy) };
  } finally {
    copy.close();
  }
}

/**
 * Replaces the store `db` names with the backup `from`, then opens it once so a backup of an
 * older gongkai is migrated to the current schema. An existing store with documents is kept
 * unless `force`: stop `gongkai serve` first, a restore under a running server is not one.
 */
export async function restoreStore(options: { db?: string; from: string; force?: boolean }): Promise<BackupResult> {
  const target = resolveDb(options.db);
  if (isPostgresUrl(target)) throw pgAdvice(target, 'restore');
  if (target === ':memory:') throw new StoreError('无法恢复到内存数据库');
  const from = resolve(options.from);
  const to = resolve(target);
  if (from === to) throw new StoreError('备份文件与目标数据库是同一个文件');
  const source = openExisting(from, '备份文件');
  try {
    if (existsSync(to) && !options.force) {
      let existing: number;
      try {
        const raw = openExisting(to, '目标数据库');
        existing = documentCount(raw);
        raw.close();
      } catch {
        existing = -1;
      }
      if (existing !== 0) {
        throw new StoreError(`目标数据库 ${to} 已存在${existing > 0 ? `（${existing} 份文件）` : ''}：确认要覆盖请加 --force（请先停止 gongkai serve）`);
      }
    }
    mkdirSync(dirname(to), { recursive: true });
    await source.backup(to);
  } finally {
    source.close();
  }
  const conn = await openConnection({ db: to });
  try {
    const { n } = await conn.db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { from, to, bytes: statSync(to).size, documents: Number(n) };
  } finally {
    await conn.close();
  }
}
