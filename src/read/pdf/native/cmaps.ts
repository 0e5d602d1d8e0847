/**
 * The predefined CMaps of CJK fonts (UniGB-UCS2-H, GBK-EUC-H, … and the CID → Unicode maps
 * Adobe-GB1-UCS2, …), read from the packed binary files that pdfjs-dist ships — the very data pdf.js
 * reads, so both readers split strings into the same codes and give them the same text. Nothing is
 * fetched: the files come with the installed package.
 *
 * A packed file is a header byte (bit 0: vertical) and a sequence of sections. Each section starts
 * with a byte: its top three bits the kind (0 codespace ranges, 1 notdef ranges, 2 CID chars,
 * 3 CID ranges, 4 bf chars, 5 bf ranges, 7 metadata: a comment or the name of a CMap to extend),
 * bit 4 "the next item starts right after the previous one", the low four bits the byte length of
 * the codes less one. Then the item count, and the items as deltas from the previous item in
 * base-128 varints.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Unsupported } from './lexer.js';

export interface PredefinedCMap {
  readonly name: string;
  readonly vertical: boolean;
  /** Codespace ranges by code length − 1: flat [low, high, low, high, …]. */
  readonly codespace: number[][];
  /** Code → CID (CID CMaps) or → UTF-16BE bytes (bf CMaps such as Adobe-GB1-UCS2). */
  readonly map: Map<number, number | string>;
}

let cmapDir: string | undefined;

function directory(): string {
  cmapDir ??= join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps');
  return cmapDir;
}

const loaded = new Map<string, PredefinedCMap>();

/** A predefined CMap by name, with the CMap it extends (usecmap) merged in; Unsupported when unknown. */
export function predefinedCMap(name: string): PredefinedCMap {
  let c = loaded.get(name);
  if (c) return c;
  if (!/^[A-Za-z0-9-]+$/.test(name)) throw new Unsupported(`CMap ${name}`);
  const path = join(directory(), `${name}.bcmap`);
  if (!existsSync(path)) throw new Unsupported(`CMap ${name}`);
  c = parseBinaryCMap(name, readFileSync(path));
  loaded.set(name, c);
  return c;
}

export function isPredefinedCMap(name: string): boolean {
  return /^[A-Za-z0-9-]+$/.test(name) && existsSync(join(directory(), `${name}.bcmap`));
}

/** Reads one packed CMap; a CMap it names as its base is loaded and merged underneath. */
export function parseBinaryCMap(name: string, data: Uint8Array, load: (name: string) => PredefinedCMap = predefinedCMap): PredefinedCMap {
  const r = new Packed(data);
  const header = r.byte();
  if (header < 0) throw new Unsupported(`empty CMap ${name}`);
  const codespace: number[][] = [[], [], [], []];
  const map = new Map<number, number | string>();
  let base: string | null = null;
  const MAX = 16;
  const start = new Uint8Array(MAX);
  const end = new Uint8Array(MAX);
  const char = new Uint8Array(MAX);
  const dest = new Uint8Array(MAX);
  const delta = new Uint8Array(MAX);
  for (;;) {
    const b = r.byte();
    if (b < 0) break;
    const kind = b >> 5;
    if (kind === 7) {
      const sub = b & 31;
      if (sub === 0) r.string();
      else if (sub === 1) base = r.string();
      continue;
    }
    const next = (b & 16) !== 0;
    const size = b & 15; // bytes − 1
    if (size + 1 > MAX) throw new Unsupported(`CMap ${name}: bad data size`);
    const count = r.number();
    switch (kind) {
      case 0: // codespace ranges
      case 1: // notdef ranges: pdf.js ignores them
        for (let k = 0; k < count; k++) {
          if (k === 0) r.raw(start, size);
          else {
            increment(end, size);
            r.hexNumber(start, size);
            add(start, end, size);
          }
          r.hexNumber(end, size);
          add(end, start, size);
          if (kind === 1) r.number();
          else codespace[size].push(toInt(start, size), toInt(end, size));
        }
        break;
      case 2: {
        // CID chars
        let cid = 0;
        for (let k = 0; k < count; k++) {
          if (k === 0) {
            r.raw(char, size);
            cid = r.number();
          } else {
            increment(char, size);
            if (!next) {
              r.hexNumber(delta, size);
              add(char, delta, size);
            }
            cid = r.signed() + cid + 1;
          }
          map.set(toInt(char, size), cid);
        }
        break;
      }
      case 3: // CID ranges
        for (let k = 0; k < count; k++) {
          if (k === 0) r.raw(start, size);
          else {
            increment(end, size);
            if (next) start.set(end);
            else {
              r.hexNumber(start, size);
              add(start, end, size);
            }
          }
          r.hexNumber(end, size);
          add(end, start, size);
          let cid = r.number();
          const hi = toInt(end, size);
          for (let code = toInt(start, size); code <= hi; code++) map.set(code, cid++);
        }
        break;
      case 4: // bf chars: two-byte codes to strings of size + 1 bytes
        for (let k = 0; k < count; k++) {
          if (k === 0) {
            r.raw(char, 1);
            r.raw(dest, size);
          } else {
            increment(char, 1);
            if (!next) {
              r.hexNumber(delta, 1);
              add(char, delta, 1);
            }
            increment(dest, size);
            r.hexSigned(delta, size);
            add(dest, delta, size);
          }
          map.set(toInt(char, 1), toStr(dest, size));
        }
        break;
      case 5: // bf ranges
        for (let k = 0; k < count; k++) {
          if (k === 0) r.raw(start, 1);
          else {
            increment(end, 1);
            if (next) start.set(end);
            else {
              r.hexNumber(start, 1);
              add(start, end, 1);
            }
          }
          r.hexNumber(end, 1);
          add(end, start, 1);
          r.raw(dest, size);
          bfRange(map, toInt(start, 1), toInt(end, 1), toStr(dest, size));
        }
        break;
      default:
        throw new Unsupported(`CMap ${name}: unknown section ${kind}`);
    }
  }
  const cmap: PredefinedCMap = { name, vertical: (header & 1) !== 0, codespace, map };
  if (!base) return cmap;
  // The base fills the codes this CMap leaves unmapped, and its codespace serves when this has none.
  const parent = load(base);
  if (codespace.every((c) => c.length === 0)) parent.codespace.forEach((c, i) => (codespace[i] = c.slice()));
  for (const [code, v] of parent.map) if (!map.has(code)) map.set(code, v);
  return cmap;
}

