/**
 * Walks the body of word/document.xml (already parsed) into paragraphs and tables, in document
 * order. Shows the document as it reads with tracked changes accepted: deletions and moved-away
 * text are skipped, insertions kept; field instructions are skipped and field results kept.
 */
import type { Block, ReaderWarning } from '../doc.js';
import { resolveGrid, type RawCell, type RawRow } from './grid.js';
import type { XmlElement, XmlNode } from './xml.js';

const W_NS = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const M_NS = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/math',
  'http://purl.oclc.org/ooxml/officeDocument/math',
]);

/** Qualified names of the elements we look at, for the prefixes this document binds. */
function names(root: XmlElement) {
  const w = prefixOf(root, (ns) => W_NS.has(ns)) ?? 'w:';
  const mc = prefixOf(root, (ns) => ns === MC_NS) ?? 'mc:';
  const m = prefixOf(root, (ns) => M_NS.has(ns)) ?? 'm:';
  const q = (local: string): string => w + local;
  return {
    document: q('document'),
    body: q('body'),
    p: q('p'),
    r: q('r'),
    t: q('t'),
    tab: q('tab'),
    ptab: q('ptab'),
    br: q('br'),
    cr: q('cr'),
    noBreakHyphen: q('noBreakHyphen'),
    sym: q('sym'),
    fldChar: q('fldChar'),
    tbl: q('tbl'),
    tblGrid: q('tblGrid'),
    gridCol: q('gridCol'),
    tr: q('tr'),
    trPr: q('trPr'),
    gridBefore: q('gridBefore'),
    gridAfter: q('gridAfter'),
    tc: q('tc'),
    tcPr: q('tcPr'),
    gridSpan: q('gridSpan'),
    vMerge: q('vMerge'),
    hMerge: q('hMerge'),
    del: q('del'),
    sdt: q('sdt'),
    sdtContent: q('sdtContent'),
    customXml: q('customXml'),
    txbxContent: q('txbxContent'),
    altChunk: q('altChunk'),
    object: q('object'),
    val: q('val'),
    fldCharType: q('fldCharType'),
    char: q('char'),
    type: q('type'),
    alternateContent: mc + 'AlternateContent',
    choice: mc + 'Choice',
    fallback: mc + 'Fallback',
    mathText: m + 't',
    /** Children of inline content that never carry visible text. */
    skipInline: new Set(
      [
        'pPr', 'rPr', 'del', 'moveFrom', 'delText', 'instrText', 'delInstrText', 'sdtPr', 'sdtEndPr',
        'rt', 'footnoteReference', 'endnoteReference', 'commentReference', 'annotationRef',
      ].map(q),
    ),
    /** Block-level wrappers whose children are more blocks. */
    blockWrappers: new Set(['sdtContent', 'customXml', 'ins', 'moveTo', 'smartTag'].map(q)),
  };
}

type Names = ReturnType<typeof names>;

function prefixOf(root: XmlElement, matches: (ns: string) => boolean): string | undefined {
  for (const [key, value] of Object.entries(root.attrs)) {
    if (!matches(value)) continue;
    if (key === 'xmlns') return '';
    if (key.startsWith('xmlns:')) return key.slice(6) + ':';
  }
  return undefined;
}

export interface BodyOutput {
  blocks: Block[];
  warnings: ReaderWarning[];
}

/** Thrown when the part is XML but not a Word document body. */
export class NotWordBody extends Error {}

export function readBody(root: XmlElement): BodyOutput {
  const n = names(root);
  if (root.name !== n.document) throw new NotWordBody(root.name);
  const body = root.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === n.body);
  const walker = new BodyWalker(n);
  if (body) walker.blocks(body.children);
  return { blocks: walker.out, warnings: walker.warnings() };
}

const UNREAD = {
  altChunk: {
    code: 'docx-altchunk',
    message: (k: number) => `文档中有 ${k} 处以外部内容块（altChunk）嵌入的内容，未读取`,
  },
  object: {
    code: 'docx-embedded-object',
    message: (k: number) => `文档中有 ${k} 个嵌入对象（如 Excel 表格或公式），其内容未读取`,
  },
};

interface WordRow extends RawRow {
  /** A tracked deletion: the document as accepted does not have the row. */
  deleted: boolean;
}

/** A paragraph's text plus text boxes anchored in it, which read as blocks of their own. */
interface InlineText {
  text: string;
  floats: XmlElement[];
}

class BodyWalker {
  readonly out: Block[] = [];
  private readonly unread = new Map<keyof typeof UNREAD, { count: number; block: number }>();
  private tables = 0;
  /** Open complex fields: true while inside a field's instruction part (before `separate`). */
  private fields: boolean[] = [];

