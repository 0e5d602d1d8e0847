import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { ReadError, type Doc, type Format } from './doc.js';
import type { ReaderDescriptor, ReaderOutput } from './reader.js';
import { READERS, extensionList, readerFor } from './registry.js';
import { isZip } from './zip-sniff.js';

export { ReadError, type Doc } from './doc.js';
export { READERS, FORMATS, EXTENSIONS, type Format } from './registry.js';
export type { ReaderDescriptor, ReaderOutput } from './reader.js';

/** Files above this size are refused before reading (a disclosure is rarely above a few MB). */
export const DEFAULT_MAX_BYTES = 30 * 1024 * 1024;

export interface ReadOptions {
  maxBytes?: number;
}

export async function readDocumentFile(path: string, options: ReadOptions = {}): Promise<Doc> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let size: number;
  try {
    const s = await stat(path);
    if (s.isDirectory()) throw new ReadError(path, '是一个目录，不是文件');
    size = s.size;
  } catch (e) {
    if (e instanceof ReadError) throw e;
    throw new ReadError(path, '文件不存在或无法访问');
  }
  if (size > maxBytes) throw new ReadError(path, `文件过大（${mb(size)}，上限 ${mb(maxBytes)}）`);
  return readDocument(await readFile(path), path, options);
}

/** Reads bytes whose format is recognised from their content; the name only breaks ties. */
export async function readDocument(bytes: Buffer, path: string, options: ReadOptions = {}): Promise<Doc> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) throw new ReadError(path, `文件过大（${mb(bytes.length)}，上限 ${mb(maxBytes)}）`);
  if (bytes.length === 0) throw new ReadError(path, '文件为空');
  const format = sniffFormat(bytes, path);
  let out: ReaderOutput;
  try {
    out = await readerFor(format).read(bytes, path);
  } catch (e) {
    if (e instanceof ReadError) throw e;
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new ReadError(path, `无法读取 ${format.toUpperCase()} 文件（文件可能已损坏或被截断）：${why}`);
  }
  return {
    source: {
      path,
      format,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      ...(out.pages !== undefined ? { pages: out.pages } : {}),
    },
    blocks: out.blocks,
    warnings: out.warnings,
  };
}

export function sniffFormat(bytes: Buffer, path: string): Format {
  const ext = extname(path).toLowerCase();
  // Formats with a signature first; text formats are judged by name and opening words, which any
  // bytes may carry by chance, so only once the bytes are known to be text.
  for (const r of READERS) if (!isTextFormat(r) && r.sniff(bytes, ext)) return r.format;
  if (isZip(bytes)) throw new ReadError(path, 'ZIP 压缩包既不是 Word（.docx）也不是 Excel（.xlsx）文件');
  if (bytes.subarray(0, 4).toString('latin1') === '\u00d0\u00cf\u0011\u00e0') {
    throw new ReadError(path, '旧版 Office 格式（.doc/.xls）暂不支持，请另存为 .docx/.xlsx');
  }
  if (looksBinary(bytes)) throw new ReadError(path, `无法识别的文件类型${ext ? `（扩展名 ${ext}）` : ''}：不是 ${READERS.map((r) => r.format).join('/')}`);
  for (const r of READERS) if (isTextFormat(r) && r.sniff(bytes, ext)) return r.format;
  throw new ReadError(path, `不支持的文件扩展名 ${ext}（支持 ${extensionList()}）`);
}

function isTextFormat(r: ReaderDescriptor): boolean {
  return r.mediaTypes.every((t) => t.startsWith('text/'));
}

function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 4096);
  let control = 0;
  for (const b of sample) if (b === 0 || (b < 9) || (b > 13 && b < 32 && b !== 27)) control++;
  return control > sample.length * 0.01;
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
