/**
 * PDF syntax: the objects of the file (numbers, strings, names, arrays, dictionaries, references,
 * streams) and the operands and operators of content streams. Strings are kept as binary strings
 * (one char per byte): the fonts decide what the bytes mean.
 */

/** Thrown for anything the native reader does not handle; the document is then read by pdf.js. */
export class Unsupported extends Error {
  constructor(what: string) {
    super(what);
    this.name = 'Unsupported';
  }
}

export class PdfName {
  private static readonly interned = new Map<string, PdfName>();
  private constructor(readonly name: string) {}
  /** Names are interned, so they compare with ===. */
  static of(name: string): PdfName {
    let n = PdfName.interned.get(name);
    if (!n) PdfName.interned.set(name, (n = new PdfName(name)));
    return n;
  }
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

export class PdfDict {
  constructor(readonly map: Map<string, PdfValue> = new Map()) {}
  /** The raw value, a reference left unresolved. */
  raw(key: string): PdfValue | undefined {
    return this.map.get(key);
  }
}

export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    /** Byte range of the encoded data in the file. */
    readonly start: number,
    readonly end: number,
  ) {}
}

export type PdfValue = null | boolean | number | string | PdfName | PdfRef | PdfDict | PdfStream | PdfValue[];

const enum Ch {
  Tab = 9,
  LF = 10,
  FF = 12,
  CR = 13,
  Space = 32,
  Percent = 37,
  LParen = 40,
  RParen = 41,
  Plus = 43,
  Minus = 45,
  Dot = 46,
  Slash = 47,
  Zero = 48,
  Nine = 57,
  Lt = 60,
  Gt = 62,
  LBracket = 91,
  Backslash = 92,
  RBracket = 93,
  LBrace = 123,
  RBrace = 125,
}

/** 1: white space, 2: delimiter, 0: regular. */
const CLASS = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) CLASS[c] = 1;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = 2;

/** Marks an operator token in a content stream; the operator itself is in `Lexer.op`. */
export const OPERATOR = Symbol('operator');

export class Lexer {
  pos: number;
  /** The last operator read by `next()`. */
  op = '';
  /**
   * In a content stream a dictionary is the properties of marked content (BDC, DP), which the
   * reader does not use. With this set it is stepped over unread — no map, no names built — and
   * stands as null. Tagged PDFs (as Word and WPS save them) open one before almost every text run.
   */
  skipDictionaries = false;

  constructor(
    readonly buf: Uint8Array,
    start = 0,
    readonly end = buf.length,
  ) {
    this.pos = start;
  }

  skipSpace(): void {
    const b = this.buf;
    let p = this.pos;
    while (p < this.end) {
      const c = b[p];
      if (CLASS[c] === 1) p++;
      else if (c === Ch.Percent) {
        while (p < this.end && b[p] !== Ch.LF && b[p] !== Ch.CR) p++;
      } else break;
    }
    this.pos = p;
  }

  /** A keyword or number as written (regular characters up to the next delimiter or space). */
  private word(): string {
    const b = this.buf;
    const start = this.pos;
    let p = start;
    while (p < this.end && CLASS[b[p]] === 0) p++;
    this.pos = p;
    // The keywords of the syntax and the content operators come back as one shared string each:
    // no string is built, and comparing them with literals is a pointer comparison.
    if (p - start <= 4) {
      let key = 0;
      for (let i = p - 1; i >= start; i--) key = key * 256 + b[i];
      const known = SHORT_WORDS.get(key);
      if (known !== undefined) return known;
    }
    let s = '';
    for (let i = start; i < p; i++) s += String.fromCharCode(b[i]);
    return s;
  }

  private number(): number {
    const b = this.buf;
    let p = this.pos;
    let sign = 1;
    // pdf.js and Acrobat accept doubled or stray signs ("--5"); so do we.
    while (b[p] === Ch.Minus || b[p] === Ch.Plus) {
      if (b[p] === Ch.Minus) sign = -sign;
      p++;
    }
    // Digits are gathered as one integer and divided once, as pdf.js does, so that 3.9963 reads
    // as the same double in both readers.
    let n = 0;
    let divisor = 1;
    let c = b[p];
    while (c >= Ch.Zero && c <= Ch.Nine) {
      n = n * 10 + (c - Ch.Zero);
      c = b[++p];
    }
    if (c === Ch.Dot) {
      c = b[++p];
      while (c >= Ch.Zero && c <= Ch.Nine) {
        n = n * 10 + (c - Ch.Zero);
        divisor *= 10;
        c = b[++p];
      }
      n /= divisor;
    }
    // Junk glued to a number (1.2.3) ends it, as in pdf.js.
    while (p < this.end && CLASS[b[p]] === 0) p++;
    this.pos = p;
    return sign * n;
  }

