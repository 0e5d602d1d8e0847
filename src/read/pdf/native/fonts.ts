/**
 * Fonts as far as reading text needs them: how a shown string splits into character codes, each
 * code's Unicode text and advance width — never the glyph outlines. Handled: composite fonts with
 * Identity-H encoding and a ToUnicode map (what Word, WPS and most Chinese office software embed),
 * composite fonts over a predefined horizontal CJK CMap (UniGB-UCS2-H, GBK-EUC-H …: iText's
 * STSong-Light, non-embedded SimSun), with a ToUnicode map or through the character collection's
 * CID → Unicode map, embedded CFF programs whose font matrix is the usual one (only the Top DICT is
 * read, for that matrix), simple TrueType fonts with a ToUnicode map or WinAnsiEncoding, and
 * embedded Type1 fonts with a ToUnicode map. The results follow pdf.js's
 * rules (a code missing from the map reads as the character of that code, and so on), so both
 * readers give the same text. Anything else is Unsupported and the document goes to pdf.js.
 */
import type { FontInfo, Glyph } from '../content.js';
import { Lexer, OPERATOR, PdfDict, PdfName, PdfStream, Unsupported } from './lexer.js';
import { nameOf, type PdfFile } from './file.js';
import { predefinedCMap, readCode, type PredefinedCMap } from './cmaps.js';

export interface NativeFont {
  info: FontInfo;
  /** The glyphs a shown string draws, in order. */
  glyphs(s: string): Glyph[];
  /** The same glyphs appended to `out`: a TJ array's strings go into one array, not an array each. */
  addGlyphs(s: string, out: (Glyph | number)[]): void;
}

function nativeFont(info: FontInfo, addGlyphs: (s: string, out: (Glyph | number)[]) => void): NativeFont {
  return {
    info,
    addGlyphs,
    glyphs(s) {
      const out: Glyph[] = [];
      addGlyphs(s, out);
      return out;
    },
  };
}

const FONT_MATRIX = [0.001, 0, 0, 0.001, 0, 0];

export function loadFont(file: PdfFile, dict: PdfDict): NativeFont {
  const subtype = nameOf(file.get(dict, 'Subtype'));
  if (subtype === 'Type0') return compositeFont(file, dict);
  if (subtype === 'TrueType') return simpleFont(file, dict, false);
  if (subtype === 'Type1') return simpleFont(file, dict, true);
  throw new Unsupported(`font type ${subtype}`);
}

function hasCffProgram(descriptor: PdfDict): boolean {
  return descriptor.raw('FontFile3') != null;
}

