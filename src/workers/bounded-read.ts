/**
 * Reading a file under its time and memory limits (src/read/limits.ts): in a worker thread whose
 * heap is capped, ended when the time is up. What a reader measures itself (inflated bytes, pages,
 * rows, cells) it refuses itself; this is the backstop for what no reader can count — a parser
 * looping in a damaged font, a structure that swells in memory. One worker serves file after file
 * and is replaced when it is ended.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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
// Best of all, the same entry as one CommonJS script with a V8 code cache made by the build's
// training run (read-worker.cjs and .cache; src/cli/compiled-check.ts says why), loaded as
// compiled-check.ts's loadScript does. Code loaded from a code cache cannot import() on Node 20, so
// the thread imports pdf.js for it (engine.ts importPdfjsWith) through the compiled engine module,
// which imports it as the package resolves it: from an ES module, as pdf.js must be.
const SCRIPT_URL = RUNNING_TS ? null : new URL('../worker-bundle/read-worker.cjs', import.meta.url);
const SCRIPT = SCRIPT_URL && existsSync(SCRIPT_URL) ? fileURLToPath(SCRIPT_URL) : null;
const ENGINE = SCRIPT ? new URL('../read/pdf/engine.js', import.meta.url).href : null;
const BOOT = `const { workerData } = require('node:worker_threads');
if (workerData.script) {
  const vm = require('node:vm'), fs = require('node:fs'), Module = require('node:module'), path = require('node:path');
  const file = workerData.script, cacheFile = file.replace(/\\.cjs$/, '.cache');
  const cachedData = fs.existsSync(cacheFile) ? fs.readFileSync(cacheFile) : undefined;
  const script = new vm.Script(fs.readFileSync(file, 'utf8'), { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(file), module, file, path.dirname(file));
  module.exports.importPdfjsWith(() => import(workerData.engine).then((engine) => engine.pdfjs()));
} else {
  const start = workerData.tsx
    ? import(workerData.tsx).then((tsx) => tsx.register()).then(() => import(workerData.entry))
    : import(workerData.entry);
  start.catch((e) => { setImmediate(() => { throw e; }); });
}`;

function prefetchKey(path: string, options: ReadOptions): string {
  return JSON.stringify([path, options]);
}

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
  /** A reading started ahead by `prefetch`, for the `read` of the same file and options. */
  private prefetched: { key: string; doc: Promise<Doc> } | null = null;
  private readonly limits: ReadLimits;
  /** The module the thread runs (the bundled entry in a compiled run). */
  readonly entry = ENTRY;

  constructor(limits?: Partial<ReadLimits>) {
    this.limits = limitsOf(limits);
  }

  read(path: string, options: ReadOptions = {}): Promise<Doc> {
    const ahead = this.prefetched;
    if (ahead && ahead.key === prefetchKey(path, options)) {
      this.prefetched = null;
      return ahead.doc;
    }
    return this.readNow(path, options);
  }

  /**
   * Starts reading a file now, before the caller asks for it: the thread's start-up and the reading
   * then overlap whatever the caller loads meanwhile (recognition, the rules), instead of the
   * thread waiting, ready and idle, for the request. The next `read` of the same file and options
   * takes this reading's result (its error included); nothing is reported if none does.
   */
  prefetch(path: string, options: ReadOptions = {}): void {
    // Asked again for the same file (check's quick start sends it before runCheck does): one reading.
    if (this.prefetched?.key === prefetchKey(path, options)) return;
    const doc = this.readNow(path, options);
    // Handled here so a failure nobody asks for is not an unhandled rejection; `read` still gets it.
    doc.catch(() => undefined);
    this.prefetched = { key: prefetchKey(path, options), doc };
  }

  /**
   * The request is posted at once, not when the thread says it is ready: a message posted before
   * the thread listens waits for it, whereas the "ready" reply waits for this thread to be idle —
   * which, while it loads recognition and the rules, it is not (on a 33-page PDF the reading thread
   * sat ready and idle for some 30–200 ms). A failure to start is still reported as such, and the
   * time limit still counts from the thread's start-up.
   */
  private readNow(path: string, options: ReadOptions): Promise<Doc> {
    const worker = this.spawn();
    // Held open while it reads (a thread started by `prepare` is not).
    worker.ref();
    const ready = this.ready!;
    const id = ++this.next;
    return new Promise<Doc>((resolve, reject) => {
      let settled = false;
      let started = false;
      let timer: NodeJS.Timeout | undefined;
      const done = (f: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        f();
      };
      ready.then(
        () => {
          started = true;
          if (settled) return;
          timer = setTimeout(() => {
            this.drop();
            done(() => reject(new LimitError(path, 'timeMs', this.limits.timeMs, '读取未能在时限内完成')));
          }, this.limits.timeMs);
        },
        (e: unknown) => done(() => reject(e)),
      );
      const onMessage = (m: ReadReply) => {
        if (!('id' in m) || m.id !== id) return;
        if ('doc' in m) return done(() => resolve(m.doc as Doc));
        const e = m.error;
        done(() => reject(e.name === 'ReadError' ? new ReadError(e.file ?? path, e.message) : new InternalError(e.message, e.stack)));
      };
      const onError = (e: Error & { code?: string }) => {
        // Before the thread is ready, `ready` says it could not start.
        if (!started) return;
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
        if (!started) return;
        this.drop();
        done(() => reject(new InternalError(`读取线程异常退出（代码 ${code}）`)));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      // Queued until the thread listens.
      worker.postMessage({ id, path, options: { ...options, limits: this.limits } } satisfies ReadRequest);
    });
  }

  /**
   * Starts the worker now, without waiting for it: its start-up (a thread, the readers' modules)
   * then overlaps what the caller loads meanwhile. A failure to start is reported by the next read.
   * Until a file is asked of it, the thread does not keep the process alive: a caller that ends
   * before reading anything (a usage error) is not held open by it.
   */
  prepare(): void {
    this.spawn().unref();
    this.ready!.catch(() => undefined);
  }

  async close(): Promise<void> {
    this.prefetched = null;
    const w = this.worker;
    this.worker = null;
    this.ready = null;
    if (w) await w.terminate();
  }

  /** The current worker, started now if there is none; `ready` settles when it has started or failed to. */
  private spawn(): Worker {
    if (!this.worker) {
      const worker = new Worker(BOOT, {
        eval: true,
        workerData: { entry: this.entry, tsx: TSX, script: SCRIPT, engine: ENGINE },
        resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb },
      });
      this.worker = worker;
      this.ready = new Promise((resolve, reject) => {
        worker.once('message', () => resolve());
        worker.once('error', (e) => reject(new InternalError(`读取线程无法启动：${e.message.split('\n')[0]}`, e.stack)));
        worker.once('exit', (code) => reject(new InternalError(`读取线程无法启动（代码 ${code}）`)));
      });
      // Handled here too: a read that is never asked for must not leave an unhandled rejection.
      this.ready.catch(() => undefined);
    }
    return this.worker;
  }

  /** Ends the current worker; the next file gets a fresh one. */
  private drop(): void {
    const w = this.worker;
    this.worker = null;
    this.ready = null;
    void w?.terminate();
  }
}
