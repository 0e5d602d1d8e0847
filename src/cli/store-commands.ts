/** `gongkai import` and `gongkai serve`: thin wrappers over src/import and src/serve. */
import { createProgressReporter, importPaths } from '../import/index.js';
import { startServer } from '../serve/index.js';

export async function runImport(paths: string[], opts: { db?: string; workers?: number }): Promise<number> {
  const reporter = createProgressReporter();
  const abort = new AbortController();
  // Ctrl-C finishes the document being written, then stops; a re-run completes the rest.
  process.once('SIGINT', () => abort.abort());
  const summary = await importPaths(paths, {
    db: opts.db ?? process.env.DATABASE_URL,
    workers: opts.workers,
    onProgress: reporter.onProgress,
    signal: abort.signal,
  });
  if (summary.interrupted) return 130;
  return summary.failed.length ? 2 : 0;
}

export async function runServe(opts: { port: number; host?: string; db?: string }): Promise<void> {
  const server = await startServer({ port: opts.port, host: opts.host, db: opts.db ?? process.env.DATABASE_URL });
  console.error(`gongkai 服务已启动：${server.url}（API 文档 ${server.url}/api/docs）`);
  process.once('SIGINT', () => void server.close().then(() => process.exit(0)));
}
