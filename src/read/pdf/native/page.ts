/**
 * Runs a page's content stream (and the forms it paints) through the shared PageReader, turning
 * PDF operators into the reader's operations the way pdf.js's operator list would: colours become
 * visible or white, paths are collected until painted, TJ arrays keep their spacing numbers, and
 * ' and " become a line move followed by the text.
 */
import { PageReader, type Glyph, type Matrix } from '../content.js';
import type { PageContent } from '../geometry.js';
import { Lexer, OPERATOR, PdfDict, PdfName, PdfStream, Unsupported, isSpaceByte, type PdfValue } from './lexer.js';
import { nameOf, type PageNode, type PdfFile } from './file.js';
import { loadFont, type NativeFont } from './fonts.js';

/** Path commands as pdf.js encodes them. */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const CLOSE = 4;

/** Colour spaces by how a colour in them is tested for white. */
type Space = 'gray' | 'rgb' | 'cmyk' | 'pattern';

/** What q/Q saves beyond the reader's own state: the font used to decode strings, the colour spaces. */
interface State {
  font: NativeFont | null;
  fill: Space | null;
  stroke: Space | null;
}

/** Fonts by object, per document. */
export type FontCache = Map<PdfDict, NativeFont>;

export function readNativePage(file: PdfFile, node: PageNode, pageNumber: number, fonts: FontCache): PageContent {
  const { transform, width, height } = viewport(node);
  const reader = new PageReader(transform);
  const run = new Run(file, reader, fonts);
  run.content(file.contents(node), node.resources, 0);
  return reader.content(pageNumber, width, height);
}

/** pdf.js's viewport at scale 1: the crop box within the media box, the page's rotation applied. */
function viewport(node: PageNode): { transform: Matrix; width: number; height: number } {
  const media = box(node.mediaBox) ?? [0, 0, 612, 792];
  const crop = box(node.cropBox) ?? media;
  let view = media;
  if (crop !== media) {
    const x0 = Math.max(crop[0], media[0]);
    const y0 = Math.max(crop[1], media[1]);
    const x1 = Math.min(crop[2], media[2]);
    const y1 = Math.min(crop[3], media[3]);
    if (x1 - x0 > 0 && y1 - y0 > 0) view = [x0, y0, x1, y1];
  }
  let rotation = node.rotate % 90 !== 0 ? 0 : ((node.rotate % 360) + 360) % 360;
  if (!Number.isFinite(rotation)) rotation = 0;
  const cx = (view[2] + view[0]) / 2;
  const cy = (view[3] + view[1]) / 2;
  const [a, b, c, d] = rotation === 90 ? [0, 1, 1, 0] : rotation === 180 ? [-1, 0, 0, 1] : rotation === 270 ? [0, -1, -1, 0] : [1, 0, 0, -1];
  let ox: number;
  let oy: number;
  let width: number;
  let height: number;
  if (a === 0) {
    ox = Math.abs(cy - view[1]);
    oy = Math.abs(cx - view[0]);
    width = view[3] - view[1];
    height = view[2] - view[0];
  } else {
    ox = Math.abs(cx - view[0]);
    oy = Math.abs(cy - view[1]);
    width = view[2] - view[0];
    height = view[3] - view[1];
  }
  return { transform: [a, b, c, d, ox - a * cx - c * cy, oy - b * cx - d * cy], width, height };
}

function box(v: number[] | null): number[] | null {
  if (!v || v.length !== 4) return null;
  const b = [Math.min(v[0], v[2]), Math.min(v[1], v[3]), Math.max(v[0], v[2]), Math.max(v[1], v[3])];
  return b[2] - b[0] > 0 && b[3] - b[1] > 0 ? b : null;
}

class Run {
  private state: State = { font: null, fill: null, stroke: null };
  private readonly saved: State[] = [];
  private readonly path: number[] = [];

  constructor(
    private readonly file: PdfFile,
    private readonly reader: PageReader,
    private readonly fonts: FontCache,
  ) {}

