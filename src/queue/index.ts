/**
 * Import through a durable job queue in the store's PostgreSQL database, for workers on any
 * number of machines: `enqueuePaths` puts each file (its bytes, so no worker needs the enqueuing
 * machine's disk) in the store's `import_jobs` table and a pg-boss job naming it, in one
 * transaction; `runQueueWorker` takes jobs, checks each file in its worker threads under the same
 * limits as an upload and stores it. pg-boss (in a schema of its own) gives each job to one worker,
 * expires a job whose worker died and hands it to another, and after the last retry passes it to a
 * dead-letter queue where it is recorded as failed. A file is stored once however often it is
 * taken up: its outcome is written in the transaction that stores it, and the store skips bytes it
 * already holds (same SHA-256).
 */
import { checkAcrossParts } from '../import/across-parts.js';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { availableParallelism, hostname } from 'node:os';
import { basename } from 'node:path';
import { CompiledQuery, type Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import { collectFiles } from '../import/walk.js';
import { DEFAULT_MAX_BYTES } from '../read/index.js';
import { CHECK_TIME_LIMIT_MS } from '../read/limits.js';
import { ImportJobs, isPostgresUrl, postgresTarget, resolveDb, Store, StoreError, type JobOutcome } from '../store/index.js';
import { describeError } from '../system-error.js';
import { WorkerPool } from '../workers/pool.js';
import { DEFAULT_CHECKER } from '../workers/task.js';

/** The queue of files to import, and where a file goes when every try of it has failed. */
export const QUEUE = 'gongkai-import';
export const GAVE_UP = 'gongkai-import-gave-up';

/**
 * How long a worker may hold a file before the queue takes it as lost and gives it to another
 * worker: the check's own limit (30 s) and the write, with room to spare. A file held longer is
 * tried again while the first try goes on — harmless (it is stored once), only wasted work.
 */
export const DEFAULT_JOB_TIMEOUT_S = 120;
/** Tries after the first before a file is given up. */
export const RETRY_LIMIT = 2;

interface JobData {
  /** `import_jobs.id`. */
  id: number;
}

/** pg-boss's schema beside the store's: `pgboss`, or `<schema>_queue` when the URL names a schema. */
export function queueSchema(storeSchema: string | undefined): string {
  return storeSchema ? `${storeSchema}_queue` : 'pgboss';
}

interface Queue {
  store: Store;
  boss: PgBoss;
  close(): Promise<void>;
}

async function openQueue(db: string | undefined, opts: { supervise: boolean; onError?: (message: string) => void }): Promise<Queue> {
  const target = resolveDb(db);
  if (!isPostgresUrl(target)) throw new StoreError('任务队列需要 PostgreSQL：请用 --db postgres://… 指定数据库（SQLite 数据库请直接用 gongkai import 导入）');
  const { url, schema } = postgresTarget(target);
  const store = await Store.open({ db: target });
  const boss = new PgBoss({
    connectionString: url,
    schema: queueSchema(schema),
    application_name: 'gongkai',
    max: 4,
    // Only workers look after the queue (expiring the jobs of dead workers); one of them at a time
    // does, every few seconds, so a lost file is retried soon after its timeout.
    supervise: opts.supervise,
    maintenanceIntervalSeconds: 5,
    schedule: false,
  });
  boss.on('error', (e: Error) => opts.onError?.(`任务队列出错：${describeError(e)}`));
  try {
    await boss.start();
    await boss.createQueue(GAVE_UP);
    await boss.createQueue(QUEUE, { name: QUEUE, deadLetter: GAVE_UP });
  } catch (e) {
    await boss.stop({ graceful: false }).catch(() => {});
    await store.close();
    throw new StoreError(`无法打开任务队列（${store.location}）：${describeError(e)}`);
  }
  return {
    store,
    boss,
    close: async () => {
      await boss.stop({ graceful: false, wait: true }).catch(() => {});
      await store.close();
    },
  };
}

/** pg-boss's statements run in a Kysely transaction: a queued file and its job commit together. */
function inTransaction(trx: Kysely<any>) {
  return {
    async executeSql(text: string, values: unknown[]) {
      const r = await trx.executeQuery(CompiledQuery.raw(text, values));
      return { rows: r.rows as any[] };
    },
  };
}

export type EnqueueStatus = 'queued' | 'duplicate' | 'failed' | 'skipped';

export interface EnqueuedFile {
  path: string;
  status: EnqueueStatus;
  /** Why a file was not queued: one line, Chinese. */
  reason?: string;
  jobId?: number;
}

export interface EnqueueSummary {
  batch: string;
  total: number;
  queued: number;
  duplicates: number;
  failed: { path: string; reason: string }[];
  skipped: { path: string; reason: string }[];
  files: EnqueuedFile[];
}

export interface EnqueueOptions {
  /** A postgres:// URL (or $DATABASE_URL). */
  db?: string;
  /** Seconds a worker may hold a file before it is given to another (default 120). */
  jobTimeoutSeconds?: number;
  maxBytes?: number;
  onFile?: (f: EnqueuedFile) => void;
}

/** A batch's name: when it was queued (UTC) and a few random letters, e.g. 20261207-0215-4f2a. */
function batchName(): string {
  const t = new Date().toISOString();
  return `${t.slice(0, 10).replace(/-/g, '')}-${t.slice(11, 16).replace(':', '')}-${createHash('sha256').update(String(Math.random())).digest('hex').slice(0, 4)}`;
}

/** Queues the files of `paths` (files and folders) for `gongkai worker`s; files already stored or queued are left out. */
export async function enqueuePaths(paths: string[], options: EnqueueOptions = {}): Promise<EnqueueSummary> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const expireInSeconds = options.jobTimeoutSeconds ?? DEFAULT_JOB_TIMEOUT_S;
  const queue = await openQueue(options.db, { supervise: false });
  const { store, boss } = queue;
  const summary: EnqueueSummary = { batch: batchName(), total: 0, queued: 0, duplicates: 0, failed: [], skipped: [], files: [] };
  const report = (f: EnqueuedFile) => {
    summary.files.push(f);
    if (f.status === 'queued') summary.queued++;
    else if (f.status === 'duplicate') summary.duplicates++;
    else if (f.status === 'failed') summary.failed.push({ path: f.path, reason: f.reason ?? '' });
    else summary.skipped.push({ path: f.path, reason: f.reason ?? '' });
    options.onFile?.(f);
  };
  try {
    const walked = await collectFiles(paths);
    summary.total = walked.files.length + walked.skipped.length;
    for (const s of walked.skipped) report({ path: s.path, status: 'skipped', reason: s.reason });
    for (const { path, size } of walked.files) {
      if (size > maxBytes) {
        report({ path, status: 'failed', reason: `文件过大（${mb(size)}，上限 ${mb(maxBytes)}）` });
        continue;
      }
      let bytes: Buffer;
      try {
        bytes = await readFile(path);
      } catch {
        report({ path, status: 'failed', reason: '文件无法读取' });
        continue;
      }
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (await store.findBySha256(sha256)) {
        report({ path, status: 'duplicate', reason: '内容相同的文件已导入' });
        continue;
      }
      const pending = await store.importJobs.pendingBySha(sha256);
      if (pending) {
        report({ path, status: 'duplicate', reason: `内容相同的文件已在队列中（批次 ${pending.batch}）` });
        continue;
      }
      const jobId = await store.conn.db.transaction().execute(async (trx) => {
        const id = await ImportJobs.add(trx, { batch: summary.batch, sha256, fileName: basename(path), sourcePath: path, bytes });
        await boss.send(QUEUE, { id } satisfies JobData, { db: inTransaction(trx), expireInSeconds, retryLimit: RETRY_LIMIT, retryDelay: 0 });
        return id;
      });
      report({ path, status: 'queued', jobId });
    }
  } finally {
    await queue.close();
  }
  return summary;
}

