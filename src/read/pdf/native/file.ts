/**
 * A PDF file's object layer: cross-reference tables and streams (with their /Prev chains and
 * object streams), indirect objects, decoded stream data, and the page tree with its inherited
 * attributes. Anything unusual (encryption, a broken cross-reference, an unknown filter) is
 * Unsupported: pdf.js, which repairs such files, reads them instead.
 */
import { inflateSync, constants as zlib } from 'node:zlib';
import type { ReadBudget } from '../../limits.js';
import { Lexer, OPERATOR, PdfDict, PdfName, PdfRef, PdfStream, Unsupported, decodeHex, isSpaceByte, type PdfValue } from './lexer.js';

/**
 * A cross-reference entry as one number (no object per entry: files have tens of thousands): an
 * offset in the file (0 for a free object), or −1 − (stream·2²⁰ + index) for an object packed in an
 * object stream.
 */
const PACKED = 2 ** 20;

export interface PageNode {
  dict: PdfDict;
  resources: PdfDict | null;
  mediaBox: number[] | null;
  cropBox: number[] | null;
  rotate: number;
}

export class PdfFile {
  private readonly xref: number[] = [];
  private readonly cache = new Map<number, PdfValue>();
  private readonly objectStreams = new Map<number, { offsets: number[]; data: Uint8Array; first: number }>();
  readonly trailer: PdfDict;
  readonly pages: PageNode[];

  constructor(
    readonly bytes: Uint8Array,
    private readonly budget?: ReadBudget,
  ) {
    this.trailer = this.readXrefChain(findStartXref(bytes));
    if (this.trailer.raw('Encrypt') != null) throw new Unsupported('encrypted');
    const root = this.dict(this.trailer.raw('Root'));
    if (!root) throw new Unsupported('no document catalog');
    this.pages = [];
    this.collectPages(this.dict(root.raw('Pages')), null, null, null, 0, new Set());
  }

  // --- cross-reference ---------------------------------------------------------------------

  private readXrefChain(offset: number): PdfDict {
    let trailer: PdfDict | null = null;
    const seen = new Set<number>();
    let next: number | null = offset;
    while (next !== null) {
      if (seen.has(next) || seen.size > 100) throw new Unsupported('cross-reference loop');
      seen.add(next);
      const t = this.readXref(next);
      trailer ??= t;
      // A hybrid file's /XRefStm holds the objects its classic table leaves out.
      const stm = t.raw('XRefStm');
      if (typeof stm === 'number' && !seen.has(stm)) {
        seen.add(stm);
        this.readXref(stm);
      }
      const prev = t.raw('Prev');
      next = typeof prev === 'number' ? prev : null;
    }
    return trailer!;
  }

  /** Reads one section; entries already known (from a later update) win. Returns its trailer. */
  private readXref(offset: number): PdfDict {
    if (offset <= 0 || offset >= this.bytes.length) throw new Unsupported('cross-reference offset out of range');
    const lx = new Lexer(this.bytes, offset);
    lx.skipSpace();
    const save = lx.pos;
    if (lx.keyword() === 'xref') return this.readXrefTable(lx);
    lx.pos = save;
    return this.readXrefStream(lx);
  }

  private readXrefTable(lx: Lexer): PdfDict {
    for (;;) {
      const first = lx.read(false);
      if (first === OPERATOR) {
        if (lx.op !== 'trailer') throw new Unsupported('malformed cross-reference table');
        const t = lx.read(true);
        if (!(t instanceof PdfDict)) throw new Unsupported('malformed trailer');
        return t;
      }
      const count = lx.read(false);
      if (typeof first !== 'number' || typeof count !== 'number') throw new Unsupported('malformed cross-reference table');
      for (let i = 0; i < count; i++) {
        const num = first + i;
        lx.skipSpace();
        const fixed = fixedEntry(this.bytes, lx.pos, lx.end);
        if (fixed >= 0) {
          // The entry as the standard writes it, read in place: the lexer stops where it would.
          lx.pos += 18;
          if (this.xref[num] === undefined) this.xref[num] = fixed % 2 === 1 ? (fixed - 1) / 2 : 0;
          continue;
        }
        const off = lx.read(false);
        lx.read(false);
        const kind = lx.read(false);
        if (typeof off !== 'number' || kind !== OPERATOR) throw new Unsupported('malformed cross-reference entry');
        if (lx.op === 'n' && this.xref[num] === undefined) this.xref[num] = off;
        else if (lx.op === 'f' && this.xref[num] === undefined) this.xref[num] = 0;
      }
    }
  }

