import { ReadError } from './doc.js';
import type { ReaderOutput } from './reader.js';

export async function readHtml(_bytes: Buffer, path: string): Promise<ReaderOutput> {
  throw new ReadError(path, 'html 读取器尚未实现');
}
