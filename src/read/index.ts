import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { ReadError, type Doc, type Format } from './doc.js';
import type { ReaderOutput } from './reader.js';

export { ReadError, type Doc } from './doc.js';

/** Files above this size are refused before reading (a disclosure is rarely above a few MB). */
export const DEFAULT_MAX_BYTES = 30 * 1024 * 1024;

type Reader = (bytes: Buffer, path: string) => Promise<ReaderOutput>;

// Each reader is loaded on the first file of its format: checking a PDF never loads the Word,
// Excel and HTML readers and their libraries (about a third of the command's start-up).
const READERS: Record<Format, () => Promise<Reader>> = {
  txt: async () => (await import('./txt.js')).readTxt,
  docx: async () => (await import('./docx.js')).readDocx,
  pdf: async () => (await import('./pdf.js')).readPdf,
  xlsx: async () => (await import('./xlsx.js')).readXlsx,
  html: async () => (await import('./html.js')).readHtml,
};

const TEXT_EXTENSIONS = new Set(['', '.txt', '.text']);
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.shtml', '.xhtml']);

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
  const read = await READERS[format]();
  let out: ReaderOutput;
  try {
    out = await read(bytes, path);
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
  const head = bytes.subarray(0, 8).toString('latin1');
  if (head.startsWith('%PDF')) return 'pdf';
  if (head.startsWith('PK\u0003\u0004')) {
    // Both are zip packages; their part names tell them apart.
    const listing = bytes.toString('latin1');
    if (listing.includes('word/document.xml')) return 'docx';
    if (listing.includes('xl/workbook.xml')) return 'xlsx';
    throw new ReadError(path, 'ZIP 压缩包既不是 Word（.docx）也不是 Excel（.xlsx）文件');
  }
  if (head.startsWith('\u00d0\u00cf\u0011\u00e0')) {
    throw new ReadError(path, '旧版 Office 格式（.doc/.xls）暂不支持，请另存为 .docx/.xlsx');
  }
  if (looksBinary(bytes)) throw new ReadError(path, `无法识别的文件类型${ext ? `（扩展名 ${ext}）` : ''}：不是 txt/docx/pdf/xlsx/html`);
  const start = bytes.subarray(0, 2048).toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (HTML_EXTENSIONS.has(ext) || start.startsWith('<!doctype html') || start.startsWith('<html')) return 'html';
  if (TEXT_EXTENSIONS.has(ext)) return 'txt';
  throw new ReadError(path, `不支持的文件扩展名 ${ext}（支持 .txt .docx .pdf .xlsx .html）`);
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