  private readXrefStream(lx: Lexer): PdfDict {
    const obj = this.readIndirect(lx);
    if (!(obj instanceof PdfStream) || nameOf(obj.dict.raw('Type')) !== 'XRef') throw new Unsupported('no cross-reference at startxref');
    const d = obj.dict;
    const w = d.raw('W');
    if (!Array.isArray(w) || w.length !== 3 || !w.every((x) => typeof x === 'number')) throw new Unsupported('bad /W');
    const [w0, w1, w2] = w as number[];
    const size = d.raw('Size');
    const index = (d.raw('Index') as number[] | undefined) ?? [0, typeof size === 'number' ? size : 0];
    const data = this.decode(obj);
    const rowLen = w0 + w1 + w2;
    let p = 0;
    const field = (len: number, dflt: number): number => {
      if (len === 0) return dflt;
      let v = 0;
      for (let k = 0; k < len; k++) v = v * 256 + data[p++];
      return v;
    };
    for (let s = 0; s + 1 < index.length; s += 2) {
      const first = index[s];
      const count = index[s + 1];
      for (let i = 0; i < count && p + rowLen <= data.length; i++) {
        const type = field(w0, 1);
        const a = field(w1, 0);
        const b = field(w2, 0);
        const num = first + i;
        if (this.xref[num] !== undefined) continue;
        if (type === 1) this.xref[num] = a;
        else if (type === 2) {
          if (b >= PACKED) throw new Unsupported('object stream index out of range');
          this.xref[num] = -1 - (a * PACKED + b);
        } else this.xref[num] = 0;
      }
    }
    return d;
  }

  // --- objects -----------------------------------------------------------------------------

  /** `n g obj … endobj` at the lexer's position (a stream keeps its data range only). */
  private readIndirect(lx: Lexer, expected?: number): PdfValue {
    const num = lx.read(false);
    const gen = lx.read(false);
    // A stale offset (the file was edited without updating its table) is for pdf.js to repair.
    if (typeof num !== 'number' || typeof gen !== 'number' || lx.keyword() !== 'obj' || (expected !== undefined && num !== expected)) {
      throw new Unsupported('object not where the cross-reference says');
    }
    const v = lx.read(true);
    if (v === OPERATOR) throw new Unsupported('malformed object');
    if (v instanceof PdfDict) {
      const save = lx.pos;
      if (lx.keyword() === 'stream') return this.streamAt(v, lx.pos);
      lx.pos = save;
    }
    return v;
  }

  private streamAt(dict: PdfDict, afterKeyword: number): PdfStream {
    const b = this.bytes;
    let start = afterKeyword;
    if (b[start] === 13) start++;
    if (b[start] === 10) start++;
    const len = this.resolve(dict.raw('Length'));
    if (typeof len === 'number' && len >= 0 && start + len <= b.length && endstreamNear(b, start + len)) {
      return new PdfStream(dict, start, start + len);
    }
    // A wrong /Length: the data ends at the next "endstream".
    const end = indexOf(b, ENDSTREAM, start);
    if (end < 0) throw new Unsupported('stream without endstream');
    let e = end;
    if (b[e - 1] === 10) e--;
    if (b[e - 1] === 13) e--;
    return new PdfStream(dict, start, e);
  }

  object(num: number): PdfValue {
    if (this.cache.has(num)) return this.cache.get(num)!;
    const entry = this.xref[num];
    let v: PdfValue = null;
    if (entry > 0) v = this.readIndirect(new Lexer(this.bytes, entry), num);
    else if (entry < 0) {
      const packed = -1 - entry;
      v = this.fromObjectStream(Math.floor(packed / PACKED), packed % PACKED);
    }
    this.cache.set(num, v);
    return v;
  }

  private fromObjectStream(streamNum: number, index: number): PdfValue {
    let os = this.objectStreams.get(streamNum);
    if (!os) {
      const s = this.object(streamNum);
      if (!(s instanceof PdfStream)) throw new Unsupported('object stream missing');
      const data = this.decode(s);
      const n = this.resolve(s.dict.raw('N'));
      const first = this.resolve(s.dict.raw('First'));
      if (typeof n !== 'number' || typeof first !== 'number') throw new Unsupported('bad object stream');
      const lx = new Lexer(data, 0, first);
      const offsets: number[] = [];
      for (let i = 0; i < n; i++) {
        lx.read(false);
        const off = lx.read(false);
        if (typeof off !== 'number') throw new Unsupported('bad object stream header');
        offsets.push(off);
      }
      os = { offsets, data, first };
      this.objectStreams.set(streamNum, os);
    }
    if (index >= os.offsets.length) return null;
    const v = new Lexer(os.data, os.first + os.offsets[index]).read(true);
    return v === OPERATOR ? null : v;
  }

