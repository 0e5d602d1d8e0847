/**
 * Batch import: files and folders → read + recognise + check in worker threads → one transaction
 * per document in the main thread. Files already stored (same sha256) are skipped before any
 * parsing, so re-running an import — also after Ctrl-C or kill -9 — only does what is missing.
 */
import { checkAcrossParts } from './across-parts.js';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { DEFAULT_MAX_BYTES } from '../read/index.js';
import { Store } from '../store/index.js';
import { CHECK_TIME_LIMIT_MS } from '../read/limits.js';
import { WorkerPool } from '../workers/pool.js';
import { DEFAULT_CHECKER, loadChecker, oneLine, runTask, type Task, type TaskResult } from '../workers/task.js';
import { collectFiles } from './walk.js';

export { collectFiles, SUPPORTED_EXTENSIONS } from './walk.js';

export type FileStatus = 'imported' | 'duplicate' | 'failed' | 'skipped';

export interface FileOutcome {
  path: string;
  status: FileStatus;
  /** Why a file failed or was skipped: one line, Chinese. */
  reason?: string;
  documentId?: number;
  version?: number;
  pages?: number;
}

export type ImportEvent =
  | { type: 'start'; total: number; workers: number }
  | ({ type: 'file'; done: number; total: number; pagesDone: number; elapsedMs: number } & FileOutcome)
  | { type: 'end'; summary: ImportSummary };

export interface ImportSummary {
  total: number;
  imported: number;
  duplicates: number;
  failed: { path: string; reason: string }[];
  skipped: { path: string; reason: string }[];
  pages: number;
  elapsedMs: number;
  /** True when the import was stopped (signal) before every file was done. */
  interrupted: boolean;
  files: FileOutcome[];
}

export interface ImportOptions {
  /** An open store, or what `--db` says (a file path or postgres:// URL; default ./data/gongkai.db). */
  db?: Store | string;
  onProgress?: (e: ImportEvent) => void;
  /** Worker threads; default: the machine's cores. 0 checks in the main thread. */
  workers?: number;
  /** Stops dispatching new files; the document being written is finished first. */
  signal?: AbortSignal;
  /** Per-file limit before a worker is abandoned (default CHECK_TIME_LIMIT_MS, 30 s, as for an upload). */
  timeoutMs?: number;
  maxBytes?: number;
  /** Module exporting `checkBytes(bytes, name)`; default the pipeline. */
  checker?: string;
}

export async function importPaths(paths: string[], options: ImportOptions = {}): Promise<ImportSummary> {
  const started = Date.now();
  const store = options.db instanceof Store ? options.db : await Store.open({ db: options.db });
  const ownStore = !(options.db instanceof Store);
  const emit = options.onProgress ?? (() => {});
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;

  const summary: ImportSummary = { total: 0, imported: 0, duplicates: 0, failed: [], skipped: [], pages: 0, elapsedMs: 0, interrupted: false, files: [] };
  let pool: WorkerPool | null = null;
  try {
    const walked = await collectFiles(paths);
    summary.total = walked.files.length + walked.skipped.length;
    const workers = Math.max(0, Math.min(options.workers ?? availableParallelism(), walked.files.length));
    emit({ type: 'start', total: summary.total, workers });

    let done = 0;
    const report = (o: FileOutcome) => {
      done++;
      summary.files.push(o);
      if (o.status === 'imported') summary.imported++;
      else if (o.status === 'duplicate') summary.duplicates++;
      else if (o.status === 'failed') summary.failed.push({ path: o.path, reason: o.reason ?? '' });
      else summary.skipped.push({ path: o.path, reason: o.reason ?? '' });
      if (o.pages) summary.pages += o.pages;
      emit({ type: 'file', ...o, done, total: summary.total, pagesDone: summary.pages, elapsedMs: Date.now() - started });
    };
    for (const s of walked.skipped) report({ path: s.path, status: 'skipped', reason: s.reason });

    const checker = options.checker ?? DEFAULT_CHECKER;
    pool = workers > 0 ? new WorkerPool(workers, checker, options.timeoutMs ?? CHECK_TIME_LIMIT_MS) : null;
    const check = async (task: Task): Promise<TaskResult> => {
      if (pool) return pool.run(task);
      try {
        return await runTask(await loadChecker(checker), task);
      } catch (e) {
        return { id: task.id, ok: false, reason: `无法加载检查模块：${oneLine(e)}` };
      }
    };

    // One writer, in the order the files were listed (not the order checks finish): when a batch
    // holds two files of the same document, which one becomes the later version is then the same
    // on every run. Each file takes its turn when it is picked, and passes it on when done.
    let turn = Promise.resolve();

    const one = async (path: string, size: number, id: number): Promise<void> => {
      const previous = turn;
      let pass!: () => void;
      turn = new Promise<void>((r) => (pass = r));
      try {
        await checkAndWrite(path, size, id, previous);
      } finally {
        await previous;
        pass();
      }
    };

    const checkAndWrite = async (path: string, size: number, id: number, previous: Promise<void>): Promise<void> => {
      if (size > maxBytes) return report({ path, status: 'failed', reason: `文件过大（${mb(size)}，上限 ${mb(maxBytes)}）` });
      let bytes: Buffer;
      try {
        bytes = await readFile(path);
      } catch {
        return report({ path, status: 'failed', reason: '文件无法读取' });
      }
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const known = await store.findBySha256(sha256);
      if (known) return report({ path, status: 'duplicate', documentId: known.documentId, version: known.version, reason: '内容相同的文件已导入' });
      const result = await check({ id, path, bytes, sha256 });
      if (!result.ok) {
        // Failures too are reported in the order the files were listed, however fast each check failed.
        await previous;
        return report({ path, status: 'failed', reason: result.reason });
      }
      const record = result.record;
      await previous;
      try {
        const saved = await store.save(record, bytes);
        // A part of a disclosure whose other parts are stored: the parts are checked together too.
        if (saved.status === 'imported') await checkAcrossParts(store, saved.documentId, check, id);
        report({
          path,
          status: saved.status,
          documentId: saved.documentId,
          version: saved.version,
          ...(record.pages ? { pages: record.pages } : {}),
          ...(saved.status === 'duplicate' ? { reason: '内容相同的文件已导入' } : {}),
        });
      } catch (e) {
        report({ path, status: 'failed', reason: `写入数据库失败：${oneLine(e).replace(/^处理失败：/, '')}` });
      }
    };

    // Enough files in flight to keep every worker busy while a slow one holds up the writes
    // behind it, few enough to bound memory.
    const inFlight = Math.max(1, workers) * 4;
    let next = 0;
    const lane = async () => {
      while (next < walked.files.length) {
        if (options.signal?.aborted) {
          summary.interrupted = true;
          return;
        }
        const i = next++;
        await one(walked.files[i].path, walked.files[i].size, i);
      }
    };
    await Promise.all(Array.from({ length: Math.min(inFlight, Math.max(walked.files.length, 1)) }, lane));
    await turn;
  } finally {
    await pool?.close();
    if (ownStore) await store.close();
  }
  summary.elapsedMs = Date.now() - started;
  emit({ type: 'end', summary });
  return summary;
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