function compositeFont(file: PdfFile, dict: PdfDict): NativeFont {
  const encoding = nameOf(file.get(dict, 'Encoding'));
  // An embedded CMap stream, Identity-V and the vertical CMaps: pdf.js reads them.
  if (!encoding) throw new Unsupported('embedded CMap');
  const cmap = encoding === 'Identity-H' ? null : predefinedCMap(encoding);
  if (cmap?.vertical) throw new Unsupported('vertical CMap');
  const kids = file.get(dict, 'DescendantFonts');
  const cid = Array.isArray(kids) ? file.dict(kids[0]) : null;
  if (!cid) throw new Unsupported('no descendant font');
  const cidDescriptor = file.dict(cid.raw('FontDescriptor'));
  // Without a descriptor pdf.js reads the font as a simple standard font (one-byte codes, base-14
  // metrics, /W ignored), nothing like the reading below: leave such fonts to it.
  if (!cidDescriptor) throw new Unsupported('CIDFont without FontDescriptor');
  // A CFF program can carry its own font matrix, which pdf.js then uses: only the usual one is read here.
  if (hasCffProgram(cidDescriptor)) checkCffProgram(file, cidDescriptor);
  const included = readToUnicode(file, dict);
  let unicode: (code: number) => string | undefined;
  if (included && hasIndexCode(included)) unicode = (code) => included.get(code);
  // No map of its own: a predefined CMap's codes read through their CIDs in the character
  // collection's CID → Unicode map (Adobe-GB1-UCS2 …), as the PDF standard says (9.10.2).
  else if (cmap) unicode = collectionUnicode(file, cid, cmap);
  else throw new Unsupported('composite font without ToUnicode');

  const dw = file.get(cid, 'DW');
  const defaultWidth = typeof dw === 'number' ? Math.ceil(dw) : 1000;
  const widths: number[] = [];
  const w = file.get(cid, 'W');
  if (Array.isArray(w)) {
    for (let i = 0; i < w.length; i++) {
      let start = file.resolve(w[i++]);
      if (typeof start !== 'number' || !Number.isInteger(start)) break;
      const next = file.resolve(w[i]);
      if (Array.isArray(next)) {
        for (const x of next) {
          const width = file.resolve(x);
          if (typeof width === 'number') widths[start] = width;
          start++;
        }
      } else if (typeof next === 'number' && Number.isInteger(next)) {
        const width = file.resolve(w[++i]);
        if (typeof width !== 'number') continue;
        for (let c = start; c <= next; c++) widths[c] = width;
      } else break;
    }
  }

  const cache = new Map<number, Glyph>();
  const spaces = new Map<number, Glyph>();
  const glyph = (code: number, isSpace = false): Glyph => {
    const c = isSpace ? spaces : cache;
    let g = c.get(code);
    if (!g) {
      // Widths are by CID; a code the CMap does not map is its own CID.
      const mapped = cmap?.map.get(code);
      const width = widths[typeof mapped === 'number' ? mapped : code];
      g = { unicode: unicode(code) || String.fromCharCode(code), width: typeof width === 'number' ? width : defaultWidth, isSpace };
      c.set(code, g);
    }
    return g;
  };
  const info = { fontMatrix: FONT_MATRIX, vertical: false };
  if (cmap) {
    return nativeFont(info, (s, out) => {
      for (let i = 0; i < s.length; ) {
        const { code, length } = readCode(cmap, s, i);
        i += length;
        // pdf.js flags a one-byte code 0x20 as a space (word spacing applies to it).
        out.push(glyph(code, length === 1 && s.charCodeAt(i - 1) === 0x20));
      }
    });
  }
  return nativeFont(info, (s, out) => {
    const n = s.length;
    let i = 0;
    for (; i + 1 < n; i += 2) out.push(glyph((s.charCodeAt(i) << 8) | s.charCodeAt(i + 1)));
    // A stray last byte: pdf.js's CMap reader pads it with a missing (NaN → 0) low byte, so it
    // reads as the two-byte code byte·256 (0x4E alone is 一, U+4E00), not as code 0.
    if (i < n) out.push(glyph(s.charCodeAt(i) << 8));
  });
}

/** Code → text through the CIDs of a predefined CMap and the collection's CID → UCS-2 map. */
function collectionUnicode(file: PdfFile, cid: PdfDict, cmap: PredefinedCMap): (code: number) => string | undefined {
  const info = file.dict(cid.raw('CIDSystemInfo'));
  const registry = info ? file.get(info, 'Registry') : undefined;
  const ordering = info ? file.get(info, 'Ordering') : undefined;
  if (typeof registry !== 'string' || typeof ordering !== 'string') throw new Unsupported('CIDSystemInfo');
  const ucs2 = predefinedCMap(`${registry}-${ordering}-UCS2`);
  return (code) => {
    const c = cmap.map.get(code);
    const u = typeof c === 'number' ? ucs2.map.get(c) : undefined;
    if (typeof u !== 'string' || u === '') return undefined;
    let text = '';
    // An odd last byte reads as U+0000, as in pdf.js.
    for (let i = 0; i < u.length; i += 2) text += i + 1 < u.length ? String.fromCharCode((u.charCodeAt(i) << 8) + u.charCodeAt(i + 1)) : '\0';
    return text;
  };
}