/**
 * How a string splits into codes: at each point the shortest code (one to four bytes) that lies in
 * a codespace range; none → a one-byte code 0. Bytes past the end count as 0 (pdf.js's reading).
 */
export function readCode(c: PredefinedCMap, s: string, at: number): { code: number; length: number } {
  let code = 0;
  for (let n = 0; n < 4; n++) {
    const byte = at + n < s.length ? s.charCodeAt(at + n) : 0;
    code = ((code << 8) | byte) >>> 0;
    const ranges = c.codespace[n];
    for (let k = 0; k < ranges.length; k += 2) if (code >= ranges[k] && code <= ranges[k + 1]) return { code, length: n + 1 };
  }
  return { code: 0, length: 1 };
}

/** Consecutive codes map to consecutive strings: the last byte counts up, carrying into the one before. */
function bfRange(map: Map<number, number | string>, low: number, high: number, dst: string): void {
  const last = dst.length - 1;
  for (let code = low; code <= high; code++) {
    map.set(code, dst);
    const n = dst.charCodeAt(last) + 1;
    if (n > 0xff) {
      dst = dst.substring(0, last - 1) + String.fromCharCode(dst.charCodeAt(last - 1) + 1) + '\x00';
      continue;
    }
    dst = dst.substring(0, last) + String.fromCharCode(n);
  }
}

/** Big-endian byte arrays of size + 1 bytes: to an unsigned 32-bit number. */
function toInt(a: Uint8Array, size: number): number {
  let v = 0;
  for (let i = 0; i <= size; i++) v = (v << 8) | a[i];
  return v >>> 0;
}

function toStr(a: Uint8Array, size: number): string {
  return String.fromCharCode(...a.subarray(0, size + 1));
}

/** a += b. */
function add(a: Uint8Array, b: Uint8Array, size: number): void {
  let carry = 0;
  for (let i = size; i >= 0; i--) {
    carry += a[i] + b[i];
    a[i] = carry & 255;
    carry >>= 8;
  }
}

/** a += 1. */
function increment(a: Uint8Array, size: number): void {
  let carry = 1;
  for (let i = size; i >= 0 && carry > 0; i--) {
    carry += a[i];
    a[i] = carry & 255;
    carry >>= 8;
  }
}

class Packed {
  private pos = 0;
  private readonly groups: number[] = [];
  constructor(private readonly data: Uint8Array) {}

  byte(): number {
    return this.pos < this.data.length ? this.data[this.pos++] : -1;
  }

  private must(): number {
    const b = this.byte();
    if (b < 0) throw new Unsupported('truncated CMap');
    return b;
  }

  /** A base-128 varint, most significant group first, the high bit marking "more follows". */
  number(): number {
    let v = 0;
    let b: number;
    do {
      b = this.must();
      v = (v << 7) | (b & 127);
    } while (b & 128);
    return v;
  }

  /** Zigzag: the low bit is the sign. */
  signed(): number {
    const n = this.number();
    return n & 1 ? ~(n >>> 1) : n >>> 1;
  }

  raw(into: Uint8Array, size: number): void {
    for (let i = 0; i <= size; i++) into[i] = this.must();
  }

  /** A varint as size + 1 big-endian bytes. */
  hexNumber(into: Uint8Array, size: number): void {
    const g = this.groups;
    g.length = 0;
    let b: number;
    do {
      b = this.must();
      g.push(b & 127);
    } while (b & 128);
    let idx = g.length;
    let acc = 0;
    let bits = 0;
    for (let i = size; i >= 0; i--) {
      while (bits < 8) {
        acc |= (--idx >= 0 ? g[idx] : 0) << bits;
        bits += 7;
      }
      into[i] = acc & 255;
      acc >>= 8;
      bits -= 8;
    }
  }

  /** A zigzag varint as size + 1 big-endian bytes (two's complement). */
  hexSigned(into: Uint8Array, size: number): void {
    this.hexNumber(into, size);
    const sign = into[size] & 1 ? 255 : 0;
    let c = 0;
    for (let i = 0; i <= size; i++) {
      c = ((c & 1) << 8) | into[i];
      into[i] = (c >> 1) ^ sign;
    }
  }

  string(): string {
    const n = this.number();
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(this.number());
    return s;
  }
}
