import type { ReaderWarning } from '../doc.js';

export interface DecodedText {
  text: string;
  /** The encoding the bytes were read as. */
  encoding: 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';
  warnings: ReaderWarning[];
}

/**
 * Text files from Chinese government sites are UTF-8 or GBK (Windows "ANSI"); Notepad's
 * "Unicode" is UTF-16 with a byte-order mark. GB18030 is a superset of GBK, so it reads both.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const warnings: ReaderWarning[] = [];
  let encoding: DecodedText['encoding'];
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = new TextDecoder('utf-16le').decode(bytes);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = new TextDecoder('utf-16be').decode(bytes);
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      encoding = 'utf-8';
    } catch {
      text = new TextDecoder('gb18030').decode(bytes);
      encoding = 'gb18030';
      warnings.push({ code: 'txt-encoding', message: '文件不是有效的 UTF-8 编码，已按 GB18030（GBK）解码' });
    }
  }
  // TextDecoder drops a leading BOM already; a second one can survive from concatenated files.
  text = text.replace(/^\uFEFF/, '');
  const bad = countReplacements(text);
  if (bad > 0) {
    warnings.push({
      code: 'txt-undecodable',
      message: `按 ${encoding.toUpperCase()} 解码时有 ${bad} 处字节无法识别，已替换为 �`,
    });
  }
  return { text, encoding, warnings };
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}