  content(data: Uint8Array, resources: PdfDict | null, depth: number): void {
    if (depth > 12) throw new Unsupported('forms nested too deeply');
    const lx = new Lexer(data);
    // No operator the reader interprets takes a dictionary: marked content's properties are skipped.
    lx.skipDictionaries = true;
    // One array holds the operands of every operator in turn: `count` of them are the current
    // operator's and the slots past those are always undefined (a missing operand reads as one).
    // Emptying it with `length = 0` would drop its storage, to be allocated again for the next
    // operator — a few hundred bytes for each of a page's thousands of operators.
    const args: Operands = [];
    let count = 0;
    for (;;) {
      lx.skipSpace();
      if (lx.pos >= lx.end) break;
      const v = lx.read(false);
      if (v !== OPERATOR) {
        args[count++] = v;
        continue;
      }
      const code = CODES.get(lx.op);
      if (code === C.BI) this.skipInlineImage(lx);
      else if (code !== undefined) this.operator(code, args, count, resources, depth);
      else {
        // Operators written without a space between them ((D)'ET): split into known operators,
        // longest first, as pdf.js does; the operands go to the first.
        for (const part of splitOperators(lx.op)) {
          if (part === C.BI) this.skipInlineImage(lx);
          else this.operator(part, args, count, resources, depth);
          count = clear(args, count);
        }
      }
      count = clear(args, count);
    }
  }

  /** One operator, by its code (a jump, not a comparison with each operator's name in turn); `n` operands in `a`. */
  private operator(op: C, a: Operands, n: number, resources: PdfDict | null, depth: number): void {
    const r = this.reader;
    switch (op) {
      // --- graphics state
      case C.q:
        this.saved.push({ ...this.state });
        r.save();
        return;
      case C.Q:
        this.state = this.saved.pop() ?? this.state;
        r.restore();
        return;
      case C.cm:
        if (numbers(a, n, 6)) r.transform(a as number[]);
        return;
      case C.gs:
        return this.extGState(a[0], resources);
      // --- colour
      case C.G:
        return this.color(true, 'gray', a);
      case C.g:
        return this.color(false, 'gray', a);
      case C.RG:
        return this.color(true, 'rgb', a);
      case C.rg:
        return this.color(false, 'rgb', a);
      case C.K:
        return this.color(true, 'cmyk', a);
      case C.k:
        return this.color(false, 'cmyk', a);
      case C.CS:
        this.state.stroke = this.colorSpace(a[0], resources);
        return;
      case C.cs:
        this.state.fill = this.colorSpace(a[0], resources);
        return;
      case C.SC:
      case C.SCN:
        return this.setColor(true, a, n);
      case C.sc:
      case C.scn:
        return this.setColor(false, a, n);
      // --- paths (coordinates as float32, as pdf.js hands them over)
      case C.m:
        if (numbers(a, n, 2)) this.path.push(MOVE, f32(a[0]), f32(a[1]));
        return;
      case C.l:
        if (numbers(a, n, 2)) this.path.push(LINE, f32(a[0]), f32(a[1]));
        return;
      case C.c:
        if (numbers(a, n, 6)) this.path.push(CURVE, f32(a[0]), f32(a[1]), f32(a[2]), f32(a[3]), f32(a[4]), f32(a[5]));
        return;
      case C.v:
      case C.y:
        // Only the end point matters to the reader.
        if (numbers(a, n, 4)) this.path.push(CURVE, 0, 0, 0, 0, f32(a[2]), f32(a[3]));
        return;
      case C.h:
        this.path.push(CLOSE);
        return;
      case C.re: {
        if (!numbers(a, n, 4)) return;
        // Not destructured: an array pattern runs the iterator protocol in unoptimised code.
        const x = a[0] as number;
        const y = a[1] as number;
        const w = a[2] as number;
        const h = a[3] as number;
        if (w === 0 || h === 0) this.path.push(MOVE, f32(x), f32(y), LINE, f32(x + w), f32(y + h), CLOSE);
        else this.path.push(MOVE, f32(x), f32(y), LINE, f32(x + w), f32(y), LINE, f32(x + w), f32(y + h), LINE, f32(x), f32(y + h), CLOSE);
        return;
      }
      case C.S:
        return this.paint(true, false, false);
      case C.s:
        return this.paint(true, false, true);
      case C.f:
      case C.F:
      case C.fStar:
        return this.paint(false, true, false);
      case C.B:
      case C.BStar:
        return this.paint(true, true, false);
      case C.b:
      case C.bStar:
        return this.paint(true, true, true);
      case C.n:
        return this.paint(false, false, false);
      // --- text
      case C.BT:
        r.beginText();
        return;
      case C.Tm:
        // As float32, as pdf.js hands the matrix over.
        if (numbers(a, n, 6)) r.textMatrix([f32(a[0]), f32(a[1]), f32(a[2]), f32(a[3]), f32(a[4]), f32(a[5])]);
        return;
      case C.Td:
        if (numbers(a, n, 2)) r.moveText(a[0] as number, a[1] as number);
        return;
      case C.TD:
        if (numbers(a, n, 2)) {
          r.state.leading = a[1] as number;
          r.moveText(a[0] as number, a[1] as number);
        }
        return;
      case C.TStar:
        r.nextLine();
        return;
      case C.TL:
        if (numbers(a, n, 1)) r.state.leading = -(a[0] as number);
        return;
      case C.Tc:
        if (numbers(a, n, 1)) r.state.charSpacing = a[0] as number;
        return;
      case C.Tw:
        if (numbers(a, n, 1)) r.state.wordSpacing = a[0] as number;
        return;
      case C.Tz:
        if (numbers(a, n, 1)) r.state.hScale = (a[0] as number) / 100;
        return;
      case C.Ts:
        if (numbers(a, n, 1)) r.state.rise = a[0] as number;
        return;
      case C.Tf:
        if (a[0] instanceof PdfName && typeof a[1] === 'number') this.setFont(this.fontResource(a[0].name, resources), a[1]);
        return;
      case C.Tj:
        if (typeof a[0] === 'string') r.showText(this.shown(a[0]));
        return;
      case C.TJ:
        if (Array.isArray(a[0])) r.showText(this.spaced(a[0]));
        return;
      case C.quote:
        r.nextLine();
        if (typeof a[0] === 'string') r.showText(this.shown(a[0]));
        return;
      case C.doubleQuote:
        if (!numbers(a, n, 2) || typeof a[2] !== 'string') return;
        r.nextLine();
        r.state.wordSpacing = a[0] as number;
        r.state.charSpacing = a[1] as number;
        r.showText(this.shown(a[2]));
        return;
      // --- forms and images
      case C.Do:
        if (a[0] instanceof PdfName) this.xObject(a[0].name, resources, depth);
        return;
      case C.d0:
      case C.d1:
        throw new Unsupported('Type3 glyph procedure');
      default:
        // Line style, clipping, marked content, shading, compatibility sections: nothing to read.
        return;
    }
  }