  resolve(v: PdfValue | undefined): PdfValue | undefined {
    let guard = 0;
    while (v instanceof PdfRef) {
      if (++guard > 32) throw new Unsupported('reference loop');
      v = this.object(v.num);
    }
    return v;
  }

  dict(v: PdfValue | undefined): PdfDict | null {
    const r = this.resolve(v);
    if (r instanceof PdfDict) return r;
    if (r instanceof PdfStream) return r.dict;
    return null;
  }

  get(d: PdfDict, key: string): PdfValue | undefined {
    return this.resolve(d.raw(key));
  }

  numbers(v: PdfValue | undefined): number[] | null {
    const a = this.resolve(v);
    if (!Array.isArray(a)) return null;
    const out: number[] = [];
    for (const x of a) {
      const n = this.resolve(x);
      if (typeof n !== 'number') return null;
      out.push(n);
    }
    return out;
  }

  // --- streams -----------------------------------------------------------------------------

  decode(s: PdfStream): Uint8Array {
    let data: Uint8Array = this.bytes.subarray(s.start, s.end);
    const f = this.resolve(s.dict.raw('Filter'));
    const filters = f == null ? [] : Array.isArray(f) ? f.map((x) => this.resolve(x)) : [f];
    const p = this.resolve(s.dict.raw('DecodeParms'));
    const params = Array.isArray(p) ? p.map((x) => this.dict(x)) : [this.dict(p)];
    filters.forEach((filter, i) => {
      const name = nameOf(filter);
      if (name === 'FlateDecode' || name === 'Fl') data = predict(inflate(data, this.budget), params[i] ?? null);
      else if (name === 'ASCIIHexDecode' || name === 'AHx') data = Buffer.from(decodeHex(data, 0, data.length).bytes, 'latin1');
      else throw new Unsupported(`filter ${name}`);
    });
    return data;
  }

  // --- pages -------------------------------------------------------------------------------

  private collectPages(node: PdfDict | null, resources: PdfDict | null, mediaBox: number[] | null, cropBox: number[] | null, rotate: number, seen: Set<PdfDict>): void {
    if (!node || seen.has(node)) throw new Unsupported('malformed page tree');
    seen.add(node);
    const res = this.dict(node.raw('Resources')) ?? resources;
    const mb = this.numbers(node.raw('MediaBox')) ?? mediaBox;
    const cb = this.numbers(node.raw('CropBox')) ?? cropBox;
    const r = this.resolve(node.raw('Rotate'));
    const rot = typeof r === 'number' ? r : rotate;
    const kids = this.resolve(node.raw('Kids'));
    if (Array.isArray(kids)) {
      if (this.budget && this.pages.length + kids.length > this.budget.limits.pages) this.budget.check('pages', this.pages.length + kids.length, `PDF 页面树列出 ${this.pages.length + kids.length} 页`);
      for (const k of kids) this.collectPages(this.dict(k), res, mb, cb, rot, seen);
    } else if (nameOf(this.resolve(node.raw('Type'))) === 'Page' || node.raw('Contents') !== undefined) {
      this.pages.push({ dict: node, resources: res, mediaBox: mb, cropBox: cb, rotate: rot });
    } else throw new Unsupported('malformed page tree');
  }

  /** A page's content streams, decoded and joined (with a space between, as the spec says). */
  contents(page: PageNode): Uint8Array {
    const c = this.resolve(page.dict.raw('Contents'));
    const parts = (Array.isArray(c) ? c.map((x) => this.resolve(x)) : [c]).filter((x): x is PdfStream => x instanceof PdfStream);
    if (parts.length === 1) return this.decode(parts[0]);
    const decoded = parts.map((s) => this.decode(s));
    const out = new Uint8Array(decoded.reduce((n, d) => n + d.length + 1, 0));
    let o = 0;
    for (const d of decoded) {
      out.set(d, o);
      o += d.length;
      out[o++] = 32;
    }
    return out;
  }
}

/**
 * A cross-reference table entry in the standard's fixed form, "oooooooooo ggggg n" (10 and 5
 * digits, then n or f and white space), at `at`: offset·2 + 1 for an "n" entry, 0 for an "f" entry,
 * −1 for anything else (read then by the lexer, which gives the same for the standard form). A
 * table holds an entry per object — thousands — and reading them in place keeps them out of the
 * lexer, whose first optimised code would otherwise be fitted to integers alone and thrown away
 * at the first fraction, name or string of the pages.
 */
