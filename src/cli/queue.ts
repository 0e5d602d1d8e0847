/**
 * `gongkai import --queue`, `gongkai worker` and `gongkai jobs`: importing through the job queue
 * in PostgreSQL (src/queue/), for workers on several machines. One plain line per file on stderr.
 */
import { existsSync } from 'node:fs';
import { enqueuePaths, runQueueWorker, type WorkerEvent } from '../queue/index.js';
import { Store, StoreError } from '../store/index.js';
import { describeError } from '../system-error.js';

const STATUS: Record<string, string> = { queued: '已排队', duplicate: '已存在', failed: '失败', skipped: '跳过', imported: '已导入' };

function fail(e: unknown): number {
  console.error(`错误 ${e instanceof StoreError ? e.message : describeError(e)}`);
  return 2;
}

/** 0 queued, 2 when a file could not be queued or a named path does not exist. */
export async function runEnqueue(named: string[], opts: { db?: string; jobTimeout?: number }): Promise<number> {
  const missing = named.filter((p) => !existsSync(p));
  for (const p of missing) console.error(`错误 ${p}：文件或目录不存在`);
  const paths = named.filter((p) => !missing.includes(p));
  if (paths.length === 0) return 2;
  try {
    const s = await enqueuePaths(paths, {
      db: opts.db,
      jobTimeoutSeconds: opts.jobTimeout,
      onFile: (f) => console.error(`${STATUS[f.status]} ${f.path}${f.reason ? `：${f.reason}` : ''}`),
    });
    console.error(
      `批次 ${s.batch}：${s.queued} 个文件已排队，${s.duplicates} 个已存在，${s.failed.length} 个失败，${s.skipped.length} 个跳过。` +
        (s.queued ? `由 gongkai worker --db … 处理；进度：gongkai jobs --batch ${s.batch} 或 GET /api/jobs?batch=${s.batch}` : ''),
    );
    // The batch's name on stdout, for scripts.
    console.log(s.batch);
    return s.failed.length || missing.length ? 2 : 0;
  } catch (e) {
    return fail(e);
  }
}

function workerLine(e: WorkerEvent): string | null {
  switch (e.type) {
    case 'ready':
      return `gongkai worker ${e.worker} 已启动：${e.threads} 个检查线程，数据库 ${e.location}`;
    case 'start':
      return `开始 #${e.id} ${e.fileName}${e.attempt > 1 ? `（第 ${e.attempt} 次）` : ''}`;
    case 'done': {
      const o = e.outcome;
      if (o.status === 'failed') return `失败 #${e.id} ${e.fileName}：${o.reason}`;
      return `${STATUS[o.status]} #${e.id} ${e.fileName} → 文档 ${o.documentId} 第 ${o.version} 版`;
    }
    case 'gave-up':
      return `失败 #${e.id}：${e.reason}`;
    case 'error':
      return `警告 ${e.message}`;
  }
}

/** Runs until Ctrl-C / SIGTERM (or, with --until-done, until the queue is empty); 2 when it cannot start. */
export async function runWorker(opts: { db?: string; workers?: number; untilDone?: boolean }): Promise<number> {
  const abort = new AbortController();
  // Ctrl-C or a service manager's SIGTERM: finish the files in hand, hand back the rest.
  process.once('SIGINT', () => abort.abort());
  process.once('SIGTERM', () => abort.abort());
  try {
    const s = await runQueueWorker({
      db: opts.db,
      threads: opts.workers,
      untilDone: opts.untilDone,
      signal: abort.signal,
      onEvent: (e) => {
        const line = workerLine(e);
        if (line) console.error(line);
      },
    });
    console.error(`gongkai worker ${s.worker} 已停止：导入 ${s.imported} 个，已存在 ${s.duplicates} 个，失败 ${s.failed} 个`);
    return 0;
  } catch (e) {
    return fail(e);
  }
}

/** Progress of the queued batches (newest first). */
export async function runJobs(opts: { db?: string; batch?: string; format?: string }): Promise<number> {
  let store: Store;
  try {
    store = await Store.open({ db: opts.db });
  } catch (e) {
    return fail(e);
  }
  try {
    const progress = await store.importJobs.progress({ batch: opts.batch }, { limit: opts.batch ? 1 : 20 });
    const failures = await store.importJobs.failures({ batch: opts.batch });
    if (opts.format === 'json') {
      console.log(JSON.stringify({ ...progress, failures }, null, 2));
      return 0;
    }
    if (progress.batches.length === 0) console.log(opts.batch ? `没有批次 ${opts.batch}` : '队列中没有批次');
    for (const b of progress.batches) {
      console.log(`批次 ${b.batch}（${b.createdAt}）：共 ${b.total}，排队 ${b.queued}，处理中 ${b.active}，已导入 ${b.imported}，已存在 ${b.duplicate}，失败 ${b.failed}`);
    }
    for (const f of failures) console.log(`  失败 #${f.id} ${f.fileName}：${f.reason}`);
    return 0;
  } catch (e) {
    return fail(e);
  } finally {
    await store.close();
  }
}