  private setColor(stroke: boolean, a: Operands, n: number): void {
    const r = this.reader;
    const space = stroke ? this.state.stroke : this.state.fill;
    // A pattern is drawn (visible); an unknown colour operand is taken as transparent.
    const visible = space === 'pattern' ? true : space ? !white(space, a) : n > 0 && numbers(a, n, n) ? !white('gray', a) : false;
    if (stroke) r.state.strokeVisible = visible;
    else r.state.fillVisible = visible;
  }

  private paint(stroke: boolean, fill: boolean, close: boolean): void {
    if (close && (stroke || fill)) this.path.push(CLOSE);
    // A path neither stroked nor filled (a clip's "re W n") is dropped by the reader unread.
    if (this.path.length > 0 && (stroke || fill)) this.reader.path(stroke, fill, this.path);
    this.path.length = 0;
  }

  private color(stroke: boolean, space: Space, a: Operands): void {
    if (stroke) {
      this.state.stroke = space;
      this.reader.state.strokeVisible = !white(space, a);
    } else {
      this.state.fill = space;
      this.reader.state.fillVisible = !white(space, a);
    }
  }

  private colorSpace(v: PdfValue | undefined, resources: PdfDict | null): Space {
    const direct = spaceByName(nameOf(v));
    if (direct) return direct;
    if (!(v instanceof PdfName)) throw new Unsupported('colour space operand');
    const dict = resources ? this.file.dict(resources.raw('ColorSpace')) : null;
    const def = dict ? this.file.get(dict, v.name) : undefined;
    return this.spaceOf(def);
  }