function fixedEntry(b: Uint8Array, at: number, end: number): number {
  if (at + 19 > end || b[at + 10] !== 32 || b[at + 16] !== 32 || !isSpaceByte(b[at + 18])) return -1;
  let off = 0;
  for (let k = 0; k < 10; k++) {
    const d = b[at + k] - 48;
    if (d < 0 || d > 9) return -1;
    off = off * 10 + d;
  }
  for (let k = 11; k < 16; k++) {
    const d = b[at + k] - 48;
    if (d < 0 || d > 9) return -1;
  }
  const kind = b[at + 17];
  if (kind === 110) return off * 2 + 1;
  if (kind === 102) return 0;
  return -1;
}

export function nameOf(v: PdfValue | undefined): string | null {
  return v instanceof PdfName ? v.name : null;
}

const ENDSTREAM = Buffer.from('endstream');

function endstreamNear(b: Uint8Array, at: number): boolean {
  let p = at;
  while (p < b.length && p < at + 4 && isSpaceByte(b[p])) p++;
  for (let i = 0; i < ENDSTREAM.length; i++) if (b[p + i] !== ENDSTREAM[i]) return false;
  return true;
}

function indexOf(b: Uint8Array, needle: Uint8Array, from: number): number {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).indexOf(needle, from);
}

function findStartXref(b: Uint8Array): number {
  const tail = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  const at = tail.lastIndexOf('startxref');
  if (at < 0) throw new Unsupported('no startxref');
  const lx = new Lexer(b, at + 9);
  const off = lx.read(false);
  if (typeof off !== 'number') throw new Unsupported('bad startxref');
  return off;
}

/**
 * Inflates one stream within the file's budget: zlib stops at the room left (never trusting the
 * stream to be as small as it looks), and the file is refused past it.
 */
function inflate(data: Uint8Array, budget?: ReadBudget): Uint8Array {
  const maxOutputLength = budget ? budget.inflateRoom + 1 : undefined;
  const run = (options: Parameters<typeof inflateSync>[1]) => {
    const out = inflateSync(data, { ...options, ...(maxOutputLength ? { maxOutputLength } : {}) });
    budget?.inflate(out.length, 'PDF 的压缩数据流');
    return out;
  };
  try {
    return run({});
  } catch (e) {
    if (tooLarge(e)) budget!.refuse('inflatedBytes', 'PDF 的压缩数据流');
    if (e instanceof Error && e.name === 'ReadError') throw e;
    // Truncated or slightly damaged streams: keep what inflates, as viewers do.
    try {
      return run({ finishFlush: zlib.Z_SYNC_FLUSH });
    } catch (e2) {
      if (tooLarge(e2)) budget!.refuse('inflatedBytes', 'PDF 的压缩数据流');
      if (e2 instanceof Error && e2.name === 'ReadError') throw e2;
      throw new Unsupported('damaged Flate stream');
    }
  }
}

/** zlib's refusal to go past `maxOutputLength`. */
export function tooLarge(e: unknown): boolean {
  return e instanceof RangeError && (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
}

/** PNG predictors (10–15) as used by cross-reference and object streams; TIFF is left to pdf.js. */
function predict(data: Uint8Array, params: PdfDict | null): Uint8Array {
  const pred = params?.raw('Predictor');
  if (typeof pred !== 'number' || pred <= 1) return data;
  if (pred < 10) throw new Unsupported('TIFF predictor');
  const colors = (params!.raw('Colors') as number | undefined) ?? 1;
  const bpc = (params!.raw('BitsPerComponent') as number | undefined) ?? 8;
  const columns = (params!.raw('Columns') as number | undefined) ?? 1;
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowLen = Math.ceil((colors * bpc * columns) / 8);
  const rows = Math.floor(data.length / (rowLen + 1));
  const out = new Uint8Array(rows * rowLen);
  let prev = new Uint8Array(rowLen);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLen + 1)];
    const row = out.subarray(r * rowLen, (r + 1) * rowLen);
    const src = data.subarray(r * (rowLen + 1) + 1, (r + 1) * (rowLen + 1));
    for (let i = 0; i < rowLen; i++) {
      const left = i >= bpp ? row[i - bpp] : 0;
      const up = prev[i];
      const ul = i >= bpp ? prev[i - bpp] : 0;
      let v = src[i];
      if (type === 1) v += left;
      else if (type === 2) v += up;
      else if (type === 3) v += (left + up) >> 1;
      else if (type === 4) {
        const pa = Math.abs(up - ul);
        const pb = Math.abs(left - ul);
        const pc = Math.abs(left + up - 2 * ul);
        v += pa <= pb && pa <= pc ? left : pb <= pc ? up : ul;
      }
      row[i] = v & 0xff;
    }
    prev = row;
  }
  return out;
}
