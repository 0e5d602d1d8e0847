/**
 * A set of worker threads that check files in parallel. A worker that crashes or runs past the
 * time limit is replaced and only its file is reported as failed.
 *
 * A file that takes long — a bomb being read up to its limits, a 400-page PDF — need not hold up the
 * files queued behind it: with `overflow`, a worker busy for longer than `heavyAfterMs` no longer
 * counts towards the pool's size, and the pool starts another for the queue (at most `overflow`
 * beyond the size; the extra ones are ended once the pool is back to its size and they are idle).
 * The upload pool of `gongkai serve` uses it, so one user's bomb costs other users' small uploads
 * a share of the CPU, not a place in a queue behind it.
 */
import { Worker } from 'node:worker_threads';
import { DEFAULT_LIMITS } from '../read/limits.js';
import type { Task, TaskResult } from './task.js';

// The package runs compiled: the worker is plain JavaScript and starts with nothing to compile.
// Only when this module itself is TypeScript (the test suite and development, under tsx) is the
// worker TypeScript too; it then registers tsx's module hooks itself, because Node 20 does not pass
// the main thread's hooks on to worker threads. (They run on a loader thread of their own per
// worker — about 40 MB and a quarter more start-up — which users never pay.)
const RUNNING_TS = import.meta.url.endsWith('.ts');
const ENTRY = new URL(RUNNING_TS ? './worker.ts' : './worker.js', import.meta.url).href;
const BOOT = `const { workerData } = require('node:worker_threads');
const start = workerData.tsx
  ? import(workerData.tsx).then((tsx) => tsx.register()).then(() => import(workerData.entry))
  : import(workerData.entry);
start.catch((e) => { setImmediate(() => { throw e; }); });`;
const TSX = RUNNING_TS ? import.meta.resolve('tsx/esm/api') : null;

interface Slot {
  worker: Worker;
  ready: boolean;
  task: Task | null;
  resolve: ((r: TaskResult) => void) | null;
  timer: NodeJS.Timeout | null;
  /** Set once the slot's file has run past `heavyAfterMs`: the slot no longer counts towards the size. */
  heavy: boolean;
  heavyTimer: NodeJS.Timeout | null;
}

export interface PoolOptions {
  /** Heap size past which an idle worker is replaced (RECYCLE_HEAP_MB). */
  recycleHeapMb?: number;
  /** Workers that may run beyond the size while others are held by long files (default 0). */
  overflow?: number;
  /** How long a file runs before its worker counts as held by a long file (default 1 s). */
  heavyAfterMs?: number;
}

/**
 * V8 rarely gives a thread's heap back once it has grown: a worker that has just read a very large
 * PDF keeps the memory for every small file after it. Past this heap size the worker is replaced
 * by a fresh one (about a second of start-up). Ordinary PDFs stay well below it; recycling every
 * few hundred files instead was measured and did not lower the peak of a 1,000-file import.
 */
export const RECYCLE_HEAP_MB = 512;

