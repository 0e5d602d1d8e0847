import iconv from 'iconv-lite';

/**
 * Bytes of a web page to text. Order of evidence: a byte-order mark, then the charset the page
 * declares in `<meta>`, then whether the bytes are valid UTF-8 (else GB18030, the superset of the
 * gb2312/gbk that government sites still use). A declaration the bytes contradict is overruled
 * and reported, since sites often copy a template's `<meta>` without re-encoding the page.
 */
export interface DecodedHtml {
  text: string;
  /** The encoding used, e.g. `utf-8`, `gb18030`. */
  encoding: string;
  /** Chinese, one line: why the encoding differs from what the page declares. */
  note?: string;
}

/** Labels that all mean "some GB encoding"; GB18030 decodes every one of them. */
const GB_LABELS = new Set(['gb2312', 'gbk', 'x-gbk', 'gb18030', 'gb_2312-80', 'cp936', 'windows-936', 'euc-cn', 'csgb2312', 'iso-ir-58', 'chinese']);
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);

export function decodeHtml(bytes: Buffer): DecodedHtml {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };

  const declared = declaredCharset(bytes);
  const utf8 = strictUtf8(bytes);
  const label = declared?.toLowerCase();
  if (label && UTF8_LABELS.has(label)) {
    if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
    return {
      text: iconv.decode(bytes, 'gb18030'),
      encoding: 'gb18030',
      note: `网页声明编码为 ${declared}，但内容不是有效的 UTF-8，已按 GB18030 解码`,
    };
  }
  if (label && GB_LABELS.has(label)) {
    if (utf8 !== null && hasNonAscii(bytes)) {
      return { text: utf8, encoding: 'utf-8', note: `网页声明编码为 ${declared}，但内容是有效的 UTF-8，已按 UTF-8 解码` };
    }
    return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030' };
  }
  if (label && iconv.encodingExists(label)) return { text: iconv.decode(bytes, label), encoding: label };

  const fallback: DecodedHtml =
    utf8 !== null ? { text: utf8, encoding: 'utf-8' } : { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030' };
  if (declared) fallback.note = `网页声明的编码 ${declared} 无法识别，已按 ${fallback.encoding.toUpperCase()} 解码`;
  return fallback;
}

/** The charset of `<meta charset=…>`, `<meta http-equiv=… content="…; charset=…">` or `<?xml encoding=…?>`. */
export function declaredCharset(bytes: Buffer): string | undefined {
  // Declarations must come early (the HTML standard looks at the first 1024 bytes); allow more.
  const head = bytes.subarray(0, 4096).toString('latin1');
  for (const meta of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const m = /charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(meta);
    if (m) return m[1];
  }
  // XHTML pages may declare it only in the XML prologue.
  return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9_.:-]+)/i.exec(head)?.[1];
}

function strictUtf8(bytes: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function hasNonAscii(bytes: Buffer): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}
