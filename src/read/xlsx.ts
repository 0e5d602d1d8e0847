import { ReadError } from './doc.js';
import type { ReaderOutput } from './reader.js';

export async function readXlsx(_bytes: Buffer, path: string): Promise<ReaderOutput> {
  throw new ReadError(path, 'xlsx 读取器尚未实现');
}
