/**
 * Word (.docx) reader: opens the OOXML package and reads the main document part directly, so
 * tables keep their exact grid (merged cells resolved) and blocks keep document order.
 */
import { crc32 } from 'node:zlib';
import JSZip from 'jszip';
import { ReadError } from '../doc.js';
import { NotWordBody, readBody } from './body.js';
import { parseXml, XmlDepthError, XmlError, type XmlElement } from './xml.js';
import type { ReaderOutput } from '../reader.js';
import { LimitError, ReadBudget } from '../limits.js';
import { inflateEntry } from '../zip-inflate.js';
import { countStartTags } from '../markup-count.js';

const DEFAULT_MAIN_PART = 'word/document.xml';
const OFFICE_DOCUMENT_REL = /\/officeDocument$/;

export async function readDocx(bytes: Buffer, path: string, budget = new ReadBudget(path)): Promise<ReaderOutput> {
  const zip = await openPackage(bytes, path);
  const partName = await mainPartName(zip, budget);
  const part = zip.file(partName);
  if (!part) throw new ReadError(path, `不是有效的 Word 文件：压缩包中没有正文部分 ${partName}`);

  const xml = await inflate(part, path, budget);
  sizeBody(xml, budget);
  const root = parsePart(xml, path, budget);
  try {
    return readBody(root);
  } catch (e) {
    if (e instanceof NotWordBody) throw new ReadError(path, `不是有效的 Word 文件：正文部分的根元素是 <${e.message}>，不是 <w:document>`);
    throw e;
  }
}

async function openPackage(bytes: Buffer, path: string): Promise<JSZip> {
  const head = bytes.subarray(0, 4).toString('latin1');
  if (head === '\u00d0\u00cf\u0011\u00e0') {
    throw new ReadError(path, '这是旧版 Word（.doc）或加密的 Word 文件，暂不支持；请另存为未加密的 .docx');
  }
  if (head !== 'PK\u0003\u0004') throw new ReadError(path, '不是 Word（.docx）文件：文件开头不是 ZIP 压缩包');
  try {
    // jszip's own CRC check inflates every part (images too); only the main part is checked, below.
    return await JSZip.loadAsync(bytes);
  } catch {
    throw new ReadError(path, 'Word 文件已损坏或不完整（无法解压）');
  }
}

/** The main part named by the package relationships; most files use word/document.xml. */
async function mainPartName(zip: JSZip, budget: ReadBudget): Promise<string> {
  const rels = zip.file('_rels/.rels');
  if (!rels) return DEFAULT_MAIN_PART;
  let root: XmlElement;
  try {
    root = parseXml(decode(await inflateEntry(rels, budget, 'Word 文件的关系部分')));
  } catch (e) {
    if (e instanceof LimitError) throw e;
    return DEFAULT_MAIN_PART;
  }
  for (const rel of root.children) {
    if (typeof rel === 'string' || !OFFICE_DOCUMENT_REL.test(rel.attrs.Type ?? '')) continue;
    const target = rel.attrs.Target ?? '';
    if (rel.attrs.TargetMode === 'External' || target === '') continue;
    const name = target.replace(/^(\.?\/)+/, '');
    if (zip.file(name)) return name;
  }
  return DEFAULT_MAIN_PART;
}

/** What the zip directory says about a part; jszip keeps it in a private field, hence optional. */
interface Declared {
  uncompressedSize?: number;
  crc32?: number;
}

async function inflate(part: JSZip.JSZipObject, path: string, budget: ReadBudget): Promise<string> {
  const declared = (part as unknown as { _data?: Declared })._data ?? {};
  // What the directory declares refuses an honest large part at once; a lying one is stopped while it inflates.
  budget.check('inflatedBytes', declared.uncompressedSize ?? 0, 'Word 正文部分声明的大小');
  let data: Uint8Array;
  try {
    data = await inflateEntry(part, budget, 'Word 正文部分');
  } catch (e) {
    if (e instanceof LimitError) throw e;
    throw new ReadError(path, 'Word 文件已损坏或不完整（正文部分无法解压）');
  }
  // A damaged stored part would otherwise read as text with wrong figures in it.
  if (typeof declared.crc32 === 'number' && crc32(data) !== declared.crc32 >>> 0) {
    throw new ReadError(path, 'Word 文件已损坏（正文部分校验和不符）');
  }
  return decode(data);
}

/** Paragraphs, table rows and cells counted from the markup, before the parse builds them. */
function sizeBody(xml: string, budget: ReadBudget): void {
  const paragraphs = countStartTags(xml, ['p']);
  budget.check('paragraphs', paragraphs, `Word 正文有 ${paragraphs} 个段落`);
  const rows = countStartTags(xml, ['tr']);
  budget.check('rows', rows, `Word 正文的表格共 ${rows} 行`);
  const cells = countStartTags(xml, ['tc']);
  budget.check('cells', cells, `Word 正文的表格共 ${cells} 个单元格`);
}

/** XML parts are UTF-8 unless they start with a UTF-16 byte order mark. */
function decode(data: Uint8Array): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data);
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data);
  return new TextDecoder('utf-8').decode(data);
}

function parsePart(xml: string, path: string, budget: ReadBudget): XmlElement {
  try {
    return parseXml(xml, budget.limits.nesting);
  } catch (e) {
    if (e instanceof XmlDepthError) budget.refuse('nesting', `Word 正文的 XML 元素嵌套超过 ${e.depth} 层`);
    if (e instanceof XmlError) {
      throw new ReadError(path, `Word 文件已损坏：正文 XML 格式错误（第 ${e.offset} 个字符处）：${e.message}`);
    }
    throw e;
  }
}
