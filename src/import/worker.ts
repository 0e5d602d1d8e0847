/** Worker thread entry: checks the files the pool sends, one at a time, and posts the records back. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadChecker, oneLine, runTask, type Task, type TaskResult } from './task.js';

const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');
const checker = loadChecker((workerData as { checker: string }).checker);
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
  port.postMessage(result);
});
