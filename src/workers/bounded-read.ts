/**
 * Reading a file under its time and memory limits (src/read/limits.ts): in a worker thread whose
 * heap is capped, ended when the time is up. What a reader measures itself (inflated bytes, pages,
 * rows, cells) it refuses itself; this is the backstop for what no reader can count — a parser
 * looping in a damaged font, a structure that swells in memory. One worker serves file after file
 * and is replaced when it is ended.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { ReadError, type Doc } from '../read/doc.js';
import type { ReadOptions } from '../read/index.js';
import { LimitError, limitsOf, type ReadLimits } from '../read/limits.js';
import type { ReadReply, ReadRequest } from './read-worker.js';

const RUNNING_TS = import.meta.url.endsWith('.ts');
// Compiled, the thread runs the bundled entry of dist/worker-bundle/ (scripts/build.mjs: one file
// to load instead of some 30 modules, on the way to every check's first finding) when the build
// made it, else dist/workers/. Through ../: the same files from dist/workers/ and from the
// bundled command's chunks in dist/cli-bundle/.
const BUNDLED_ENTRY = RUNNING_TS ? null : new URL('../worker-bundle/read-worker.js', import.meta.url);
const ENTRY = BUNDLED_ENTRY && existsSync(BUNDLED_ENTRY) ? BUNDLED_ENTRY.href : new URL(RUNNING_TS ? '../workers/read-worker.ts' : '../workers/read-worker.js', import.meta.url).href;
const TSX = RUNNING_TS ? import.meta.resolve('tsx/esm/api') : null;
const BOOT = `const { workerData } = require('node:worker_threads');
const start = workerData.tsx
  ? import(workerData.tsx).then((tsx) => tsx.register()).then(() => import(workerData.entry))
  : import(workerData.entry);
start.catch((e) => { setImmediate(() => { throw e; }); });`;

/** A failure of ours, not of the file: exit status 3. */
export class InternalError extends Error {
  constructor(
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'InternalError';
  }
}

export class BoundedReader {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private next = 0;
  private readonly limits: ReadLimits;
  /** The module the thread runs (the bundled entry in a compiled run). */
  readonly entry = ENTRY;

  constructor(limits?: Partial<ReadLimits>) {
    this.limits = limitsOf(limits);
  }

  async read(path: string, options: ReadOptions = {}): Promise<Doc> {
    const worker = await this.start();
    const id = ++this.next;
    return new Promise<Doc>((resolve, reject) => {
      const done = (f: () => void) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        f();
      };
      const timer = setTimeout(() => {
        this.drop();
        done(() => reject(new LimitError(path, 'timeMs', this.limits.timeMs, '读取未能在时限内完成')));
      }, this.limits.timeMs);
      const onMessage = (m: ReadReply) => {
        if (!('id' in m) || m.id !== id) return;
        if ('doc' in m) return done(() => resolve(m.doc as Doc));
        const e = m.error;
        done(() => reject(e.name === 'ReadError' ? new ReadError(e.file ?? path, e.message) : new InternalError(e.message, e.stack)));
      };
      const onError = (e: Error & { code?: string }) => {
        this.drop();
        done(() =>
          reject(
            e.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new LimitError(path, 'memoryMb', this.limits.memoryMb, '读取时内存用量超出')
              : new InternalError(`读取线程出错：${e.message.split('\n')[0]}`, e.stack),
          ),
        );
      };
      const onExit = (code: number) => {
        this.drop();
        done(() => reject(new InternalError(`读取线程异常退出（代码 ${code}）`)));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, path, options: { ...options, limits: this.limits } } satisfies ReadRequest);
    });
  }

  /**
   * Starts the worker now, without waiting for it: its start-up (a thread, the readers' modules)
   * then overlaps what the caller loads meanwhile. A failure to start is reported by the next read.
   */
  prepare(): void {
    this.start().catch(() => undefined);
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.ready = null;
    if (w) await w.terminate();
  }

  private async start(): Promise<Worker> {
    if (!this.worker) {
      const worker = new Worker(BOOT, {
        eval: true,
        workerData: { entry: this.entry, tsx: TSX },
        resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb },
      });
      this.worker = worker;
      this.ready = new Promise((resolve, reject) => {
        worker.once('message', () => resolve());
        worker.once('error', (e) => reject(new InternalError(`读取线程无法启动：${e.message.split('\n')[0]}`, e.stack)));
        worker.once('exit', (code) => reject(new InternalError(`读取线程无法启动（代码 ${code}）`)));
      });
    }
    await this.ready;
    return this.worker!;
  }

  /** Ends the current worker; the next file gets a fresh one. */
  private drop(): void {
    const w = this.worker;
    this.worker = null;
    this.ready = null;
    void w?.terminate();
  }
}
