import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { ReadError, type Block, type Cell, type ReaderWarning } from '../doc.js';
import { decodeHtml } from './decode.js';
import { buildGrid, spanOf, type SourceCell } from './table.js';
import type { ReaderOutput } from '../reader.js';
import type { ReadBudget } from '../limits.js';
import { countStartTags } from '../markup-count.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/**
 * Web pages as government sites publish them: block-level text becomes paragraphs in document
 * order (a `<br>` ends one), each `<table>` a grid with rowspan/colspan resolved. Tables used
 * for page layout (one holding another table or a heading, a one-cell frame) are read through,
 * so the real table inside comes out as its own block. `loc.line` is the source line of the
 * element (for a paragraph, of its first visible character).
 */
export async function readHtml(bytes: Buffer, path: string, budget?: ReadBudget): Promise<ReaderOutput> {
  const decoded = decodeHtml(bytes);
  if (budget) sizeMarkup(decoded.text, budget);
  const warnings: ReaderWarning[] = [];
  if (decoded.note) warnings.push({ code: 'html-charset', message: decoded.note });
  let document: DefaultTreeAdapterMap['document'];
  try {
    document = parse(decoded.text, { sourceCodeLocationInfo: true });
  } catch {
    throw new ReadError(path, `网页无法解析（${bytes.length} 字节），文件可能已损坏`);
  }
  if (budget) measureDepth(document, budget);
  const reader = new PageReader();
  try {
    reader.walk(document);
    reader.flush();
  } catch (e) {
    if (e instanceof RangeError) throw new ReadError(path, '网页元素嵌套层级过深，无法读取');
    throw e;
  }
  if (reader.blocks.length === 0) {
    warnings.push({ code: 'html-empty', message: '网页中没有找到正文文字或表格' });
  }
  return { blocks: reader.blocks, warnings };
}

/**
 * Table rows and cells counted from the markup before parse5 builds a node for each: a 6 MB page
 * of 150,000 rows took 11 s and 600 MB to parse before the tree's rows could be counted.
 */
function sizeMarkup(html: string, budget: ReadBudget): void {
  const rows = countStartTags(html, ['tr'], true);
  budget.check('rows', rows, `网页的表格共 ${rows} 行`);
  const cells = countStartTags(html, ['td', 'th'], true);
  budget.check('cells', cells, `网页的表格共 ${cells} 个单元格`);
}

/**
 * The depth of the tree, walked without recursion: a page nested deeper than the limit is refused
 * by the limit's name before the (recursive) reading could run out of stack. Real pages nest a few
 * dozen levels.
 */
function measureDepth(document: DefaultTreeAdapterMap['document'], budget: ReadBudget): void {
  const stack: [Node, number][] = [[document, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    budget.check('nesting', depth, `网页元素嵌套超过 ${budget.limits.nesting} 层`);
    if ('childNodes' in node) for (const child of node.childNodes) stack.push([child, depth + 1]);
  }
}

/** Elements whose content is never part of the document's text. */
const SKIP = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'title', 'meta', 'link', 'nav',
  'select', 'option', 'button', 'textarea', 'input', 'iframe', 'frame', 'frameset', 'object',
  'embed', 'svg', 'math', 'canvas', 'audio', 'video', 'map',
]);

/** Elements that start and end a line of text. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'ol', 'p', 'pre',
  'section', 'summary', 'ul', 'caption', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th',
]);

/** class/id words of site chrome: navigation bars, menus, breadcrumbs, share bars, footers. */
const CHROME =
  /^(?:.*[-_])?(?:top|main|sub|site|left|right|side|head|global)?(?:nav|navbar|navigation|menu|menus|breadcrumbs?|crumbs?|share|footer|foot)(?:[-_\d].*)?$/i;

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function isHidden(el: Element): boolean {
  if (el.attrs.some((a) => a.name === 'hidden')) return true;
  if (attr(el, 'type')?.toLowerCase() === 'hidden') return true;
  const style = (attr(el, 'style') ?? '').toLowerCase().replace(/\s+/g, '');
  return style.includes('display:none') || style.includes('visibility:hidden');
}

function isChrome(el: Element): boolean {
  if (attr(el, 'role') === 'navigation') return true;
  const words = `${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`.split(/\s+/).filter(Boolean);
  return words.some((w) => CHROME.test(w));
}

function skipped(el: Element): boolean {
  return SKIP.has(el.tagName) || isHidden(el) || isChrome(el);
}

function lineOf(node: Node): number | undefined {
  return (node as { sourceCodeLocation?: { startLine: number } | null }).sourceCodeLocation?.startLine;
}

/** The line of the first visible character of a text node that starts on line `start`. */
function textLine(value: string, start: number | undefined): number | undefined {
  if (start === undefined) return undefined;
  const lead = /^[ \t\n\r\f\u00a0]*/.exec(value)?.[0] ?? '';
  return start + (lead.match(/\n/g)?.length ?? 0);
}

/** HTML white space collapses; &nbsp; counts as a space here. U+3000 is text and stays inside. */
function collapse(text: string): string {
  return text.replace(/[ \t\n\r\f\u00a0]+/g, ' ');
}

function clean(text: string): string {
  return collapse(text.replace(CONTROL, '')).replace(/^\s+|\s+$/g, '');
}

/** Control characters that leak into pages from pasted documents; they are not text. */
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

/** Gathers inline text until a block boundary; `emit` receives each finished line. */
class LineBuffer {
  private parts: string[] = [];
  private line: number | undefined;

  constructor(private readonly emit: (text: string, line: number | undefined) => void) {}

