/** `gongkai import`, `serve`, `backup` and `restore`: thin wrappers over src/import, src/serve and src/store. */
import { existsSync } from 'node:fs';
import { importPaths } from '../import/index.js';
import { requestLogger, startServer } from '../serve/index.js';
import { isLoopbackHost } from '../serve/auth/index.js';
import { backupStore, restoreStore, StoreError } from '../store/index.js';
import { describeError } from '../system-error.js';
import { createProgressReporter } from './progress.js';

/** Exit status: 0 done, 2 when a file failed or a named path does not exist (or the store cannot be opened), 130 interrupted. */
export async function runImport(named: string[], opts: { db?: string; workers?: number }): Promise<number> {
  // A path the user named that is not there is a mistake in the command (said before anything is
  // opened), not a file left out of a folder; the other paths are still imported.
  const missing = named.filter((p) => !existsSync(p));
  for (const p of missing) console.error(`错误 ${p}：文件或目录不存在`);
  const paths = named.filter((p) => !missing.includes(p));
  if (paths.length === 0) return 2;
  const reporter = createProgressReporter();
  const abort = new AbortController();
  // Ctrl-C finishes the document being written, then stops; a re-run completes the rest.
  process.once('SIGINT', () => abort.abort());
  let summary;
  try {
    summary = await importPaths(paths, { db: opts.db, workers: opts.workers, onProgress: reporter.onProgress, signal: abort.signal });
  } catch (e) {
    console.error(`错误 ${e instanceof StoreError ? e.message : describeError(e)}`);
    return 2;
  }
  if (summary.interrupted) return 130;
  return summary.failed.length || missing.length ? 2 : 0;
}

/** Runs until Ctrl-C; 2 when the server cannot start (the port taken, the store not opened). */
export async function runServe(opts: { port: number; host?: string; db?: string; publicRead?: boolean; insecureCookies?: boolean }): Promise<number> {
  let server;
  try {
    server = await startServer({
      port: opts.port,
      host: opts.host,
      db: opts.db,
      publicRead: opts.publicRead,
      // JSON lines on stdout (the start-up line and errors go to stderr); GONGKAI_LOG_LEVEL=warn quietens it.
      logger: requestLogger(process.env.GONGKAI_LOG_LEVEL || 'info'),
      ...(opts.insecureCookies ? { secureCookies: false } : {}),
    });
  } catch (e) {
    const what = (e as { code?: string }).code?.startsWith('EADDR') || (e as { code?: string }).code === 'EACCES' ? `${opts.host ?? '127.0.0.1'}:${opts.port}` : undefined;
    console.error(`错误 ${e instanceof StoreError ? e.message : `无法启动服务：${describeError(e, what)}`}`);
    return 2;
  }
  console.error(`gongkai 服务已启动：${server.url}（API 文档 ${server.url}/api/docs）`);
  if (!isLoopbackHost(opts.host ?? '127.0.0.1')) {
    const users = await server.store.accounts.countUsers();
    console.error(`监听非本机地址：${opts.publicRead ? '写入' : '查询和写入'}须登录或使用 API 令牌${users === 0 ? '。还没有账户：请用 gongkai user add <名称> --role admin 创建' : ''}`);
  }
  const running = server;
  process.once('SIGINT', () => void running.close().then(() => process.exit(0)));
  return 0;
}

function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** 0 written, 2 refused (PostgreSQL, an existing file, no store). */
export async function runBackup(file: string, opts: { db?: string }): Promise<number> {
  try {
    const r = await backupStore({ db: opts.db, to: file });
    console.error(`已备份：${r.from} → ${r.to}（${r.documents} 份文件，${megabytes(r.bytes)}）`);
    return 0;
  } catch (e) {
    console.error(`错误 ${e instanceof StoreError ? e.message : describeError(e)}`);
    return 2;
  }
}

export async function runRestore(file: string, opts: { db?: string; force?: boolean }): Promise<number> {
  try {
    const r = await restoreStore({ db: opts.db, from: file, force: opts.force });
    console.error(`已恢复：${r.from} → ${r.to}（${r.documents} 份文件）`);
    return 0;
  } catch (e) {
    console.error(`错误 ${e instanceof StoreError ? e.message : describeError(e)}`);
    return 2;
  }
}
