/**
 * One page's text and ruling lines, read in a single pass over its drawing operators: glyphs with
 * their positions (text state emulated as a renderer would) and stroked or thin filled paths. The
 * operators come from pdf.js's operator list or from the native reader (native/page.ts); both
 * feed the same PageReader.
 */
import type { Char, PageContent, Rule } from './geometry.js';
import { pdfjs, type PdfPage } from './engine.js';

export type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const FONT_IDENTITY: Matrix = [0.001, 0, 0, 0.001, 0, 0];

/** The font facts pdf.js exposes after loading a font. */
export interface FontInfo {
  fontMatrix?: number[];
  vertical?: boolean;
  isType3Font?: boolean;
  defaultVMetrics?: number[];
}

/** Glyph as pdf.js puts it into `showText` arguments. */
export interface Glyph {
  unicode: string;
  width: number;
  isSpace?: boolean;
  vmetric?: number[] | null;
}

/**
 * The graphics state q/Q save and restore. The text state parameters (Tc, Tw, Tz, TL, Tf, Ts) are
 * part of it: a label drawn at another size inside q…Q must not leave that size to the text after Q.
 */
export interface GraphicState {
  ctm: Matrix;
  strokeVisible: boolean;
  fillVisible: boolean;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  font: FontInfo;
  fontSize: number;
  fontDirection: number;
}

/**
 * The text object's matrices, which are not part of the graphics state: BT resets them, and q/Q
 * may not appear inside BT…ET, so they never need restoring.
 */
interface TextPosition {
  tm: Matrix;
  x: number;
  y: number;
  lineX: number;
  lineY: number;
}

/** Paths thinner than this (points) are read as lines even when filled. */
const THIN = 3;
/** How far a line may lean and still count as horizontal or vertical (points). */
const SKEW = 1;

