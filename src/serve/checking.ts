/**
 * Checking uploads off the event loop: a PDF can take seconds to read, and the API must keep
 * answering meanwhile. The same worker pool as the import; `workers: 0` checks in-process.
 */
import { WorkerPool } from '../workers/pool.js';
import { DEFAULT_CHECKER, loadChecker, oneLine, runTask, type Task, type TaskResult } from '../workers/task.js';

export interface UploadChecker {
  check(task: Task): Promise<TaskResult>;
  close(): Promise<void>;
}

export function createUploadChecker(options: { checker?: string; workers?: number; timeoutMs?: number } = {}): UploadChecker {
  const checker = options.checker ?? DEFAULT_CHECKER;
  const workers = options.workers ?? 1;
  if (workers > 0) {
    const pool = new WorkerPool(workers, checker, options.timeoutMs ?? 120_000);
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