/** What a worker posts: ready once its checker is loaded, then one result per file. */
export type WorkerMessage = { ready: true } | { result: TaskResult; heapBytes: number };

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: { task: Task; resolve: (r: TaskResult) => void }[] = [];
  private closed = false;
  private bootFailures = 0;
  private warm = false;
  private readonly recycleHeapMb: number;
  private readonly overflow: number;
  private readonly heavyAfterMs: number;

  constructor(
    private readonly size: number,
    private readonly checker: string,
    private readonly timeoutMs: number,
    options: PoolOptions | number = {},
  ) {
    const o = typeof options === 'number' ? { recycleHeapMb: options } : options;
    this.recycleHeapMb = o.recycleHeapMb ?? RECYCLE_HEAP_MB;
    this.overflow = o.overflow ?? 0;
    this.heavyAfterMs = o.heavyAfterMs ?? 1_000;
  }

  /**
   * Starts the workers now — `size` and the `overflow` ones — and keeps them ready from then on, so
   * that no file waits for a worker's start-up (loading the pipeline takes about a second of CPU,
   * several on a busy machine). Only `size` of them check files at once unless some run long.
   */
  startWorkers(): void {
    this.warm = true;
    this.dispatch();
  }

  /** Workers started so far (replacements included). */
  started = 0;

  run(task: Task): Promise<TaskResult> {
    if (this.closed) return Promise.resolve({ id: task.id, ok: false, reason: '导入已停止' });
    return new Promise((resolve) => {
      this.queue.push({ task, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const q of this.queue.splice(0)) q.resolve({ id: q.task.id, ok: false, reason: '导入已停止' });
    await Promise.all(
      this.slots.splice(0).map((s) => {
        if (s.timer) clearTimeout(s.timer);
        if (s.heavyTimer) clearTimeout(s.heavyTimer);
        s.resolve?.({ id: s.task!.id, ok: false, reason: '导入已停止' });
        return s.worker.terminate();
      }),
    );
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      // At most `size` files at once, not counting those that have run long.
      if (this.slots.filter((s) => s.task !== null && !s.heavy).length >= this.size) break;
      const slot = this.slots.find((s) => s.ready && s.task === null);
      if (!slot) {
        const starting = this.slots.filter((s) => !s.ready).length;
        const counted = this.slots.filter((s) => !s.heavy).length;
        if (counted < this.size && this.slots.length < this.size + this.overflow && starting < this.queue.length) {
          this.spawn();
          continue;
        }
        break;
      }
      const { task, resolve } = this.queue.shift()!;
      slot.task = task;
      slot.resolve = resolve;
      slot.timer = setTimeout(() => this.fail(slot, `超出处理时间上限 ${Math.round(this.timeoutMs / 1000)} 秒：读取和检查未能在时限内完成，已放弃`), this.timeoutMs);
      if (this.overflow > 0) {
        slot.heavyTimer = setTimeout(() => {
          slot.heavy = true;
          slot.heavyTimer = null;
          if (!this.closed) this.dispatch();
        }, this.heavyAfterMs);
      }
      slot.worker.postMessage(task);
    }
    // Started, the overflow workers included: a long file's queue goes on without waiting for a start-up.
    if (this.warm && !this.closed) while (this.slots.length < this.size + this.overflow) this.spawn();
  }

  private spawn(): Slot {
    const worker = new Worker(BOOT, {
      eval: true,
      workerData: { entry: ENTRY, checker: this.checker, tsx: TSX },
      // A file whose reading swells past the reading limit ends its worker, not the process (src/read/limits.ts).
      resourceLimits: { maxOldGenerationSizeMb: DEFAULT_LIMITS.memoryMb },
    });
    const slot: Slot = { worker, ready: false, task: null, resolve: null, timer: null, heavy: false, heavyTimer: null };
    this.started++;
    worker.on('message', (m: WorkerMessage) => {
      if ('ready' in m) {
        slot.ready = true;
        this.dispatch();
      } else {
        this.finish(slot, m.result, m.heapBytes);
      }
    });
    worker.on('error', (e: Error & { code?: string }) =>
      this.died(
        slot,
        // The heap cap is the memory limit of reading: the file swelled past it.
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `超出读取内存上限 ${DEFAULT_LIMITS.memoryMb} MB：检查时内存用量超出，拒绝读取`
          : `处理时工作线程出错：${e.message.split('\n')[0]}`,
      ),
    );
    worker.on('exit', (code) => this.died(slot, `处理时工作线程异常退出（代码 ${code}）`));
    this.slots.push(slot);
    return slot;
  }

  private finish(slot: Slot, r: TaskResult, heapBytes: number): void {
    const resolve = slot.resolve;
    if (slot.timer) clearTimeout(slot.timer);
    if (slot.heavyTimer) clearTimeout(slot.heavyTimer);
    slot.task = null;
    slot.resolve = null;
    slot.timer = null;
    slot.heavyTimer = null;
    slot.heavy = false;
    // Back to its size once the long file is done: an extra worker is not kept idle (unless started ahead).
    const extra = !this.warm && this.slots.filter((s) => !s.heavy).length > this.size && this.queue.length === 0;
    if (heapBytes > this.recycleHeapMb * 1024 * 1024 || extra) this.retire(slot);
    resolve?.(r);
    this.dispatch();
  }

  /** Ends an idle worker; dispatch starts a fresh one when there is work for it. */
  private retire(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    void slot.worker.terminate();
  }

  private died(slot: Slot, reason: string): void {
    if (!this.slots.includes(slot)) return;
    if (!slot.ready && ++this.bootFailures >= 3) {
      // A worker that cannot even start will not start next time either: stop trying.
      this.closed = true;
      for (const q of this.queue.splice(0)) q.resolve({ id: q.task.id, ok: false, reason: `工作线程无法启动：${reason}` });
    }
    this.fail(slot, reason);
  }

  /** Gives up on the slot's file, replaces the worker, and goes on with the queue. */
  private fail(slot: Slot, reason: string): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    const task = slot.task;
    const resolve = slot.resolve;
    if (slot.timer) clearTimeout(slot.timer);
    if (slot.heavyTimer) clearTimeout(slot.heavyTimer);
    slot.task = null;
    slot.resolve = null;
    void slot.worker.terminate();
    // Counted as the file's fault: the same file would hang or crash the next worker too.
    if (task && resolve) resolve({ id: task.id, ok: false, reason, unreadable: true });
    if (!this.closed) this.dispatch();
  }
}