export function compose(m: Matrix, n: ArrayLike<number>): Matrix {
  // Applies n first, then m: a point p maps to m(n(p)).
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/**
 * What the reader does with an operator; pdf.js's own codes are mapped onto these once. Arguments
 * are pdf.js's, except Font ([FontInfo, size]) and Path ([stroke, fill, path or null]).
 */
export enum Op {
  Ignore,
  Save,
  Restore,
  Transform,
  FormBegin,
  GroupBegin,
  StrokeRGB,
  FillRGB,
  StrokeColor,
  FillColor,
  StrokeTransparent,
  FillTransparent,
  Path,
  BeginText,
  TextMatrix,
  MoveText,
  LeadingMoveText,
  NextLine,
  Leading,
  CharSpacing,
  WordSpacing,
  HScale,
  Rise,
  Font,
  ShowText,
}

type Ops = Awaited<ReturnType<typeof pdfjs>>['OPS'];

/** pdf.js operator code → Op, built once: a lookup per operator instead of a chain of comparisons. */
let dispatch: Uint8Array | undefined;
/** Path painting codes that stroke, and of those, the ones that also fill. */
let strokeOps: Set<number>;
let fillOps: Set<number>;

function opTable(OPS: Ops): Uint8Array {
  if (dispatch) return dispatch;
  const pairs: [number, Op][] = [
    [OPS.save, Op.Save],
    [OPS.restore, Op.Restore],
    [OPS.transform, Op.Transform],
    [OPS.paintFormXObjectBegin, Op.FormBegin],
    [OPS.paintFormXObjectEnd, Op.Restore],
    [OPS.beginGroup, Op.GroupBegin],
    [OPS.endGroup, Op.Restore],
    [OPS.setStrokeRGBColor, Op.StrokeRGB],
    [OPS.setFillRGBColor, Op.FillRGB],
    [OPS.setStrokeColorN, Op.StrokeColor],
    [OPS.setStrokeColor, Op.StrokeColor],
    [OPS.setFillColorN, Op.FillColor],
    [OPS.setFillColor, Op.FillColor],
    [OPS.setStrokeTransparent, Op.StrokeTransparent],
    [OPS.setFillTransparent, Op.FillTransparent],
    [OPS.constructPath, Op.Path],
    [OPS.beginText, Op.BeginText],
    [OPS.setTextMatrix, Op.TextMatrix],
    [OPS.moveText, Op.MoveText],
    [OPS.setLeadingMoveText, Op.LeadingMoveText],
    [OPS.nextLine, Op.NextLine],
    [OPS.setLeading, Op.Leading],
    [OPS.setCharSpacing, Op.CharSpacing],
    [OPS.setWordSpacing, Op.WordSpacing],
    [OPS.setHScale, Op.HScale],
    [OPS.setTextRise, Op.Rise],
    [OPS.setFont, Op.Font],
    [OPS.showText, Op.ShowText],
  ];
  const table = new Uint8Array(Math.max(...Object.values(OPS)) + 1);
  for (const [code, op] of pairs) table[code] = op;
  strokeOps = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  fillOps = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  return (dispatch = table);
}

export async function readPageContent(page: PdfPage, pageNumber: number): Promise<PageContent> {
  const { OPS, AnnotationMode } = await pdfjs();
  const table = opTable(OPS);
  const viewport = page.getViewport({ scale: 1 });
  const ops = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
  const fonts = await loadFonts(page, ops.fnArray, ops.argsArray, OPS.setFont);
  const reader = new PageReader(viewport.transform as Matrix);
  const { fnArray, argsArray } = ops;
  for (let i = 0; i < fnArray.length; i++) {
    const op = table[fnArray[i]] as Op;
    if (op === Op.Ignore) continue;
    let args = argsArray[i];
    if (op === Op.Font) args = [fonts.get(args[0]) ?? {}, args[1]];
    else if (op === Op.Path) args = [strokeOps.has(args[0]), fillOps.has(args[0]), (args[1] as (Float32Array | null)[])[0]];
    reader.step(op, args);
  }
  page.cleanup();
  return reader.content(pageNumber, viewport.width, viewport.height);
}

/** The state of one page's walk through its operators, and what it has found so far. */
export class PageReader {
  readonly chars: Char[] = [];
  readonly hRules: Rule[] = [];
  readonly vRules: Rule[] = [];
  private gs: GraphicState;
  private readonly stack: GraphicState[] = [];
  private readonly text: TextPosition = { tm: IDENTITY, x: 0, y: 0, lineX: 0, lineY: 0 };

  constructor(ctm: Matrix) {
    this.gs = {
      ctm,
      strokeVisible: true,
      fillVisible: true,
      charSpacing: 0,
      wordSpacing: 0,
      hScale: 1,
      leading: 0,
      rise: 0,
      font: {},
      fontSize: 0,
      fontDirection: 1,
    };
  }

  content(page: number, width: number, height: number): PageContent {
    return { page, width, height, chars: this.chars.filter((c) => inside(c, width, height)), hRules: this.hRules, vRules: this.vRules };
  }

  step(op: Op, args: any): void {
    switch (op) {
      case Op.Save:
        this.save();
        break;
      case Op.Restore:
        this.restore();
        break;
      case Op.Transform:
        this.transform(args as number[]);
        break;
      case Op.FormBegin:
        this.formBegin(args[0] as Float32Array | null);
        break;
      case Op.GroupBegin:
        // The group's matrix only bounds its scratch canvas in pdf.js; the form that follows
        // (FormBegin) applies it to what is drawn.
        this.save();
        break;
      case Op.StrokeRGB:
        this.gs.strokeVisible = !isWhite(args[0]);
        break;
      case Op.FillRGB:
        this.gs.fillVisible = !isWhite(args[0]);
        break;
      case Op.StrokeColor:
        this.gs.strokeVisible = true;
        break;
      case Op.FillColor:
        this.gs.fillVisible = true;
        break;
      case Op.StrokeTransparent:
        this.gs.strokeVisible = false;
        break;
      case Op.FillTransparent:
        this.gs.fillVisible = false;
        break;
      case Op.Path:
        this.path(args[0], args[1], args[2]);
        break;
      case Op.BeginText:
        this.beginText();
        break;
      case Op.TextMatrix:
        this.textMatrix(Array.from(args[0] as ArrayLike<number>) as Matrix);
        break;
      case Op.MoveText:
        this.moveText(args[0], args[1]);
        break;
      case Op.LeadingMoveText:
        this.gs.leading = args[1];
        this.moveText(args[0], args[1]);
        break;
      case Op.NextLine:
        this.nextLine();
        break;
      case Op.Leading:
        this.gs.leading = -args[0];
        break;
      case Op.CharSpacing:
        this.gs.charSpacing = args[0];
        break;
      case Op.WordSpacing:
        this.gs.wordSpacing = args[0];
        break;
      case Op.HScale:
        this.gs.hScale = args[0] / 100;
        break;
      case Op.Rise:
        this.gs.rise = args[0];
        break;
      case Op.Font:
        this.setFont(args[0] as FontInfo, args[1] as number);
        break;
      case Op.ShowText:
        this.showText(args[0]);
        break;
    }
  }

  // The operations one by one, for a caller that has them decoded already (the native reader):
  // no argument array per operator, no second dispatch.

  /** The graphics state, as q/Q and the reader's other operators see and change it. */
  get state(): GraphicState {
    return this.gs;
  }

  save(): void {
    this.push();
  }

  restore(): void {
    this.gs = this.stack.pop() ?? this.gs;
  }

  transform(m: ArrayLike<number>): void {
    this.gs.ctm = compose(this.gs.ctm, m);
  }

  formBegin(matrix: ArrayLike<number> | null): void {
    const ctm = this.gs.ctm;
    this.push();
    if (matrix) this.gs.ctm = compose(ctm, matrix);
  }

  /** A path painted (stroked, filled, both or neither); `path` in pdf.js's encoding, coordinates as float32. */
  path(stroke: boolean, fill: boolean, path: ArrayLike<number> | null): void {
    if (!path) return;
    const gs = this.gs;
    if (stroke) {
      if (gs.strokeVisible) this.strokePath(path);
      else if (fill && gs.fillVisible) this.fillPath(path);
    } else if (fill && gs.fillVisible) this.fillPath(path);
  }

  beginText(): void {
    const text = this.text;
    text.tm = IDENTITY;
    text.x = text.lineX = 0;
    text.y = text.lineY = 0;
  }

  textMatrix(tm: Matrix): void {
    const text = this.text;
    text.tm = tm;
    text.x = text.lineX = 0;
    text.y = text.lineY = 0;
  }

  moveText(x: number, y: number): void {
    const text = this.text;
    text.x = text.lineX += x;
    text.y = text.lineY += y;
  }

  nextLine(): void {
    const text = this.text;
    text.x = text.lineX;
    text.y = text.lineY += this.gs.leading;
  }

  setFont(font: FontInfo, size: number): void {
    const gs = this.gs;
    gs.font = font;
    gs.fontSize = Math.abs(size);
    gs.fontDirection = size < 0 ? -1 : 1;
  }

  private push(): void {
    this.stack.push(this.gs);
    this.gs = { ...this.gs };
  }

  private addSegment(ax: number, ay: number, bx: number, by: number): void {
    const m = this.gs.ctm;
    const x0 = m[0] * ax + m[2] * ay + m[4];
    const y0 = m[1] * ax + m[3] * ay + m[5];
    const x1 = m[0] * bx + m[2] * by + m[4];
    const y1 = m[1] * bx + m[3] * by + m[5];
    const dx = Math.abs(x1 - x0);
    const dy = Math.abs(y1 - y0);
    if (dy <= SKEW && dx > dy) this.hRules.push({ pos: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) });
    else if (dx <= SKEW && dy > dx) this.vRules.push({ pos: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) });
  }

  private strokePath(path: ArrayLike<number>): void {
    let cx = 0;
    let cy = 0;
    let sx = 0;
    let sy = 0;
    for (let k = 0; k < path.length; ) {
      switch (path[k++]) {
        case 0: // moveTo
          cx = sx = path[k++];
          cy = sy = path[k++];
          break;
        case 1: {
          const x = path[k++];
          const y = path[k++];
          this.addSegment(cx, cy, x, y);
          cx = x;
          cy = y;
          break;
        }
        case 2: // curveTo
          k += 4;
          cx = path[k++];
          cy = path[k++];
          break;
        case 3: // quadraticCurveTo
          k += 2;
          cx = path[k++];
          cy = path[k++];
          break;
        case 4: // closePath
          if (cx !== sx || cy !== sy) this.addSegment(cx, cy, sx, sy);
          cx = sx;
          cy = sy;
          break;
        default:
          return;
      }
    }
  }

  /** A filled subpath thin in one direction is a line drawn as a rectangle (Excel and Word do this). */
  private fillPath(path: ArrayLike<number>): void {
    const m = this.gs.ctm;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    let curved = false;
    for (let k = 0; k <= path.length; ) {
      const cmd = k < path.length ? path[k++] : -1;
      if (cmd === 0 || cmd === -1) {
        // A subpath ends: its bounding box, if straight-edged, may be a line.
        if (!curved && x1 >= x0) this.addFilledBox(x0, y0, x1, y1);
        if (cmd === -1) break;
        x0 = y0 = Infinity;
        x1 = y1 = -Infinity;
        curved = false;
      }
      if (cmd === 0 || cmd === 1) {
        const px = path[k++];
        const py = path[k++];
        const x = m[0] * px + m[2] * py + m[4];
        const y = m[1] * px + m[3] * py + m[5];
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      } else if (cmd === 2) {
        curved = true;
        k += 6;
      } else if (cmd === 3) {
        curved = true;
        k += 4;
      } else if (cmd !== 4) k = path.length;
    }
  }

  private addFilledBox(x0: number, y0: number, x1: number, y1: number): void {
    const w = x1 - x0;
    const h = y1 - y0;
    if (h <= THIN && w > h) this.hRules.push({ pos: (y0 + y1) / 2, from: x0, to: x1 });
    else if (w <= THIN && h > w) this.vRules.push({ pos: (x0 + x1) / 2, from: y0, to: y1 });
  }

  showText(glyphs: readonly (Glyph | number)[]): void {
    const t = this.text;
    const g = this.gs;
    const size = g.fontSize;
    if (size === 0) return;
    const font = g.font;
    const fm = font.fontMatrix ?? FONT_IDENTITY;
    const vertical = !!font.vertical;
    const hScale = g.hScale * g.fontDirection;
    const advanceScale = size * fm[0];
    // Text space → page: ctm · tm · translate(x, y + rise).
    const m = compose(g.ctm, t.tm);
    // The font size is the em in text space (a Type3 font's matrix scales glyph space, not the em).
    const glyphHeight = size;
    // Direction of the baseline and of "up" on the page, per unit of text space.
    const ax = m[0] * hScale;
    const ay = m[1] * hScale;
    const ux = m[2];
    const uy = m[3];
    const upright = ax > 0 && Math.abs(ay) <= 0.05 * ax && uy < 0 && Math.abs(ux) <= 0.05 * -uy;
    let x = 0;
    // Indexed: a for-of allocates an iterator result per glyph until the code is optimised.
    for (let i = 0; i < glyphs.length; i++) {
      const glyph = glyphs[i];
      if (typeof glyph === 'number') {
        x += ((vertical ? 1 : -1) * glyph * size) / 1000;
        continue;
      }
      const spacing = (glyph.isSpace ? g.wordSpacing : 0) + g.charSpacing;
      let width = glyph.width;
      const gx = x;
      if (vertical) width = glyph.vmetric ? -glyph.vmetric[0] : width;
      const glyphAdvance = width * advanceScale;
      x += vertical ? glyphAdvance - spacing * g.fontDirection : glyphAdvance + spacing * g.fontDirection;
      // Not glyph.isSpace: that flags byte 32, which subset fonts often give to an ideograph.
      const u = shownText(glyph.unicode);
      if (!u) continue;
      // Glyph origin in text space.
      const tx = vertical ? t.x : t.x + gx * hScale;
      const ty = vertical ? t.y - gx : t.y + g.rise;
      const ox = m[0] * tx + m[2] * ty + m[4];
      const oy = m[1] * tx + m[3] * ty + m[5];
      if (upright && !vertical) {
        const pageSize = -uy * glyphHeight;
        const w = Math.abs(glyphAdvance) * ax;
        this.chars.push({
          c: u,
          x0: ox,
          x1: ox + (w > 0 ? w : pageSize * 0.5),
          top: oy - pageSize * 0.85,
          bottom: oy + pageSize * 0.15,
          base: oy,
          size: pageSize,
        });
      } else {
        this.chars.push(turnedGlyph(u, m, tx, ty, glyphAdvance, hScale, glyphHeight, vertical, size));
      }
    }
    if (vertical) t.y -= x;
    else t.x += x * hScale;
  }
}

