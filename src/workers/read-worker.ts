/** Worker thread entry of the bounded reader (bounded-read.ts): reads the files it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { readDocumentFile, type ReadOptions } from '../read/index.js';

// As in worker.ts: pdf.js inflates synchronously here (faster than a DecompressionStream round trip).
delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;

export interface ReadRequest {
  id: number;
  path: string;
  options: ReadOptions;
}

export type ReadReply = { ready: true } | { id: number; doc: unknown } | { id: number; error: { name: string; message: string; file?: string; stack?: string } };

// The build's training run loads this entry outside a thread to read the samples with it
// (src/cli/compiled-check.ts): there it only exports the reader. Loaded as a script, its loader
// imports pdf.js for it (engine.ts).
export { readDocumentFile };
export { importPdfjsWith } from '../read/pdf/engine.js';

const port = parentPort;
if (port) {
  port.on('message', async (r: ReadRequest) => {
    try {
      port.postMessage({ id: r.id, doc: await readDocumentFile(r.path, r.options) } satisfies ReadReply);
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      port.postMessage({ id: r.id, error: { name: err.name, message: err.message, file: (err as { file?: string }).file, stack: err.stack } } satisfies ReadReply);
    }
  });
  port.postMessage({ ready: true } satisfies ReadReply);
}
