/**
 * A zip entry inflated within the file's budget, measured while it inflates: the sizes a zip's
 * directory declares are the packager's word and a zip bomb lies in them (a docx that says its
 * body is 1 KB and inflates to 2 GB). Inflation stops as soon as the budget is passed.
 */
import type JSZip from 'jszip';
import type { ReadBudget } from './limits.js';

export function inflateEntry(entry: JSZip.JSZipObject, budget: ReadBudget, what: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let done = false;
    // jszip's chunked inflation (typed as internal, but part of its documented StreamHelper API).
    const stream = (entry as unknown as { internalStream(type: 'uint8array'): StreamHelper }).internalStream('uint8array');
    stream
      .on('data', (chunk: Uint8Array) => {
        if (done) return;
        size += chunk.length;
        try {
          budget.inflate(chunk.length, what);
        } catch (e) {
          done = true;
          stream.pause();
          reject(e);
          return;
        }
        chunks.push(chunk);
      })
      .on('error', (e: Error) => {
        if (done) return;
        done = true;
        reject(e);
      })
      .on('end', () => {
        if (done) return;
        done = true;
        const out = new Uint8Array(size);
        let o = 0;
        for (const c of chunks) {
          out.set(c, o);
          o += c.length;
        }
        resolve(out);
      })
      .resume();
  });
}

interface StreamHelper {
  on(event: 'data', f: (chunk: Uint8Array) => void): StreamHelper;
  on(event: 'error', f: (e: Error) => void): StreamHelper;
  on(event: 'end', f: () => void): StreamHelper;
  pause(): StreamHelper;
  resume(): StreamHelper;
}