/** Rotated or vertical text: the glyph's box on the page, so it still lands in its cell. */
function turnedGlyph(u: string, m: Matrix, tx: number, ty: number, advance: number, hScale: number, height: number, vertical: boolean, size: number): Char {
  const em = Math.abs(advance) || size;
  const corners = vertical
    ? [
        [tx - em / 2, ty - em],
        [tx + em / 2, ty],
      ]
    : [
        [tx, ty - height * 0.15],
        [tx + Math.abs(advance) * hScale, ty + height * 0.85],
      ];
  let bx0 = Infinity;
  let by0 = Infinity;
  let bx1 = -Infinity;
  let by1 = -Infinity;
  for (const [cx, cy] of [corners[0], corners[1], [corners[0][0], corners[1][1]], [corners[1][0], corners[0][1]]]) {
    const px = m[0] * cx + m[2] * cy + m[4];
    const py = m[1] * cx + m[3] * cy + m[5];
    bx0 = Math.min(bx0, px);
    bx1 = Math.max(bx1, px);
    by0 = Math.min(by0, py);
    by1 = Math.max(by1, py);
  }
  const s = Math.min(bx1 - bx0, by1 - by0) || Math.hypot(m[3], m[2]) * height;
  return { c: u, x0: bx0, x1: bx1, top: by0, bottom: by1, base: by1 - s * 0.15, size: s };
}