function simpleFont(file: PdfFile, dict: PdfDict, type1: boolean): NativeFont {
  const descriptor = file.dict(dict.raw('FontDescriptor'));
  // Without a descriptor pdf.js takes the missing width from its standard font metrics.
  if (!descriptor) throw new Unsupported('simple font without FontDescriptor');
  if (hasCffProgram(descriptor)) throw new Unsupported('CFF font program');
  if (type1) checkType1Program(file, descriptor);
  const widthList = file.get(dict, 'Widths');
  // Without /Widths pdf.js takes widths from its metrics of the standard fonts.
  if (!Array.isArray(widthList)) throw new Unsupported('simple font without /Widths');
  const fc = file.get(dict, 'FirstChar');
  const firstChar = typeof fc === 'number' ? fc : 0;
  const widths: number[] = [];
  widthList.forEach((x, i) => {
    const v = file.resolve(x);
    if (typeof v === 'number') widths[firstChar + i] = v;
  });
  const mw = descriptor ? file.get(descriptor, 'MissingWidth') : undefined;
  const defaultWidth = typeof mw === 'number' ? mw : 0;

  const encoding = file.get(dict, 'Encoding');
  const included = readToUnicode(file, dict);
  let unicode: (string | undefined)[];
  if (encoding instanceof PdfName && encoding.name === 'WinAnsiEncoding') {
    // pdf.js completes an included map with the encoding's characters.
    const base = winAnsi();
    unicode = included ? base.map((u, code) => included.get(code) ?? u) : base;
  } else if (encoding == null && included) unicode = Array.from({ length: 256 }, (_, code) => included.get(code));
  // A Type1 font without either takes its characters from the encoding inside the font program.
  else throw new Unsupported('simple font encoding');

  const table: Glyph[] = [];
  for (let code = 0; code < 256; code++) {
    const width = widths[code];
    table.push({ unicode: unicode[code] || String.fromCharCode(code), width: typeof width === 'number' ? width : defaultWidth, isSpace: code === 32 });
  }
  return nativeFont({ fontMatrix: FONT_MATRIX, vertical: false }, (s, out) => {
    for (let i = 0; i < s.length; i++) out.push(table[s.charCodeAt(i)]);
  });
}

/** An embedded CFF program (FontFile3 of subtype CIDFontType0C or Type1C) with the usual 1/1000 em matrix. */
function checkCffProgram(file: PdfFile, descriptor: PdfDict): void {
  const program = file.resolve(descriptor.raw('FontFile3'));
  if (!(program instanceof PdfStream)) throw new Unsupported('CFF font program');
  const subtype = nameOf(file.get(program.dict, 'Subtype'));
  // OpenType wraps CFF in tables of its own.
  if (subtype !== 'CIDFontType0C' && subtype !== 'Type1C') throw new Unsupported(`font program ${subtype}`);
  const m = cffFontMatrix(file.decode(program));
  const standard = [0.001, 0, 0, 0.001, 0, 0];
  if (m && m.some((v, i) => Math.abs(v - standard[i]) > 1e-12)) throw new Unsupported('CFF font matrix');
}

/**
 * The FontMatrix of a CFF program's (first) Top DICT, or null when it has none (CFF: Adobe TN 5176):
 * header, Name INDEX, Top DICT INDEX; a DICT is operands (numbers) followed by operators, FontMatrix
 * being the escaped operator 12 7.
 */
export function cffFontMatrix(data: Uint8Array): number[] | null {
  const fail = (): never => {
    throw new Unsupported('malformed CFF program');
  };
  if (data.length < 4 || data[0] !== 1) fail();
  let p = data[2];
  const index = (): { start: number; offsets: number[] } => {
    if (p + 2 > data.length) fail();
    const count = (data[p] << 8) | data[p + 1];
    if (count === 0) return { start: p + 2, offsets: [] };
    const size = data[p + 2];
    if (size < 1 || size > 4) fail();
    const offsets: number[] = [];
    let q = p + 3;
    for (let i = 0; i <= count; i++) {
      let v = 0;
      for (let k = 0; k < size; k++) v = v * 256 + data[q++];
      offsets.push(v);
    }
    const start = q - 1; // offsets count from the byte before the data
    p = start + offsets[count];
    if (p > data.length) fail();
    return { start, offsets };
  };
  index(); // names
  const top = index();
  if (top.offsets.length < 2) fail();
  const end = top.start + top.offsets[1];
  const operands: number[] = [];
  for (let q = top.start + top.offsets[0]; q < end; ) {
    const b = data[q];
    if (b <= 21) {
      const op = b === 12 ? 1200 + data[q + 1] : b;
      q += b === 12 ? 2 : 1;
      if (op === 1207) return operands.length === 6 ? operands.slice() : fail();
      operands.length = 0;
    } else if (b === 28) {
      operands.push(((data[q + 1] << 24) | (data[q + 2] << 16)) >> 16);
      q += 3;
    } else if (b === 29) {
      operands.push((data[q + 1] << 24) | (data[q + 2] << 16) | (data[q + 3] << 8) | data[q + 4]);
      q += 5;
    } else if (b === 30) {
      let text = '';
      const nibbles = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.', 'E', 'E-', '', '-', ''];
      for (q++; q < end; q++) {
        const hi = data[q] >> 4;
        const lo = data[q] & 15;
        if (hi === 15) break;
        text += nibbles[hi];
        if (lo === 15) break;
        text += nibbles[lo];
      }
      q++;
      operands.push(Number(text));
    } else if (b >= 32 && b <= 246) {
      operands.push(b - 139);
      q++;
    } else if (b >= 247 && b <= 250) {
      operands.push((b - 247) * 256 + data[q + 1] + 108);
      q += 2;
    } else if (b >= 251 && b <= 254) {
      operands.push(-(b - 251) * 256 - data[q + 1] - 108);
      q += 2;
    } else fail();
  }
  return null;
}