  constructor(private readonly n: Names) {}

  blocks(nodes: XmlNode[]): void {
    const n = this.n;
    for (const node of nodes) {
      if (typeof node === 'string') continue;
      const name = node.name;
      if (name === n.p) this.paragraph(node);
      else if (name === n.tbl) this.table(node);
      else if (name === n.sdt || this.n.blockWrappers.has(name)) this.blocks(sdtOrSelf(node, n));
      else if (name === n.alternateContent) this.blocks(chosen(node, n));
      else if (name === n.altChunk) {
        this.skipped('altChunk');
      }
    }
  }

  private paragraph(p: XmlElement): void {
    const { text, floats } = this.inline(p);
    if (text.trim() !== '') this.out.push({ type: 'paragraph', text, loc: { block: this.out.length } });
    for (const box of floats) this.blocks(box.children);
  }

  private table(tbl: XmlElement): void {
    const n = this.n;
    let gridCols = 0;
    const rows: RawRow[] = [];
    for (const child of elements(tbl.children, n)) {
      if (child.name === n.tblGrid) gridCols = child.children.filter((c) => typeof c !== 'string' && c.name === n.gridCol).length;
      else if (child.name === n.tr) {
        const row = this.row(child);
        if (!row.deleted) rows.push(row);
      }
    }
    if (rows.length === 0) return;
    const block = this.out.length;
    const table = this.tables++;
    this.out.push({ type: 'table', rows: resolveGrid(rows, gridCols, { block, table }), loc: { block, table } });
  }

  private row(tr: XmlElement): WordRow {
    const n = this.n;
    const row: WordRow = { before: 0, after: 0, cells: [], deleted: false };
    for (const child of elements(tr.children, n)) {
      if (child.name === n.trPr) {
        row.before = intVal(find(child, n.gridBefore), n, 0);
        row.after = intVal(find(child, n.gridAfter), n, 0);
        if (find(child, n.del)) row.deleted = true;
      } else if (child.name === n.tc) {
        row.cells.push(this.cell(child));
      }
    }
    return row;
  }

  private cell(tc: XmlElement): RawCell {
    const parts: string[] = [];
    const cell: RawCell = { text: '', span: 1 };
    this.cellContent(tc.children, parts, cell);
    cell.text = parts.join('\n');
    return cell;
  }

  private cellContent(nodes: XmlNode[], parts: string[], cell: RawCell): void {
    const n = this.n;
    for (const node of nodes) {
      if (typeof node === 'string') continue;
      const name = node.name;
      if (name === n.tcPr) {
        cell.span = Math.max(1, intVal(find(node, n.gridSpan), n, 1));
        const v = find(node, n.vMerge);
        if (v) cell.vMerge = v.attrs[n.val] === 'restart' ? 'restart' : 'continue';
        const h = find(node, n.hMerge);
        if (h) cell.hMerge = h.attrs[n.val] === 'restart' ? 'restart' : 'continue';
      } else if (name === n.p) {
        const { text, floats } = this.inline(node);
        if (text.trim() !== '') parts.push(text);
        for (const box of floats) this.cellContent(box.children, parts, cell);
      } else if (name === n.tbl) {
        const nested = this.flattenTable(node);
        if (nested !== '') parts.push(nested);
      } else if (name === n.sdt || n.blockWrappers.has(name)) {
        this.cellContent(sdtOrSelf(node, n), parts, cell);
      } else if (name === n.alternateContent) {
        this.cellContent(chosen(node, n), parts, cell);
      }
    }
  }

  /** A table inside a cell: its text, rows by newline and cells by tab (merge copies left out). */
  private flattenTable(tbl: XmlElement): string {
    const n = this.n;
    const lines: string[] = [];
    for (const tr of elements(tbl.children, n)) {
      if (tr.name !== n.tr) continue;
      const cells: string[] = [];
      for (const tc of elements(tr.children, n)) {
        if (tc.name !== n.tc) continue;
        const c = this.cell(tc);
        if (c.vMerge !== 'continue' && c.hMerge !== 'continue') cells.push(c.text);
      }
      if (cells.some((c) => c !== '')) lines.push(cells.join('\t'));
    }
    return lines.join('\n');
  }

  private inline(p: XmlElement): InlineText {
    const pieces: string[] = [];
    const floats: XmlElement[] = [];
    this.inlineContent(p.children, pieces, floats);
    return { text: pieces.join(''), floats };
  }