  private spaceOf(def: PdfValue | undefined): Space {
    const byName = spaceByName(nameOf(def));
    if (byName) return byName;
    if (Array.isArray(def)) {
      const family = nameOf(this.file.resolve(def[0]));
      if (family === 'Pattern') return 'pattern';
      if (family === 'CalGray') return 'gray';
      if (family === 'CalRGB') return 'rgb';
      if (family === 'ICCBased') {
        const s = this.file.resolve(def[1]);
        if (s instanceof PdfStream) {
          const alt = this.file.resolve(s.dict.raw('Alternate'));
          if (alt != null) return this.spaceOf(alt);
          const n = this.file.resolve(s.dict.raw('N'));
          if (n === 1) return 'gray';
          if (n === 3) return 'rgb';
          if (n === 4) return 'cmyk';
        }
      }
    }
    throw new Unsupported('colour space');
  }

  private extGState(name: PdfValue | undefined, resources: PdfDict | null): void {
    if (!(name instanceof PdfName) || !resources) return;
    const states = this.file.dict(resources.raw('ExtGState'));
    const gs = states ? this.file.dict(states.raw(name.name)) : null;
    const font = gs ? this.file.resolve(gs.raw('Font')) : null;
    if (Array.isArray(font) && typeof this.file.resolve(font[1]) === 'number') {
      const dict = this.file.dict(font[0]);
      if (!dict) throw new Unsupported('ExtGState font');
      this.setFont(this.font(dict), this.file.resolve(font[1]) as number);
    }
  }

  private fontResource(name: string, resources: PdfDict | null): NativeFont {
    const fonts = resources ? this.file.dict(resources.raw('Font')) : null;
    const dict = fonts ? this.file.dict(fonts.raw(name)) : null;
    if (!dict) throw new Unsupported(`font ${name} missing`);
    return this.font(dict);
  }

  private font(dict: PdfDict): NativeFont {
    let f = this.fonts.get(dict);
    if (!f) this.fonts.set(dict, (f = loadFont(this.file, dict)));
    return f;
  }

  private setFont(font: NativeFont, size: number): void {
    this.state.font = font;
    this.reader.setFont(font.info, size);
  }

  private shown(s: string): Glyph[] {
    return this.currentFont().glyphs(s);
  }

  private currentFont(): NativeFont {
    const font = this.state.font;
    if (!font) throw new Unsupported('text before any font');
    return font;
  }

  private spaced(items: PdfValue[]): (Glyph | number)[] {
    // Indexed loops: a for-of allocates an iterator result per element until the code is optimised.
    const out: (Glyph | number)[] = [];
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (typeof item === 'string') this.currentFont().addGlyphs(item, out);
      else if (typeof item === 'number') out.push(item);
    }
    return out;
  }

  private xObject(name: string, resources: PdfDict | null, depth: number): void {
    const xobjects = resources ? this.file.dict(resources.raw('XObject')) : null;
    const x = this.file.resolve(xobjects?.raw(name));
    if (!(x instanceof PdfStream)) return;
    const d = x.dict;
    if (nameOf(this.file.get(d, 'Subtype')) !== 'Form') return;
    const m = this.file.numbers(d.raw('Matrix'));
    const matrix = m && m.length === 6 ? m : null;
    const bbox = this.file.numbers(d.raw('BBox'));
    const group = this.file.get(d, 'Group') != null;
    if (group) this.reader.save();
    this.reader.formBegin(matrix && new Float32Array(matrix));
    // The form's own q/Q balance is its business: state changes inside do not leak out.
    const outer = { ...this.state };
    const saved = this.saved.length;
    this.content(this.file.decode(x), this.file.dict(d.raw('Resources')) ?? resources, depth + 1);
    this.saved.length = saved;
    this.state = outer;
    this.reader.restore();
    if (group) this.reader.restore();
  }

  /**
   * BI … ID data EI. The data is binary: its end is the first EI followed by white space and then
   * by text, not more binary bytes (pdf.js looks for the same).
   */
  private skipInlineImage(lx: Lexer): void {
    for (;;) {
      const v = lx.read(false);
      if (v === OPERATOR && lx.op === 'ID') break;
    }
    const b = lx.buf;
    let p = lx.pos + 1;
    while (p + 1 < lx.end) {
      if (b[p] === 69 && b[p + 1] === 73 && (p + 2 >= lx.end || isSpaceByte(b[p + 2])) && textFollows(b, p + 2, lx.end)) {
        lx.pos = p + 2;
        return;
      }
      p++;
    }
    throw new Unsupported('inline image without EI');
  }
}