/**
 * An embedded Type1 program whose font matrix is the usual 1/1000 em. Without a program pdf.js
 * substitutes a standard font with rules of its own; another matrix rescales the widths.
 */
function checkType1Program(file: PdfFile, descriptor: PdfDict | null): void {
  const program = descriptor ? file.resolve(descriptor.raw('FontFile')) : null;
  if (!(program instanceof PdfStream)) throw new Unsupported('Type1 font not embedded');
  const data = file.decode(program);
  const clear = Buffer.from(data.buffer, data.byteOffset, Math.min(data.byteLength, 65536)).toString('latin1');
  const m = /\/FontMatrix\s*\[([^\]]*)\]/.exec(clear);
  const values = m ? m[1].trim().split(/\s+/).map(Number) : null;
  const standard = [0.001, 0, 0, 0.001, 0, 0];
  if (!values || values.length !== 6 || values.some((v, i) => v !== standard[i])) throw new Unsupported('Type1 font matrix');
}

let winAnsiTable: string[] | undefined;

/** Windows-1252's 0x80–0x9F (Node 20's TextDecoder reads them as Latin-1 controls); 0 = a hole. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** WinAnsiEncoding as pdf.js reads it: Windows-1252, its holes as bullets, 0xA0 a space, 0xAD a hyphen. */
function winAnsi(): string[] {
  if (winAnsiTable) return winAnsiTable;
  // Codes below 32 have no character in the encoding (pdf.js then shows the code itself).
  const t: string[] = Array.from({ length: 256 }, () => undefined as unknown as string);
  for (let code = 32; code < 256; code++) {
    const high = code >= 0x80 && code < 0xa0 ? CP1252_HIGH[code - 0x80] : code;
    t[code] = String.fromCharCode(high === 0 || code === 0x7f ? 0x2022 : high);
  }
  t[0xa0] = ' ';
  t[0xad] = '-';
  return (winAnsiTable = t);
}

/** A font's ToUnicode CMap as code → text, or null when it has none. */
function readToUnicode(file: PdfFile, dict: PdfDict): Map<number, string> | null {
  const stream = file.resolve(dict.raw('ToUnicode'));
  if (stream == null) return null;
  // A name (/Identity-H) or anything else in its place: pdf.js then works from the encoding.
  if (!(stream instanceof PdfStream)) throw new Unsupported('ToUnicode that is no CMap stream');
  return parseToUnicode(file.decode(stream));
}

/** bfchar and bfrange sections of a ToUnicode CMap, with pdf.js's reading of odd cases. */
export function parseToUnicode(data: Uint8Array): Map<number, string> {
  const draft: ToUnicodeDraft = { codes: [], texts: [] };
  const lx = new Lexer(data);
  for (;;) {
    lx.skipSpace();
    if (lx.pos >= lx.end) break;
    if (lx.read(false) !== OPERATOR) continue;
    const op = lx.op;
    if (op === 'usecmap') throw new Unsupported('ToUnicode with usecmap');
    if (op === 'beginbfchar') section(lx, 'endbfchar', 2, draft);
    else if (op === 'beginbfrange') section(lx, 'endbfrange', 3, draft);
  }
  const { codes, texts } = draft;
  // A map, not an array indexed by code: codes are sparse (CIDs in the thousands), and such an
  // array, filled in the CMap's order, is copied into a larger store again and again on its way
  // to the highest code. In order, so that a later entry for a code wins.
  const out = new Map<number, string>();
  for (let i = 0; i < codes.length; i++) out.set(codes[i], utf16(texts[i]));
  return out;
}