  private inlineContent(nodes: XmlNode[], pieces: string[], floats: XmlElement[]): void {
    const n = this.n;
    for (const node of nodes) {
      if (typeof node === 'string') continue;
      const name = node.name;
      if (name === n.t || name === n.mathText) {
        if (!this.inInstruction()) for (const c of node.children) if (typeof c === 'string') pieces.push(c);
      } else if (name === n.tab || name === n.ptab) {
        if (!this.inInstruction()) pieces.push('\t');
      } else if (name === n.br || name === n.cr) {
        if (!this.inInstruction()) pieces.push('\n');
      } else if (name === n.noBreakHyphen) {
        if (!this.inInstruction()) pieces.push('-');
      } else if (name === n.sym) {
        const ch = symbolChar(node.attrs[n.char]);
        if (ch && !this.inInstruction()) pieces.push(ch);
      } else if (name === n.fldChar) {
        this.fieldChar(node.attrs[n.fldCharType]);
      } else if (name === n.txbxContent) {
        floats.push(node);
      } else if (name === n.alternateContent) {
        this.inlineContent(chosen(node, n), pieces, floats);
      } else if (name === n.object) {
        this.skipped('object');
        this.inlineContent(node.children, pieces, floats);
      } else if (!n.skipInline.has(name)) {
        // Runs, hyperlinks, insertions, smart tags, content controls, simple fields, drawings (for
        // their text boxes): containers whose text is part of the paragraph.
        this.inlineContent(node.children, pieces, floats);
      }
    }
  }

  private fieldChar(kind: string | undefined): void {
    if (kind === 'begin') this.fields.push(true);
    else if (kind === 'separate') {
      if (this.fields.length > 0) this.fields[this.fields.length - 1] = false;
    } else if (kind === 'end') this.fields.pop();
  }

  private inInstruction(): boolean {
    return this.fields.length > 0 && this.fields[this.fields.length - 1];
  }

  /** Notes content the reader cannot show; reported once per kind, at its first place. */
  private skipped(kind: keyof typeof UNREAD): void {
    const seen = this.unread.get(kind);
    if (seen) seen.count++;
    else this.unread.set(kind, { count: 1, block: this.out.length });
  }

  warnings(): ReaderWarning[] {
    const out: ReaderWarning[] = [];
    for (const [kind, { count, block }] of this.unread) {
      const { code, message } = UNREAD[kind];
      // The block index is where the content sat; past the end when nothing readable followed it.
      const loc = block < this.out.length ? { loc: { block } } : {};
      out.push({ code, message: message(count), ...loc });
    }
    return out;
  }
}

function* elements(nodes: XmlNode[], n: Names): Generator<XmlElement> {
  for (const node of nodes) {
    if (typeof node === 'string') continue;
    // Rows and cells may sit inside content controls or custom XML, like blocks do.
    if (node.name === n.sdt || n.blockWrappers.has(node.name)) yield* elements(sdtOrSelf(node, n), n);
    else if (node.name === n.alternateContent) yield* elements(chosen(node, n), n);
    else yield node;
  }
}

/** Children that carry content: a content control's `sdtContent`, or a wrapper's own children. */
function sdtOrSelf(node: XmlElement, n: Names): XmlNode[] {
  if (node.name !== n.sdt) return node.children;
  const content = find(node, n.sdtContent);
  return content ? content.children : [];
}

/**
 * The branch of mc:AlternateContent to read. Choices and the fallback show the same content in
 * different markup; the first choice is the richer one, the fallback is used when there is none.
 */
function chosen(node: XmlElement, n: Names): XmlNode[] {
  const branch = find(node, n.choice) ?? find(node, n.fallback);
  return branch ? branch.children : [];
}

function find(parent: XmlElement, name: string): XmlElement | undefined {
  for (const c of parent.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

function intVal(el: XmlElement | undefined, n: Names, fallback: number): number {
  if (!el) return fallback;
  const v = Number.parseInt(el.attrs[n.val] ?? '', 10);
  // Word allows at most 63 grid columns; the cap keeps a damaged file from asking for huge grids.
  return Number.isFinite(v) && v >= 0 ? Math.min(v, 63) : fallback;
}

/**
 * w:sym names a character of a symbol font. Codes in the private-use range F000–F0FF map to the
 * font's own glyphs (no Unicode meaning), so only ordinary code points are kept.
 */
function symbolChar(hex: string | undefined): string | undefined {
  if (!hex) return undefined;
  const code = Number.parseInt(hex, 16);
  if (!Number.isFinite(code) || code <= 0 || (code >= 0xe000 && code <= 0xf8ff)) return undefined;
  return String.fromCodePoint(code);
}
