import { ReadError } from './doc.js';
import type { ReaderOutput } from './reader.js';

export async function readTxt(_bytes: Buffer, path: string): Promise<ReaderOutput> {
  throw new ReadError(path, 'txt 读取器尚未实现');
}