/**
 * A map with a code that is an array index: when the map was an array, only such codes gave it a
 * length, and a composite font takes its text from its ToUnicode map only when it has one.
 */
function hasIndexCode(map: Map<number, string>): boolean {
  for (const code of map.keys()) if (code <= 2 ** 32 - 2) return true;
  return false;
}

/** The entries as read, in order: each code with its UTF-16BE bytes. */
interface ToUnicodeDraft {
  codes: number[];
  texts: string[];
}

function setRaw(draft: ToUnicodeDraft, code: number, bytes: string): void {
  draft.codes.push(code);
  draft.texts.push(bytes);
}

/**
 * The entries up to `end`, `arity` tokens each (bfchar: code, text; bfrange: low, high, text or
 * array of texts). Other keywords are skipped without breaking a group, as in pdf.js. One tokens
 * array for the section and plain calls, not a closure and a fresh array per entry: a CMap has
 * hundreds to thousands of entries, read once, in code that has had no time to be optimised.
 */
function section(lx: Lexer, end: string, arity: number, draft: ToUnicodeDraft): void {
  const tokens: unknown[] = [];
  let count = 0;
  for (;;) {
    lx.skipSpace();
    if (lx.pos >= lx.end) return;
    const v = lx.read(false);
    if (v === OPERATOR) {
      if (lx.op === end) return;
      continue;
    }
    tokens[count++] = v;
    if (count === arity) {
      if (arity === 2) bfChar(tokens, draft);
      else bfRangeEntry(tokens, draft);
      count = 0;
    }
  }
}

function bfChar(t: unknown[], draft: ToUnicodeDraft): void {
  if (typeof t[0] === 'string' && typeof t[1] === 'string') setRaw(draft, codeOf(t[0]), t[1]);
}

function bfRangeEntry(t: unknown[], draft: ToUnicodeDraft): void {
  if (typeof t[0] !== 'string' || typeof t[1] !== 'string') return;
  const low = codeOf(t[0]);
  const high = codeOf(t[1]);
  if (high - low > 0xffffff) return;
  const dst = t[2];
  if (Array.isArray(dst)) {
    for (let i = 0; i < dst.length; i++) {
      const d: unknown = dst[i];
      if (typeof d === 'string' && low + i <= high) setRaw(draft, low + i, d);
    }
  } else if (typeof dst === 'string') bfRange(draft, low, high, dst);
}

function codeOf(bytes: string): number {
  let c = 0;
  for (let i = 0; i < bytes.length; i++) c = c * 256 + bytes.charCodeAt(i);
  return c;
}

/** Consecutive codes map to consecutive texts: the last byte counts up, carrying into the one before. */
function bfRange(draft: ToUnicodeDraft, low: number, high: number, dst: string): void {
  const last = dst.length - 1;
  for (let code = low; code <= high; code++) {
    setRaw(draft, code, dst);
    const next = dst.charCodeAt(last) + 1;
    if (next > 0xff) {
      dst = dst.substring(0, last - 1) + String.fromCharCode(dst.charCodeAt(last - 1) + 1) + '\x00';
      continue;
    }
    dst = dst.substring(0, last) + String.fromCharCode(next);
  }
}

/** UTF-16BE bytes (an odd count gets a leading zero byte, as pdf.js does) to a string. */
function utf16(bytes: string): string {
  if (bytes.length % 2 !== 0) bytes = '\x00' + bytes;
  // Built as it goes, not as an array of code points spread into one call: most texts are one unit.
  let text = '';
  for (let k = 0; k < bytes.length; k += 2) {
    const w1 = (bytes.charCodeAt(k) << 8) | bytes.charCodeAt(k + 1);
    if ((w1 & 0xf800) !== 0xd800) {
      text += String.fromCharCode(w1);
      continue;
    }
    k += 2;
    const w2 = (bytes.charCodeAt(k) << 8) | bytes.charCodeAt(k + 1);
    text += String.fromCodePoint(((w1 & 0x3ff) << 10) + (w2 & 0x3ff) + 0x10000);
  }
  return text;
}
