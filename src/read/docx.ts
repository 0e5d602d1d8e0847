import { ReadError } from './doc.js';
import type { ReaderOutput } from './reader.js';

export async function readDocx(_bytes: Buffer, path: string): Promise<ReaderOutput> {
  throw new ReadError(path, 'docx 读取器尚未实现');
}
