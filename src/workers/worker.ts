/** Worker thread entry: checks the files the pool sends, one at a time, and posts the records back. */
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerMessage } from './pool.js';
import { loadChecker, oneLine, runTask, type Checker, type Task, type TaskResult } from './task.js';

// pdf.js sends every Flate stream through DecompressionStream when the global exists: an
// asynchronous round trip through the thread pool per stream, which on a page's many small
// streams costs more than pdf.js's own synchronous inflate (the corpus read through pdf.js
// measured 15% faster without it). This thread runs nothing but checks, so the global is
// removed here only; the native reader, which reads most PDFs, inflates with node:zlib.
delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;

const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');
const { checker: specifier } = workerData as { checker: string };
const checker: Promise<Checker> = loadChecker(specifier);
// The pool starts a file's clock only once the checker is loaded (that can take seconds).
checker.then(
  () => port.postMessage({ ready: true }),
  () => port.postMessage({ ready: true }),
);

port.on('message', async (task: Task) => {
  let result: TaskResult;
  try {
    result = await runTask(await checker, task);
  } catch (e) {
    result = { id: task.id, ok: false, reason: `无法加载检查模块：${oneLine(e)}` };
  }
  port.postMessage({ result, heapBytes: getHeapStatistics().total_heap_size } satisfies WorkerMessage);
});