export type WorkerEvent =
  | { type: 'ready'; worker: string; threads: number; location: string }
  | { type: 'start'; id: number; fileName: string; attempt: number }
  | { type: 'done'; id: number; fileName: string; outcome: JobOutcome }
  | { type: 'gave-up'; id: number; reason: string }
  | { type: 'error'; message: string };

export interface WorkerOptions {
  db?: string;
  /** Files checked at once (worker threads); default the machine's cores. */
  threads?: number;
  /** Stop once no file of any batch is waiting or being worked on. */
  untilDone?: boolean;
  /** Stops taking files; those being checked are finished first. */
  signal?: AbortSignal;
  onEvent?: (e: WorkerEvent) => void;
  /** Module exporting `checkBytes(bytes, name)`; default the pipeline. */
  checker?: string;
}

export interface WorkerSummary {
  worker: string;
  imported: number;
  duplicates: number;
  failed: number;
}

/** Takes queued files until stopped (or, with `untilDone`, until none is left) and stores each. */
export async function runQueueWorker(options: WorkerOptions = {}): Promise<WorkerSummary> {
  const emit = options.onEvent ?? (() => {});
  const queue = await openQueue(options.db, { supervise: true, onError: (message) => emit({ type: 'error', message }) });
  const { store, boss } = queue;
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const worker = `${hostname()}:${process.pid}`;
  const summary: WorkerSummary = { worker, imported: 0, duplicates: 0, failed: 0 };
  const pool = new WorkerPool(threads, options.checker ?? DEFAULT_CHECKER, CHECK_TIME_LIMIT_MS);
  let stopping = false;

  const finished = (id: number, fileName: string, outcome: JobOutcome) => {
    if (outcome.status === 'imported') summary.imported++;
    else if (outcome.status === 'duplicate') summary.duplicates++;
    else summary.failed++;
    emit({ type: 'done', id, fileName, outcome });
  };

  const handle = async (id: number): Promise<void> => {
    const job = await store.importJobs.claim(id, worker);
    // Already finished: the job came back after its result was written (its worker died before telling the queue).
    if (!job) return;
    emit({ type: 'start', id, fileName: job.fileName, attempt: job.attempts });
    const known = await store.findBySha256(job.sha256);
    if (known) {
      const outcome: JobOutcome = { status: 'duplicate', documentId: known.documentId, version: known.version, reason: '内容相同的文件已导入' };
      await store.importJobs.finish(id, outcome);
      return finished(id, job.fileName, outcome);
    }
    const result = await pool.run({ id, path: job.sourcePath, bytes: job.bytes, sha256: job.sha256 });
    if (!result.ok) {
      // Stopping: the queue gives the file to another worker.
      if (stopping) throw new Error('worker stopping');
      const outcome: JobOutcome = { status: 'failed', reason: result.reason };
      await store.importJobs.finish(id, outcome);
      return finished(id, job.fileName, outcome);
    }
    let outcome!: JobOutcome;
    await store.save(result.record, job.bytes, async (trx, saved) => {
      outcome = { status: saved.status, documentId: saved.documentId, version: saved.version, ...(saved.status === 'duplicate' ? { reason: '内容相同的文件已导入' } : {}) };
      await ImportJobs.finish(trx, id, outcome);
    });
    // A part of a disclosure whose other parts are stored: the parts are checked together too.
    if (outcome.status === 'imported' && outcome.documentId !== undefined) await checkAcrossParts(store, outcome.documentId, (task) => pool.run(task), id);
    finished(id, job.fileName, outcome);
  };

  const giveUp = async (id: number): Promise<void> => {
    if ((await store.importJobs.unfinishedAttempts(id)) === undefined) return;
    // The queue's count of tries: a worker killed before it claimed the file left no count of ours.
    const reason = `处理 ${RETRY_LIMIT + 1} 次均未完成（工作进程中断或超时），已放弃`;
    await store.importJobs.finish(id, { status: 'failed', reason });
    summary.failed++;
    emit({ type: 'gave-up', id, reason });
  };

  try {
    for (let i = 0; i < threads; i++) {
      await boss.work<JobData>(QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => handle(job.data.id));
    }
    await boss.work<JobData>(GAVE_UP, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => giveUp(job.data.id));
    emit({ type: 'ready', worker, threads, location: store.location });

    await new Promise<void>((resolve) => {
      const stop = () => {
        clearInterval(timer);
        resolve();
      };
      if (options.signal?.aborted) return resolve();
      options.signal?.addEventListener('abort', stop, { once: true });
      const timer = setInterval(() => {
        if (!options.untilDone) return;
        store.importJobs.unfinished().then(
          (n) => n === 0 && stop(),
          (e) => emit({ type: 'error', message: `无法读取队列进度：${describeError(e)}` }),
        );
      }, 1000);
    });
  } finally {
    stopping = true;
    // Stop taking jobs and wait for those in hand; a job still held at the end goes back to the queue.
    await boss.stop({ graceful: true, wait: true, close: true, timeout: CHECK_TIME_LIMIT_MS + 10_000 }).catch(() => {});
    await pool.close();
    await store.close();
  }
  return summary;
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
