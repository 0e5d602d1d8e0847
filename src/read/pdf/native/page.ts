/**
 * Runs a page's content stream (and the forms it paints) through the shared PageReader, turning
 * PDF operators into the reader's operations the way pdf.js's operator list would: colours become
 * visible or white, paths are collected until painted, TJ arrays keep their spacing numbers, and
 * ' and " become a line move followed by the text.
 */
import { Op, PageReader, type Glyph, type Matrix } from '../content.js';
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

const WHITE = '#ffffff';
const BLACK = '#000000';

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
    const args: PdfValue[] = [];
    for (;;) {
      lx.skipSpace();
      if (lx.pos >= lx.end) break;
      const v = lx.read(false);
      if (v !== OPERATOR) {
        args.push(v);
        continue;
      }
      const op = lx.op;
      if (op === 'BI') this.skipInlineImage(lx);
      else if (KNOWN.has(op)) this.operator(op, args, resources, depth);
      else {
        // Operators written without a space between them ((D)'ET): split into known operators,
        // longest first, as pdf.js does; the operands go to the first.
        for (const part of splitOperators(op)) {
          if (part === 'BI') this.skipInlineImage(lx);
          else this.operator(part, args, resources, depth);
          args.length = 0;
        }
      }
      args.length = 0;
    }
  }

  private operator(op: string, a: PdfValue[], resources: PdfDict | null, depth: number): void {
    const r = this.reader;
    switch (op) {
      // --- graphics state
      case 'q':
        this.saved.push({ ...this.state });
        r.step(Op.Save, null);
        return;
      case 'Q':
        this.state = this.saved.pop() ?? this.state;
        r.step(Op.Restore, null);
        return;
      case 'cm':
        if (numbers(a, 6)) r.step(Op.Transform, a.slice(0, 6));
        return;
      case 'gs':
        return this.extGState(a[0], resources);
      // --- colour
      case 'G':
      case 'g':
        return this.color(op === 'G', 'gray', a);
      case 'RG':
      case 'rg':
        return this.color(op === 'RG', 'rgb', a);
      case 'K':
      case 'k':
        return this.color(op === 'K', 'cmyk', a);
      case 'CS':
      case 'cs': {
        const space = this.colorSpace(a[0], resources);
        if (op === 'CS') this.state.stroke = space;
        else this.state.fill = space;
        return;
      }
      case 'SC':
      case 'SCN':
      case 'sc':
      case 'scn': {
        const stroke = op === 'SC' || op === 'SCN';
        const space = stroke ? this.state.stroke : this.state.fill;
        if (space === 'pattern') r.step(stroke ? Op.StrokeColor : Op.FillColor, null);
        else if (space) r.step(stroke ? Op.StrokeRGB : Op.FillRGB, [white(space, a) ? WHITE : BLACK]);
        else if (a.length > 0 && a.every((x) => typeof x === 'number')) r.step(stroke ? Op.StrokeRGB : Op.FillRGB, [white('gray', a) ? WHITE : BLACK]);
        else r.step(stroke ? Op.StrokeTransparent : Op.FillTransparent, null);
        return;
      }
      // --- paths
      case 'm':
        if (numbers(a, 2)) this.path.push(MOVE, a[0] as number, a[1] as number);
        return;
      case 'l':
        if (numbers(a, 2)) this.path.push(LINE, a[0] as number, a[1] as number);
        return;
      case 'c':
        if (numbers(a, 6)) this.path.push(CURVE, ...(a.slice(0, 6) as number[]));
        return;
      case 'v':
      case 'y':
        // Only the end point matters to the reader.
        if (numbers(a, 4)) this.path.push(CURVE, 0, 0, 0, 0, a[2] as number, a[3] as number);
        return;
      case 'h':
        this.path.push(CLOSE);
        return;
      case 're': {
        if (!numbers(a, 4)) return;
        const [x, y, w, h] = a as number[];
        if (w === 0 || h === 0) this.path.push(MOVE, x, y, LINE, x + w, y + h, CLOSE);
        else this.path.push(MOVE, x, y, LINE, x + w, y, LINE, x + w, y + h, LINE, x, y + h, CLOSE);
        return;
      }
      case 'S':
        return this.paint(true, false, false);
      case 's':
        return this.paint(true, false, true);
      case 'f':
      case 'F':
      case 'f*':
        return this.paint(false, true, false);
      case 'B':
      case 'B*':
        return this.paint(true, true, false);
      case 'b':
      case 'b*':
        return this.paint(true, true, true);
      case 'n':
        return this.paint(false, false, false);
      // --- text
      case 'BT':
        r.step(Op.BeginText, null);
        return;
      case 'Tm':
        if (numbers(a, 6)) r.step(Op.TextMatrix, [new Float32Array(a.slice(0, 6) as number[])]);
        return;
      case 'Td':
        if (numbers(a, 2)) r.step(Op.MoveText, a.slice(0, 2));
        return;
      case 'TD':
        if (numbers(a, 2)) r.step(Op.LeadingMoveText, a.slice(0, 2));
        return;
      case 'T*':
        r.step(Op.NextLine, null);
        return;
      case 'TL':
        if (numbers(a, 1)) r.step(Op.Leading, a);
        return;
      case 'Tc':
        if (numbers(a, 1)) r.step(Op.CharSpacing, a);
        return;
      case 'Tw':
        if (numbers(a, 1)) r.step(Op.WordSpacing, a);
        return;
      case 'Tz':
        if (numbers(a, 1)) r.step(Op.HScale, a);
        return;
      case 'Ts':
        if (numbers(a, 1)) r.step(Op.Rise, a);
        return;
      case 'Tf':
        if (a[0] instanceof PdfName && typeof a[1] === 'number') this.setFont(this.fontResource(a[0].name, resources), a[1]);
        return;
      case 'Tj':
        if (typeof a[0] === 'string') r.step(Op.ShowText, [this.shown(a[0])]);
        return;
      case 'TJ':
        if (Array.isArray(a[0])) r.step(Op.ShowText, [this.spaced(a[0])]);
        return;
      case "'":
        r.step(Op.NextLine, null);
        if (typeof a[0] === 'string') r.step(Op.ShowText, [this.shown(a[0])]);
        return;
      case '"':
        if (!numbers(a, 2) || typeof a[2] !== 'string') return;
        r.step(Op.NextLine, null);
        r.step(Op.WordSpacing, [a[0]]);
        r.step(Op.CharSpacing, [a[1]]);
        r.step(Op.ShowText, [this.shown(a[2])]);
        return;
      // --- forms and images
      case 'Do':
        if (a[0] instanceof PdfName) this.xObject(a[0].name, resources, depth);
        return;
      case 'd0':
      case 'd1':
        throw new Unsupported('Type3 glyph procedure');
      default:
        // Line style, clipping, marked content, shading, compatibility sections: nothing to read.
        return;
    }
  }

  private paint(stroke: boolean, fill: boolean, close: boolean): void {
    if (close && (stroke || fill)) this.path.push(CLOSE);
    // A path neither stroked nor filled (a clip's "re W n") is dropped by the reader unread.
    const path = this.path.length > 0 && (stroke || fill) ? new Float32Array(this.path) : null;
    this.path.length = 0;
    this.reader.step(Op.Path, [stroke, fill, path]);
  }

  private color(stroke: boolean, space: Space, a: PdfValue[]): void {
    if (stroke) this.state.stroke = space;
    else this.state.fill = space;
    this.reader.step(stroke ? Op.StrokeRGB : Op.FillRGB, [white(space, a) ? WHITE : BLACK]);
  }

  private colorSpace(v: PdfValue, resources: PdfDict | null): Space {
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

  private extGState(name: PdfValue, resources: PdfDict | null): void {
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
    this.reader.step(Op.Font, [font.info, size]);
  }

  private shown(s: string): Glyph[] {
    const font = this.state.font;
    if (!font) throw new Unsupported('text before any font');
    return font.glyphs(s);
  }

  private spaced(items: PdfValue[]): (Glyph | number)[] {
    const out: (Glyph | number)[] = [];
    for (const item of items) {
      if (typeof item === 'string') for (const g of this.shown(item)) out.push(g);
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
    if (group) this.reader.step(Op.GroupBegin, [{ matrix }]);
    this.reader.step(Op.FormBegin, [matrix && new Float32Array(matrix), group ? null : bbox]);
    // The form's own q/Q balance is its business: state changes inside do not leak out.
    const outer = { ...this.state };
    const saved = this.saved.length;
    this.content(this.file.decode(x), this.file.dict(d.raw('Resources')) ?? resources, depth + 1);
    this.saved.length = saved;
    this.state = outer;
    this.reader.step(Op.Restore, null);
    if (group) this.reader.step(Op.Restore, null);
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

/** Content stream operators (PDF 32000 Annex A). */
const KNOWN = new Set(
  (
    'b b* B B* BDC BI BMC BT BX c cm CS cs d d0 d1 Do DP EI EMC ET EX f F f* G g gs h i ID j J K k l m M MP ' +
    "n q Q re RG rg ri s S SC sc SCN scn sh T* Tc Td TD Tf Tj TJ TL Tm Tr Ts Tw Tz v w W W* y ' \""
  ).split(' '),
);

/** "'ET" → ["'", "ET"]: the longest known operator at each point; an unknown rest is dropped. */
function splitOperators(word: string): string[] {
  const parts: string[] = [];
  let i = 0;
  while (i < word.length) {
    let len = Math.min(3, word.length - i);
    while (len > 0 && !KNOWN.has(word.slice(i, i + len))) len--;
    if (len === 0) break;
    parts.push(word.slice(i, i + len));
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

function numbers(a: PdfValue[], n: number): boolean {
  if (a.length < n) return false;
  for (let i = 0; i < n; i++) if (typeof a[i] !== 'number') return false;
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
function white(space: Space, a: PdfValue[]): boolean {
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