  private literalString(): string {
    const b = this.buf;
    let p = this.pos + 1;
    let depth = 1;
    let s = '';
    while (p < this.end) {
      let c = b[p++];
      if (c === Ch.LParen) depth++;
      else if (c === Ch.RParen) {
        if (--depth === 0) break;
      } else if (c === Ch.Backslash) {
        c = b[p++];
        switch (c) {
          case 110: // n
            c = 10;
            break;
          case 114: // r
            c = 13;
            break;
          case 116: // t
            c = 9;
            break;
          case 98: // b
            c = 8;
            break;
          case 102: // f
            c = 12;
            break;
          case Ch.CR:
            if (b[p] === Ch.LF) p++;
            continue;
          case Ch.LF:
            continue;
          default:
            if (c >= Ch.Zero && c <= 55) {
              let v = c - Ch.Zero;
              for (let k = 0; k < 2 && b[p] >= Ch.Zero && b[p] <= 55; k++) v = v * 8 + (b[p++] - Ch.Zero);
              c = v & 0xff;
            }
        }
      }
      s += String.fromCharCode(c);
    }
    this.pos = p;
    return s;
  }

  private hexString(): string {
    const { bytes, next } = decodeHex(this.buf, this.pos + 1, this.end);
    this.pos = next;
    return bytes;
  }

  private name(): PdfName {
    const b = this.buf;
    let p = this.pos + 1;
    let s = '';
    while (p < this.end && CLASS[b[p]] === 0) {
      const c = b[p++];
      if (c === 35 && p + 1 < this.end && hexValue(b[p]) >= 0 && hexValue(b[p + 1]) >= 0) {
        s += String.fromCharCode((hexValue(b[p]) << 4) | hexValue(b[p + 1]));
        p += 2;
      } else s += String.fromCharCode(c);
    }
    this.pos = p;
    return PdfName.of(s);
  }

  /**
   * One object of the file's syntax; `refs` reads "n g R" as a reference (not inside content
   * streams). Returns OPERATOR for a keyword, which is left in `op`.
   */
  read(refs: boolean): PdfValue | typeof OPERATOR {
    this.skipSpace();
    if (this.pos >= this.end) throw new Unsupported('unexpected end of data');
    const b = this.buf;
    const c = b[this.pos];
    if ((c >= Ch.Zero && c <= Ch.Nine) || c === Ch.Minus || c === Ch.Plus || c === Ch.Dot) {
      const n = this.number();
      if (refs && Number.isInteger(n) && n >= 0 && c !== Ch.Dot) {
        const save = this.pos;
        this.skipSpace();
        const g = b[this.pos];
        if (g >= Ch.Zero && g <= Ch.Nine) {
          const gen = this.number();
          this.skipSpace();
          if (b[this.pos] === 82 /* R */ && (this.pos + 1 >= this.end || CLASS[b[this.pos + 1]] !== 0)) {
            this.pos++;
            return new PdfRef(n, gen);
          }
        }
        this.pos = save;
      }
      return n;
    }
    switch (c) {
      case Ch.Slash:
        return this.name();
      case Ch.LParen:
        return this.literalString();
      case Ch.Lt:
        if (b[this.pos + 1] === Ch.Lt) {
          this.pos += 2;
          if (!this.skipDictionaries) return this.dict(refs);
          this.skipDictionary();
          return null;
        }
        return this.hexString();
      case Ch.LBracket: {
        this.pos++;
        const arr: PdfValue[] = [];
        for (;;) {
          this.skipSpace();
          if (this.pos >= this.end) throw new Unsupported('unterminated array');
          if (b[this.pos] === Ch.RBracket) {
            this.pos++;
            return arr;
          }
          const v = this.read(refs);
          if (v === OPERATOR) {
            // Keywords inside arrays: true/false/null are values, anything else is malformed.
            arr.push(keywordValue(this.op));
          } else arr.push(v);
        }
      }
      case Ch.RBracket:
      case Ch.Gt:
      case Ch.RParen:
      case Ch.LBrace:
      case Ch.RBrace:
        this.pos++;
        this.op = String.fromCharCode(c);
        return OPERATOR;
    }
    const w = this.word();
    if (w === 'true') return true;
    if (w === 'false') return false;
    if (w === 'null') return null;
    this.op = w;
    return OPERATOR;
  }

