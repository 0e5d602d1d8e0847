import { ReadError } from './doc.js';
import type { ReaderOutput } from './reader.js';

export async function readPdf(_bytes: Buffer, path: string): Promise<ReaderOutput> {
  throw new ReadError(path, 'pdf 读取器尚未实现');
}