  add(text: string, line: number | undefined): void {
    if (this.line === undefined && /[^\s]/.test(text.replace(/\u00a0/g, ' '))) this.line = line;
    this.parts.push(text);
  }

  flush(): void {
    const text = clean(this.parts.join(''));
    if (text) this.emit(text, this.line);
    this.parts = [];
    this.line = undefined;
  }
}

/** Walks inline and block content, handing finished lines to a buffer; shared by page and cell. */
function walkText(node: Node, buffer: LineBuffer, onTable: (el: Element) => void, pre = false): void {
  if (node.nodeName === '#text') {
    const value = (node as DefaultTreeAdapterMap['textNode']).value;
    const start = lineOf(node);
    if (!pre) return buffer.add(value, textLine(value, start));
    value.split(/\r?\n/).forEach((part, i) => {
      if (i > 0) buffer.flush();
      buffer.add(part, start === undefined ? undefined : start + i);
    });
    return;
  }
  if (!isElement(node)) {
    if ('childNodes' in node) for (const child of node.childNodes) walkText(child, buffer, onTable, pre);
    return;
  }
  if (skipped(node)) return;
  const tag = node.tagName;
  if (tag === 'br' || tag === 'hr') return buffer.flush();
  if (tag === 'table') {
    buffer.flush();
    return onTable(node);
  }
  const block = BLOCK.has(tag);
  if (block) buffer.flush();
  for (const child of node.childNodes) walkText(child, buffer, onTable, pre || tag === 'pre');
  if (block) buffer.flush();
}

class PageReader {
  readonly blocks: Block[] = [];
  private tables = 0;
  private readonly buffer = new LineBuffer((text, line) =>
    this.blocks.push({ type: 'paragraph', text, loc: { block: this.blocks.length, ...(line !== undefined ? { line } : {}) } }),
  );

  walk(node: Node): void {
    walkText(node, this.buffer, (el) => this.table(el));
  }

  flush(): void {
    this.buffer.flush();
  }

  private table(el: Element): void {
    const caption = el.childNodes.find((c): c is Element => isElement(c) && c.tagName === 'caption');
    if (caption && !skipped(caption)) {
      this.walk(caption);
      this.flush();
    }
    const rows = tableRows(el);
    if (isLayoutTable(el, rows)) {
      // Read through the frame: its cells' content flows as paragraphs and inner tables.
      for (const row of rows) for (const cell of cellsOf(row)) {
        this.walk(cell);
        this.flush();
      }
      return;
    }
    const source: SourceCell[][] = rows.map((row) =>
      cellsOf(row).map((cell) => ({
        text: cellText(cell),
        rowSpan: spanOf(attr(cell, 'rowspan'), 'row'),
        colSpan: spanOf(attr(cell, 'colspan'), 'col'),
        line: lineOf(cell),
      })),
    );
    const grid = buildGrid(source);
    if (grid.length === 0 || grid[0].length === 0) return;
    const block = this.blocks.length;
    const table = this.tables++;
    const cells: Cell[][] = grid.map((row, r) =>
      row.map((slot, c) => {
        const cell: Cell = {
          text: slot.text,
          loc: { block, table, row: r, col: c, ...(slot.line !== undefined ? { line: slot.line } : {}) },
        };
        if (slot.mergedFrom) cell.mergedFrom = slot.mergedFrom;
        if (slot.rowSpan) cell.rowSpan = slot.rowSpan;
        if (slot.colSpan) cell.colSpan = slot.colSpan;
        return cell;
      }),
    );
    const line = lineOf(el);
    this.blocks.push({ type: 'table', rows: cells, loc: { block, table, ...(line !== undefined ? { line } : {}) } });
  }
}

/** The rows of this table (not of tables nested in it), in source order, hidden ones left out. */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.childNodes) {
    if (!isElement(child) || isHidden(child)) continue;
    if (child.tagName === 'tr') rows.push(child);
    else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) {
      for (const row of child.childNodes) if (isElement(row) && row.tagName === 'tr' && !isHidden(row)) rows.push(row);
    }
  }
  return rows;
}

function cellsOf(row: Element): Element[] {
  return row.childNodes.filter((c): c is Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th') && !isHidden(c));
}

function containsTable(node: Node): boolean {
  if (!('childNodes' in node)) return false;
  return node.childNodes.some((c) => isElement(c) && (c.tagName === 'table' || containsTable(c)));
}

/** A table that frames the page rather than tabulating: it holds tables or headings, or is one cell. */
function isLayoutTable(table: Element, rows: Element[]): boolean {
  if (attr(table, 'role') === 'presentation') return true;
  const cells = rows.flatMap(cellsOf);
  if (cells.length === 1) return true;
  return cells.some((cell) => containsTable(cell) || containsHeading(cell));
}

function containsHeading(node: Node): boolean {
  if (!('childNodes' in node)) return false;
  return node.childNodes.some((c) => isElement(c) && (/^h[1-6]$/.test(c.tagName) || containsHeading(c)));
}

/** A cell's text: its lines (from `<br>` and block elements) joined by newlines. */
function cellText(cell: Element): string {
  const lines: string[] = [];
  const buffer = new LineBuffer((text) => lines.push(text));
  // A stray table inside a data cell contributes its text rather than being lost.
  const inner = (el: Element) => walkText({ ...el, tagName: 'div', nodeName: 'div' } as Element, buffer, inner);
  for (const child of cell.childNodes) walkText(child, buffer, inner);
  buffer.flush();
  return lines.join('\n');
}