/**
 * A glyph's text as read, '' for a blank. Most glyphs are one code unit, told apart by its code
 * without a regular expression: this runs once per glyph of every page.
 */
function shownText(u: string): string {
  if (!u) return '';
  if (u.length === 1) {
    const c = u.charCodeAt(0);
    if ((c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff)) return u;
  }
  const t = glyphText(u);
  return isBlank(t) ? '' : t;
}

/** Fonts named by the page's setFont operators, waited for when pdf.js has not resolved them yet. */
async function loadFonts(page: PdfPage, fnArray: number[], argsArray: any[], setFont: number): Promise<Map<string, FontInfo>> {
  const names = new Set<string>();
  for (let i = 0; i < fnArray.length; i++) if (fnArray[i] === setFont) names.add(argsArray[i][0]);
  const fonts = new Map<string, FontInfo>();
  for (const name of names) {
    const objs = page.commonObjs;
    const font: FontInfo = objs.has(name) ? objs.get(name) : await new Promise((resolve) => objs.get(name, resolve));
    fonts.set(name, font ?? {});
  }
  return fonts;
}

/** Kangxi radicals, compatibility ideographs and Latin ligatures, as their ordinary characters. */
const COMPATIBILITY = /[\u2e80-\u2fdf\uf900-\ufaff\ufb00-\ufb06]/;

/**
 * Some fonts map ideographs to look-alike code points (⼀ U+2F00 for 一, 﨑 for 崎); NFKC turns
 * them back, so words match. Applied only to those ranges: NFKC would also turn full-width
 * Chinese punctuation (：，（）) into ASCII.
 */
export function glyphText(u: string): string {
  return u && COMPATIBILITY.test(u) ? u.normalize('NFKC') : u;
}

function isWhite(color: unknown): boolean {
  return typeof color === 'string' && color.toLowerCase() === '#ffffff';
}

function isBlank(s: string): boolean {
  return /^[\s\u3000\u00a0\u0000-\u001f]*$/.test(s);
}

function inside(c: Char, width: number, height: number): boolean {
  const cx = (c.x0 + c.x1) / 2;
  const cy = (c.top + c.bottom) / 2;
  return cx >= 0 && cx <= width && cy >= 0 && cy <= height;
}
