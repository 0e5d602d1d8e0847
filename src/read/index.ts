import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { ReadError, type Doc, type Format } from './doc.js';
import type { ReaderDescriptor, ReaderOutput } from './reader.js';
import { READERS, extensionList, readerFor } from './registry.js';
import { isZip } from './zip-sniff.js';
import { limitsOf, ReadBudget, type ReadLimits } from './limits.js';

export { ReadError, type Doc } from './doc.js';
export { READERS, FORMATS, EXTENSIONS, type Format } from './registry.js';
export type { ReaderDescriptor, ReaderOutput } from './reader.js';
export { DEFAULT_LIMITS, LimitError, type ReadLimits } from './limits.js';

/** Files above this size are refused before reading (a disclosure is rarely above a few MB). */
export const DEFAULT_MAX_BYTES = 30 * 1024 * 1024;

export interface ReadOptions {
  maxBytes?: number;
  /** Limits of one file's reading (limits.ts); the defaults hold for what is not given. */
  limits?: Partial<ReadLimits>;
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
  const budget = new ReadBudget(path, limitsOf(options.limits));
  let out: ReaderOutput;
  try {
    out = await readerFor(format).read(bytes, path, budget);
  } catch (e) {
    if (e instanceof ReadError) throw e;
    // A structure nested deeper than the parser's stack: the nesting limit, said as such.
    if (e instanceof RangeError && /call stack/i.test(e.message)) budget.refuse('nesting', `${format.toUpperCase()} 文件的结构嵌套过深`);
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new ReadError(path, `无法读取 ${format.toUpperCase()} 文件（文件可能已损坏或被截断）：${why}`);
  }
  measureTree(out, budget);
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

/** What every reader's tree is held to, whatever the format: pages, rows and cells. */
function measureTree(out: ReaderOutput, budget: ReadBudget): void {
  if (out.pages !== undefined) budget.check('pages', out.pages, `文件有 ${out.pages} 页`);
  let rows = 0;
  let cells = 0;
  for (const b of out.blocks) {
    if (b.type !== 'table') continue;
    rows += b.rows.length;
    for (const r of b.rows) cells += r.length;
  }
  budget.check('blocks', out.blocks.length, `文件有 ${out.blocks.length} 个段落和表格`);
  budget.check('rows', rows, `文件的表格共 ${rows} 行`);
  budget.check('cells', cells, `文件的表格共 ${cells} 个单元格`);
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
  // Text under the name of a binary format (a page saved as .pdf, a file renamed): say so, not
  // that the extension is unsupported.
  const named = READERS.find((r) => (r.extensions as readonly string[]).includes(ext));
  if (named) throw new ReadError(path, `文件内容与扩展名 ${ext} 不符：是文本，不是 ${named.format.toUpperCase()} 文件（可能改错了扩展名或文件已损坏）`);
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
