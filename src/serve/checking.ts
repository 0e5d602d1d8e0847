/**
 * Checking uploads off the event loop: a PDF can take seconds to read, and the API must keep
 * answering meanwhile. The same worker pool as the import; `workers: 0` checks in-process.
 * Each upload is read and checked in a worker thread whose heap is capped at the reading limit
 * (src/read/limits.ts) and which is ended at the time limit: a bomb costs one worker for at most
 * that long, the others go on checking other users' uploads.
 */
import { CHECK_TIME_LIMIT_MS } from '../read/limits.js';
import { WorkerPool } from '../workers/pool.js';
import { DEFAULT_CHECKER, loadChecker, oneLine, runTask, type Task, type TaskResult } from '../workers/task.js';

export interface UploadChecker {
  check(task: Task): Promise<TaskResult>;
  close(): Promise<void>;
}

/** A pool, not one worker: one bomb being read does not hold up every other upload. */
export const UPLOAD_WORKERS = 2;

/**
 * Workers the upload pool keeps beyond its size for uploads queued while others run long
 * (WorkerPool's overflow): two bombs at once still leave two workers for everyone else's uploads.
 * A running server starts them with the others (about 50 MB each while idle); each worker's heap is
 * capped at the reading limit, so this bounds the memory too.
 */
export const UPLOAD_OVERFLOW = 2;

/** An upload running longer than this is a long one: the queue behind it gets another worker. */
export const UPLOAD_HEAVY_AFTER_MS = 2_000;

/** Per upload: the same limit as a file of an import. */
export const UPLOAD_TIME_LIMIT_MS = CHECK_TIME_LIMIT_MS;

/** `warm`: start the workers now (a running server) rather than at the first upload (tests). */
export function createUploadChecker(options: { checker?: string; workers?: number; timeoutMs?: number; warm?: boolean } = {}): UploadChecker {
  const checker = options.checker ?? DEFAULT_CHECKER;
  const workers = options.workers ?? UPLOAD_WORKERS;
  if (workers > 0) {
    const pool = new WorkerPool(workers, checker, options.timeoutMs ?? UPLOAD_TIME_LIMIT_MS, { overflow: UPLOAD_OVERFLOW, heavyAfterMs: UPLOAD_HEAVY_AFTER_MS });
    if (options.warm) pool.startWorkers();
    return { check: (t) => pool.run(t), close: () => pool.close() };
  }
  return {
    async check(task) {
      try {
        return await runTask(await loadChecker(checker), task);
      } catch (e) {
        return { id: task.id, ok: false, reason: `无法加载检查模块：${oneLine(e)}` };
      }
    },
    async close() {},
  };
}