/** Content stream operators (PDF 32000 Annex A), by code. */
const enum C {
  b, bStar, B, BStar, BDC, BI, BMC, BT, BX, c, cm, CS, cs, d, d0, d1, Do, DP, EI, EMC, ET, EX, f, F, fStar, G, g, gs, h, i, ID, j, J, K, k, l, m, M, MP,
  n, q, Q, re, RG, rg, ri, s, S, SC, sc, SCN, scn, sh, TStar, Tc, Td, TD, Tf, Tj, TJ, TL, Tm, Tr, Ts, Tw, Tz, v, w, W, WStar, y, quote, doubleQuote,
}

/** Operator name → code; the names in the order of C. */
const CODES = new Map<string, C>(
  (
    'b b* B B* BDC BI BMC BT BX c cm CS cs d d0 d1 Do DP EI EMC ET EX f F f* G g gs h i ID j J K k l m M MP ' +
    "n q Q re RG rg ri s S SC sc SCN scn sh T* Tc Td TD Tf Tj TJ TL Tm Tr Ts Tw Tz v w W W* y ' \""
  )
    .split(' ')
    .map((name, code) => [name, code as C]),
);

/** "'ET" → ["'", "ET"]: the longest known operator at each point; an unknown rest is dropped. */
function splitOperators(word: string): C[] {
  const parts: C[] = [];
  let i = 0;
  while (i < word.length) {
    let len = Math.min(3, word.length - i);
    while (len > 0 && !CODES.has(word.slice(i, i + len))) len--;
    if (len === 0) break;
    parts.push(CODES.get(word.slice(i, i + len))!);
    i += len;
  }
  return parts;
}

/** After an inline image's EI: the next bytes are text (operators), not image data. */
function textFollows(b: Uint8Array, from: number, end: number): boolean {
  for (let p = from; p < Math.min(end, from + 32); p++) {
    const c = b[p];
    if (c > 0x7e || (c < 0x20 && !isSpaceByte(c))) return false;
  }
  return true;
}

const f32 = Math.fround as (x: PdfValue | undefined) => number;

/** Operands of one operator; see Run.content. */
type Operands = (PdfValue | undefined)[];

/** Empties the first `count` slots (the storage stays); returns the new count, 0. */
function clear(a: Operands, count: number): number {
  for (let i = 0; i < count; i++) a[i] = undefined;
  return 0;
}

/** The first `want` of the `count` operands are numbers. */
function numbers(a: Operands, count: number, want: number): boolean {
  if (count < want) return false;
  for (let i = 0; i < want; i++) if (typeof a[i] !== 'number') return false;
  return true;
}

function spaceByName(name: string | null): Space | null {
  switch (name) {
    case 'DeviceGray':
    case 'G':
      return 'gray';
    case 'DeviceRGB':
    case 'RGB':
      return 'rgb';
    case 'DeviceCMYK':
    case 'CMYK':
      return 'cmyk';
    case 'Pattern':
      return 'pattern';
    default:
      return null;
  }
}

/** White as pdf.js's 8-bit conversion rounds it. */
function white(space: Space, a: Operands): boolean {
  switch (space) {
    case 'gray':
      return light(a[0]);
    case 'rgb':
      return light(a[0]) && light(a[1]) && light(a[2]);
    case 'cmyk':
      return none(a[0]) && none(a[1]) && none(a[2]) && none(a[3]);
    default:
      return false;
  }
}

/** A component of 1 (255 after rounding); a missing or non-number component counts as 0. */
function light(v: PdfValue | undefined): boolean {
  return typeof v === 'number' && v * 255 > 254.5;
}

/** A CMYK component of 0 after rounding. */
function none(v: PdfValue | undefined): boolean {
  return typeof v !== 'number' || v < 0.0015;
}