  private dict(refs: boolean): PdfDict {
    const map = new Map<string, PdfValue>();
    const b = this.buf;
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.end) throw new Unsupported('unterminated dictionary');
      if (b[this.pos] === Ch.Gt && b[this.pos + 1] === Ch.Gt) {
        this.pos += 2;
        return new PdfDict(map);
      }
      const key = this.read(refs);
      if (!(key instanceof PdfName)) throw new Unsupported('dictionary key is not a name');
      this.skipSpace();
      if (b[this.pos] === Ch.Gt && b[this.pos + 1] === Ch.Gt) {
        map.set(key.name, null);
        continue;
      }
      const v = this.read(refs);
      map.set(key.name, v === OPERATOR ? keywordValue(this.op) : v);
    }
  }

  /**
   * Steps over a dictionary's body, after its "<<": to the ">>" that closes it, past the nested
   * dictionaries, the strings (whose parentheses and brackets are text) and the comments in it.
   */
  private skipDictionary(): void {
    const b = this.buf;
    let p = this.pos;
    let depth = 1;
    while (p < this.end) {
      const c = b[p];
      if (c === Ch.LParen) {
        let parens = 1;
        for (p++; p < this.end && parens > 0; p++) {
          const d = b[p];
          if (d === Ch.Backslash) p++;
          else if (d === Ch.LParen) parens++;
          else if (d === Ch.RParen) parens--;
        }
      } else if (c === Ch.Lt) {
        if (b[p + 1] === Ch.Lt) {
          depth++;
          p += 2;
        } else {
          // A hex string.
          while (p < this.end && b[p] !== Ch.Gt) p++;
          p++;
        }
      } else if (c === Ch.Gt && b[p + 1] === Ch.Gt) {
        p += 2;
        if (--depth === 0) {
          this.pos = p;
          return;
        }
      } else if (c === Ch.Percent) {
        while (p < this.end && b[p] !== Ch.LF && b[p] !== Ch.CR) p++;
      } else p++;
    }
    throw new Unsupported('unterminated dictionary');
  }

  /** Reads a keyword where one is expected (obj, endobj, stream, xref, trailer). */
  keyword(): string {
    this.skipSpace();
    return this.word();
  }
}

/** Words of up to four bytes by their bytes read as a little-endian number. */
const SHORT_WORDS = new Map<number, string>();
for (const w of (
  'b b* B B* BDC BI BMC BT BX c cm CS cs d d0 d1 Do DP EI EMC ET EX f F f* G g gs h i ID j J K k l m M MP ' +
  "n q Q re RG rg ri s S SC sc SCN scn sh T* Tc Td TD Tf Tj TJ TL Tm Tr Ts Tw Tz v w W W* y ' \" true null obj R"
).split(' ')) {
  let key = 0;
  for (let i = w.length - 1; i >= 0; i--) key = key * 256 + w.charCodeAt(i);
  SHORT_WORDS.set(key, w);
}

function keywordValue(op: string): PdfValue {
  if (op === 'true') return true;
  if (op === 'false') return false;
  return null;
}

/**
 * Hex digits from `from` up to a '>' (or `end`), white space skipped, an odd last digit padded
 * with 0: a hex string's body and the ASCIIHexDecode filter alike. Returns the bytes as a binary
 * string and the position after the '>'.
 */
export function decodeHex(b: Uint8Array, from: number, end: number): { bytes: string; next: number } {
  let p = from;
  let s = '';
  let hi = -1;
  while (p < end) {
    const c = b[p++];
    if (c === Ch.Gt) break;
    const v = hexValue(c);
    if (v < 0) continue;
    if (hi < 0) hi = v;
    else {
      s += String.fromCharCode((hi << 4) | v);
      hi = -1;
    }
  }
  if (hi >= 0) s += String.fromCharCode(hi << 4);
  return { bytes: s, next: p };
}

export function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

export function isSpaceByte(c: number): boolean {
  return CLASS[c] === 1;
}
