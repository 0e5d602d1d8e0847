/**
 * Before pdf.js opens a file: how much its Flate streams inflate to, measured within the budget.
 * pdf.js inflates a stream whole, into memory outside the JavaScript heap, however large it turns
 * out (a 210 KB file can hold 5 GB); this pass finds every stream from the raw bytes (no
 * cross-reference needed, so a file pdf.js would repair is covered too) and stops at the budget.
 */
import { inflateSync, constants as zlib } from 'node:zlib';
import type { ReadBudget } from '../limits.js';
import { tooLarge } from './native/file.js';

const STREAM = Buffer.from('stream');
const ENDSTREAM = Buffer.from('endstream');

export function measureStreams(bytes: Buffer, budget: ReadBudget): void {
  let at = 0;
  for (;;) {
    const s = bytes.indexOf(STREAM, at);
    if (s < 0) return;
    at = s + STREAM.length;
    // `endstream` contains `stream`; a stream keyword is followed by an end of line.
    if (s >= 3 && bytes.subarray(s - 3, s).toString('latin1') === 'end') continue;
    let start = at;
    if (bytes[start] === 0x0d) start++;
    if (bytes[start] !== 0x0a && bytes[start - 1] !== 0x0d) continue;
    if (bytes[start] === 0x0a) start++;
    let end = bytes.indexOf(ENDSTREAM, start);
    if (end < 0) end = bytes.length;
    at = end;
    // Not every stream is Flate; a zlib header (CMF 0x78, or 0x08–0x68 with a valid check) says it is.
    if (end - start < 2 || (bytes[start] & 0x0f) !== 8 || ((bytes[start] << 8) | bytes[start + 1]) % 31 !== 0) continue;
    try {
      const out = inflateSync(bytes.subarray(start, end), { finishFlush: zlib.Z_SYNC_FLUSH, maxOutputLength: budget.inflateRoom + 1 });
      budget.inflate(out.length, 'PDF 的压缩数据流');
    } catch (e) {
      if (tooLarge(e)) budget.refuse('inflatedBytes', 'PDF 的压缩数据流');
      if (e instanceof Error && e.name === 'ReadError') throw e;
      // Not zlib data after all, or damaged: pdf.js deals with it.
    }
  }
}
